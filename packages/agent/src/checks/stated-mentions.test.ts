import { describe, expect, it } from 'vitest';
import { mentionsOfCalls, statedMentions, uncoveredMentions } from './stated-mentions.js';

const texts = (request: string) => statedMentions(request, { today: '2026-06-01' }).map((mention) => [mention.kind, mention.text]);

describe('statedMentions', () => {
  it('finds dates, times, addresses, numbers in digits and quoted texts, in order', () => {
    expect(texts('Email ana@example.org about "Kickoff call" on 4 October 2025 at 3pm; 2 guests, 771.5 AUD.')).toEqual([
      ['email', 'ana@example.org'],
      ['quote', '"Kickoff call"'],
      ['date-or-time', '4 October 2025'],
      ['date-or-time', '3pm'],
      ['number', '2'],
      ['number', '771.5'],
    ]);
  });

  it('leaves the digits of a date, a time or an address to them, and reads a code\'s digits', () => {
    expect(texts('At 7:15 on 2026-03-29 write to kim42@mail.com about R1576218.')).toEqual([
      ['date-or-time', '7:15'],
      ['date-or-time', '2026-03-29'],
      ['email', 'kim42@mail.com'],
      ['number', '1576218'],
    ]);
    // "7:15" alone may be morning or evening: both readings are one mention.
    expect(statedMentions('At 7:15.')[0]?.values).toEqual(['07:15', '19:15']);
    // A quoted text is one value, the time and number inside it its words.
    expect(texts('Rename it for notes "urgent, needed by noon, 2 copies".')).toEqual([['quote', '"urgent, needed by noon, 2 copies"']]);
    // Single quotes too, where no word stands outside them; an apostrophe between two words is none.
    expect(texts("Translate 'where is the bathroom' to German and add 'dinner at Nando's', don't wait")).toEqual([
      ['quote', "'where is the bathroom'"],
      ['quote', "'dinner at Nando's'"],
    ]);
  });
});

describe('uncoveredMentions', () => {
  const mentionsOf = (request: string) => statedMentions(request, { today: '2026-06-01' });

  it('counts a mention held as its value, within a longer text, or in hours as minutes', () => {
    const request = 'Book 2 hours on 2026-03-29 at 11:15am and mail "See you at 5" to jo@x.io; 141 times 17.';
    const calls = [
      { arguments: { date: '2026-03-29', time: '11:15', duration_minutes: 120 } },
      { arguments: { to: 'jo@x.io', body: 'See you at 5' } },
      { arguments: { expression: '141 * 17' } },
    ];
    expect(uncoveredMentions(mentionsOf(request), calls)).toEqual([]);
  });

  it('leaves a mention no argument holds, and a digit inside a longer number is no holding', () => {
    const request = 'Search flights on 2026-10-15 for 1 adult, then translate "I am learning the language."';
    const calls = [{ arguments: { date: '2025-10-14', passengers: 2 } }];
    expect(uncoveredMentions(mentionsOf(request), calls).map((mention) => mention.text)).toEqual(['2026-10-15', '1', '"I am learning the language."']);
  });

  it('counts a quote held without its stop, or by at least half of its words', () => {
    const request = 'Translate "The wifi password, please." into Dutch.';
    expect(uncoveredMentions(mentionsOf(request), [{ arguments: { text: 'The wifi password, please' } }])).toEqual([]);
    expect(uncoveredMentions(mentionsOf(request), [{ arguments: { text: 'wifi' } }])).toHaveLength(1);
  });
});

describe('mentionsOfCalls', () => {
  const properties = { license_plate: { description: 'Licence plate' }, notes: {} };

  it('gives a call the mentions a few words after the name of an argument its tool takes', () => {
    const request = 'Show the tyre change where the licence plate is VX54 KZW and the notes is "side door".';
    const mentions = statedMentions(request);
    expect(mentionsOfCalls(mentions, [{ arguments: {}, properties }], request).map((mention) => mention.text)).toEqual(['54', '"side door"']);
    // A tool without those arguments takes none of them.
    expect(mentionsOfCalls(mentions, [{ arguments: {}, properties: { city: {} } }], request)).toEqual([]);
  });

  it('gives a call the mentions that continue a value it copied, one after another', () => {
    const request = 'The account is DS79 0726 6443 7712 0810 57. Then book 2026-05-03.';
    const mentions = statedMentions(request).filter((mention) => uncoveredMentions([mention], [{ arguments: { account: 'DS79 0726 6443 7712' } }]).length > 0);
    expect(mentions.map((mention) => mention.text)).toEqual(['0810', '57', '2026-05-03']);
    expect(mentionsOfCalls(mentions, [{ arguments: { account: 'DS79 0726 6443 7712' }, properties: { account: {} } }], request).map((mention) => mention.text)).toEqual(['0810', '57']);
  });
});
