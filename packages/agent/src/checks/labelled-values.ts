import { argumentLabels, labelMentions } from './argument-labels.js';
import { startsOf } from './repeated-values.js';

/** Where the conversation names an argument, and the text after the name up to where it names another one. */
export interface Region {
  readonly name: string;
  readonly at: number;
  readonly labelEnd: number;
  readonly end: number;
}

/**
 * Copies taken from where the conversation gives another argument (strings, and numbers it writes in digits). A
 * request that names its arguments ("reference number: REF-32960, notes: \"second floor\"", "for meter ID M12385085
 * and account ID ACC-524169") gives each value after its name; a copy that lies only after another argument's name (or inside that name: `requested_by: "title"`
 * of "document title") is that argument's, while the argument's own name is followed by something else. A copy the
 * conversation also states elsewhere, or that lies after the argument's own name, is left alone, as is an argument
 * the conversation never names ("add reset the router to my tasks" names `task` after its value, and no other
 * argument's name holds it).
 *
 * Returns each such argument with the argument whose words it took and `within`: the texts after its own name, which a
 * repair copies from instead.
 */
export function labelledValueIssues(input: {
  readonly arguments: Record<string, unknown>;
  /** The call's arguments copied from the conversation, the only ones judged. */
  readonly copied: ReadonlySet<string>;
  /** The tool's properties, for their descriptions. */
  readonly properties: Readonly<Record<string, { readonly description?: string }>>;
  readonly context: string;
}): { name: string; owner: string; within: string[]; message: string }[] {
  const text = input.context.toLowerCase();
  const regions = labelRegions(input.properties, input.context);
  if (regions.length === 0) return [];
  const issues: { name: string; owner: string; within: string[]; message: string }[] = [];
  for (const [name, value] of Object.entries(input.arguments)) {
    if (!input.copied.has(name) || !(typeof value === 'number' || (typeof value === 'string' && value.trim() !== ''))) continue;
    const own = regions.filter((region) => region.name === name);
    if (own.length === 0) continue;
    // A number is found where the conversation writes it in digits, not inside a longer number ("3" of "2023").
    const copy = typeof value === 'number' ? String(value) : value.toLowerCase();
    const starts = typeof value === 'number' ? startsOf(text, copy).filter((at) => !/[\d.]/.test(text[at - 1] ?? '') && !/^\.?\d/.test(text.slice(at + copy.length))) : startsOf(text, copy);
    const owners: string[] = [];
    let free = false;
    for (const at of starts) {
      const end = at + copy.length;
      if (own.some((region) => region.labelEnd <= at && end <= region.end)) {
        free = true;
        break;
      }
      const owner = regions.find((region) => region.name !== name && ((region.labelEnd <= at && end <= region.end) || (at < region.labelEnd && region.at < end)));
      if (owner === undefined) {
        free = true;
        break;
      }
      owners.push(owner.name);
    }
    const within = textsAfterLabel(regions, name, input.context);
    if (free || owners.length === 0 || within.length === 0) continue;
    const owner = owners[0] as string;
    const label = input.context.slice((own[0] as Region).at, (own[0] as Region).labelEnd);
    issues.push({ name, owner, within, message: `${name}: ${JSON.stringify(value)} is what the conversation gives for \`${owner}\`; copy the value it gives after "${label}".` });
  }
  return issues;
}

/** Where the conversation names each argument, each mention with the text after it up to the next argument's name. */
export function labelRegions(properties: Readonly<Record<string, { readonly description?: string }>>, context: string): Region[] {
  const named = Object.entries(properties).flatMap(([name, property]) =>
    labelMentions(context, argumentLabels(name, property.description)).map((mention) => ({ name, at: mention.at, labelEnd: mention.end })),
  );
  return named.map((mention) => {
    const next = named.filter((other) => other.name !== mention.name && other.at >= mention.labelEnd).map((other) => other.at);
    return { ...mention, end: Math.min(context.length, ...next) };
  });
}

/** The texts after an argument's own name, up to the next argument's name: where the conversation gives its value. */
export function textsAfterLabel(regions: readonly Region[], name: string, context: string): string[] {
  return regions
    .filter((region) => region.name === name)
    .map((region) => context.slice(region.labelEnd, region.end))
    .filter((piece) => /[\p{L}\p{N}]/u.test(piece));
}
