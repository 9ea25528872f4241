import { describe, expect, it } from 'vitest';
import { labelWordsOf, namesNothing, withoutEdgeWords, withoutRequestVerb, withoutSentenceOpener, withoutTrailingPreposition } from './function-words.js';

describe('namesNothing', () => {
  const labels = labelWordsOf({ notes: { description: 'Notes' }, requested_by: { description: 'Requester' }, reference_number: { description: 'Reference number' } });

  it('holds for copies made only of function words and argument names', () => {
    for (const copy of ['is', 'and for', 'The', 'me', 'The notes', 'requester', 'number', 'please.', ', with']) expect(namesNothing(copy, labels), copy).toBe(true);
  });

  it('holds for a placeholder for a thing the request does not name, with the words of the tool\'s name', () => {
    const naming = new Set([...labelWordsOf({ query: { description: 'What to play' } }), 'play', 'music']);
    for (const copy of ['something', 'play something', 'anything']) expect(namesNothing(copy, naming), copy).toBe(true);
    expect(namesNothing('something by Stone Fruit', naming)).toBe(false);
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

  it('trims the words a request names an unnamed amount or thing with, and a courtesy or hurry after the value', () => {
    expect(withoutEdgeWords('some highlife')).toBe('highlife');
    expect(withoutEdgeWords('something by Cloud Harbor')).toBe('Cloud Harbor');
    expect(withoutEdgeWords('it bread')).toBe('bread');
    expect(withoutEdgeWords('Canberra rn')).toBe('Canberra');
    expect(withoutEdgeWords('Kampala please')).toBe('Kampala');
    // Capitalised, they are a name's own words.
    expect(withoutEdgeWords('Something Blue')).toBe('Something Blue');
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
    expect(withoutEdgeWords('emeka@harborview.io?')).toBe('emeka@harborview.io');
    expect(withoutEdgeWords('Alexei Horvat.')).toBe('Alexei Horvat');
    expect(withoutEdgeWords('Jorge Reyes. The')).toBe('Jorge Reyes');
    expect(withoutEdgeWords('"river loop"')).toBe('river loop');
    expect(withoutEdgeWords("'renew passport'")).toBe('renew passport');
    expect(withoutEdgeWords("renew passport'")).toBe('renew passport');
    expect(withoutEdgeWords("'dinner at Nando's'")).toBe("dinner at Nando's");
    expect(withoutEdgeWords('"Spring launch plan".')).toBe('Spring launch plan');
    // A sentence keeps its stop, and its next sentence when that starts with a word of its own.
    expect(withoutEdgeWords('I am learning the language.')).toBe('I am learning the language.');
    expect(withoutEdgeWords('Where is the exit?')).toBe('Where is the exit?');
    expect(withoutEdgeWords('Thanks. Bye')).toBe('Thanks. Bye');
    expect(withoutEdgeWords('What time does the museum open?')).toBe('What time does the museum open?');
  });

  it('keeps capitalised words, particles that end a clause, questions, and copies of function words alone', () => {
    for (const copy of ['The Green Door', 'Into the Deep End', 'Hoi An', 'Where is the exit?', 'the heating does not turn on', 'the app crashes when I log in', 'Where are you from?', 'is', 'and for']) {
      expect(withoutEdgeWords(copy), copy).toBe(copy);
    }
  });
});

describe('withoutRequestVerb', () => {
  it('takes the verb a request asks with off a copy, after "you" or "please", or first in a sentence with a particle', () => {
    expect(withoutRequestVerb('block', 'quick one, could you block out sixty minutes for Family barbecue')).toBe('');
    expect(withoutRequestVerb('block out', 'could you block out sixty minutes for Family barbecue')).toBe('');
    expect(withoutRequestVerb('pencil in Quarterly', 'could you please pencil in Quarterly earnings call')).toBe('Quarterly');
    expect(withoutRequestVerb('add collect the package', 'Count down forty-five minutes. Also, add collect the package to my to-do list')).toBe('collect the package');
    expect(withoutRequestVerb('pencil', 'pencil in incident postmortem for May 30th')).toBe('');
    expect(withoutRequestVerb('add practise the piano piece', 'Please add practise the piano piece to my tasks')).toBe('practise the piano piece');
  });

  it('leaves a value a request starts with, a word stated elsewhere too, and capitalised words', () => {
    expect(withoutRequestVerb('accountant meeting', 'accountant meeting on 2027-02-05; please add it to my calendar.')).toBe('accountant meeting');
    expect(withoutRequestVerb('jazz', 'Can you play jazz')).toBe('jazz');
    expect(withoutRequestVerb('set', 'Could you set a timer? The set is ready.')).toBe('set');
    expect(withoutRequestVerb('Lagos', 'Lagos weather')).toBe('Lagos');
  });
});

describe('withoutTrailingPreposition', () => {
  it('drops a particle a determiner follows wherever the copy is written: a preposition there', () => {
    expect(withoutTrailingPreposition('Farewell party on', 'Then put Farewell party on my calendar for 2025-11-03?')).toBe('Farewell party');
    expect(withoutTrailingPreposition('check the boiler in', 'Add check the boiler in the to-do list')).toBe('check the boiler');
  });

  it('keeps a particle that ends a clause, or one a determiner follows in only some statements', () => {
    expect(withoutTrailingPreposition('turn on', 'Remind me: turn on. Then play jazz')).toBe('turn on');
    expect(withoutTrailingPreposition('log in', 'add log in to my list, log in the morning')).toBe('log in');
    expect(withoutTrailingPreposition('Farewell party', 'put Farewell party on my calendar')).toBe('Farewell party');
  });
});

describe('withoutSentenceOpener', () => {
  it('drops an article or quantifier capitalised only because the sentence opens with it', () => {
    expect(withoutSentenceOpener('The nap', 'The nap will take two minutes; set a timer.')).toBe('nap');
    expect(withoutSentenceOpener('Some acoustic guitar', 'Hi. Some acoustic guitar, please!')).toBe('acoustic guitar');
  });

  it('keeps it inside a sentence, before a name, or where one statement does not open a sentence', () => {
    expect(withoutSentenceOpener('The nap', 'set a timer: The nap will take two minutes')).toBe('The nap');
    expect(withoutSentenceOpener('The Green Door', 'The Green Door at 7, please.')).toBe('The Green Door');
    expect(withoutSentenceOpener('The nap', 'The nap is short. Time The nap.')).toBe('The nap');
    expect(withoutSentenceOpener('The gym will close early.', 'Subject: Gym\n\nThe gym will close early.')).toBe('The gym will close early.');
  });
});
