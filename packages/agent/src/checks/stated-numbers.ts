import { numbersInWords } from './grounding.js';

/**
 * The JSON Schema `pattern` of an answer that states only numbers the conversation states: each run of digits
 * in it is one the conversation holds, in digits or in words ("ten minutes" allows 10). The answer's hole is
 * constrained by it while sampling, so a figure nobody stated (a converted amount the tool did not return, a
 * "22222" for 22) cannot be written at all; an answer without numbers is unaffected.
 */
export function statedNumbersPattern(context: string): string {
  const runs = new Set(context.match(/\d+/g) ?? []);
  for (const number of numbersInWords(context)) if (Number.isInteger(number)) runs.add(String(number));
  if (runs.size === 0) return '^[^0-9]*$';
  const run = `(?:${[...runs].sort().join('|')})`;
  // Digit runs, each one of the stated ones, apart from each other by at least one non-digit.
  return `^[^0-9]*(?:${run}[^0-9]+)*(?:${run}[^0-9]*)?$`;
}
