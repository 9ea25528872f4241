import { numbersInWords } from './grounding.js';

/**
 * The JSON Schema `pattern` of an answer that states only numbers the conversation states: each run of digits
 * in it is one the conversation holds, in digits or in words ("ten minutes" allows 10), and a decimal point
 * joins two runs only where the conversation has that decimal (231.48 from a result; not 88189.77 made of
 * 0.88189 and 838.77). The answer's hole is constrained by it while sampling, so a figure nobody stated (a
 * converted amount the tool did not return, a "22222" for 22) cannot be written at all; an answer without
 * numbers is unaffected.
 */
export function statedNumbersPattern(context: string): string {
  const numbers = new Set([...(context.match(/\d+/g) ?? []), ...(context.match(/\d+\.\d+/g) ?? [])]);
  for (const number of numbersInWords(context)) if (Number.isInteger(number)) numbers.add(String(number));
  if (numbers.size === 0) return '^[^0-9]*$';
  const number = `(?:${[...numbers].sort().map((text) => text.replace('.', '\\.')).join('|')})`;
  // Between two numbers at least one non-digit, and not a lone point, which would make them one decimal.
  const between = '(?:[^0-9.][^0-9]*|\\.[^0-9]+)';
  return `^[^0-9]*(?:${number}${between})*(?:${number}[^0-9]*)?$`;
}
