import { phrasePattern } from './argument-labels.js';

/**
 * The members of an enum the conversation names, each as infill's `ground` names it (a string as itself, a number
 * as its JSON text), in the enum's order. A member is named when its words stand in the text as words of their
 * own, case aside, with `_`, `-` and spaces between them read alike: `premium_economy` is named by "premium
 * economy", `type_2` by "Type-2", `chat` by "contact channel chat" but not by "chatty". A mention inside a longer
 * member's mention is that member's ("premium economy" does not name `economy`). A number is named by its digits,
 * never inside another number (5 is not named by "2025" nor by "5.5"), whether the enum writes it as a number or
 * a string. Booleans and null are never named: "no" and "without" say false in too many ways to read by words.
 */
export function statedMembers(context: string, members: readonly unknown[]): string[] {
  const text = context.toLowerCase();
  const found: { written: string; spans: [number, number][] }[] = [];
  for (const member of members) {
    const written = typeof member === 'string' ? member : typeof member === 'number' ? JSON.stringify(member) : undefined;
    if (written === undefined) continue;
    const words = written.toLowerCase().split(/[\s_-]+/u).filter((word) => word !== '');
    if (words.length === 0 || !words.some((word) => /[\p{L}\p{N}]/u.test(word))) continue;
    // Nor is a member part of a longer number: no decimal point or comma joins it to more digits ("5" of "5.5").
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?<!\\d[.,])${phrasePattern(words)}(?![\\p{L}\\p{N}])(?![.,]\\d)`, 'gu');
    const spans = [...text.matchAll(pattern)].map((match): [number, number] => [match.index, match.index + match[0].length]);
    if (spans.length > 0) found.push({ written, spans });
  }
  // "premium economy" names premium_economy, not economy: a mention inside a longer member's mention is that member's.
  const inside = ([start, end]: [number, number], other: [number, number]) => other[0] <= start && end <= other[1] && other[1] - other[0] > end - start;
  return found
    .filter(({ spans }) => spans.some((span) => !found.some((other) => other.spans.some((longer) => inside(span, longer)))))
    .map(({ written }) => written);
}
