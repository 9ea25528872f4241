import { inTextOrder, type FoundAt } from './in-text-order.js';

const UNITS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** A count as people write it before a unit: digits ("25", "1.5"), words ("twenty-five", "twenty five"), "a", "an". */
const COUNT = String.raw`\d+(?:\.\d+)?|(?:${Object.keys(TENS).join('|')})(?:[- ](?:${Object.keys(UNITS).slice(1, 10).join('|')}))?|${Object.keys(UNITS).join('|')}|an?`;
/** Between a count and its unit: "25 minutes", "25-minute", "25min". */
const JOIN = String.raw`[- ]?`;
const MINUTES = String.raw`(?:minutes?|mins?)\b`;
const HOURS = String.raw`(?:hours?|hrs?)\b`;

function countOf(text: string): number {
  const words = text.toLowerCase().split(/[- ]/);
  if (/^\d/.test(text)) return Number(text);
  if (words[0] === 'a' || words[0] === 'an') return 1;
  return words.reduce((sum, word) => sum + (TENS[word] ?? UNITS[word] ?? 0), 0);
}

/** Durations said in fixed phrases, in minutes; longest first, so "an hour and a half" is not read as "an hour". */
const PHRASES: readonly (readonly [RegExp, (match: RegExpExecArray) => number])[] = [
  [new RegExp(String.raw`\b(${COUNT}) and a half${JOIN}${HOURS}`, 'gi'), (match) => countOf(match[1] as string) * 60 + 30],
  [new RegExp(String.raw`\b(${COUNT})${JOIN}${HOURS} and a half\b`, 'gi'), (match) => countOf(match[1] as string) * 60 + 30],
  [new RegExp(String.raw`\b(${COUNT})${JOIN}${HOURS},? and (${COUNT})${JOIN}${MINUTES}`, 'gi'), (match) => countOf(match[1] as string) * 60 + countOf(match[2] as string)],
  [/\bthree[- ]quarters of an hour\b/gi, () => 45],
  [/\b(?:a )?quarter of an hour\b/gi, () => 15],
  [/\bhalf (?:an )?hour\b|\bhalf-hour\b/gi, () => 30],
  [new RegExp(String.raw`\b(${COUNT})${JOIN}${HOURS}`, 'gi'), (match) => countOf(match[1] as string) * 60],
  [new RegExp(String.raw`\b(${COUNT})${JOIN}${MINUTES}`, 'gi'), (match) => countOf(match[1] as string)],
];

/**
 * The lengths of time a text states, in whole minutes, as set_timer's `minutes` and create_event's
 * `duration_minutes` want them: "25 minutes", "a 5-minute timer", "twenty-five mins" are 25 and 5; "an hour", "a
 * 2-hour event", "1.5 hours" 60, 120 and 90; "half an hour", "three quarters of an hour", "an hour and a half",
 * "2 hours and 15 minutes" 30, 45, 90 and 135. Each stretch of text is read once, by the longest phrase that takes
 * it ("an hour and a half" is not also an hour). Without this reader the agent grounds a number in the digits and
 * number words a request holds, which offer 3 for "three quarters of an hour" and 1 for "a one-hour timer", and
 * not the minutes meant.
 */
export function minutesIn(text: string): string[] {
  const taken: [number, number][] = [];
  const found: FoundAt<string>[] = [];
  for (const [pattern, minutes] of PHRASES) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some(([from, to]) => start < to && from < end)) continue;
      taken.push([start, end]);
      const value = minutes(match as RegExpExecArray);
      if (Number.isInteger(value) && value > 0) found.push({ at: start, value: String(value) });
    }
  }
  return inTextOrder(found);
}
