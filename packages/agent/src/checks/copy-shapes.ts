import type { FieldIssue } from './field-issue.js';
import { labelWordsOf, namesNothing, withoutEdgeWords, withoutRequestVerb, withoutSentenceOpener, withoutTrailingPreposition } from './function-words.js';
import { labelRegions, textsAfterLabel } from './labelled-values.js';
import { wholeName, wholePhrase } from './partial-names.js';
import { startsOf } from './repeated-values.js';
import { quotedTexts } from './stated-mentions.js';

/** Where the conversation states a value an argument holds (`place.name`), or a date or time (no name). */
export interface HeldMention {
  readonly name: string;
  readonly at: number;
  readonly end: number;
}

/** Every statement of every call's string values, and the dates and times the conversation states. */
export function heldMentions(
  calls: readonly { readonly index?: number; readonly arguments: Record<string, unknown> }[],
  datesAndTimes: readonly { readonly at: number; readonly end: number }[],
  context: string,
): HeldMention[] {
  return [
    ...datesAndTimes.map((mention) => ({ name: '', at: mention.at, end: mention.end })),
    ...calls.flatMap((call, position) =>
      Object.entries(call.arguments).flatMap(([name, value]) =>
        typeof value !== 'string' || value.trim() === '' ? [] : startsOf(context, value).map((at) => ({ name: `${call.index ?? position}.${name}`, at, end: at + value.length })),
      ),
    ),
  ];
}

/**
 * Copies whose shape gives them away, with what a repair writes instead: a copy of function words and argument names
 * alone, or of the verb the request asks with (`function-words`, copied again from the text after the argument's own
 * name when the conversation names it), one that stops inside a name (`partial-name`, written whole), one that
 * took the function words, label words or request verb around its value (`function-words`, written without them),
 * and one that stops inside a phrase of lower-case words or inside a quoted text (`partial-phrase`, written whole).
 * The last two only for arguments copied as written (`copiedAsWritten`), not for values a reader lists.
 */
export function copyShapeIssues(input: {
  readonly arguments: Record<string, unknown>;
  /** The call's arguments copied from the conversation that passed the grounding check, the only ones judged. */
  readonly copied: ReadonlySet<string>;
  readonly properties: Readonly<Record<string, { readonly description?: string }>>;
  readonly context: string;
  /** `heldMentions` of the plan: a name goes on over none of them but its own argument's. */
  readonly held: readonly HeldMention[];
  /** The call's place in the plan, which `held` names its arguments by. */
  readonly place: number;
  readonly copiedAsWritten: (name: string) => boolean;
  /** The tool's name: its words name what the tool acts on, no argument's value ("appointment" of `reschedule_appointment`). */
  readonly tool?: string;
}): { name: string; rejection: Pick<FieldIssue, 'check' | 'message' | 'within' | 'values'> }[] {
  const labelWords = labelWordsOf(input.properties);
  const namingWords = new Set([...labelWords, ...(input.tool?.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])]);
  // The words of the tool's name after its verb name what it acts on ("flights" of search_flights): a copy that
  // starts with one took the request's words for the tool ("flights Limerick").
  const toolNouns = (input.tool?.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(1);
  const regions = labelRegions(input.properties, input.context);
  const issues: { name: string; rejection: Pick<FieldIssue, 'check' | 'message' | 'within' | 'values'> }[] = [];
  // A text the request quotes is the value as the user marked it, whatever words it starts or ends with.
  const quoted = quotedTexts(input.context);
  for (const name of input.copied) {
    const value = input.arguments[name];
    if (typeof value !== 'string' || quoted.includes(value.trim())) continue;
    const afterVerb = withoutRequestVerb(value, input.context);
    const verb = afterVerb.trim() === '';
    if (verb || namesNothing(value, namingWords)) {
      const within = textsAfterLabel(regions, name, input.context);
      const message = verb
        ? `${name}: ${JSON.stringify(value)} is the verb the request asks with, not a value; copy the value itself.`
        : `${name}: ${JSON.stringify(value)} names nothing (only function words, placeholders such as "something" and the names of the tool and its arguments); copy the value itself.`;
      issues.push({ name, rejection: { check: 'function-words', message, ...(within.length === 0 ? {} : { within }) } });
      continue;
    }
    if (!input.copiedAsWritten(name)) continue;
    const own = `${input.place}.${name}`;
    const blocked = (at: number) => input.held.some((span) => span.name !== own && span.at <= at && at < span.end);
    // A copy from inside the one text the request quotes around it is that text cut short ("Our tickets are
    // confirmed, seats" of "say \"Our tickets are confirmed, seats in row twelve.\""), unless another argument
    // holds it.
    const around = quoted.filter((text) => text.length > value.length && text.includes(value));
    if (around.length === 1) {
      const quote = around[0] as string;
      if (!startsOf(input.context, quote).some(blocked)) {
        issues.push({ name, rejection: { check: 'partial-phrase', message: `${name}: ${JSON.stringify(value)} stops inside the quoted text ${JSON.stringify(quote)}.`, values: [quote] } });
        continue;
      }
    }
    const whole = wholeName(value, input.context, blocked, labelWords);
    if (whole !== value) {
      issues.push({ name, rejection: { check: 'partial-name', message: `${name}: ${JSON.stringify(value)} stops inside the name ${JSON.stringify(whole)}.`, values: [whole] } });
      continue;
    }
    const ownLabels = new Set([...labelWordsOf({ [name]: input.properties[name] ?? {} }), ...toolNouns]);
    const trimmed = withoutEdgeWords(withoutTrailingPreposition(withoutSentenceOpener(afterVerb, input.context), input.context), { own: ownLabels, any: labelWords });
    if (trimmed !== value) {
      issues.push({ name, rejection: { check: 'function-words', message: `${name}: ${JSON.stringify(value)} holds words around the value; copy ${JSON.stringify(trimmed)}.`, values: [trimmed] } });
      continue;
    }
    const phrase = wholePhrase(value, input.context, blocked, namingWords);
    if (phrase !== value) {
      issues.push({ name, rejection: { check: 'partial-phrase', message: `${name}: ${JSON.stringify(value)} stops inside the phrase ${JSON.stringify(phrase)}.`, values: [phrase] } });
    }
  }
  return issues;
}
