import type { HoleReport } from '@lacuna/infill';
import { z } from 'zod';
import { declaredJsonSchema } from '../tools/json-schema.js';
import type { ToolSet } from '../tools/tool.js';
import type { FieldIssue } from './field-issue.js';
import { groundingFailure, groundingOf, numberAlone, statedValueFailure, statedValuesText } from './grounding.js';
import { dateAndTimeMentions, type DateReading } from './stated-dates-and-times.js';
import { copiesOfOtherCalls, repeatedCallIssues, replannedCopyIssues, type CallCopies } from './repeated-calls.js';
import { copyShapeIssues, heldMentions } from './copy-shapes.js';
import { labelledValueIssues } from './labelled-values.js';
import { otherClauseCopies } from './other-clause-copies.js';
import { leastConfidence, occurrences, repeatedValueIssues } from './repeated-values.js';
import { requestClauses } from './request-clauses.js';

export interface PlannedCall {
  readonly tool: string;
  readonly arguments: Record<string, unknown>;
  /**
   * Where the call stands in the plan, which its holes' paths begin with (a plan may hold an answer besides its
   * calls); its position among the calls when absent.
   */
  readonly index?: number;
}

export interface CheckOptions {
  /** Text the grounded arguments must come from: the user's messages and the tools' results. */
  readonly context: string;
  /**
   * A field whose least confident committed token fell under this is rejected (default 0.05; 0 turns the
   * check off). Forced tokens (the only ones allowed) do not count.
   */
  readonly minConfidence: number;
  /** Holes of the plan: their paths are `[callIndex, "arguments", ...field path]`. */
  readonly holes: readonly HoleReport[];
  /**
   * The request of this step: a call's copy written only in a part of it that asks another call for something
   * is that call's (check `other-clause`, other-clause-copies.ts). Absent, copies are not judged by part.
   */
  readonly request?: string;
  /** What relative dates are read against, as the plan's holes were grounded ("tomorrow" is a date with `today`). */
  readonly reading?: DateReading;
  /**
   * The tool parts of the request ask for, by text: the one offered tool that reads every argument it reads there
   * (`readsRequiredArguments`), or the tool the model calls for the part read alone (the agent's `toolOfPartAlone`).
   * A text copied from such a part, which only its own call holds, is another call's when the part asks for another
   * tool (check `other-clause`).
   */
  readonly partsAskingFor?: ReadonlyMap<string, string>;
  /**
   * Whether arguments are checked against the conversation (default true). Off, it is not read at all: no
   * grounding, repeated-value or repeated-call issues.
   */
  readonly grounding?: boolean;
  /**
   * Calls planned again because they repeated another call (check `repeated-call`), by their place in the plan:
   * their copied arguments may not take a value another call copied from a mention stated once.
   */
  readonly replanned?: ReadonlySet<number>;
  /**
   * Whether a call may be planned again with another tool (the plan offers more than one choice): when it may
   * not, two calls of one tool copying one mention are left alone (default true).
   */
  readonly replannable?: boolean;
  readonly validators?: Readonly<Record<string, (input: unknown) => Promise<readonly { path: readonly (string | number)[]; message: string }[]> | readonly { path: readonly (string | number)[]; message: string }[]>>;
}

/**
 * Checks every field of every planned call: the tool's zod schema (with zod's issue paths), grounding in the
 * conversation (a value stated once fills one argument, repeated-values.ts, and belongs to one call,
 * repeated-calls.ts; a value given after another argument's name is that argument's, labelled-values.ts; a copy's
 * shape, copy-shapes.ts: function words alone, a name cut short, the words around a value), the model's confidence,
 * and the user's validators. Returns what failed, field by field; a call of a tool named twice for one mention is
 * rejected as a whole (check `repeated-call`).
 */
export async function checkCalls(calls: readonly PlannedCall[], tools: ToolSet, options: CheckOptions): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const copies: (CallCopies & { readonly callIndex: number })[] = [];
  // Where the conversation states dates and times: a copy from inside one that an argument read is no mention of its own.
  const mentions = options.grounding === false ? [] : dateAndTimeMentions(options.context, options.reading);
  // Where the conversation states the values of every call and its dates and times: a name cut short goes on over none.
  const held = heldMentions(calls, mentions, options.context);
  for (const [position, call] of calls.entries()) {
    const callIndex = call.index ?? position;
    const tool = tools[call.tool];
    if (tool === undefined) continue;
    const callIssues: FieldIssue[] = [];
    const parsed = tool.inputSchema.safeParse(call.arguments);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.filter((segment: PropertyKey): segment is string | number => typeof segment !== 'symbol');
        // The field goes into the message: the model reads it as feedback when the field is re-masked.
        callIssues.push({ callIndex, tool: call.tool, path, check: 'schema', message: path.length === 0 ? issue.message : `${path.join('.')}: ${issue.message}` });
      }
    }
    const properties = propertiesOfTool(tool);
    // Arguments copied from the conversation (or one of the values it states) that passed the grounding check:
    // the repeated-value check reads them, with the values a declared grounding lists, each stated once.
    const copied = new Set<string>();
    const listed = new Set<string>();
    for (const [name, value] of Object.entries(call.arguments)) {
      const grounding = groundingOf(tool, name, properties[name]);
      if (grounding === 'free' || options.grounding === false) continue;
      const stated = typeof grounding === 'object' ? grounding.statedValues(options.context) : undefined;
      const message =
        grounding === 'context' || (typeof grounding === 'object' && stated?.length === 0 && grounding.unstated === 'context')
          ? groundingFailure(value, options.context)
          : typeof grounding === 'object'
            ? statedValueFailure(value, stated ?? [])
            : await grounding(value, options.context);
      if (message !== undefined) callIssues.push({ callIndex, tool: call.tool, path: [name], check: 'grounding', message: `${name}: ${message}` });
      else if (stated !== undefined) {
        copied.add(name);
        for (const value of stated) listed.add(value);
      } else if (grounding === 'context' && !callIssues.some((issue) => samePath(issue.path, [name]))) copied.add(name);
    }
    const repeated = repeatedValueIssues({
      arguments: call.arguments,
      copied,
      context: options.context,
      readMentions: mentions.flatMap((mention) => {
        const by = Object.keys(call.arguments).find((name) => call.arguments[name] === mention.value);
        return by === undefined ? [] : [{ at: mention.at, end: mention.end, by }];
      }),
      timesStated: (value) => Math.max(occurrences(options.context, value), listed.has(value) ? 1 : 0),
      confidenceOf: (name) => leastConfidence(options.holes.find((hole) => hole.kind === 'value' && samePath(hole.path, [callIndex, 'arguments', name]))),
    });
    for (const { name, kept, taken: words, message } of repeated) {
      const taken = words ?? call.arguments[kept];
      callIssues.push({ callIndex, tool: call.tool, path: [name], check: 'repeated-value', message, ...(typeof taken === 'string' ? { taken } : {}) });
    }
    for (const { name, within, message } of labelledValueIssues({ arguments: call.arguments, copied, properties, context: options.context })) {
      if (callIssues.some((issue) => samePath(issue.path, [name]))) continue;
      callIssues.push({ callIndex, tool: call.tool, path: [name], check: 'labelled-value', message, within });
    }
    for (const issue of copyShapeIssues({ arguments: call.arguments, copied, properties, context: options.context, held, place: callIndex, tool: call.tool, copiedAsWritten: (name) => groundingOf(tool, name, properties[name]) === 'context' })) {
      if (!callIssues.some((other) => samePath(other.path, [issue.name]))) callIssues.push({ callIndex, tool: call.tool, path: [issue.name], ...issue.rejection });
    }
    // A number the conversation states once, held by a number argument of the plan, is no text of its own: a string
    // copy of its digits or its words alone took the count's words (`title: "30"` beside "block out 30 minutes",
    // `title: "sixty"` beside "block out sixty minutes"). Checked last, so that a copy from where another argument
    // is named is repaired from its own name's text (labelled-value).
    for (const name of copied) {
      const value = call.arguments[name];
      if (typeof value !== 'string' || callIssues.some((issue) => samePath(issue.path, [name]))) continue;
      const number = numberAlone(value);
      if (number === undefined || occurrences(options.context, value) !== 1) continue;
      const holder = numberHolder(calls, number);
      if (holder === undefined) continue;
      callIssues.push({
        callIndex,
        tool: call.tool,
        path: [name],
        check: 'repeated-value',
        message: `${name}: "${value}" is the number ${holder} holds, stated once; copy the value itself.`,
        taken: value,
      });
    }
    // The copy kept holds the value by this rule, so a rule of the tool against holding it twice (a refinement on
    // `to` that it differs from `from`) is left to the copy rejected; the validators see the repaired call.
    const keptPaths = repeated.map(({ kept }) => [kept]);
    copies.push({ tool: call.tool, arguments: call.arguments, copied, replanned: options.replanned?.has(callIndex) ?? false, callIndex });
    if (options.minConfidence > 0) {
      for (const hole of options.holes) {
        if (hole.path[0] !== callIndex || hole.path[1] !== 'arguments' || hole.kind !== 'value') continue;
        const least = leastConfidence(hole);
        if (least < options.minConfidence) {
          const path = hole.path.slice(2);
          if (callIssues.some((issue) => samePath(issue.path, path))) continue;
          callIssues.push({
            callIndex,
            tool: call.tool,
            path,
            check: 'confidence',
            message: `${path.join('.')}: the model was unsure of this value (a token at probability ${least.toFixed(3)}).`,
          });
        }
      }
    }
    const validator = options.validators?.[call.tool];
    if (validator !== undefined && parsed.success) {
      for (const issue of await validator(parsed.data)) callIssues.push({ callIndex, tool: call.tool, path: issue.path, check: 'validator', message: issue.message });
    }
    const deferred = (issue: FieldIssue) => (issue.check === 'schema' || issue.check === 'validator') && keptPaths.some((path) => samePath(issue.path, path));
    issues.push(...callIssues.filter((issue) => !deferred(issue)));
  }
  if (options.request !== undefined && options.grounding !== false) {
    const propertiesOf = (tool: string) => {
      const definition = tools[tool];
      return definition === undefined ? {} : propertiesOfTool(definition);
    };
    const clauses = requestClauses(options.request);
    // Dates and times the schema normalises are read, not copied, from the request: judged by part all the same.
    const read = (call: (typeof copies)[number]) => {
      const properties = propertiesOf(call.tool) as Record<string, Parameters<typeof statedValuesText>[1]>;
      return Object.keys(call.arguments).filter((name) => typeof call.arguments[name] === 'string' && statedValuesText('', properties[name]) !== undefined);
    };
    const judged = copies.map((call) => ({ ...call, copied: new Set([...call.copied, ...read(call)]) }));
    for (const { position, name, within, message } of otherClauseCopies({
      calls: judged,
      clauses,
      request: options.request,
      tools,
      propertiesOf,
      ...(options.reading === undefined ? {} : { reading: options.reading }),
      ...(options.partsAskingFor === undefined ? {} : { partsAskingFor: options.partsAskingFor }),
    })) {
      const { callIndex, tool } = copies[position] as (typeof copies)[number];
      if (!issues.some((issue) => issue.callIndex === callIndex && samePath(issue.path, [name]))) issues.push({ callIndex, tool, path: [name], check: 'other-clause', message, within });
    }
  }
  for (const { index, name, message } of replannedCopyIssues(copies, options.context)) {
    const { callIndex, tool } = copies[index] as (typeof copies)[number];
    if (!issues.some((issue) => issue.callIndex === callIndex && samePath(issue.path, [name]))) issues.push({ callIndex, tool, path: [name], check: 'repeated-call', message });
  }
  for (const { index, name, message } of copiesOfOtherCalls(copies, options.context)) {
    const { callIndex, tool } = copies[index] as (typeof copies)[number];
    const definition = tools[tool];
    const required = definition === undefined ? [] : ((parametersOf(definition) as { required?: readonly string[] }).required ?? []);
    if (required.includes(name) || issues.some((issue) => issue.callIndex === callIndex && samePath(issue.path, [name]))) continue;
    issues.push({ callIndex, tool, path: [name], check: 'repeated-call', message });
  }
  if (options.replannable === false || options.grounding === false) return issues;
  const repeatedCalls = repeatedCallIssues(copies, options.context).map(({ index, message }) => ({ ...(copies[index] as (typeof copies)[number]), message }));
  // A call planned again is rejected whole: its fields' own issues go with it.
  const kept = issues.filter((issue) => !repeatedCalls.some((call) => call.callIndex === issue.callIndex));
  return [...kept, ...repeatedCalls.map(({ callIndex, tool, message }): FieldIssue => ({ callIndex, tool, path: [], check: 'repeated-call', message }))];
}

const parameterCache = new WeakMap<object, object>();

/**
 * The tool's arguments as JSON Schema: as declared for a `jsonSchema()` input, else zod's conversion (cached:
 * `z.toJSONSchema` walks the whole schema).
 */
export function parametersOf(tool: { inputSchema: z.ZodType }): object {
  let parameters = parameterCache.get(tool.inputSchema);
  if (parameters === undefined) {
    parameters = declaredJsonSchema(tool.inputSchema) ?? z.toJSONSchema(tool.inputSchema, { io: 'input', unrepresentable: 'any' });
    parameterCache.set(tool.inputSchema, parameters);
  }
  return parameters;
}

/** A tool's top-level properties, as `parametersOf` gives them. */
function propertiesOfTool(tool: { inputSchema: z.ZodType }): Record<string, { description?: string }> {
  return (parametersOf(tool) as { properties?: Record<string, { description?: string }> }).properties ?? {};
}

/** The tool and argument of the plan holding a number as a number ("set_timer.minutes"), or undefined. */
function numberHolder(calls: readonly PlannedCall[], number: number): string | undefined {
  for (const call of calls) {
    for (const [name, value] of Object.entries(call.arguments)) if (typeof value === 'number' && value === number) return `${call.tool}.${name}`;
  }
  return undefined;
}

/** Whether two JSON paths are the same, segment by segment. */
export function samePath(left: readonly (string | number)[], right: readonly (string | number)[]): boolean {
  return left.length === right.length && left.every((segment, index) => segment === right[index]);
}
