import type { ToolDefinition } from '../tools/tool.js';
import { insideLongerMention } from './argument-labels.js';
import { isFunctionWord } from './function-words.js';
import { holdsStatedValue, numbersInDigits, numbersInWords, readerFinds } from './grounding.js';
import { labelRegions } from './labelled-values.js';
import { startsOf } from './repeated-values.js';
import type { DateReading } from './stated-dates-and-times.js';
import { leavesOf, quoteMentions, statedMentions, uncoveredMentions } from './stated-mentions.js';

/** A part of a request that asks for one thing ("and play something by Neon Cathedral"), where the request has it. */
export interface RequestClause {
  /** UTF-16 offsets in the request. */
  readonly at: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Where one request part ends and the next begins: the end of a sentence, or a conjunction that chains requests
 * ("and", "and then", "and also", "then", "also", "plus", "as well as"), with or without a comma before it. A
 * sentence may end inside a quote ("say \"The car is ready.\" Also, ..."); the stop of "p.m.", "e.g." or an initial
 * ends none.
 */
const CLAUSE_BREAK = /(?<!\b(?:[ap]\.m|e\.g|i\.e|[A-Za-z]|Mr|Mrs|Ms|Dr|St|vs))[.!?;]+\s+|,?\s+(?:and\s+then|and\s+also|as\s+well\s+as|and(?!\s+an?\s+(?:half|quarter)\b)|then|also|plus)\s+|,\s+(?=(?:then|also|plus)\b)/giu;

/** A sentence that ends inside a quote, where the next one starts with a capital (case matters: no `i` flag). */
const QUOTED_SENTENCE_END = /(?<=[.!?]["”])\s+(?=\p{Lu})/gu;

/** Spaces and chaining words at the start of a part. */
const LEADING_CONNECTORS = /^(?:\s|(?:and|also|then|plus)(?![\p{L}\p{N}])[,\s]*)+/iu;

/**
 * Words that ask or thank without saying for what ("could you", "please", "thanks", "quick one"): a part made of them
 * and function words asks for nothing a call could do.
 */
const POLITE_WORDS: ReadonlySet<string> = new Set([
  'can', 'could', 'would', 'will', 'you', 'pls', 'plz', 'thanks', 'thank', 'thx', 'cheers', 'hey', 'hi', 'hello',
  'ok', 'okay', 'quick', 'one', 'it', 'this', 'that', 'too', 'as', 'well', 'now', 'rn', 'asap', 'if', 'possible',
  'mind', 'need', 'want', 'like', "i'd", 'd', 'be', 'able', 'kindly', 'just', 'for', 'me', 'lot', 'much', 'very',
  'go', 'ahead',
]);

/**
 * The parts of a request (`RequestClause`), in order, split where a sentence ends or a conjunction chains another
 * request, but never inside a quoted text (an e-mail body may say "and"). A part that asks for nothing (`asksNothing`)
 * is left out.
 */
export function requestClauses(request: string): RequestClause[] {
  const quotes = quoteMentions(request);
  const clauses: RequestClause[] = [];
  let from = 0;
  const close = (end: number) => {
    const raw = request.slice(from, end);
    // "Also, play jazz" after a full stop asks to "play jazz".
    const lead = raw.length - raw.replace(LEADING_CONNECTORS, '').length;
    const text = raw.slice(lead).trim();
    if (text !== '' && !asksNothing(text)) clauses.push({ at: from + lead, end: from + lead + text.length, text });
  };
  const breaks = [...request.matchAll(CLAUSE_BREAK), ...request.matchAll(QUOTED_SENTENCE_END)].sort((left, right) => left.index - right.index);
  for (const match of breaks) {
    if (quotes.some((quote) => quote.at < match.index + match[0].length && match.index < quote.end)) continue;
    close(match.index);
    from = match.index + match[0].length;
  }
  close(request.length);
  return clauses;
}

/**
 * Whether a part asks for nothing a call left out would do: it is only function words and words that ask or thank
 * ("could you please", "thanks a lot"); it states something rather than asks ("I'm travelling soon", "The return
 * reason is too large", "Soccer practice is on 2026-06-09"); or it asks about what another part states ("add it to
 * my list").
 */
function asksNothing(text: string): boolean {
  const words = wordList(text);
  if (onlyCourtesy(words)) return true;
  const first = words[0] ?? '';
  if (SUBJECTS.has(first) || (!ASKING.has(first) && words.slice(1, 3).some((word) => COPULAS.has(word)))) return true;
  return REFERS_BACK.test(text);
}

/** Whether words are only function words and words that ask or thank ("Can you", "thanks a lot"). */
function onlyCourtesy(words: readonly string[]): boolean {
  return words.every((word) => isFunctionWord(word) || POLITE_WORDS.has(word));
}

/** A text's lower-case words, apostrophes kept ("i'm"). */
function wordList(text: string): string[] {
  return text.toLowerCase().replace(/’/g, "'").match(/[\p{L}\p{N}']+/gu) ?? [];
}

/** Words a statement starts with: the speaker, a thing already there, a determiner before a subject. */
const SUBJECTS: ReadonlySet<string> = new Set([
  'i', "i'm", "i've", "i'll", 'we', "we're", "we've", "we'll", 'it', "it's", 'there', "there's", 'this', 'that',
  'these', 'those', 'he', 'she', 'they', 'my', 'our', 'his', 'her', 'their', 'the', 'its',
]);
/** Words a question or a request may start with before a form of "be" ("what is", "how's", "can you"). */
const ASKING: ReadonlySet<string> = new Set(['what', "what's", 'how', "how's", 'where', "where's", 'when', 'which', 'who', 'why', 'is', 'are', 'can', 'could', 'would', 'will']);
/** Forms of "be" and "will" that make a statement of the words before them ("Soccer practice is on ..."). */
const COPULAS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'will', "'s"]);
/** "it" or "them" as what is asked about: a thing another part states ("add it to my list", not "how hot it is"). */
const REFERS_BACK = /(?<![\p{L}\p{N}'’])(?:it|them)(?![\p{L}\p{N}'’])(?!\s+(?:is|was|will|would|be|has|had|does|did)\b)/iu;

/**
 * The parts of a request no call holds anything of: a call holds a part when the part names its tool (a word of the
 * tool's name after the verb), one of its yes-or-no arguments or any argument its tool takes (the part then gives
 * that argument's value), when one of its string values is written (case aside) where it overlaps the part, when one
 * of its values is a number or a value its tool's reader finds in the part alone (`holdsStatedValue`), or when it
 * holds a date, time, address, number or quote the part states. A
 * part no call holds may be a call the plan left out ("Add top up the transit card to my to-dos ..., and play
 * something by Neon Cathedral" planned as the to-do alone).
 */
export function uncoveredClauses(
  clauses: readonly RequestClause[],
  calls: readonly { readonly tool: string; readonly arguments: Readonly<Record<string, unknown>> }[],
  request: string,
  tools: Readonly<Record<string, Pick<ToolDefinition, 'grounding'>>>,
  options: {
    /** A tool's top-level properties: a part that names one of a planned call's arguments gives that call's value. */
    readonly propertiesOf?: (tool: string) => Readonly<Record<string, { readonly description?: string }>>;
    readonly reading?: DateReading;
    /** Whether naming a call's tool or arguments holds a part (default true); false asks for one of its values. */
    readonly byName?: boolean;
  } = {},
): RequestClause[] {
  const { propertiesOf = () => ({}), reading = {}, byName = true } = options;
  // What a call names itself by: the words of its tool's name after the verb ("car", "wash" of edit_car_wash), and
  // of each yes-or-no argument it holds ("notifications" of sms_notifications: "I want SMS notifications.").
  const named = !byName ? [] : calls.flatMap((call) => [
    ...nameWords(call.tool).slice(1),
    ...Object.entries(call.arguments).flatMap(([name, value]) => (typeof value === 'boolean' ? nameWords(name) : [])),
  ]);
  const spans = calls.flatMap((call) =>
    stringsOf(call.arguments).flatMap((value) => {
      // A copy of words that ask for nothing ("Can you") holds no part.
      const needle = value.trim();
      return needle.length < 2 || onlyCourtesy(wordList(needle)) ? [] : wholeWordSpans(request, needle);
    }),
  );
  return clauses.filter((clause) => {
    const words = wordsOf(clause.text);
    if (named.some((word) => hasWord(words, word))) return false;
    if (byName && calls.some((call) => ownLabels(call.tool, clause.text, Object.keys(tools), propertiesOf).length > 0)) return false;
    if (spans.some(([at, end]) => at < clause.end && clause.at < end)) return false;
    const mentions = statedMentions(clause.text, reading);
    // A number is read where no date, time or quote holds its digits or words (the 11 of "due 2026-11-19", the four
    // of an e-mail body "ready after four." are no count).
    const counted = blanked(clause.text, mentions.filter((mention) => mention.kind === 'date-or-time' || mention.kind === 'quote'));
    if (calls.some((call) => holdsStatedValue(tools[call.tool] ?? {}, readValues(call, tools), clause.text) || holdsStatedNumber(call, tools[call.tool] ?? {}, counted))) return false;
    return mentions.length === 0 || uncoveredMentions(mentions, calls).length === mentions.length;
  });
}

/**
 * Where a text names an argument of a tool by its label (`labelRegions`), but not inside a longer label of another of
 * the tools: the "date" of "due date" is `add_todo`'s due date, not an event's or a table's date.
 */
function ownLabels(
  tool: string,
  text: string,
  tools: readonly string[],
  propertiesOf: (tool: string) => Readonly<Record<string, { readonly description?: string }>>,
): { at: number; labelEnd: number }[] {
  const others = tools.filter((other) => other !== tool).flatMap((other) => labelRegions(propertiesOf(other), text).map((region) => ({ at: region.at, end: region.labelEnd })));
  return labelRegions(propertiesOf(tool), text).filter((region) => !insideLongerMention({ at: region.at, end: region.labelEnd }, others));
}

/** Whether a call holds a part of the request, as `uncoveredClauses` reads it. */
export function holdsClause(
  clause: RequestClause,
  call: { readonly tool: string; readonly arguments: Readonly<Record<string, unknown>> },
  request: string,
  tools: Readonly<Record<string, Pick<ToolDefinition, 'grounding'>>>,
  options: Parameters<typeof uncoveredClauses>[4] = {},
): boolean {
  return uncoveredClauses([clause], [call], request, tools, options).length === 0;
}

/** A text with the spans given (offsets `[at, end)`) blanked by spaces, every other offset kept. */
export function blanked(text: string, spans: readonly { readonly at: number; readonly end: number }[]): string {
  return spans.reduce((blank, { at, end }) => blank.slice(0, at) + ' '.repeat(end - at) + blank.slice(end), text);
}

/** A call's values other than numbers that its tool's reader gives (strings are found where they are written, above). */
function readValues(
  call: { readonly tool: string; readonly arguments: Readonly<Record<string, unknown>> },
  tools: Readonly<Record<string, Pick<ToolDefinition, 'grounding'>>>,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(call.arguments).filter(([name, value]) => typeof value !== 'number' && tools[call.tool]?.grounding?.[name] !== undefined));
}

/**
 * Whether a call holds a number a text states, in digits or in words ("a" and "an" state none here: "a set of keys"
 * is no party of one), or one its tool's reader finds there.
 */
function holdsStatedNumber(call: { readonly arguments: Readonly<Record<string, unknown>> }, tool: Pick<ToolDefinition, 'grounding'>, text: string): boolean {
  const stated = new Set([...numbersInDigits(text), ...numbersInWords(text)]);
  return Object.entries(call.arguments).some(([name, value]) => {
    if (typeof value !== 'number') return false;
    return stated.has(value) || readerFinds(tool.grounding?.[name], value, text);
  });
}

/**
 * Where a text writes a value, case aside, as whole words (offsets `[at, end)`): "baba" is no copy of "Alibaba".
 */
export function wholeWordSpans(text: string, value: string): [number, number][] {
  const lower = text.toLowerCase();
  const needle = value.toLowerCase();
  if (needle === '') return [];
  const whole = (at: number) => !WORD_CHARACTER.test(lower.slice(at - 1, at) + needle.slice(0, 1)) && !WORD_CHARACTER.test(needle.slice(-1) + lower.slice(at + needle.length, at + needle.length + 1));
  return startsOf(lower, needle)
    .filter(whole)
    .map((at): [number, number] => [at, at + needle.length]);
}

/** Two word characters in a row: where a copy would start or end inside a word. */
const WORD_CHARACTER = /^[\p{L}\p{N}]{2}$/u;

/** The texts a call's arguments hold, at any depth. */
function stringsOf(args: Readonly<Record<string, unknown>>): string[] {
  return leavesOf(args).filter((value): value is string => typeof value === 'string');
}

/** Texts in double quotes, straight or curly. */
const QUOTED = /"[^"\n]*"|“[^”\n]*”/g;

/** Whether a text's words (`wordsOf`) hold a word of a name, in the singular or the plural ("to-dos" holds "todo"). */
function hasWord(words: ReadonlySet<string>, word: string): boolean {
  return words.has(word) || words.has(`${word}s`) || words.has(`${word}es`) || (word.endsWith('s') && words.has(word.slice(0, -1)));
}

/**
 * Whether a part of the request names a tool by a word of its name after the verb ("weather" of `get_weather`),
 * outside its quotes (an e-mail body's "My flight lands at noon" names no flight search) and not as a label before a
 * colon. With `every`, by every word of its name after the verb ("support ticket", not "tickets" alone, names
 * `close_support_ticket`).
 */
export function namesTool(clause: RequestClause, tool: string, options: { readonly every?: boolean } = {}): boolean {
  // A word before a colon names a field, not a tool ("text: The car is ready" gives an e-mail's body).
  const words = wordsOf(clause.text.replace(QUOTED, ' ').replace(/[\p{L}\p{N}_-]+\s*:/gu, ' '));
  const names = nameWords(tool).slice(1);
  return options.every === true ? names.length > 0 && names.every((word) => hasWord(words, word)) : names.some((word) => hasWord(words, word));
}

/** The lower-case words of a tool's or an argument's name (`search_flights`, `dueDate`), in order. */
function nameWords(name: string): string[] {
  return name
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1);
}

/** A text's lower-case words, each also without its hyphens ("to-dos" is also "todos"). */
function wordsOf(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
  return new Set(words.flatMap((word) => (word.includes('-') ? [word, word.replace(/-/g, ''), ...word.split('-')] : [word])));
}

/**
 * Whether a call copies every text it holds from one part of the request: each of its string values that the request
 * writes (case aside) is written within the part. A call added for a part that copies from another holds what
 * another call should.
 */
export function copiesOnlyFrom(clause: RequestClause, call: { readonly arguments: Readonly<Record<string, unknown>> }, request: string): boolean {
  const lower = request.toLowerCase();
  const part = clause.text.toLowerCase();
  return stringsOf(call.arguments).every((value) => {
    const needle = value.toLowerCase().trim();
    return needle === '' || !lower.includes(needle) || part.includes(needle);
  });
}
