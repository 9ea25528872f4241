import type { AgentTurn } from '../prompt/agent-messages.js';
import type { Grounding, ToolDefinition } from '../tools/tool.js';
import { datesIn, timesIn, withoutDatesAndTimes, type DateReading } from './stated-dates-and-times.js';
import { argumentLabels } from './argument-labels.js';
import { statedBoolean } from './stated-booleans.js';
import { statedMembers } from './stated-members.js';

/** What grounded arguments and the answer's numbers may come from: the user's words and the tools' results. */
export function groundingContext(turns: readonly AgentTurn[]): string {
  return turns
    .map((turn) => (turn.role === 'user' ? turn.content : turn.role === 'tool' ? JSON.stringify(turn.results) : ''))
    .filter(Boolean)
    .join('\n');
}

/** The subset of a JSON Schema property that decides its default grounding. */
interface PropertySchema {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
}

/** A property's JSON types, whether it names one or several. */
export function typesOf(property: Pick<PropertySchema, 'type'> | undefined): (string | undefined)[] {
  return Array.isArray(property?.type) ? property.type : [property?.type];
}

/** String formats whose values a request states as they are written. */
const COPIED_FORMATS: ReadonlySet<string> = new Set(['email', 'idn-email']);

/** An e-mail address somewhere in a text. */
export const EMAIL = /[^\s@"'<>()[\],;:]+@[^\s@"'<>()[\],;:]+\.[A-Za-z]{2,}/;

/** Whether a property is an e-mail address (`format: "email"` or `"idn-email"`), which a request states as written. */
export function isEmailProperty(property: Pick<PropertySchema, 'format'> | undefined): boolean {
  return property?.format !== undefined && COPIED_FORMATS.has(property.format);
}

/**
 * Whether an argument must come from the conversation. Unless the tool says otherwise: strings and numbers
 * are grounded (names, places, e-mail addresses and amounts the request states); strings whose `format` (but
 * `email`) or `pattern` normalises them (dates, times, codes), enums, constants and booleans are not.
 */
export function groundingOf(tool: Pick<ToolDefinition, 'grounding'>, name: string, property: PropertySchema | undefined): Grounding {
  const declared = tool.grounding?.[name];
  if (declared !== undefined) return declared;
  if (property === undefined || property.enum !== undefined || property.const !== undefined) return 'free';
  const types = typesOf(property);
  if (types.includes('string')) {
    // A format or pattern usually means a value the model normalises (a date from "June 17th"); an e-mail
    // address is copied as written (zod writes its pattern beside the format).
    if (property.format !== undefined) return COPIED_FORMATS.has(property.format) ? 'context' : 'free';
    return property.pattern === undefined ? 'context' : 'free';
  }
  if (types.includes('number') || types.includes('integer')) return 'context';
  return 'free';
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, a: 1, an: 1, single: 1, couple: 2, pair: 2, dozen: 12, half: 0.5,
};

/**
 * The numbers a text states in digits: thousands separators dropped, a minus sign only where it stands before the
 * digits as a sign ("-5 degrees", not the dashes of "2027-06-13" or "3-5 people").
 */
export function numbersInDigits(text: string): number[] {
  return [...text.matchAll(/(?:(?<![\w.])-)?\d[\d,]*(?:\.\d+)?/g)].map((match) => Number(match[0].replace(/,/g, ''))).filter(Number.isFinite);
}

/**
 * The agent's grounding rule while sampling, for one top-level argument: the text infill's `ground` may copy its
 * value from, or undefined for a value left free. An argument grounded in the context is copied from the
 * conversation (`groundingText`); one with a reader (`StatedValues`) is one of the values it finds, whole
 * (`{ values }`: a part of a stated value, "18 * 28810" of "3 - 244 - 18 * 28810", is no value the check accepts);
 * a date or time the schema normalises, from the dates and times the conversation states (`statedValuesText`),
 * an enum, from the members it names when it names any (`statedMembers`: "contact channel chat" is `chat`,
 * whatever the model's first guess), and a boolean, as the conversation says yes or no to it by name
 * (`statedBoolean`: "without two-factor authentication" is false), unless the tool declares its grounding; a custom
 * grounding function is left to the check. `reading.today` lets
 * relative dates ("tomorrow", "on Friday") count as stated.
 */
export function groundedHoleText(
  tool: Pick<ToolDefinition, 'grounding'>,
  name: string,
  property: PropertySchema | undefined,
  context: string,
  reading: DateReading = {},
): string | { readonly values: readonly string[] } | undefined {
  const grounding = groundingOf(tool, name, property);
  if (grounding === 'context') return groundingText(context, property, reading);
  if (typeof grounding === 'object') {
    const values = grounding.statedValues(context);
    return values.length === 0 && grounding.unstated === 'context' ? groundingText(context, property, reading) : { values };
  }
  if (grounding !== 'free' || tool.grounding?.[name] !== undefined) return undefined;
  if (property?.enum !== undefined) {
    const members = statedMembers(context, property.enum);
    return members.length === 0 ? undefined : { values: members };
  }
  if (property !== undefined && typesOf(property).every((type) => type === 'boolean')) {
    const said = statedBoolean(context, argumentLabels(name, property.description));
    return said === undefined ? undefined : { values: [said] };
  }
  return statedValuesText(context, property, reading);
}

/**
 * The text a grounded argument is copied from (infill's `ground`): the conversation; for a number, the
 * conversation without its dates and times (the 2 of "Apr 2, 2027" is no count) and with the digits of the
 * numbers it states in words ("thirty-five minutes" offers 35), which no span of digits holds.
 */
export function groundingText(context: string, property: PropertySchema | undefined, reading: DateReading = {}): string {
  const types = typesOf(property);
  if (!types.includes('number') && !types.includes('integer')) return context;
  const quantities = withoutDatesAndTimes(context, reading);
  const inWords = numbersInWords(quantities);
  return inWords.length === 0 ? quantities : `${quantities}\n${inWords.join(' ')}`;
}

/**
 * For a string argument whose format or pattern asks for a calendar date (YYYY-MM-DD) or a 24-hour time (HH:MM):
 * the dates or times the conversation states, written that way ("Nov 18, 2026" as 2026-11-18, "7:15 PM" as
 * 19:15), as the text infill's `ground` copies the value from. Empty when the conversation states none (infill
 * then leaves an optional argument out, and a required one free). Undefined for any other argument.
 */
export function statedValuesText(context: string, property: PropertySchema | undefined, reading: DateReading = {}): string | undefined {
  if (property === undefined || !typesOf(property).includes('string') || property.enum !== undefined) return undefined;
  const accepts = (probe: string) => {
    if (property.pattern === undefined) return false;
    try {
      return new RegExp(property.pattern, 'u').test(probe);
    } catch {
      return false;
    }
  };
  if (property.format === 'date' || (property.format === undefined && accepts('2026-01-31') && !accepts('13:45'))) return datesIn(context, reading).join(' ');
  if (property.format === undefined && accepts('13:45') && !accepts('2026-01-31')) return timesIn(context).join(' ');
  return undefined;
}

/** Number words that also mean something else ("a table"), read as numbers by the check but never offered as values. */
const INDEFINITE: ReadonlySet<string> = new Set(['a', 'an', 'half']);

/**
 * Words after which "one" is a pronoun ("quick one, set a timer for six minutes", "this one", "the next one"),
 * not a count. Offered as a value, its 1 led the default model to write 1 for "six minutes" in such requests.
 */
const BEFORE_PRONOUN_ONE: ReadonlySet<string> = new Set([
  'quick', 'this', 'that', 'which', 'the', 'another', 'any', 'each', 'every', 'no', 'other', 'last', 'next', 'same',
  'new', 'old', 'big', 'small', 'little', 'good', 'right', 'wrong', 'first', 'only',
]);

/**
 * The numbers a text states in words, as values: "five" 5, "thirty-five" and "thirty five" 35, "a dozen" 12
 * ("a", "an" and "half" alone are not offered: "a table" states no number; nor is the pronoun of "quick one").
 */
export function numbersInWords(text: string): number[] {
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  const numbers: number[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as string;
    const value = NUMBER_WORDS[word];
    if (value === undefined || INDEFINITE.has(word)) continue;
    if (word === 'one' && index > 0 && BEFORE_PRONOUN_ONE.has(words[index - 1] as string)) continue;
    const next = words[index + 1];
    const unit = next === undefined || INDEFINITE.has(next) ? undefined : NUMBER_WORDS[next];
    if (value >= 20 && value < 100 && unit !== undefined && unit >= 1 && unit <= 9 && Number.isInteger(unit)) {
      numbers.push(value + unit);
      index++;
    } else numbers.push(value);
  }
  return numbers;
}

/**
 * The check of a `StatedValues` argument: undefined when the value is one of `stated` (a number as its JSON text,
 * as a reader lists it), or when nothing is stated.
 */
export function statedValueFailure(value: unknown, stated: readonly string[]): string | undefined {
  if (stated.length === 0 || stated.includes(typeof value === 'string' ? value : JSON.stringify(value))) return undefined;
  return `${JSON.stringify(value)} is not one of the values the conversation states (${stated.join(', ')}); write one of those.`;
}

/**
 * A grounding failure message, or undefined when the value occurs in the context: a string as written (case
 * and spacing aside), a number as digits (with or without thousands separators) or as a number word.
 */
export function groundingFailure(value: unknown, context: string): string | undefined {
  if (typeof value === 'string') {
    const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
    if (value.trim() === '' || normalise(context).includes(normalise(value))) return undefined;
    return `"${value}" does not occur in the conversation; copy the value from the request.`;
  }
  if (typeof value === 'number') {
    const numbers = new Set<number>([...numbersInDigits(context), ...numbersInWords(context)]);
    for (const word of context.toLowerCase().match(/[a-z]+/g) ?? []) {
      const number = NUMBER_WORDS[word];
      if (number !== undefined) numbers.add(number);
    }
    if (numbers.has(value)) return undefined;
    return `${value} does not occur in the conversation; copy the number from the request.`;
  }
  return undefined;
}

/** The number a text is made of alone, in digits ("30") or in words ("sixty", "forty-five"); undefined otherwise. */
export function numberAlone(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const words = text.toLowerCase().split(/[\s-]+/);
  if (!words.every((word) => /^[a-z]+$/.test(word) && numbersInWords(word).length === 1)) return undefined;
  const numbers = numbersInWords(text);
  return numbers.length === 1 ? numbers[0] : undefined;
}

/** Whether an argument's reader (`StatedValues`) finds a value in a text: one of the values it finds there. */
export function readerFinds(reader: Grounding | undefined, value: unknown, text: string): boolean {
  if (typeof reader !== 'object') return false;
  const stated = reader.statedValues(text);
  return stated.length > 0 && statedValueFailure(value, stated) === undefined;
}

/**
 * Whether some argument holds a value the conversation states: a text or number it has (`groundingFailure`), or a
 * value the tool's own reader finds (`calculate`'s "379 * 9 + 7"). False when the model wrote every value itself.
 */
export function holdsStatedValue(tool: Pick<ToolDefinition, 'grounding'>, args: Readonly<Record<string, unknown>>, context: string): boolean {
  return Object.entries(args).some(([name, value]) => {
    if (readerFinds(tool.grounding?.[name], value, context)) return true;
    return ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') && groundingFailure(value, context) === undefined;
  });
}
