import { describe, expect, it } from 'vitest';
import { answerWordF1 } from './score-answer.js';

describe('answerWordF1', () => {
  it('is 1 for the reference, whatever the case and punctuation around its words', () => {
    expect(answerWordF1('Timer set for 90 minutes (popcorn).', 'timer set for 90 minutes popcorn')).toBe(1);
  });

  it('scores shared words as multisets: a stutter earns nothing for its repeats', () => {
    // 4 of the 6 written words are among the reference's 6 (timer, set, 90 and minutes once; "minutes" again is not).
    const reference = 'Timer set for 90 minutes (popcorn).';
    expect(answerWordF1('Timer set 90 minutes minutes corn', reference)).toBeCloseTo((2 * (4 / 6) * (4 / 6)) / (4 / 6 + 4 / 6));
    expect(answerWordF1('Timer set 90 minutes minutes corn', reference)).toBeLessThan(answerWordF1('Timer set for 90 minutes', reference));
  });

  it('keeps numbers, times and dates whole', () => {
    expect(answerWordF1('It is 17:45 on 2025-12-09', 'booked for 17:45 on 2025-12-09')).toBeCloseTo((2 * 0.6 * 0.6) / 1.2);
    expect(answerWordF1('231.48 EUR', '231 48 EUR')).toBeCloseTo((2 * 0.5 * (1 / 3)) / (0.5 + 1 / 3));
  });

  it('is 0 with no word shared, and for an empty answer', () => {
    expect(answerWordF1('corn corn', 'Timer set')).toBe(0);
    expect(answerWordF1('', 'Timer set')).toBe(0);
  });
});
