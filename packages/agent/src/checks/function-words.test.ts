import { describe, expect, it } from 'vitest';
import { labelWordsOf, namesNothing } from './function-words.js';

describe('namesNothing', () => {
  const labels = labelWordsOf({ notes: { description: 'Notes' }, requested_by: { description: 'Requester' }, reference_number: { description: 'Reference number' } });

  it('holds for copies made only of function words and argument names', () => {
    for (const copy of ['is', 'and for', 'The', 'me', 'The notes', 'requester', 'number', 'please.', ', with']) expect(namesNothing(copy, labels), copy).toBe(true);
  });

  it('fails for anything that states a value', () => {
    for (const copy of ['Zara Salazar', 'second floor, flat 4', 'REF-32960', '2', 'The Green Door', 'Her', 'call me on arrival']) expect(namesNothing(copy, labels), copy).toBe(false);
  });

  it("reads an argument's labels from its description's head and its name", () => {
    expect([...labelWordsOf({ party_size: { description: 'Number of people' }, time: { description: 'Time as HH:MM, 24-hour clock' } })].sort()).toEqual(
      ['as', 'hh', 'mm', 'number', 'of', 'party', 'people', 'size', 'time'].sort(),
    );
  });
});
