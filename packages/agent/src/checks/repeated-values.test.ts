import { describe, expect, it } from 'vitest';
import { occurrences, repeatedValueIssues } from './repeated-values.js';

const confidences: Readonly<Record<string, number>> = { origin: 0.4, destination: 0.9 };
const check = (args: Record<string, unknown>, context: string, confidenceOf = (name: string) => confidences[name] ?? 1) =>
  repeatedValueIssues({ arguments: args, copied: new Set(Object.keys(args).filter((name) => name !== 'room_type')), context, timesStated: (value) => occurrences(context, value), confidenceOf }).map(({ name, message }) => ({ name, message }));

describe('repeatedValueIssues', () => {
  it('rejects the less confident of two arguments copied from one mention', () => {
    expect(check({ origin: 'Cork', destination: 'Cork' }, 'Flights from Cork to Limerick, please.')).toEqual([
      { name: 'origin', message: 'origin: "Cork" is stated once and `destination` holds it already.' },
    ]);
  });

  it('keeps a value the conversation states twice in both arguments', () => {
    expect(check({ origin: 'Lyon', destination: 'Lyon' }, 'A round trip: from Lyon, and back to Lyon on Sunday.')).toEqual([]);
  });

  it('keeps a value an argument chose from a list, rejecting the copy however sure it was', () => {
    expect(check({ booking_reference: 'single', room_type: 'single' }, 'room type: single; booking reference: K3NX4R', () => 0.9)).toEqual([
      { name: 'booking_reference', message: 'booking_reference: "single" is stated once and `room_type` holds it already.' },
    ]);
  });

  it('keeps the first argument on a tie, and leaves distinct values and non-strings alone', () => {
    expect(check({ a: 'Ann', b: 'Ann', c: 'Tom', d: 3, e: 3 }, 'Ann and Tom, 3 tickets', () => 0.5)).toEqual([
      { name: 'b', message: 'b: "Ann" is stated once and `a` holds it already.' },
    ]);
  });

  it('rejects the less confident of two arguments when one holds the other and the conversation states it only there', () => {
    const confidenceOf = (name: string) => ({ departure_city: 0.3, arrival_city: 0.8, payee_name: 0.9, card_last_four: 0.2 })[name] ?? 1;
    expect(check({ departure_city: 'Philadelphia, arrival', arrival_city: 'Philadelphia' }, 'departure city: Philadelphia, arrival city: Limerick', confidenceOf)).toEqual([
      { name: 'departure_city', message: 'departure_city: "Philadelphia, arrival" and `arrival_city`\'s "Philadelphia" are one mention of the conversation.' },
    ]);
    expect(check({ payee_name: 'Clearwater Labs', card_last_four: 'Clearwater' }, 'The payee is Clearwater Labs.', confidenceOf)).toEqual([
      { name: 'card_last_four', message: 'card_last_four: "Clearwater" and `payee_name`\'s "Clearwater Labs" are one mention of the conversation.' },
    ]);
  });

  it('keeps a value nested in another when the conversation also states it on its own', () => {
    expect(check({ title: 'Q3 roadmap', body: 'Please review the Q3 roadmap.' }, 'Title Q3 roadmap, body: Please review the Q3 roadmap.')).toEqual([]);
  });

  it('rejects a copy that lies only inside a date another argument read, naming the words it must leave', () => {
    const context = 'The start date is September 14, 2027. The requester is Rahul Koch.';
    const at = context.indexOf('September 14, 2027');
    const readMentions = [{ at, end: at + 'September 14, 2027'.length, by: 'start_date' }];
    const args = { requested_by: '2027', start_date: '2027-09-14' };
    const issues = repeatedValueIssues({ arguments: args, copied: new Set(['requested_by']), context, timesStated: (value) => occurrences(context, value), confidenceOf: () => 1, readMentions });
    expect(issues).toEqual([
      { name: 'requested_by', kept: 'start_date', taken: 'September 14, 2027', message: 'requested_by: "2027" is part of "September 14, 2027", which `start_date` holds.' },
    ]);
    // Stated outside the date too, the copy is a mention of its own.
    const twice = 'The start date is September 14, 2027. Budget code 2027.';
    const at2 = twice.indexOf('September');
    expect(repeatedValueIssues({ arguments: args, copied: new Set(['requested_by']), context: twice, timesStated: (value) => occurrences(twice, value), confidenceOf: () => 1, readMentions: [{ at: at2, end: at2 + 18, by: 'start_date' }] })).toEqual([]);
  });
});
