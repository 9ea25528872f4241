import type { Example, JsonSchema } from './example-types.js';

/** Checks shared by the tests and `check-corpus.ts`. */

/** Every leaf value under `value`, with its JSON path. */
export function leaves(value: unknown, path: string): [string, unknown][] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, inner]) => leaves(inner, `${path}.${key}`));
  }
  return [[path, value]];
}

/** The (path, value, source text) triples whose grounding an example claims. */
export function groundedValues(example: Example): { path: string; value: unknown; source: string }[] {
  switch (example.kind) {
    case 'tool_call':
    case 'procedural_tool_call':
      return example.calls.flatMap((call, index) => leaves(call.arguments, `$.calls[${index}].arguments`).map(([path, value]) => ({ path, value, source: example.request })));
    case 'answer_from_result':
      return leaves(example.call.arguments, '$.call.arguments').map(([path, value]) => ({ path, value, source: example.request }));
    case 'extraction':
      return leaves(example.output, '$.output').map(([path, value]) => ({ path, value, source: example.text }));
    default:
      return [];
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A small validator for the JSON Schema subset the procedural tools and extraction schemas use. */
export function schemaErrors(schema: JsonSchema, value: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const properties = schema.properties ?? {};
  for (const name of schema.required ?? []) if (!(name in value)) errors.push(`missing ${name}`);
  for (const [name, field] of Object.entries(value)) {
    const property = properties[name];
    if (property === undefined) {
      errors.push(`unknown ${name}`);
      continue;
    }
    if (property.enum !== undefined && !property.enum.includes(field as string)) errors.push(`${name} not in enum`);
    if (property.type === 'string' && (typeof field !== 'string' || field.length === 0)) errors.push(`${name} not a string`);
    if (property.type === 'integer' && !Number.isInteger(field)) errors.push(`${name} not an integer`);
    if (property.type === 'number' && typeof field !== 'number') errors.push(`${name} not a number`);
    if (property.type === 'boolean' && typeof field !== 'boolean') errors.push(`${name} not a boolean`);
    if (typeof field === 'number' && property.minimum !== undefined && field < property.minimum) errors.push(`${name} below minimum`);
    if (typeof field === 'number' && property.maximum !== undefined && field > property.maximum) errors.push(`${name} above maximum`);
    if (property.format === 'date' && (typeof field !== 'string' || !ISO_DATE.test(field) || Number.isNaN(Date.parse(`${field}T00:00:00Z`)))) errors.push(`${name} not a date`);
    if (property.format === 'email' && (typeof field !== 'string' || !/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(field))) errors.push(`${name} not an email`);
    if (property.pattern !== undefined && (typeof field !== 'string' || !new RegExp(property.pattern).test(field))) errors.push(`${name} does not match ${property.pattern}`);
  }
  return errors;
}

/** The words an example shows the model, without the tool menus (which name no entities). */
export function visibleText(example: Example): string {
  const { tools: _tools, ...rest } = example as Example & { tools?: unknown };
  return JSON.stringify(rest);
}

/**
 * Finds which needles occur in a text as whole words (case-sensitive), in one pass over the text:
 * needles are indexed by their first word and compared only where that word occurs.
 */
export function createEntityScanner(needles: readonly string[]): (text: string) => string[] {
  const byFirstWord = new Map<string, string[]>();
  for (const needle of needles) {
    const first = /[\p{L}\p{N}]+/u.exec(needle)?.[0];
    if (first !== undefined) byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), needle]);
  }
  const isWordCharacter = (character: string | undefined): boolean => character !== undefined && /[\p{L}\p{N}]/u.test(character);
  return (text) => {
    const found: string[] = [];
    for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      for (const needle of byFirstWord.get(match[0]) ?? []) {
        const start = match.index - needle.indexOf(match[0]);
        if (start < 0 || !text.startsWith(needle, start)) continue;
        if (!isWordCharacter(text[start - 1]) && !isWordCharacter(text[start + needle.length])) found.push(needle);
      }
    }
    return found;
  };
}
