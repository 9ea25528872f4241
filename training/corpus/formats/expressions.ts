import type { Random } from '../random.js';

/** An arithmetic request: what the user writes, and the expression `calculate` receives. */
export interface SpokenExpression {
  readonly surface: string;
  readonly expression: string;
  readonly normalised: boolean;
}

function operand(random: Random): string {
  return random.weighted<string>([
    [String(random.integer(2, 20)), 4],
    [String(random.integer(21, 999)), 4],
    [String(random.integer(1000, 99999)), 1],
    [`${random.integer(0, 99)}.${random.integer(1, 9)}`, 1],
    [`${random.integer(1, 99)}.${String(random.integer(1, 99)).padStart(2, '0')}`, 1],
  ]);
}

const OPERATORS = ['+', '-', '*', '/'] as const;

/** A symbolic expression of 2 to 4 operands, sometimes with a parenthesised group or a power. */
function symbolicExpression(random: Random): string {
  const count = random.weighted<number>([[2, 6], [3, 3], [4, 1]]);
  const terms = Array.from({ length: count }, () => operand(random));
  let expression = terms[0] as string;
  for (let index = 1; index < terms.length; index++) {
    const operator = random.pick(OPERATORS);
    const term = terms[index] as string;
    expression = index === 1 || !random.chance(0.3) ? `${expression} ${operator} ${term}` : `(${expression}) ${operator} ${term}`;
  }
  if (random.chance(0.08)) expression = `${random.integer(2, 12)} ^ ${random.integer(2, 4)}`;
  return expression;
}

/** Written as the user would type it: the call copies it verbatim, spacing and all. */
function typedStyle(expression: string, random: Random): string {
  if (random.chance(0.25)) return expression.replaceAll(' ', '');
  if (random.chance(0.15) && !expression.includes('.')) return expression.replaceAll('*', 'x');
  return expression;
}

type Verbal = (left: string, right: string) => readonly [surface: string, expression: string];

/** `small` forms raise to a power, so their base stays small enough for a readable result. */
const VERBAL_FORMS: readonly { readonly small: boolean; readonly write: Verbal }[] = [
  { small: false, write: (left, right) => [`${left} plus ${right}`, `${left} + ${right}`] },
  { small: false, write: (left, right) => [`${left} minus ${right}`, `${left} - ${right}`] },
  { small: false, write: (left, right) => [`${left} times ${right}`, `${left} * ${right}`] },
  { small: false, write: (left, right) => [`${left} multiplied by ${right}`, `${left} * ${right}`] },
  { small: false, write: (left, right) => [`${left} divided by ${right}`, `${left} / ${right}`] },
  { small: false, write: (left, right) => [`the sum of ${left} and ${right}`, `${left} + ${right}`] },
  { small: false, write: (left, right) => [`the product of ${left} and ${right}`, `${left} * ${right}`] },
  { small: false, write: (left, right) => [`the difference between ${left} and ${right}`, `${left} - ${right}`] },
  { small: false, write: (left, right) => [`${left} percent of ${right}`, `${left} / 100 * ${right}`] },
  { small: false, write: (left, right) => [`${left}% of ${right}`, `${left} / 100 * ${right}`] },
  { small: true, write: (left) => [`${left} squared`, `${left} ^ 2`] },
  { small: true, write: (left) => [`${left} cubed`, `${left} ^ 3`] },
  { small: true, write: (left, right) => [`${left} to the power of ${right}`, `${left} ^ ${right}`] },
];

export function drawExpression(random: Random): SpokenExpression {
  if (random.chance(0.55)) {
    const expression = typedStyle(symbolicExpression(random), random);
    return { surface: expression, expression, normalised: false };
  }
  const form = random.pick(VERBAL_FORMS);
  const [surface, expression] = form.small
    ? form.write(String(random.integer(2, 30)), String(random.integer(2, 6)))
    : form.write(operand(random), operand(random).replace(/\.\d+$/, ''));
  return { surface, expression, normalised: true };
}

/** A result as an answer states it: exact when short, else rounded to 4 decimals and said to be about. */
export function formatResult(value: number): { readonly text: string; readonly approximate: boolean } {
  if (!Number.isFinite(value)) return { text: String(value), approximate: false };
  const rounded = Math.round(value * 10000) / 10000;
  // 0.1 + 0.2 is 0.30000000000000004 in floating point, but exactly 0.3 to the person who asked.
  return { text: String(rounded), approximate: Math.abs(rounded - value) > 1e-9 * Math.max(1, Math.abs(value)) };
}
