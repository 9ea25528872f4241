/** JSON pointer helpers (RFC 6901) for schema locations, and JSON paths for value locations. */

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `#/a/b` + `c` = `#/a/b/c`. */
export function childPointer(pointer: string, ...tokens: (string | number)[]): string {
  return tokens.reduce<string>((out, token) => `${out}/${escapePointerToken(String(token))}`, pointer);
}

/** Resolves a local pointer (`#`, `#/definitions/x`) in a document; undefined when it does not exist. */
export function resolvePointer(document: unknown, pointer: string): unknown {
  if (pointer === '#' || pointer === '') return document;
  if (!pointer.startsWith('#/')) return undefined;
  let current: unknown = document;
  for (const raw of pointer.slice(2).split('/')) {
    const token = unescapePointerToken(decodeURIComponent(raw));
    if (Array.isArray(current)) current = current[Number(token)];
    else if (typeof current === 'object' && current !== null && Object.hasOwn(current, token)) current = (current as Record<string, unknown>)[token];
    else return undefined;
  }
  return current;
}

/** A location in a value: property names and array indices from the root. */
export type JsonPath = readonly (string | number)[];

/** `$.items[0].name`, with bracket notation for names that are not identifiers. */
export function formatPath(path: JsonPath): string {
  let out = '$';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** JSON pointer of a value location (`/items/0/name`), as validators report instance paths. */
export function pathToPointer(path: JsonPath): string {
  return path.map((segment) => `/${escapePointerToken(String(segment))}`).join('');
}

/** Parses an instance pointer (`/items/0/name`) back into a path; numeric tokens become indices. */
export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => unescapePointerToken(token))
    .map((token) => (/^(0|[1-9][0-9]*)$/.test(token) ? Number(token) : token));
}

/** Whether `prefix` is a prefix of `path` (or equal to it). */
export function isPathPrefix(prefix: JsonPath, path: JsonPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => String(segment) === String(path[index]));
}
