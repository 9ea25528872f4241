import type { HoleReport } from '@lacuna/infill';

/**
 * Two arguments of one call copied from the same words: when the conversation states a value once, one mention
 * fills one argument (an origin and a destination are two cities), so of two arguments holding it, the one the
 * model was less sure of is the mistake. A value stated twice ("from Lyon back to Lyon") may fill both. An
 * argument chosen from a list (an enum: `room_type: "single"`) keeps the value against a copied one, which is
 * the one that took a word meant for the other.
 *
 * The same holds for a value the conversation states only inside another argument's value ("Philadelphia" and
 * "Philadelphia, arrival", "Clearwater" and "Clearwater Labs"): the two are one mention, and the less sure copy goes;
 * and for a copy that lies only inside a date or time another argument read ("2027" of "September 14, 2027"): the
 * date keeps its mention.
 *
 * `copied` are the call's arguments grounded in the conversation, the only ones rejected here. Returns them with
 * their messages; the argument kept is named in each message so the model reads which value is taken.
 */
export function repeatedValueIssues(input: {
  readonly arguments: Record<string, unknown>;
  readonly copied: ReadonlySet<string>;
  /** The conversation the copies come from. */
  readonly context: string;
  /**
   * Where the conversation states the dates and times the call's arguments hold (offsets into `context`), and which
   * argument holds each: a copy that lies only inside them is a piece of a date another argument read.
   */
  readonly readMentions?: readonly { readonly at: number; readonly end: number; readonly by: string }[];
  /** How many times the conversation states a value. */
  readonly timesStated: (value: string) => number;
  /** The least confidence of an argument's committed tokens (1 when it has none). */
  readonly confidenceOf: (name: string) => number;
}): { name: string; kept: string; taken?: string; message: string }[] {
  const issues: { name: string; kept: string; taken?: string; message: string }[] = [];
  const holders = new Map<string, string[]>();
  for (const [name, value] of Object.entries(input.arguments)) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    holders.set(value, [...(holders.get(value) ?? []), name]);
  }
  for (const [value, names] of holders) {
    if (names.length < 2 || input.timesStated(value) !== 1) continue;
    // A chosen argument keeps the value, else the most confident copy; a tie keeps the first in the call's order.
    const chosen = names.filter((name) => !input.copied.has(name));
    const kept = chosen[0] ?? names.reduce((best, name) => (input.confidenceOf(name) > input.confidenceOf(best) ? name : best));
    for (const name of names) {
      if (name === kept || !input.copied.has(name)) continue;
      issues.push({ name, kept, message: `${name}: ${JSON.stringify(value)} is stated once and \`${kept}\` holds it already.` });
    }
  }
  const copies = Object.entries(input.arguments).filter(
    (entry): entry is [string, string] => input.copied.has(entry[0]) && typeof entry[1] === 'string' && entry[1].trim() !== '' && !issues.some((issue) => issue.name === entry[0]),
  );
  for (const [inner, innerValue] of copies) {
    for (const [outer, outerValue] of copies) {
      if (inner === outer || innerValue === outerValue || !outerValue.includes(innerValue) || !onlyInside(input.context, innerValue, outerValue)) continue;
      if (issues.some((issue) => issue.name === inner || issue.name === outer)) continue;
      const [name, kept] = input.confidenceOf(inner) < input.confidenceOf(outer) ? [inner, outer] : [outer, inner];
      issues.push({ name, kept, message: `${name}: ${JSON.stringify(input.arguments[name])} and \`${kept}\`'s ${JSON.stringify(input.arguments[kept])} are one mention of the conversation.` });
    }
  }
  for (const [name, value] of copies) {
    if (issues.some((issue) => issue.name === name)) continue;
    const mention = mentionAround(input.context, value, input.readMentions ?? []);
    if (mention === undefined || mention.by === name) continue;
    const taken = input.context.slice(mention.at, mention.end);
    issues.push({ name, kept: mention.by, taken, message: `${name}: ${JSON.stringify(value)} is part of ${JSON.stringify(taken)}, which \`${mention.by}\` holds.` });
  }
  return issues;
}

/** The date or time mention another argument read that holds every statement of `value` in the conversation, if one does. */
function mentionAround<M extends { readonly at: number; readonly end: number }>(context: string, value: string, mentions: readonly M[]): M | undefined {
  let around: M | undefined;
  for (const at of startsOf(context, value)) {
    const mention = mentions.find((candidate) => at >= candidate.at && at + value.length <= candidate.end);
    if (mention === undefined) return undefined;
    around ??= mention;
  }
  return around;
}

/** Whether the conversation states `outer` (which holds `inner`), and `inner` only inside its statements of `outer`. */
function onlyInside(context: string, inner: string, outer: string): boolean {
  const outerStarts = startsOf(context, outer);
  return outerStarts.length > 0 && startsOf(context, inner).every((at) => outerStarts.some((start) => at >= start && at + inner.length <= start + outer.length));
}

/** Every offset where `value` starts in `text`, overlapping statements included. */
export function startsOf(text: string, value: string): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) starts.push(at);
  return starts;
}

/** The least confidence of a hole's sampled tokens; 1 when it has none (forced tokens, the only ones allowed, do not count). */
export function leastConfidence(hole: HoleReport | undefined): number {
  const confidences = (hole?.confidences ?? []).filter((confidence) => Number.isFinite(confidence) && confidence < 1);
  return confidences.length === 0 ? 1 : Math.min(...confidences);
}

/** How many times a value occurs in a text, mentions not overlapping. */
export function occurrences(text: string, value: string): number {
  let count = 0;
  for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + value.length)) count++;
  return count;
}
