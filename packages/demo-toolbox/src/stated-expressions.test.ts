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

  it('reads none in a sum said in words, a date or a lone number', () => {
    expect(expressionsIn('calculate the difference between 9783 and 18.')).toEqual([]);
    expect(expressionsIn('find me a flight on 2026-02-06, then the difference between 578 and 2')).toEqual([]);
    expect(expressionsIn('What is 14 squared?')).toEqual([]);
  });

  it('leaves out the brackets of the text around an expression', () => {
    expect(expressionsIn('(that is, 3 + 4)')).toEqual(['3 + 4']);
  });
});

describe('ARITHMETIC_EXPRESSION', () => {
  it('accepts what evaluateArithmetic reads and rejects a cut or worded expression', () => {
    for (const expression of ['(944-62.88*955)+22701', '11 / 100 * 3', '14 ^ 2', '(4 x 17) + 241', '-3 + 4']) {
      expect(ARITHMETIC_EXPRESSION.test(expression), expression).toBe(true);
      expect(Number.isFinite(evaluateArithmetic(expression)), expression).toBe(true);
    }
    for (const expression of ['(944-62.88*955)+', '578 and', '11.', '14', 'evaluate 12 +']) expect(ARITHMETIC_EXPRESSION.test(expression), expression).toBe(false);
  });
});
