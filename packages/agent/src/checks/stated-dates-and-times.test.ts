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

  it('reads dates relative to today only when today is given', () => {
    // 2026-11-30 is a Monday.
    const reading = { today: '2026-11-30' };
    expect(datesIn('tomorrow, or the day after tomorrow, not yesterday; today', reading)).toEqual(['2026-12-01', '2026-12-02', '2026-11-29', '2026-11-30']);
    expect(datesIn('Book it tomorrow')).toEqual([]);
    expect(datesIn('in 3 days, in two weeks, in a week', reading)).toEqual(['2026-12-03', '2026-12-14', '2026-12-07']);
    // A weekday is the next one; said on that day it may be today or a week on, and "next" may skip a week.
    expect(datesIn('on Friday', reading)).toEqual(['2026-12-04']);
    expect(datesIn('on Monday', reading)).toEqual(['2026-11-30', '2026-12-07']);
    expect(datesIn('next Wednesday', reading)).toEqual(['2026-12-02', '2026-12-09']);
    // Without a year: the next such day from today on (this year's March 5 has passed).
    expect(datesIn('on March 5th, the 1st of December, or Dec 25', reading)).toEqual(['2027-03-05', '2026-12-01', '2026-12-25']);
    expect(datesIn('on November 30, 7pm', reading)).toEqual(['2026-11-30']);
    // A weekday or a month and day that belong to a whole date are that date.
    expect(datesIn('Sunday, September 27, 2026 or Friday 4 June 2027 or March 5th 2027', reading)).toEqual(['2026-09-27', '2027-06-04', '2027-03-05']);
  });

  it('reads clock times as 24-hour HH:MM, but not bare numbers', () => {
    expect(timesIn("We'll arrive at 7:15 PM, or 10 p.m., or 14:05")).toEqual(['19:15', '22:00', '14:05']);
    expect(timesIn('12 am and 12:30 pm')).toEqual(['00:00', '12:30']);
    expect(timesIn('a table for 3 at Nopa, 5.75 dollars, 25:00, for 3 people in the evening')).toEqual([]);
    // A part of the day decides, in digits or in words; a one-digit hour without one may be either.
    expect(timesIn('7:15 in the evening, quarter past five in the afternoon, ten to nine at night, noon')).toEqual(['19:15', '17:15', '20:50', '12:00']);
    expect(timesIn("at 7:15, or seven o'clock in the morning")).toEqual(['07:15', '19:15', '07:00']);
    // The part of the day said before the hour, and an hour on the dot in digits.
    expect(timesIn("Book a table for 2 at Nando's tonight at 8")).toEqual(['20:00']);
    expect(timesIn('this morning at 9:30, this afternoon at 3')).toEqual(['09:30', '15:00']);
    expect(timesIn("at 8 o'clock, or 6 o'clock in the evening")).toEqual(['08:00', '20:00', '18:00']);
  });

  it('blanks dates and times out of the text a count is copied from, offsets kept', () => {
    const text = 'Flights for 2 on Apr 3, 2027 at 7:15 PM';
    const blanked = withoutDatesAndTimes(text);
    expect(blanked).toHaveLength(text.length);
    expect(blanked.match(/\d+/g)).toEqual(['2']);
    // The 3 of "in 3 days" and the 5 of "March 5" are a date's, once relative dates are read.
    expect(withoutDatesAndTimes('2 seats in 3 days, or March 5', { today: '2026-11-30' }).match(/\d+/g)).toEqual(['2']);
    expect(statedValuesText(text, { type: 'string', format: 'date' })).toBe('2027-04-03');
  });

  it('offers them to date and time arguments only, as the text a grounded hole copies from', () => {
    const context = 'Book it for 7:15 PM on Nov 18, 2026';
    expect(statedValuesText(context, { type: 'string', format: 'date' })).toBe('2026-11-18');
    expect(statedValuesText(context, { type: 'string', pattern: '^\\d{2}:\\d{2}$' })).toBe('19:15');
    expect(statedValuesText('Book it tomorrow', { type: 'string', format: 'date' })).toBe('');
    expect(statedValuesText('Book it tomorrow', { type: 'string', format: 'date' }, { today: '2026-11-30' })).toBe('2026-12-01');
    expect(statedValuesText(context, { type: 'string' })).toBeUndefined();
    expect(statedValuesText(context, { type: 'string', pattern: '^[A-Z]{3}$' })).toBeUndefined();
    expect(statedValuesText(context, { type: 'integer' })).toBeUndefined();
  });
});
