import { occurrences, startsOf } from './repeated-values.js';

/** A planned call as the repeated-call check reads it. */
export interface CallCopies {
  readonly tool: string;
  readonly arguments: Record<string, unknown>;
  /** Its arguments copied from the conversation that passed the grounding check. */
  readonly copied: ReadonlySet<string>;
  /** Whether it was planned again already this step: it is not planned a third time. */
  readonly replanned?: boolean;
}

/**
 * Two calls of one tool that copy the same words: the model named one tool for two requests ("email Ann, and
 * evaluate 19 + 10" planned as two e-mails to Ann). A value the conversation states once belongs to one call, as
 * it fills one argument (repeated-values.ts), so of two calls of a tool holding it in the same argument (or copies of
 * it cut differently, "Farewell party on" and "Farewell party"), or of two identical calls, the later one is planned again with another tool; a call planned again already is kept, so
 * that two such calls are left as they are. (Planning again the call whose tool decision was less sure, measured
 * on the default model in session 20, mended one plan and broke two: a first call planned again after the
 * second took the words it needed less often.) Two calls of a tool with different values ("the weather in Rome
 * and in Oslo") are left alone, as is a value stated twice ("send it to ann@x.io, and cc ann@x.io on the other
 * one").
 *
 * Returns the positions in `calls` to plan again, each with the message the model may read.
 */
export function repeatedCallIssues(calls: readonly CallCopies[], context: string): { index: number; message: string }[] {
  const replanned = new Map<number, string>();
  for (const [first, earlier] of calls.entries()) {
    for (let second = first + 1; second < calls.length; second++) {
      const later = calls[second] as CallCopies;
      if (later.tool !== earlier.tool || replanned.has(first) || replanned.has(second)) continue;
      const reason = sameArguments(earlier.arguments, later.arguments) ? 'the same arguments' : sharedMention(earlier, later, context);
      if (reason === undefined) continue;
      if (earlier.replanned === true && later.replanned === true) continue;
      const index = later.replanned === true ? first : second;
      replanned.set(index, `${later.tool} is called twice with ${reason}: this call is planned again with another tool.`);
    }
  }
  return [...replanned].map(([index, message]) => ({ index, message }));
}

/**
 * The copied arguments of a call planned again (`replanned`, after `repeatedCallIssues`) that hold a value another
 * call copied from a mention stated once: the new tool's arguments must come from the rest of the request, or the
 * call reads the words of the call it repeated once more ("evaluate 19 + 10, and email Ann" planned again as
 * `calculate` with the e-mail's body as its expression). Returns positions in `calls` and argument names, with
 * messages.
 */
export function replannedCopyIssues(calls: readonly CallCopies[], context: string): { index: number; name: string; message: string }[] {
  const issues: { index: number; name: string; message: string }[] = [];
  for (const [index, call] of calls.entries()) {
    if (call.replanned !== true) continue;
    for (const name of call.copied) {
      const value = call.arguments[name];
      if (typeof value !== 'string' || value.trim() === '' || occurrences(context, value) !== 1) continue;
      const holder = calls.findIndex((other, position) => position !== index && Object.values(other.arguments).includes(value));
      if (holder < 0) continue;
      issues.push({ index, name, message: `${name}: ${JSON.stringify(value)} is stated once and the ${(calls[holder] as CallCopies).tool} call holds it already.` });
    }
  }
  return issues;
}

/**
 * Copied arguments that hold only words another call copied: every statement of the value overlaps a value another
 * call holds that the conversation states once ("Search for a flight to Kobe, then put a three-minute timer on"
 * planned with `label: "Kobe"`, which the flight's `destination` holds). One mention fills one argument of one call,
 * so the value was never stated for this call. The agent asks it of optional arguments, whose value came with the
 * model's decision that the argument is there: it leaves them out. Both copies of a shared mention are returned;
 * which one is doubtful is the caller's to say. A value also stated elsewhere ("a timer for the pasta, and add buy
 * pasta to my list") is left alone. Returns positions in `calls` and argument names, with messages.
 */
export function copiesOfOtherCalls(calls: readonly CallCopies[], context: string): { index: number; name: string; message: string }[] {
  const held = calls.map((call) =>
    [...call.copied].flatMap((name) => {
      const value = call.arguments[name];
      if (typeof value !== 'string' || value.trim() === '' || occurrences(context, value) !== 1) return [];
      const at = context.indexOf(value);
      return [{ at, end: at + value.length, name, value }];
    }),
  );
  const issues: { index: number; name: string; message: string }[] = [];
  for (const [index, call] of calls.entries()) {
    for (const name of call.copied) {
      const value = call.arguments[name];
      if (typeof value !== 'string' || value.trim() === '') continue;
      const starts = startsOf(context, value);
      const holders = starts.map((at) => {
        for (const [other, mentions] of held.entries()) {
          if (other === index) continue;
          const mention = mentions.find((candidate) => at < candidate.end && candidate.at < at + value.length);
          if (mention !== undefined) return { other, mention };
        }
        return undefined;
      });
      const first = holders[0];
      if (first === undefined || holders.some((holder) => holder === undefined)) continue;
      const tool = (calls[first.other] as CallCopies).tool;
      issues.push({ index, name, message: `${name}: ${JSON.stringify(value)} is stated once, in the words the ${tool} call holds in \`${first.mention.name}\` (${JSON.stringify(first.mention.value)}).` });
    }
  }
  return issues;
}

/**
 * The words the other calls of a plan copied, which a call planned again must leave to them: every top-level
 * string argument of another call that the conversation states exactly once. `index` is the call's place in the
 * plan (`PlannedCall.index`).
 */
export function mentionsTakenFrom(calls: readonly { readonly index?: number; readonly arguments: Record<string, unknown> }[], index: number, context: string): string[] {
  const taken = new Set<string>();
  for (const [position, call] of calls.entries()) {
    if ((call.index ?? position) === index) continue;
    for (const value of Object.values(call.arguments)) if (typeof value === 'string' && value.trim() !== '' && occurrences(context, value) === 1) taken.add(value);
  }
  return [...taken];
}

/** An argument both calls copied, holding one value the conversation states once, described for the message. */
function sharedMention(earlier: CallCopies, later: CallCopies, context: string): string | undefined {
  for (const name of earlier.copied) {
    const value = earlier.arguments[name];
    const other = later.arguments[name];
    if (!later.copied.has(name) || typeof value !== 'string' || value.trim() === '' || typeof other !== 'string' || other.trim() === '') continue;
    if (occurrences(context, value) !== 1 || occurrences(context, other) !== 1) continue;
    if (other === value) return `${name} ${JSON.stringify(value)}, which is stated once`;
    // Two copies of one statement, cut differently ("Farewell party on" and "Farewell party"), are one mention too.
    const [at, otherAt] = [context.indexOf(value), context.indexOf(other)];
    if (at < otherAt + other.length && otherAt < at + value.length) return `${name} ${JSON.stringify(value)} and ${JSON.stringify(other)}, one statement`;
  }
  return undefined;
}

function sameArguments(left: Record<string, unknown>, right: Record<string, unknown>): boolean {
  return canonical(left) === canonical(right);
}

/** JSON with keys sorted at every level, so that argument order does not matter. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonical(member)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
