import { describe, expect, it } from 'vitest';
import { occurrences, repeatedValueIssues } from './repeated-values.js';

const confidences: Readonly<Record<string, number>> = { origin: 0.4, destination: 0.9 };
const check = (args: Record<string, unknown>, context: string, confidenceOf = (name: string) => confidences[name] ?? 1) =>
  repeatedValueIssues({ arguments: args, copied: new Set(Object.keys(args).filter((name) => name !== 'room_type')), timesStated: (value) => occurrences(context, value), confidenceOf }).map(({ name, message }) => ({ name, message }));

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
});
