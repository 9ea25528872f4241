import type { PlannedCall } from '../checks/check-calls.js';
import type { FieldIssue } from '../checks/field-issue.js';
import { mentionsTakenFrom } from '../checks/repeated-calls.js';
import { textsAround } from '../planning/plan-grounding.js';

/** A repeated call or a call of another tool, planned again whole (not one of its fields). */
export function isWholeCall(issue: FieldIssue): boolean {
  return (issue.check === 'repeated-call' || issue.check === 'another-tool') && issue.path.length === 0;
}

/**
 * The words each value a repair re-masks may not copy, by its hole's path: a call planned again now keeps off the
 * words the other calls copied, a repeated value off those the argument that kept the mention holds. Undefined
 * when no issue asks for it (the repair then keeps the grounding in force). A field of a call planned again in an
 * earlier attempt is grounded in the whole conversation again: when the words left held no value for it (the one
 * e-mail address of the request), its hole was left free, and the grounding check rejected what it wrote.
 */
export function wordsTaken(issues: readonly FieldIssue[], calls: readonly PlannedCall[], context: string): ((path: readonly (string | number)[]) => readonly string[] | undefined) | undefined {
  if (!issues.some((issue) => isWholeCall(issue) || issue.taken !== undefined || issue.check === 'grounding')) return undefined;
  const byCall = new Map(issues.filter(isWholeCall).map((issue) => [issue.callIndex, mentionsTakenFrom(calls, issue.callIndex, context)] as const));
  return (path) => {
    const words = [
      ...(byCall.get(path[0] as number) ?? []),
      ...issues.flatMap((issue) => (issue.taken !== undefined && isArgumentHole(issue, path) ? [issue.taken] : [])),
    ];
    return words.length === 0 ? undefined : words;
  };
}

/**
 * The texts each value a repair re-masks must be copied from, by its hole's path: for a value rejected as another
 * argument's (`labelled-value`), the conversation after its own name; for a copy that took the words around its
 * value (`function-words`), that value alone, written whole. Undefined when no issue asks for it.
 */
export function textsWithin(issues: readonly FieldIssue[]): ((path: readonly (string | number)[]) => readonly string[] | { readonly values: readonly string[] } | undefined) | undefined {
  const pointed = issues.filter((issue) => (issue.within !== undefined || issue.values !== undefined) && issue.path.length === 1);
  if (pointed.length === 0) return undefined;
  return (path) => {
    const issue = pointed.find((candidate) => path.length === 3 && isArgumentHole(candidate, path));
    return issue?.values === undefined ? issue?.within : { values: issue.values };
  };
}

/** Whether a hole's path (`[call, "arguments", name, ...]`) lies under the argument an issue rejects. */
function isArgumentHole(issue: FieldIssue, path: readonly (string | number)[]): boolean {
  return issue.callIndex === path[0] && path[1] === 'arguments' && issue.path[0] === path[2];
}

/**
 * `textsWithin` for a repair in which some values are confined to their own call's parts of the request (by
 * `"call:argument"`: a value once rejected for copying from another call's part, `other-clause`): where no issue
 * of this repair names texts for such a value, it copies from those parts still, without the words it may not take
 * (`taken`). Repaired again for another reason (a repeat of the origin, "Mendoza to"), it would otherwise copy from
 * the whole request, and take the other call's words again.
 */
export function withinConfined(
  within: ReturnType<typeof textsWithin>,
  taken: ReturnType<typeof wordsTaken>,
  confined: ReadonlyMap<string, readonly string[]>,
): ReturnType<typeof textsWithin> {
  if (confined.size === 0) return within;
  return (path) => {
    const named = within?.(path);
    const texts = path.length === 3 && path[1] === 'arguments' ? confined.get(`${String(path[0])}:${String(path[2])}`) : undefined;
    if (named !== undefined || texts === undefined) return named;
    const pieces = texts.flatMap((text) => textsAround(text, taken?.(path) ?? []));
    return pieces.length === 0 ? texts : pieces;
  };
}
