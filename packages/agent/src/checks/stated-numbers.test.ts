import { describe, expect, it } from 'vitest';
import { statedNumbersPattern } from './stated-numbers.js';

describe('statedNumbersPattern', () => {
  const accepts = (context: string, answer: string) => new RegExp(statedNumbersPattern(context), 'u').test(answer);

  it('lets an answer state the numbers of the conversation, each digit run whole', () => {
    const context = 'Convert 250 USD to EUR\n[{"tool":"convert_currency","result":{"converted":231.48,"rate":0.925926}}]';
    expect(accepts(context, '250 USD is 231.48 EUR.')).toBe(true);
    expect(accepts(context, 'That is 231 euros and 48 cents.')).toBe(true);
    expect(accepts(context, 'No numbers at all.')).toBe(true);
    // Invented figures, and stated ones run together or cut short.
    expect(accepts(context, '250 USD is 5588866 EUR.')).toBe(false);
    expect(accepts(context, '250250 USD.')).toBe(false);
    expect(accepts(context, 'About 23 EUR.')).toBe(false);
  });

  it('joins two digit runs with a point only into a decimal the conversation states', () => {
    const context = 'Quick conversion: 951.1 Swiss francs to quid.\n{"converted":838.77,"rate":0.88189}';
    expect(accepts(context, '951.1 CHF is 838.77 GBP, at 0.88189.')).toBe(true);
    expect(accepts(context, 'That is 838.77.')).toBe(true);
    expect(accepts(context, '838. 77 then.')).toBe(true);
    // Runs the context holds, run together into decimals it does not.
    expect(accepts(context, '951..77 Swiss88189.77.')).toBe(false);
    expect(accepts(context, 'It is 77.1 GBP.')).toBe(false);
    expect(accepts('2% of 10 is {"result":0.2}', 'It is 0.2, not 0.0 or 2.2.')).toBe(false);
    expect(accepts('2% of 10 is {"result":0.2}', 'It is 0.2.')).toBe(true);
  });

  it('allows the digits of numbers stated in words, and no digit when none is stated', () => {
    expect(accepts('Set a timer for ten minutes', 'A 10-minute timer is running.')).toBe(true);
    expect(accepts('Hello there', 'Hi! How can I help?')).toBe(true);
    expect(accepts('Hello there', 'You have 3 new messages.')).toBe(false);
  });
});
