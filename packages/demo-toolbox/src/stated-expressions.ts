/** A number of an expression, with the brackets and sign around it: `(-12.5`, `3)`. */
const OPERAND = String.raw`\(* *-?\d+(\.\d+)? *\)*`;
/** The operators `evaluateArithmetic` reads (x for times, as people type it). */
const OPERATOR = String.raw`[-+*/%^x]`;

/** calculate's `expression`: numbers joined by at least one operator, brackets and single spaces around them. */
export const ARITHMETIC_EXPRESSION = new RegExp(String.raw`^ *${OPERAND}( *${OPERATOR} *${OPERAND})+ *$`);

const EXPRESSION_IN_TEXT = new RegExp(String.raw`${OPERAND}(?: *${OPERATOR} *${OPERAND})+`, 'g');
/** Dates and clock times written with dashes: `2026-02-06`, `2026-02`, no subtraction. */
const DATE = /^\d{4}-\d{1,2}(?:-\d{1,2})?$/;

/**
 * The arithmetic expressions a text writes out ("How much is (944-62.88*955)+22701?"), each as it is written, its
 * brackets balanced: what calculate copies whole. A request that says its sum in words ("the difference between
 * 578 and 2") writes none, and the expression is then the model's to write.
 */
export function expressionsIn(text: string): string[] {
  const expressions: string[] = [];
  for (const [match] of text.matchAll(EXPRESSION_IN_TEXT)) {
    const expression = balanced(match.trim());
    if (expression === undefined || DATE.test(expression) || !ARITHMETIC_EXPRESSION.test(expression)) continue;
    if (!expressions.includes(expression)) expressions.push(expression);
  }
  return expressions;
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
