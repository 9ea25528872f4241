import { describe, expect, it } from 'vitest';
import { labelWordsOf, namesNothing, withoutEdgeWords } from './function-words.js';

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

describe('withoutEdgeWords', () => {
  it('trims the lower-case function words a copy begins or ends with', () => {
    expect(withoutEdgeWords('to Seattle')).toBe('Seattle');
    expect(withoutEdgeWords('from Gold Coast')).toBe('Gold Coast');
    expect(withoutEdgeWords('R1950637, where')).toBe('R1950637');
    expect(withoutEdgeWords('is sharma.gianluca@hollowtree.org')).toBe('sharma.gianluca@hollowtree.org');
    expect(withoutEdgeWords('cancel the')).toBe('cancel');
    expect(withoutEdgeWords('and for Rafael Bjork')).toBe('Rafael Bjork');
  });

  it("trims a word of the argument's own label it begins with, and any argument's label word after a comma", () => {
    const labels = { own: new Set(['what', 'to', 'play']), any: new Set(['what', 'to', 'play', 'shuffle', 'notes']) };
    expect(withoutEdgeWords('play Golden Static', labels)).toBe('Golden Static');
    expect(withoutEdgeWords('R0145996, notes', labels)).toBe('R0145996');
    // After no comma a label word stays: it may be the value's own ("Kids notes").
    expect(withoutEdgeWords('Golden notes', labels)).toBe('Golden notes');
    expect(withoutEdgeWords('play', labels)).toBe('play');
  });

  it("trims what a copy took past its value's end: separators, a bullet's dash, a code's full stop", () => {
    expect(withoutEdgeWords('Chinedu Lindqvist\n-')).toBe('Chinedu Lindqvist');
    expect(withoutEdgeWords('M12385085.')).toBe('M12385085');
    expect(withoutEdgeWords('Philadelphia,')).toBe('Philadelphia');
    expect(withoutEdgeWords('Limerick, and')).toBe('Limerick');
    // A sentence keeps its stop.
    expect(withoutEdgeWords('I am learning the language.')).toBe('I am learning the language.');
    expect(withoutEdgeWords('What time does the museum open?')).toBe('What time does the museum open?');
  });

  it('keeps capitalised words, particles that end a clause, questions, and copies of function words alone', () => {
    for (const copy of ['The Green Door', 'Into the Deep End', 'Hoi An', 'Where is the exit?', 'the heating does not turn on', 'the app crashes when I log in', 'Where are you from?', 'is', 'and for']) {
      expect(withoutEdgeWords(copy), copy).toBe(copy);
    }
  });
});
