import { inTextOrder, type FoundAt } from './in-text-order.js';

/** A number of an expression, with the brackets and sign around it: `(-12.5`, `3)`. */
const OPERAND = String.raw`\(* *-?\d+(\.\d+)? *\)*`;
/** The operators `evaluateArithmetic` reads (x for times, as people type it). */
const OPERATOR = String.raw`[-+*/%^x]`;

/** calculate's `expression`: numbers joined by at least one operator, brackets and single spaces around them. */
export const ARITHMETIC_EXPRESSION = new RegExp(String.raw`^ *${OPERAND}( *${OPERATOR} *${OPERAND})+ *$`);

const EXPRESSION_IN_TEXT = new RegExp(String.raw`${OPERAND}(?: *${OPERATOR} *${OPERAND})+`, 'g');
/** Dates and clock times written with dashes: `2026-02-06`, `2026-02`, no subtraction. */
const DATE = /^\d{4}-\d{1,2}(?:-\d{1,2})?$/;

type Write = (left: string, right: string) => string;
const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
/** A phrase of arithmetic in words (its numbers are `${NUMBER}`), with the expression it states. */
function worded(phrase: string, write: Write): readonly [RegExp, Write] {
  return [new RegExp(String.raw`\b${phrase}\b`, 'gi'), write];
}
/** Arithmetic said in words: "the difference between 578 and 2" states `578 - 2`. */
const WORDED: readonly (readonly [RegExp, Write])[] = [
  worded(`${NUMBER} plus ${NUMBER}`, (left, right) => `${left} + ${right}`),
  worded(`${NUMBER} minus ${NUMBER}`, (left, right) => `${left} - ${right}`),
  worded(`${NUMBER} (?:times|multiplied by) ${NUMBER}`, (left, right) => `${left} * ${right}`),
  worded(`${NUMBER} divided by ${NUMBER}`, (left, right) => `${left} / ${right}`),
  worded(`(?:the )?sum of ${NUMBER} and ${NUMBER}`, (left, right) => `${left} + ${right}`),
  worded(`(?:the )?product of ${NUMBER} and ${NUMBER}`, (left, right) => `${left} * ${right}`),
  worded(`(?:the )?difference between ${NUMBER} and ${NUMBER}`, (left, right) => `${left} - ${right}`),
  worded(`${NUMBER}(?: ?%| percent) of ${NUMBER}`, (left, right) => `${left} / 100 * ${right}`),
  worded(`${NUMBER} squared`, (left) => `${left} ^ 2`),
  worded(`${NUMBER} cubed`, (left) => `${left} ^ 3`),
  worded(`${NUMBER} to the power of ${NUMBER}`, (left, right) => `${left} ^ ${right}`),
];

/**
 * The arithmetic expressions a text states, in text order: written out ("How much is (944-62.88*955)+22701?"), as
 * written with its brackets balanced, or said in words ("the difference between 578 and 2", "11 percent of 3", "14
 * squared"), as arithmetic (`578 - 2`, `11 / 100 * 3`, `14 ^ 2`). What calculate copies whole. A request that says
 * its sum some other way states none, and the expression is then the model's to write.
 */
export function expressionsIn(text: string): string[] {
  const found: FoundAt<string>[] = [];
  for (const match of text.matchAll(EXPRESSION_IN_TEXT)) {
    const expression = balanced(match[0].trim());
    if (expression !== undefined && !DATE.test(expression) && ARITHMETIC_EXPRESSION.test(expression)) found.push({ at: match.index, value: expression });
  }
  for (const [pattern, write] of WORDED) {
    for (const match of text.matchAll(pattern)) found.push({ at: match.index, value: write(match[1] as string, match[2] as string) });
  }
  return inTextOrder(found);
}

/** The expression without the brackets of the text around it ("(3 + 4)" of "(3 + 4))" or of "((3 + 4)"). */
function balanced(expression: string): string | undefined {
  let text = expression;
  for (;;) {
    const opened = [...text].filter((character) => character === '(').length;
    const closed = [...text].filter((character) => character === ')').length;
    if (opened === closed) return text;
    if (opened > closed && text.startsWith('(')) text = text.slice(1).trimStart();
    else if (closed > opened && text.endsWith(')')) text = text.slice(0, -1).trimEnd();
    else return undefined;
  }
}
