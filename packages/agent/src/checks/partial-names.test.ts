import { describe, expect, it } from 'vitest';
import { wholeName } from './partial-names.js';

const free = () => false;

describe('wholeName', () => {
  it('goes on over the capitalised words that follow a copy in every statement', () => {
    expect(wholeName('Oliver', 'Extend it for candidate Oliver Hoffmann and manager Ann Lee.', free)).toBe('Oliver Hoffmann');
    expect(wholeName('The Green', 'A table at The Green Door, 3:00 pm.', free)).toBe('The Green Door');
    expect(wholeName('Anjali', 'with candidate Anjali Lombardi, for employee Anneke Teo', free)).toBe('Anjali Lombardi');
  });

  it('stops at words another argument holds, at dates, at "I", and after three words', () => {
    const context = 'flight Seoul Houston Friday, April 4, 2025';
    const houston = context.indexOf('Houston');
    expect(wholeName('Seoul', context, (at) => at >= houston)).toBe('Seoul');
    expect(wholeName('Ann', 'Email Ann I think', free)).toBe('Ann');
    expect(wholeName('A', 'A B C D E', free)).toBe('A B C D');
  });

  it('leaves a copy ending in a lower-case word, one no name follows, or one that goes on differently', () => {
    expect(wholeName('onboarding call', 'new event: Customer onboarding call Monday', free)).toBe('onboarding call');
    expect(wholeName('Lisbon', 'weather in Lisbon, please', free)).toBe('Lisbon');
    expect(wholeName('Ann', 'Ask Ann Lee, then Ann Park.', free)).toBe('Ann');
  });
});
