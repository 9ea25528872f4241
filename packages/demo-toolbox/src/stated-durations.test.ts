import { describe, expect, it } from 'vitest';
import { minutesIn } from './stated-durations.js';

describe('minutesIn', () => {
  it('reads minutes in digits and words, before a noun or after a number', () => {
    expect(minutesIn('Put a 5-minute timer on and also evaluate 12 + 19')).toEqual(['5']);
    expect(minutesIn('Can I get a twenty-five-minute timer for boiled eggs?')).toEqual(['25']);
    expect(minutesIn('set a timer for 81 minutes, then another for six mins')).toEqual(['81', '6']);
    expect(minutesIn('a 90min run')).toEqual(['90']);
  });

  it('reads hours and the common phrases as minutes', () => {
    expect(minutesIn('Hi! please put a one-hour timer on')).toEqual(['60']);
    expect(minutesIn('set up a 2-hour event called Sales pipeline review')).toEqual(['120']);
    expect(minutesIn('the tea will take three quarters of an hour; set a timer.')).toEqual(['45']);
    expect(minutesIn('an alarm timer for one and a half hours labelled dough')).toEqual(['90']);
    expect(minutesIn('from quarter to eight in the evening for an hour and a half')).toEqual(['90']);
    expect(minutesIn('for half an hour, then a quarter of an hour, then 1.5 hours')).toEqual(['30', '15', '90']);
    expect(minutesIn('a meeting of 2 hours and 15 minutes')).toEqual(['135']);
  });

  it('finds no length in clock times, counts or bare numbers', () => {
    expect(minutesIn('book a table for 2 at 7:30 pm on 2026-05-01, quarter past nine')).toEqual([]);
    expect(minutesIn('set a timer for 10')).toEqual([]);
  });
});
