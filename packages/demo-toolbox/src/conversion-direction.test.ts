import { describe, expect, it } from 'vitest';
import { conversionDirection } from './conversion-direction.js';

describe('conversionDirection', () => {
  it('reads "from" and "to" where the request says them', () => {
    expect(conversionDirection('I want you to convert 66 from NOK to Korean won')).toEqual({ from: 'NOK', to: 'KRW' });
    expect(conversionDirection('turn 450 SGD into bucks')).toEqual({ from: 'SGD', to: 'USD' });
    expect(conversionDirection('Convert euros to dollars: 50')).toEqual({ from: 'EUR', to: 'USD' });
  });

  it('takes the currency written against the amount as the one converted from', () => {
    expect(conversionDirection('how much yen is ₩219422?')).toEqual({ from: 'KRW', to: 'JPY' });
    expect(conversionDirection("i'm paying £41290; what is that in euros?")).toEqual({ from: 'GBP', to: 'EUR' });
    expect(conversionDirection('how many JPY do I get for 81 Swiss francs?')).toEqual({ from: 'CHF', to: 'JPY' });
    expect(conversionDirection('How much GBP is $1,550?')).toEqual({ from: 'USD', to: 'GBP' });
    expect(conversionDirection('Quick conversion: 157,194 AUD to American dollars.')).toEqual({ from: 'AUD', to: 'USD' });
  });

  it('says nothing when the request names other than two currencies, or not which way', () => {
    expect(conversionDirection('convert 100 dollars')).toBeUndefined();
    expect(conversionDirection('dollars, euros and pounds: which is worth most?')).toBeUndefined();
    expect(conversionDirection('Are euros or dollars stronger today?')).toBeUndefined();
  });
});
