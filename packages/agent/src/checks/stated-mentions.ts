import { EMAIL } from './grounding.js';
import { labelRegions } from './labelled-values.js';
import { startsOf } from './repeated-values.js';
import { dateAndTimeMentions, type DateReading } from './stated-dates-and-times.js';

/**
 * A value a request states in a shape that marks it as an argument's: a date or a time, an e-mail address, a number
 * written in digits, a text in double quotes. A plan that holds it in no call has lost something the user asked
 * for (a whole call, or an argument).
 */
export interface StatedMention {
  readonly kind: 'date-or-time' | 'email' | 'number' | 'quote';
  /** Where the request states it (UTF-16 offsets) and how. */
  readonly at: number;
  readonly end: number;
  readonly text: string;
  /** The values an argument may hold for it: a date or time as schemas write it (a bare "7:15" reads two ways). */
  readonly values: readonly string[];
}

const EMAILS = new RegExp(EMAIL.source, 'g');
/** Digits, with thousands separators and decimals, that stand alone or inside a code ("R1576218", "JG69 BCP"). */
const NUMBERS = /\d[\d,]*(?:\.\d+)?/g;
/** Texts in double quotes, curly ones, or single ones that no word stands outside of ("'dinner at Nando's'"). */
const QUOTES = /"([^"\n]{2,})"|“([^”\n]{2,})”|(?<![\p{L}\p{N}])'(?=[\p{L}\p{N}])((?:[^'\n]|'(?=[\p{L}\p{N}])){2,}?)'(?![\p{L}\p{N}])/gu;
/** "2 hours" may be held as the minutes a duration argument asks for. */
const HOURS_AFTER = /^[\s-]*(?:hours?|hrs?)\b/i;

/** The texts a text quotes (`QUOTES`), without their quotes, in order. */
export function quotedTexts(text: string): string[] {
  return [...text.matchAll(QUOTES)].map(quotedText).filter((quoted) => quoted !== '');
}

/** What a match of `QUOTES` quotes, whichever quotes it is in. */
function quotedText(match: RegExpMatchArray): string {
  return (match[1] ?? match[2] ?? match[3] ?? '').trim();
}

/** The texts a text quotes (`QUOTES`), as mentions: where each quote stands, and its words without the quotes. */
export function quoteMentions(text: string): StatedMention[] {
  return [...text.matchAll(QUOTES)].flatMap((match): StatedMention[] => {
    const quoted = quotedText(match);
    return quoted === '' ? [] : [{ kind: 'quote', at: match.index, end: match.index + match[0].length, text: match[0], values: [quoted] }];
  });
}

/** The values a text states in an argument's shape (`StatedMention`), in text order; a quoted text is one. */
export function statedMentions(text: string, reading: DateReading = {}): StatedMention[] {
  const mentions: StatedMention[] = [];
  const taken = new Array<boolean>(text.length).fill(false);
  const add = (kind: StatedMention['kind'], at: number, end: number, values: readonly string[]) => {
    mentions.push({ kind, at, end, text: text.slice(at, end), values });
    for (let index = at; index < end; index++) taken[index] = true;
  };
  const byPlace = new Map<string, { at: number; end: number; values: string[] }>();
  for (const mention of dateAndTimeMentions(text, reading)) {
    const key = `${mention.at}:${mention.end}`;
    const known = byPlace.get(key);
    if (known === undefined) byPlace.set(key, { at: mention.at, end: mention.end, values: [mention.value] });
    else known.values.push(mention.value);
  }
  for (const { at, end, values } of byPlace.values()) add('date-or-time', at, end, values);
  for (const match of text.matchAll(EMAILS)) add('email', match.index, match.index + match[0].length, [match[0]]);
  mentions.push(...quoteMentions(text));
  for (const match of text.matchAll(NUMBERS)) {
    const at = match.index;
    const end = at + match[0].replace(/,+$/, '').length;
    // The day of a date, the hour of a time and the digits of an address are theirs.
    if (taken.slice(at, end).some(Boolean)) continue;
    const digits = text.slice(at, end);
    const number = Number(digits.replace(/,/g, ''));
    const values = [digits, String(number)];
    if (HOURS_AFTER.test(text.slice(end))) values.push(String(number * 60));
    mentions.push({ kind: 'number', at, end, text: digits, values });
  }
  // A quoted text is one value: the dates and numbers inside it are its words ("urgent, needed by noon").
  const quotes = mentions.filter((mention) => mention.kind === 'quote');
  return mentions.filter((mention) => mention.kind === 'quote' || !quotes.some((quote) => quote.at <= mention.at && mention.end <= quote.end)).sort((left, right) => left.at - right.at);
}

/**
 * The mentions (`statedMentions`) no argument of the calls holds: a date or time, address or number is held by an
 * argument whose value is one of its values or writes it within a longer text (an e-mail body that quotes it); a
 * quote, by an argument that writes its words (edge punctuation and case aside) or at least half of them.
 */
export function uncoveredMentions(mentions: readonly StatedMention[], calls: readonly { readonly arguments: Record<string, unknown> }[]): StatedMention[] {
  const held = calls.flatMap((call) => leavesOf(call.arguments)).map((value) => String(value));
  return mentions.filter((mention) => !held.some((value) => holds(value, mention)));
}

function holds(value: string, mention: StatedMention): boolean {
  if (mention.values.includes(value)) return true;
  // A number within a text is its digits, not a digit of a longer number ("1" of "2025-10-14").
  if (mention.kind === 'number') return new RegExp(`(?<![\\d.,])${mention.text.replace(/\./g, '\\.')}(?![\\d])`).test(value);
  if (mention.kind !== 'quote') return value.includes(mention.text) || mention.values.some((written) => value.includes(written));
  const quoted = plain(mention.values[0] as string);
  const written = plain(value);
  return written.includes(quoted) || (written.length * 2 >= quoted.length && quoted.includes(written) && written !== '');
}

/** Lower case, without the punctuation and spaces at either end. */
function plain(text: string): string {
  return text.toLowerCase().replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
}

/** The strings, numbers and booleans a value holds, at any depth, in order. */
export function leavesOf(value: unknown): (string | number | boolean)[] {
  if (Array.isArray(value)) return value.flatMap(leavesOf);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(leavesOf);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? [value] : [];
}

/**
 * The mentions a request gives for calls a plan has, which an argument of those calls should hold (not a call the
 * plan left out): a mention a few words after the name of an argument the call's tool takes ("licence plate is VX54
 * KZW", "notes: \"quiet room\""), or one that continues, past a space, a value a call copied ("0810 57" after an
 * IBAN copied as "DS79 0726 6443 7712").
 */
export function mentionsOfCalls(
  mentions: readonly StatedMention[],
  calls: readonly { readonly arguments: Record<string, unknown>; readonly properties: Readonly<Record<string, { readonly description?: string }>> }[],
  text: string,
): StatedMention[] {
  const regions = calls.flatMap((call) => labelRegions(call.properties, text));
  const copies = calls.flatMap((call) =>
    leavesOf(call.arguments).flatMap((value) => (typeof value === 'string' && value.trim() !== '' ? startsOf(text, value).map((at) => ({ at, end: at + value.length })) : [])),
  );
  const beside = (mention: StatedMention, span: { at: number; end: number }) => /^\s{1,2}$/.test(text.slice(span.end, mention.at)) || /^\s{1,2}$/.test(text.slice(mention.end, span.at));
  const ofCalls = mentions.filter((mention) =>
    regions.some((region) => region.labelEnd <= mention.at && mention.at < region.end && wordsIn(text.slice(region.labelEnd, mention.at)) <= NAME_GAP_WORDS),
  );
  // A value goes on past the copy as long as mentions follow one another ("0810", then "57").
  for (let grown = true; grown; ) {
    const spans = [...copies, ...ofCalls];
    const next = mentions.filter((mention) => !ofCalls.includes(mention) && spans.some((span) => beside(mention, span)));
    ofCalls.push(...next);
    grown = next.length > 0;
  }
  return mentions.filter((mention) => ofCalls.includes(mention));
}

/** Words that may stand between an argument's name and its value ("is", "of the"). */
const NAME_GAP_WORDS = 2;

function wordsIn(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}
