import { describe, expect, it } from 'vitest';
import { statedValuesText } from './grounding.js';
import { datesIn, timesIn, withoutDatesAndTimes } from './stated-dates-and-times.js';

describe('stated dates and times', () => {
  it('reads dates written with month names, ordinals or ISO, as YYYY-MM-DD in order of mention', () => {
    expect(datesIn('Flights on Nov 18, 2026, back on the 2nd of December 2026')).toEqual(['2026-11-18', '2026-12-02']);
    expect(datesIn('Sunday, September 27, 2026 or 14 Sept 2027 or 2027-06-13')).toEqual(['2026-09-27', '2027-09-14', '2027-06-13']);
    // Not a date: the 30th of February, and a date without its year.
    expect(datesIn('on 2026-02-30, or on March 5th')).toEqual([]);
  });

  it('reads clock times as 24-hour HH:MM, but not bare numbers', () => {
    expect(timesIn("We'll arrive at 7:15 PM, or 10 p.m., or 14:05")).toEqual(['19:15', '22:00', '14:05']);
    expect(timesIn('12 am and 12:30 pm')).toEqual(['00:00', '12:30']);
    expect(timesIn('a table for 3 at Nopa, 5.75 dollars, 25:00, for 3 people in the evening')).toEqual([]);
    // A part of the day decides, in digits or in words; a one-digit hour without one may be either.
    expect(timesIn('7:15 in the evening, quarter past five in the afternoon, ten to nine at night, noon')).toEqual(['19:15', '17:15', '20:50', '12:00']);
    expect(timesIn("at 7:15, or seven o'clock in the morning")).toEqual(['07:15', '19:15', '07:00']);
  });

  it('blanks dates and times out of the text a count is copied from, offsets kept', () => {
    const text = 'Flights for 2 on Apr 3, 2027 at 7:15 PM';
    const blanked = withoutDatesAndTimes(text);
    expect(blanked).toHaveLength(text.length);
    expect(blanked.match(/\d+/g)).toEqual(['2']);
    expect(statedValuesText(text, { type: 'string', format: 'date' })).toBe('2027-04-03');
  });

  it('offers them to date and time arguments only, as the text a grounded hole copies from', () => {
    const context = 'Book it for 7:15 PM on Nov 18, 2026';
    expect(statedValuesText(context, { type: 'string', format: 'date' })).toBe('2026-11-18');
    expect(statedValuesText(context, { type: 'string', pattern: '^\\d{2}:\\d{2}$' })).toBe('19:15');
    expect(statedValuesText('Book it tomorrow', { type: 'string', format: 'date' })).toBe('');
    expect(statedValuesText(context, { type: 'string' })).toBeUndefined();
    expect(statedValuesText(context, { type: 'string', pattern: '^[A-Z]{3}$' })).toBeUndefined();
    expect(statedValuesText(context, { type: 'integer' })).toBeUndefined();
  });
});
