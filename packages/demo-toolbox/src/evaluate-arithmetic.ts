/**
 * Evaluates + - * / % ^ and parentheses over decimal numbers: what `calculate` needs, without `eval`.
 * Throws a RangeError naming the position of the first character it cannot read.
 */
export function evaluateArithmetic(expression: string): number {
  let position = 0;
  const peek = (): string => {
    while (expression[position] === ' ') position++;
    return expression[position] ?? '';
  };
  const fail = (what: string): never => {
    throw new RangeError(`Cannot read the expression at character ${position + 1}: ${what}.`);
  };
  const sum = (): number => {
    let value = product();
    for (let operator = peek(); operator === '+' || operator === '-'; operator = peek()) {
      position++;
      value = operator === '+' ? value + product() : value - product();
    }
    return value;
  };
  const product = (): number => {
    let value = power();
    for (let operator = peek(); operator === '*' || operator === '/' || operator === '%' || operator === 'x'; operator = peek()) {
      position++;
      const right = power();
      value = operator === '/' ? value / right : operator === '%' ? value % right : value * right;
    }
    return value;
  };
  const power = (): number => {
    const base = unary();
    if (peek() === '^') {
      position++;
      return base ** power();
    }
    return base;
  };
  const unary = (): number => {
    const next = peek();
    if (next === '-' || next === '+') {
      position++;
      return next === '-' ? -unary() : unary();
    }
    if (next === '(') {
      position++;
      const value = sum();
      if (peek() !== ')') fail('expected ")"');
      position++;
      return value;
    }
    const match = /^[0-9]+(\.[0-9]+)?|^\.[0-9]+/.exec(expression.slice(position));
    if (match === null) return fail(next === '' ? 'the expression ends too early' : `unexpected "${next}"`);
    position += match[0].length;
    return Number(match[0]);
  };
  const value = sum();
  if (peek() !== '') fail(`unexpected "${peek()}"`);
  return value;
}
