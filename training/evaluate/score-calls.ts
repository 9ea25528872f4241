/**
 * How a planned set of tool calls compares with the corpus's expected calls. Calls are compared as multisets:
 * a plan may list parallel calls in another order than the request mentions them.
 */

export interface Call {
  readonly tool: string;
  readonly arguments: Readonly<Record<string, unknown>>;
}

export interface CallScore {
  /** The same tools, as many times each (an empty plan is right when no call was expected). */
  readonly rightTools: boolean;
  /** The same calls, every argument exactly equal. */
  readonly exactCalls: boolean;
  /** Some planned call holds an argument its expected call leaves out: an optional value nobody asked for. */
  readonly inventedOptional: boolean;
  /** Expected arguments written exactly, and all expected arguments (calls paired by tool, in order). */
  readonly argumentsRight: number;
  readonly argumentsExpected: number;
}

export function scoreCalls(expected: readonly Call[], planned: readonly Call[]): CallScore {
  const rightTools = sameMultiset(expected.map((call) => call.tool), planned.map((call) => call.tool));
  const exactCalls = sameMultiset(expected.map(canonicalJson), planned.map(canonicalJson));
  // Pairs of calls to the same tool, the most agreeing first (parallel calls to one tool differ by values).
  const pairs = expected
    .flatMap((call, expectedIndex) =>
      planned.flatMap((candidate, plannedIndex) => (candidate.tool === call.tool ? [{ expectedIndex, plannedIndex, agreement: agreement(call, candidate) }] : [])),
    )
    .sort((left, right) => right.agreement - left.agreement);
  const pairedExpected = new Set<number>();
  const pairedPlanned = new Set<number>();
  let inventedOptional = false;
  let argumentsRight = 0;
  for (const pair of pairs) {
    if (pairedExpected.has(pair.expectedIndex) || pairedPlanned.has(pair.plannedIndex)) continue;
    pairedExpected.add(pair.expectedIndex);
    pairedPlanned.add(pair.plannedIndex);
    argumentsRight += pair.agreement;
    const call = expected[pair.expectedIndex] as Call;
    const candidate = planned[pair.plannedIndex] as Call;
    if (Object.keys(candidate.arguments).some((key) => !Object.hasOwn(call.arguments, key))) inventedOptional = true;
  }
  const argumentsExpected = expected.reduce((sum, call) => sum + Object.keys(call.arguments).length, 0);
  return { rightTools, exactCalls, inventedOptional, argumentsRight, argumentsExpected };
}

/** Expected arguments the planned call writes exactly. */
function agreement(expected: Call, planned: Call): number {
  return Object.entries(expected.arguments).filter(([key, value]) => Object.hasOwn(planned.arguments, key) && canonicalJson(planned.arguments[key]) === canonicalJson(value)).length;
}

function sameMultiset(left: readonly string[], right: readonly string[]): boolean {
  if (left.length !== right.length) return false;
  const sortedRight = [...right].sort();
  return [...left].sort().every((item, index) => item === sortedRight[index]);
}

/** JSON with object keys sorted, so that key order never decides equality. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
