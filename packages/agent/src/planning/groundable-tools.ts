import { isFunctionWord } from '../checks/function-words.js';
import { EMAIL, groundingOf, groundingText, isEmailProperty, numbersInDigits, statedValuesText, typesOf } from '../checks/grounding.js';
import { namesTool, requestClauses } from '../checks/request-clauses.js';
import type { DateReading } from '../checks/stated-dates-and-times.js';
import { quotedTexts } from '../checks/stated-mentions.js';
import type { ToolSignature } from '../prompt/agent-messages.js';
import type { ToolDefinition } from '../tools/tool.js';

interface ArgumentSchema {
  type?: string | string[];
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
}

/**
 * Whether the conversation holds a candidate for every required argument the tool must copy from it (the
 * agent's grounding rule): a number within the argument's bounds for a grounded number, an e-mail address for a
 * grounded e-mail, and a date or time the conversation states for a required argument whose format or pattern
 * asks for one (read, not copied: `statedValuesText`). A tool that fails this cannot be called without inventing a
 * value, so the agent leaves it out of the tool-choice hole for this step (it stays in the prompt's menu, as the
 * model was trained). Plain strings always have candidates: any words of the request.
 */
export function canGroundRequiredArguments(
  tool: Pick<ToolDefinition, 'grounding'>,
  signature: ToolSignature,
  context: string,
  reading: DateReading = {},
): boolean {
  const parameters = signature.parameters as { properties?: Record<string, ArgumentSchema>; required?: string[] };
  for (const name of parameters.required ?? []) {
    const property = parameters.properties?.[name];
    if (property === undefined) continue;
    const grounding = groundingOf(tool, name, property);
    // A date or time the schema normalises is read, not copied: with none stated, the model would invent one.
    if (grounding === 'free' && tool.grounding?.[name] === undefined && statedValuesText(context, property, reading) === '') return false;
    if (grounding !== 'context') continue;
    const types = typesOf(property);
    if (types.includes('number') || types.includes('integer')) {
      // The numbers the grounded hole could copy: in digits or in words ("a table for two"), outside dates and times.
      const candidates = numbersInDigits(groundingText(context, property, reading));
      if (!candidates.some((number) => fits(number, property, types.includes('integer') && !types.includes('number')))) return false;
    } else if (isEmailProperty(property)) {
      if (!EMAIL.test(context)) return false;
    }
  }
  return true;
}

function fits(value: number, schema: ArgumentSchema, integer: boolean): boolean {
  if (integer && !Number.isInteger(value)) return false;
  if (schema.minimum !== undefined && value < schema.minimum) return false;
  if (schema.maximum !== undefined && value > schema.maximum) return false;
  if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) return false;
  if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) return false;
  return true;
}

/**
 * Whether a request states, for a tool, every required argument the tool reads with a reader of its own
 * (`StatedValues`: the demo's `calculate` reads "8 * 467", `get_stock_price` "AXP"), and can supply the rest. Such
 * a request asks for the tool: "Please evaluate 8 * 467." is no question to answer in words. False for a tool
 * without a required argument it reads, and for one that must also copy a free-form text the request does not quote
 * ("Do you speak English?" names a language but asks for no translation; "Czech please: \"thank you\"" asks for one).
 */
export function readsRequiredArguments(
  tool: Pick<ToolDefinition, 'grounding'>,
  signature: ToolSignature,
  request: string,
  reading: DateReading = {},
): boolean {
  const parameters = signature.parameters as { properties?: Record<string, ArgumentSchema>; required?: string[] };
  const required = parameters.required ?? [];
  // A free-form text the request must hold (what to translate) is no evidence, since any words would do, unless the
  // request quotes it: one such argument, and a quoted text ("Czech please: \"thank you\"").
  const texts = required.filter((name) => {
    const property = parameters.properties?.[name];
    return groundingOf(tool, name, property) === 'context' && typesOf(property).includes('string') && !isEmailProperty(property);
  });
  if (texts.length > 1 || (texts.length === 1 && quotedTexts(request).length === 0)) return false;
  const readers = required.flatMap((name) => {
    const grounding = tool.grounding?.[name];
    return typeof grounding === 'object' ? [grounding] : [];
  });
  return readers.length > 0 && readers.every((reader) => reader.statedValues(request).length > 0) && canGroundRequiredArguments(tool, signature, request, reading);
}

/**
 * Whether a request states every required argument of a tool that is not free-form text, and at least one: a value
 * its reader finds, a date or time it reads to, a number in digits or words, an e-mail address ("Can you search
 * flights Johannesburg to Nantes, 16th March 2027, 4 passengers" states the flight's date; "set a timer" states no
 * minutes, "What's the stock price?" no ticker). Free-form texts (a city, a restaurant) are no evidence: any words
 * would give them, but they need words of their own: a quoted text, or a word for each beside the tool's name,
 * function words and asking words ("send an email to ann@x.io" says what to write nowhere). A tool that needs free
 * texts alone needs them named: a quoted text, or a capitalised word for each that opens no sentence ("music please:
 * Glass Antlers", "I'm heading to Maracaibo. What's the weather like there?"; "What's the weather like?" and "add
 * something to my to-do list" name nothing).
 */
export function statesRequiredValues(tool: Pick<ToolDefinition, 'grounding'>, signature: ToolSignature, request: string, reading: DateReading = {}): boolean {
  const parameters = signature.parameters as { properties?: Record<string, ArgumentSchema>; required?: string[] };
  let [stated, texts] = [0, 0];
  for (const name of parameters.required ?? []) {
    const property = parameters.properties?.[name];
    const reader = tool.grounding?.[name];
    const grounding = groundingOf(tool, name, property);
    const types = typesOf(property);
    if (typeof reader === 'object') {
      if (reader.statedValues(request).length === 0) return false;
    } else if (grounding === 'free') {
      if ((statedValuesText(request, property, reading) ?? '') === '') return false;
    } else if (grounding !== 'context') {
      continue;
    } else if (types.includes('number') || types.includes('integer')) {
      if (numbersInDigits(groundingText(request, property, reading)).length === 0) return false;
    } else if (isEmailProperty(property)) {
      if (!EMAIL.test(request)) return false;
    } else {
      texts += 1;
      continue;
    }
    stated += 1;
  }
  if (stated === 0) return texts > 0 && texts === (parameters.required ?? []).length && (quotedTexts(request).length > 0 || namesIn(request) >= texts);
  // Free-form texts need words of their own: "send an email to ann@x.io" asks what to write.
  return texts === 0 || quotedTexts(request).length > 0 || contentWords(request, signature.name) >= texts;
}

/** How many capitalised words a request writes that open no sentence (nor "I"): the names it gives. */
function namesIn(request: string): number {
  let names = 0;
  for (const match of request.matchAll(/\p{Lu}[\p{L}\p{N}'’-]*/gu)) {
    const before = request.slice(0, match.index).trimEnd();
    if (before === '' || /[.!?:;\n"“]$/u.test(before) || /^I(?:['’]|$)/u.test(match[0])) continue;
    names += 1;
  }
  return names;
}

/** Words a request asks with, which give no argument a value. */
const ASKING_WORDS: ReadonlySet<string> = new Set(['can', 'could', 'would', 'will', 'you', 'hey', 'hi', 'just', 'now', 'kindly', 'thanks', 'thank']);

/** How many words of a request could give a free-form text: not an address's, a function word, an asking word or the tool's name. */
function contentWords(request: string, tool: string): number {
  const name = new Set(tool.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  const words = request.replace(new RegExp(EMAIL.source, 'g'), ' ').toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.filter((word) => !isFunctionWord(word) && !ASKING_WORDS.has(word) && !name.has(word) && !name.has(word.replace(/s$/, ''))).length;
}

/**
 * Whether a request asks for a tool by name: a part of it names the tool (`namesTool`: a word of its name after the
 * verb, "search flights") and it states every value the tool needs that is not free-form text (`statesRequiredValues`).
 * "Can you search flights Johannesburg to Nantes, 16th March 2027, 4 passengers" is no question to answer in words;
 * "Reserve a table for 2 people tonight" states no time, and is.
 */
export function asksForTool(tool: Pick<ToolDefinition, 'grounding'>, signature: ToolSignature, request: string, reading: DateReading = {}): boolean {
  return requestClauses(request).some((clause) => namesTool(clause, signature.name)) && statesRequiredValues(tool, signature, request, reading);
}
