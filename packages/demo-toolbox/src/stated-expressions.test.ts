import { describe, expect, it } from 'vitest';
import { evaluateArithmetic } from './evaluate-arithmetic.js';
import { ARITHMETIC_EXPRESSION, expressionsIn } from './stated-expressions.js';

describe('expressionsIn', () => {
  it('reads an expression a request writes out, whole', () => {
    expect(expressionsIn('How much is (944-62.88*955)+22701?')).toEqual(['(944-62.88*955)+22701']);
    expect(expressionsIn('what do you get for ((727-7)*981)*11.35')).toEqual(['((727-7)*981)*11.35']);
    expect(expressionsIn('Pull up the price of WFC. Then tell me what 379 * 9 + 7 is, please')).toEqual(['379 * 9 + 7']);
    expect(expressionsIn('what is 309 x 110?')).toEqual(['309 x 110']);
  });

  it('reads arithmetic said in words as the expression it states', () => {
    expect(expressionsIn('calculate the difference between 9783 and 18.')).toEqual(['9783 - 18']);
    expect(expressionsIn('find me a flight on 2026-02-06, then the difference between 578 and 2')).toEqual(['578 - 2']);
    expect(expressionsIn('What is 14 squared? And 11 percent of 3, or 5% of 526?')).toEqual(['14 ^ 2', '11 / 100 * 3', '5 / 100 * 526']);
    expect(expressionsIn('what do you get for 42413 multiplied by 75153, then 2 to the power of 4')).toEqual(['42413 * 75153', '2 ^ 4']);
    expect(expressionsIn('Evaluate the sum of 9.70 and 641, and 8 * 467')).toEqual(['9.70 + 641', '8 * 467']);
  });

  it('reads none in a date, a lone number or a sum it cannot read', () => {
    expect(expressionsIn('find me a flight on 2026-02-06 for 2 people')).toEqual([]);
    expect(expressionsIn('What is 14?')).toEqual([]);
    expect(expressionsIn('add twelve and four')).toEqual([]);
  });

  it('leaves out the brackets of the text around an expression', () => {
    expect(expressionsIn('(that is, 3 + 4)')).toEqual(['3 + 4']);
  });
});

describe('ARITHMETIC_EXPRESSION', () => {
  it('accepts every expression the reader states in words', () => {
    for (const expression of expressionsIn('9783 minus 18, 3 times 4, 8 divided by 2, the product of 3 and 4, 3 cubed')) expect(ARITHMETIC_EXPRESSION.test(expression), expression).toBe(true);
  });

  it('accepts what evaluateArithmetic reads and rejects a cut or worded expression', () => {
    for (const expression of ['(944-62.88*955)+22701', '11 / 100 * 3', '14 ^ 2', '(4 x 17) + 241', '-3 + 4']) {
      expect(ARITHMETIC_EXPRESSION.test(expression), expression).toBe(true);
      expect(Number.isFinite(evaluateArithmetic(expression)), expression).toBe(true);
    }
    for (const expression of ['(944-62.88*955)+', '578 and', '11.', '14', 'evaluate 12 +']) expect(ARITHMETIC_EXPRESSION.test(expression), expression).toBe(false);
  });
});
