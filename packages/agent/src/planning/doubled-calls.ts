import { holdsClause, type RequestClause } from '../checks/request-clauses.js';
import { propertiesAmong, type Call, type CallsInput } from './calls-of-another-tool.js';
import { readsRequiredArguments } from './groundable-tools.js';

/**
 * The call of another tool that a call only doubles: every value of `call` is one of its values (the same words, or
 * the same number), every part of the request `call` holds it holds too, and asks for it (its tool's readers read
 * every argument they read there), and no such part names `call`'s own tool. `translate_text {text: "612.5",
 * target_language: "CHF"}` beside `convert_currency {amount: 612.5, from: "INR", to: "CHF"}` for "... and then turn
 * 612.5 INR into CHF?" holds nothing the request asks of it. Undefined when no call is so.
 */
export function doublingCall(input: CallsInput & { readonly call: Call }): Call | undefined {
  const { call, calls, clauses, request, tools, offered, reading = {} } = input;
  const propertiesOf = propertiesAmong(offered);
  const partsOf = (planned: Call) => clauses.filter((clause) => holdsClause(clause, planned, request, tools, { propertiesOf, reading, byName: false }));
  const held = partsOf(call);
  if (held.length === 0 || held.some((clause) => holdsClause(clause, { tool: call.tool, arguments: {} }, request, tools, { propertiesOf, reading, byName: true }))) return undefined;
  const reads = (tool: string, clause: RequestClause) => {
    const signature = offered.find((candidate) => candidate.name === tool);
    return signature !== undefined && readsRequiredArguments(tools[tool] ?? {}, signature, clause.text, reading);
  };
  const values = (planned: Call) => Object.values(planned.arguments).map((value) => String(value).toLowerCase());
  return calls.find((other) => {
    if (other === call || other.tool === call.tool) return false;
    const theirs = values(other);
    if (!values(call).every((value) => theirs.includes(value))) return false;
    const parts = partsOf(other);
    return held.every((clause) => parts.includes(clause) && reads(other.tool, clause));
  });
}
