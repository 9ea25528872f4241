import { LruCache } from '@lacuna/core';
import type { StatedValues, ToolDefinition } from '../tools/tool.js';
import { numbersInDigits, numbersInWords, readerFinds } from './grounding.js';
import { blanked, holdsClause, namesTool, wholeWordSpans, type RequestClause } from './request-clauses.js';
import { dateAndTimeMentions, type DateReading } from './stated-dates-and-times.js';

type ToolGrounding = NonNullable<ToolDefinition['grounding']>[string];

/** A call of the plan, with the arguments it copied (or read: dates and times) from the conversation, the only ones judged. */
export interface CallWithCopies {
  readonly tool: string;
  readonly arguments: Readonly<Record<string, unknown>>;
  readonly copied: ReadonlySet<string>;
}

/**
 * Copies a call took from a part of the request that asks another call for something. A request that asks for two
 * things gives each call its values in its own part ("Put a twenty-minute timer on. Also, search for a flight from
 * Galway to Bucharest"): a copy that the request writes only in parts another call of the plan holds (or, held by no
 * call, that name another tool: "Look up the weather in Kyiv" for a flight's origin), while the call without it holds
 * parts of its own, took that call's words (`label: "Galway"` for the timer, `text: "155102 USD"`
 * for a translation beside "turn 155102 USD into CAD and give me the Croatian for ...").
 *
 * A part is held as `uncoveredClauses` reads it (a call names its tool or an argument there, or holds a value written
 * or stated there). A copy the request also writes in a part of its own call, in a part no other call holds and that
 * names no other tool, or outside every part (a statement: "The cold brew will take two hours; set a timer."), is left alone, and so is a
 * call that holds no part without it (where its values belong is not known).
 *
 * Returns each such argument with the tool whose part it took (`owner`), and `within`: the texts of the parts the call
 * holds without it, which a repair copies from instead.
 */
export function otherClauseCopies(input: {
  readonly calls: readonly CallWithCopies[];
  readonly clauses: readonly RequestClause[];
  readonly request: string;
  readonly tools: Readonly<Record<string, Pick<ToolDefinition, 'grounding'>>>;
  readonly propertiesOf?: (tool: string) => Readonly<Record<string, { readonly description?: string }>>;
  readonly reading?: DateReading;
  /**
   * The tool a part asks for, by the part's text (`CheckOptions.partsAskingFor`): the one offered tool that reads every
   * argument it reads there ("check TSM"), or the tool the model calls for the part read alone.
   */
  readonly partsAskingFor?: ReadonlyMap<string, string>;
}): { position: number; name: string; owner: string; within: string[]; message: string }[] {
  const { calls, clauses, request } = input;
  if (calls.length === 0 || clauses.length < 2) return [];
  const tools = withRememberedReaders(input.tools);
  const options = { ...(input.propertiesOf === undefined ? {} : { propertiesOf: input.propertiesOf }), ...(input.reading === undefined ? {} : { reading: input.reading }) };
  const holds = (call: Omit<CallWithCopies, 'copied'>, clause: RequestClause) => holdsClause(clause, call, request, tools, options);
  const heldBy = calls.map((call) => clauses.filter((clause) => holds(call, clause)));
  // The request outside its parts (statements, courtesy), where a value is no part's.
  const outside = blanked(request, clauses);
  const issues: { position: number; name: string; owner: string; within: string[]; message: string }[] = [];
  for (const [position, call] of calls.entries()) {
    for (const name of call.copied) {
      const value = call.arguments[name];
      const taken = partsStating(value, tools[call.tool]?.grounding?.[name], clauses, request, outside, input.reading);
      if (taken === undefined || taken.length === 0) continue;
      const without = { tool: call.tool, arguments: Object.fromEntries(Object.entries(call.arguments).filter(([other]) => other !== name)) };
      const own = clauses.filter((clause) => holds(without, clause));
      if (own.length === 0 || taken.some((clause) => own.includes(clause))) continue;
      // A part no call holds is another call's when it names another tool (a call the plan left out: "Look up the
      // weather in Kyiv" beside a flight's origin "Kyiv"), when another tool reads every argument it needs there
      // ("check TSM" beside a table's restaurant "check TSM"), or when the model calls another tool for it read alone
      // ("put draft the newsletter on my list" beside a timer).
      const askingFor = (clause: RequestClause) => {
        const tool = input.partsAskingFor?.get(clause.text);
        return tool === call.tool ? undefined : tool;
      };
      const owners = taken.map(
        (clause) =>
          calls.find((_, index) => index !== position && heldBy[index]?.includes(clause))?.tool ??
          Object.keys(tools).find((tool) => tool !== call.tool && namesTool(clause, tool)) ??
          askingFor(clause),
      );
      const owner = owners[0];
      if (owner === undefined || owners.some((other) => other === undefined)) continue;
      const part = taken[0] as RequestClause;
      issues.push({
        position,
        name,
        owner,
        within: own.map((clause) => clause.text),
        message: `${name}: ${JSON.stringify(value)} is written where the request asks for ${owner} (${JSON.stringify(part.text)}); copy this call's value from what the request asks of it.`,
      });
    }
  }
  return issues;
}

/**
 * The parts of the request that state a value: a text where it is written as whole words (case aside; a copy may
 * run over two parts, "29039 plus 8") or stated as a date or time it reads to; a number in digits or in words ("two
 * guests" states 2); a value the argument's reader finds there ("half an hour" is 30 minutes). Undefined when the
 * request also states it outside every part (`outside`: the request with its parts blanked).
 */
function partsStating(
  value: unknown,
  reader: ToolGrounding | undefined,
  clauses: readonly RequestClause[],
  request: string,
  outside: string,
  reading: DateReading | undefined,
): RequestClause[] | undefined {
  if (typeof value !== 'number' && (typeof value !== 'string' || value.trim() === '')) return [];
  const states = (text: string) =>
    readerFinds(reader, value, text) || (typeof value === 'number' && (numbersInDigits(text).includes(value) || numbersInWords(text).includes(value)));
  if (states(outside)) return undefined;
  const found = clauses.filter((clause) => states(clause.text));
  if (typeof value === 'number') return found;
  const dates = dateAndTimeMentions(request, reading).filter((mention) => mention.value === value);
  const spans = [...wholeWordSpans(request, value.trim()), ...dates.map((mention): [number, number] => [mention.at, mention.end])];
  const parts = spans.map(([at, end]) => clauses.filter((clause) => clause.at < end && at < clause.end));
  return parts.some((around) => around.length === 0) ? undefined : [...new Set([...found, ...parts.flat()])];
}

/**
 * The tools with each reader's answers kept by text, across the checks of a run (`readText`): the check reads every
 * part for each call and argument, after every repair, and a reader (a company's name for its ticker) may be slow.
 */
function withRememberedReaders<T extends Pick<ToolDefinition, 'grounding'>>(tools: Readonly<Record<string, T>>): Readonly<Record<string, Pick<ToolDefinition, 'grounding'>>> {
  return Object.fromEntries(
    Object.entries(tools).map(([name, tool]) => {
      if (tool.grounding === undefined) return [name, tool];
      const grounding = Object.fromEntries(
        Object.entries(tool.grounding).map(([argument, reader]) => [argument, typeof reader === 'object' ? { ...reader, statedValues: (text: string) => readText(reader, text) } : reader]),
      );
      return [name, { grounding }];
    }),
  );
}

/** Each reader's latest answers, by text (a reader reads a text the same way every time). */
const READ_TEXTS = new WeakMap<StatedValues, LruCache<string, readonly string[]>>();
/** Texts kept per reader: a few requests' parts. */
const TEXTS_PER_READER = 64;

/** What a reader finds in a text, from `READ_TEXTS` when it read the text lately. */
function readText(reader: StatedValues, text: string): readonly string[] {
  let answers = READ_TEXTS.get(reader);
  if (answers === undefined) {
    answers = new LruCache(TEXTS_PER_READER);
    READ_TEXTS.set(reader, answers);
  }
  const known = answers.get(text);
  if (known !== undefined) return known;
  const found = reader.statedValues(text);
  answers.set(text, found);
  return found;
}
