import { insideLongerMention } from '../checks/argument-labels.js';
import { isFunctionWord } from '../checks/function-words.js';
import { groundingOf, isEmailProperty, typesOf } from '../checks/grounding.js';
import { labelRegions } from '../checks/labelled-values.js';
import { blanked, holdsClause, namesTool, type RequestClause } from '../checks/request-clauses.js';
import { startsOf } from '../checks/repeated-values.js';
import type { DateReading } from '../checks/stated-dates-and-times.js';
import type { ToolSignature } from '../prompt/agent-messages.js';
import type { ToolDefinition } from '../tools/tool.js';
import { readsRequiredArguments } from './groundable-tools.js';

/** A planned call, as `callsOfAnotherTool` reads it. */
export interface Call {
  readonly tool: string;
  readonly arguments: Readonly<Record<string, unknown>>;
}

/** What `callsOfDoubtfulTool`, `callsOfAnotherTool` and `doublingCall` read. */
export interface CallsInput {
  readonly calls: readonly Call[];
  readonly clauses: readonly RequestClause[];
  readonly request: string;
  readonly tools: Readonly<Record<string, Pick<ToolDefinition, 'grounding'>>>;
  /** The tools this step may call: those a call may be planned again as. */
  readonly offered: readonly ToolSignature[];
  readonly reading?: DateReading;
}

/**
 * Calls whose tool their part of the request may not ask for. A call is judged by the one part of the request it
 * holds and no other call does (`requestClauses`, `uncoveredClauses`): the call is doubtful when that part never names
 * its tool (a word of its name, an argument's label) and the call holds it only with optional arguments or free-form
 * text (values any words would give): `add_todo {task: "141 times"}` for "calculate 141 times 17", `book_table
 * {restaurant: "Graduation ceremony"}` for "add Graduation ceremony to my calendar". A call that holds its part with a
 * required number, date or address its tool reads, or whose part names its tool, is taken as the request's, unless
 * another call of its tool holds a part that names the tool: a tool asked for once is called once (`book_table
 * {..., time: "22:30", date: "2025-03-06"}` beside "please book a table at Ember & Oak ...").
 *
 * Returns each such call's place in `calls` and its part.
 */
export function callsOfDoubtfulTool(input: CallsInput): { position: number; clause: RequestClause }[] {
  return doubtfulAmong(input, ownParts(input));
}

/** Of the calls with a part of their own (`ownParts`), those holding it only with optional or free-text values. */
function doubtfulAmong(input: CallsInput, parts: readonly { position: number; clause: RequestClause }[]): { position: number; clause: RequestClause }[] {
  const { calls, request, tools, offered, reading = {} } = input;
  const propertiesOf = propertiesAmong(offered);
  const holds = (call: Call, clause: RequestClause) => holdsClause(clause, call, request, tools, { propertiesOf, reading, byName: false });
  const found: { position: number; clause: RequestClause }[] = [];
  for (const { position, clause } of parts) {
    const call = calls[position] as Call;
    const signature = offered.find((candidate) => candidate.name === call.tool) as ToolSignature;
    const properties = propertiesOfSignature(signature);
    const required = (signature.parameters as { required?: readonly string[] }).required ?? [];
    const holding = Object.entries(call.arguments).filter(([name, value]) => holds({ tool: call.tool, arguments: { [name]: value } }, clause));
    const anyWords = (name: string) => {
      const property = properties[name] as Parameters<typeof groundingOf>[2];
      return groundingOf(tools[call.tool] ?? {}, name, property) === 'context' && typesOf(property).includes('string') && !isEmailProperty(property);
    };
    // A tool the plan calls twice, named in another call's part and never in this one's, may be asked for once only.
    const namedForAnother = calls.some(
      (other, index) =>
        index !== position && other.tool === call.tool && input.clauses.some((part) => holds(other, part) && holdsClause(part, { tool: call.tool, arguments: {} }, request, tools, { propertiesOf, reading, byName: true })),
    );
    if (namedForAnother || holding.every(([name]) => !required.includes(name) || anyWords(name))) found.push({ position, clause });
  }
  return found;
}

/**
 * Each call's one part of the request, held by no other call, where the part never names the call's tool (a word of
 * its name, an argument's label).
 */
function ownParts(input: CallsInput): { position: number; clause: RequestClause }[] {
  const { calls, clauses, request, tools, offered, reading = {} } = input;
  const propertiesOf = propertiesAmong(offered);
  const holds = (call: Call, clause: RequestClause, byName = false) => holdsClause(clause, call, request, tools, { propertiesOf, reading, byName });
  return calls.flatMap((call, position) => {
    if (!offered.some((candidate) => candidate.name === call.tool)) return [];
    const alone = clauses.filter((clause) => holds(call, clause) && !calls.some((other, index) => index !== position && holds(other, clause)));
    const clause = alone[0];
    return alone.length !== 1 || clause === undefined || holds({ tool: call.tool, arguments: {} }, clause, true) ? [] : [{ position, clause }];
  });
}

/** A call of a tool where its part of the request asks for another (`callsOfAnotherTool`). */
interface AnotherTool {
  /** The call's place in the plan's calls. */
  readonly position: number;
  /** The tool the part asks for. */
  readonly tool: string;
  readonly clause: RequestClause;
  /** Whether the part states every argument the tool reads with a reader of its own, names the tool, or names two of its arguments. */
  readonly because: 'reads' | 'names' | 'labels';
}

/**
 * Calls of a tool where the request asks for another one: a doubtful call (`callsOfDoubtfulTool`) where exactly one
 * other offered tool reads every required argument it reads with a reader of its own in the call's part
 * (`readsRequiredArguments`: "check what £6000 comes to in lira" for `convert_currency`, "calculate 141 times 17",
 * "check ZM"): `set_timer {label: "lira"}`, `add_todo {task: "141 times"}` and `get_weather {city: "ZM"}` are the
 * model's wrong guesses. Also a call whose own part (held by no other call, never naming its tool) names exactly one
 * other offered tool the plan does not call, outside the call's values, whatever the call holds there: by its name
 * after the verb, every word of it (`create_event {title: "prepare the payroll", date: ...}` for "add prepare the
 * payroll to my to-dos with a due date of February 27, 2026"), or, none named so, by the labels of two of its
 * arguments or more (`labelledTool`:
 * `create_event {title: "reset the router", date: ...}` for "Please add reset the router to my tasks with a due date
 * of 16th October 2027", the to-do's task and due date).
 *
 * Returns each such call's place in `calls`, the tool it should be, its part, and why.
 */
export function callsOfAnotherTool(input: CallsInput): AnotherTool[] {
  return judgeToolChoices(input).another;
}

/**
 * Both judgements of the plan's tool choices at once, each call's own part found once: the calls another tool should
 * make (`callsOfAnotherTool`), and the doubtful calls (`callsOfDoubtfulTool`) that no rule of it settles, for the
 * model to judge by reading their part alone.
 */
export function judgeToolChoices(input: CallsInput): { another: AnotherTool[]; unsettled: { position: number; clause: RequestClause }[] } {
  const { calls, request, tools, offered, reading = {} } = input;
  const propertiesOf = propertiesAmong(offered);
  // Each call's own part, judged once for every rule.
  const parts = ownParts(input);
  const doubtful = doubtfulAmong(input, parts);
  const read = doubtful.flatMap(({ position, clause }): AnotherTool[] => {
    const call = calls[position] as Call;
    const candidates = offered.filter(
      (other) => other.name !== call.tool && !calls.some((planned) => planned.tool === other.name && holdsClause(clause, planned, request, tools, { propertiesOf, reading, byName: false })),
    );
    const readers = candidates.filter((other) => readsRequiredArguments(tools[other.name] ?? {}, other, clause.text, reading));
    const [reader] = readers;
    return readers.length === 1 && reader !== undefined ? [{ position, tool: reader.name, clause, because: 'reads' }] : [];
  });
  const uncalled = offered.filter((other) => !calls.some((planned) => planned.tool === other.name));
  const labelled = parts.flatMap(({ position, clause }): AnotherTool[] => {
    if (read.some((found) => found.position === position)) return [];
    const call = calls[position] as Call;
    const text = withoutCopies(clause, call);
    // Named by its name after the verb, every word of it ("to my to-dos" for add_todo; "tickets" alone does not name
    // close_support_ticket), else by the labels of two of its arguments.
    const named = uncalled.filter((other) => namesTool({ ...clause, text }, other.name, { every: true }));
    if (named.length === 1) return [{ position, tool: (named[0] as ToolSignature).name, clause, because: 'names' }];
    const tool = named.length === 0 ? labelledTool(text, uncalled, offered) : undefined;
    return tool === undefined ? [] : [{ position, tool, clause, because: 'labels' }];
  });
  const another = [...read, ...labelled];
  return { another, unsettled: doubtful.filter(({ position }) => !another.some((found) => found.position === position)) };
}

/**
 * The one tool of `candidates` a part's text (the call's own values blanked: "Time After Time" names no time) names by
 * the labels of two of its arguments or more: labels not function words alone ("from", "to"), and not inside a
 * longer label of another offered tool (the "date" of "due date" is the to-do's). Undefined when none or several.
 */
function labelledTool(text: string, candidates: readonly ToolSignature[], offered: readonly ToolSignature[]): string | undefined {
  // Each offered tool's labels in the text, found once.
  const labels = new Map(
    offered.map((signature) => [
      signature.name,
      labelRegions(propertiesOfSignature(signature), text).filter((region) => !(text.slice(region.at, region.labelEnd).toLowerCase().match(/\p{L}+/gu) ?? []).every(isFunctionWord)),
    ]),
  );
  const named = candidates.filter((signature) => {
    const others = offered.filter((other) => other.name !== signature.name).flatMap((other) => (labels.get(other.name) ?? []).map((region) => ({ at: region.at, end: region.labelEnd })));
    const own = (labels.get(signature.name) ?? []).filter((region) => !insideLongerMention({ at: region.at, end: region.labelEnd }, others));
    return new Set(own.map((region) => region.name)).size >= 2;
  });
  return named.length === 1 ? named[0]?.name : undefined;
}

/** A part's text with the call's copies blanked: what a call copied names no tool ("Time After Time" names no time). */
function withoutCopies(clause: RequestClause, call: Call): string {
  const lower = clause.text.toLowerCase();
  const copies = Object.values(call.arguments).flatMap((value) => {
    const needle = typeof value === 'string' ? value.trim().toLowerCase() : '';
    return needle === '' ? [] : startsOf(lower, needle).map((at) => ({ at, end: at + needle.length }));
  });
  return blanked(clause.text, copies);
}

/** A tool's properties by its name, as the offered signatures give them (`holdsClause`'s `propertiesOf`). */
export function propertiesAmong(offered: readonly ToolSignature[]): (tool: string) => Record<string, { description?: string }> {
  return (tool) => propertiesOfSignature(offered.find((signature) => signature.name === tool));
}

/** A tool's properties, as its signature gives them. */
function propertiesOfSignature(signature: ToolSignature | undefined): Record<string, { description?: string }> {
  return (signature?.parameters as { properties?: Record<string, { description?: string }> } | undefined)?.properties ?? {};
}
