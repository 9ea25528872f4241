import { inTextOrder, type FoundAt } from './in-text-order.js';

type Priority = 'low' | 'medium' | 'high';

/**
 * Words that give a task's priority besides its own name ("urgent", "no rush"); the negated ones come first. Not
 * "asap" nor "when you get a chance": they say when to act on the request, not how much the task matters.
 */
const PRIORITY_PATTERNS: readonly (readonly [Priority, RegExp])[] = [
  ['low', /\b(?:not|isn't|is not|no)\s+(?:urgent|important|rush|hurry)\b|\blow\b|\bwhenever\b|\bsomeday\b/giu],
  ['medium', /\bmedium\b|\bnormal priority\b|\bmoderate priority\b/giu],
  ['high', /\bhigh\b|\burgent(?:ly)?\b|\bcritical\b|\btop priority\b|\bimportant\b/giu],
];

/**
 * The priorities a text gives a task, in the order it gives them, each once: add_todo's `priority`, which a request
 * may give by name ("high priority", "priority: low") or in other words ("urgent", "no rush"). A negated word gives
 * the low end ("not urgent"), not its own. None when it gives none, and the optional priority is then left out
 * rather than written by the model.
 */
export function prioritiesIn(text: string): Priority[] {
  const taken: [number, number][] = [];
  const found: FoundAt<Priority>[] = [];
  for (const [priority, pattern] of PRIORITY_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const span: [number, number] = [match.index, match.index + match[0].length];
      // "not urgent" is low: its "urgent" gives no high.
      if (taken.some(([start, end]) => start <= span[0] && span[1] <= end)) continue;
      taken.push(span);
      found.push({ value: priority, at: span[0] });
    }
  }
  return inTextOrder(found);
}
