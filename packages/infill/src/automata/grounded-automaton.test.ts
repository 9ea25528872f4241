import { describe, expect, it } from 'vitest';
import { acceptsText, utf8, walkBytes } from './byte-automaton.js';
import { GroundedAutomaton } from './grounded-automaton.js';
import { leafAutomaton } from '../constraints/node-automaton.js';
import type { NumberNode, StringNode } from '../schema/schema-node.js';

const plainString: StringNode = { kind: 'string', pointer: '', minLength: 1, maxLength: undefined, patterns: [], format: undefined, excluded: [] } as unknown as StringNode;
const integer = { kind: 'number', pointer: '', spec: { integer: true } } as unknown as NumberNode;

describe('GroundedAutomaton', () => {
  it('accepts exactly the spans of the context that the inner language accepts', () => {
    const grounded = GroundedAutomaton.create(leafAutomaton(plainString), 'Weather in Rio de Janeiro, please', 'string');
    expect(grounded).toBeDefined();
    expect(acceptsText(grounded!, 'Rio de Janeiro')).toBe(true);
    expect(acceptsText(grounded!, 'Janeiro, please')).toBe(true);
    expect(acceptsText(grounded!, 'Lisbon')).toBe(false);
    expect(acceptsText(grounded!, 'Rio  de')).toBe(false);
    // Whole words only: a piece of a word is not a value the text states.
    expect(acceptsText(grounded!, 'Rio de Jan')).toBe(false);
    expect(acceptsText(grounded!, 'io de Janeiro')).toBe(false);
    expect(acceptsText(grounded!, 'Janeiro, please')).toBe(true);
    // minLength 1: the empty value is not a value.
    expect(acceptsText(grounded!, '')).toBe(false);
  });

  it('grounds a value in any of several texts, never across two', () => {
    const grounded = GroundedAutomaton.create(leafAutomaton(plainString), ['Weather in Rio', 'de Janeiro, St. Paul.'], 'string')!;
    expect(acceptsText(grounded, 'Rio')).toBe(true);
    expect(acceptsText(grounded, 'de Janeiro')).toBe(true);
    expect(acceptsText(grounded, 'St. Paul')).toBe(true);
    expect(acceptsText(grounded, 'Rio de Janeiro')).toBe(false);
    expect(acceptsText(grounded, 'Riode')).toBe(false);
    const numbers = GroundedAutomaton.create(leafAutomaton(integer), ['about 12', '34 people'], 'number')!;
    expect(acceptsText(numbers, '12')).toBe(true);
    expect(acceptsText(numbers, '34')).toBe(true);
    expect(acceptsText(numbers, '1234')).toBe(false);
  });

  it('copies each of several values whole when asked (a reader\'s values), never a part of one', () => {
    const values = GroundedAutomaton.create(leafAutomaton(plainString), ['3 - 244 - 18 * 28810', '(868 * 942) / 13', 'New York'], 'string', true)!;
    expect(acceptsText(values, '3 - 244 - 18 * 28810')).toBe(true);
    expect(acceptsText(values, '(868 * 942) / 13')).toBe(true);
    expect(acceptsText(values, 'New York')).toBe(true);
    for (const part of ['18 * 28810', '3 - 244', '(868 * 942)', '868 * 942', 'New', 'York']) expect(acceptsText(values, part), part).toBe(false);
    // The same texts as spans to copy from: their parts are values.
    const spans = GroundedAutomaton.create(leafAutomaton(plainString), ['3 - 244 - 18 * 28810', 'New York'], 'string')!;
    expect(acceptsText(spans, '18 * 28810')).toBe(true);
    expect(acceptsText(spans, 'New')).toBe(true);
    // None of the values in the inner language: no grounded language at all.
    expect(GroundedAutomaton.create(leafAutomaton(integer), ['twelve'], 'number', true)).toBeUndefined();
  });

  it('copies trimmed values: never starting or ending on whitespace, escaped newlines included', () => {
    const grounded = GroundedAutomaton.create(leafAutomaton(plainString), 'Weather in Frankfurt ,\nplease', 'string')!;
    expect(acceptsText(grounded, 'Frankfurt')).toBe(true);
    expect(acceptsText(grounded, 'in Frankfurt')).toBe(true);
    expect(acceptsText(grounded, ' Frankfurt')).toBe(false);
    expect(acceptsText(grounded, 'Frankfurt ')).toBe(false);
    expect(acceptsText(grounded, 'Frankfurt ,\\nplease')).toBe(true);
    expect(acceptsText(grounded, '\\nplease')).toBe(false);
    // A word that starts a line is a value of its own, as one after a space is; the escape's letter is no word.
    expect(acceptsText(grounded, 'please')).toBe(true);
    expect(acceptsText(grounded, 'nplease')).toBe(false);
  });

  it('copies words, never punctuation alone, nor punctuation that closes what came before or leads on', () => {
    const grounded = GroundedAutomaton.create(leafAutomaton(plainString), 'requester: Aisha Patel. notes: "fragile, handle with care" (urgent) on .NET', 'string')!;
    for (const value of ['Aisha Patel', 'Aisha Patel.', '.NET', 'fragile, handle with care', '\\"fragile, handle with care\\"', '(urgent)', 'urgent']) {
      expect(acceptsText(grounded, value), value).toBe(true);
    }
    for (const value of ['.', ': Aisha', '. notes', 'fragile,', 'requester:', '\\"', '(', ')', 'care\\" (']) expect(acceptsText(grounded, value), value).toBe(false);
    // The lookahead knows it too: after "fragile," the value must go on to the end of the quoted text (copied whole),
    // after a quote to its closing one.
    expect(grounded.distance(walkBytes(grounded, grounded.start, utf8('fragile,'))!)).toBe(17);
    expect(grounded.distance(walkBytes(grounded, grounded.start, utf8('\\"'))!)).toBe(27);
  });

  it('closes every quote and bracket a value opens, and closes none it did not open', () => {
    const grounded = GroundedAutomaton.create(leafAutomaton(plainString), 'add "Tennis match" (Friday [court 2]) now', 'string')!;
    for (const value of ['Tennis match', '\\"Tennis match\\"', '(Friday [court 2])', 'court 2', 'Friday']) expect(acceptsText(grounded, value), value).toBe(true);
    for (const value of ['Tennis match\\"', 'match\\" (Friday', 'court 2]', 'court 2])', '(Friday [court 2]', '\\"Tennis']) expect(acceptsText(grounded, value), value).toBe(false);
    // A quote after a word closes one: a value cannot run from a closing quote to the next opening one.
    const notes = GroundedAutomaton.create(leafAutomaton(plainString), 'notes "quiet room" and title "Spring plan"', 'string')!;
    expect(acceptsText(notes, 'quiet room')).toBe(true);
    expect(acceptsText(notes, '\\"quiet room\\" and title \\"Spring plan\\"')).toBe(true);
    expect(acceptsText(notes, 'quiet room\\" and title \\"Spring')).toBe(false);
    // A value cannot go on past a bracket it did not open: no state is given for it.
    expect(walkBytes(grounded, grounded.start, utf8('court 2]'))).toBeUndefined();
  });

  it('copies a quoted text only whole, or with more around it, never a part of it', () => {
    const context = 'notes "fragile, handle with care" for “Brand refresh”, "Hello," and "A"';
    const grounded = GroundedAutomaton.create(leafAutomaton(plainString), context, 'string')!;
    for (const value of ['fragile, handle with care', '\\"fragile, handle with care\\"', 'notes \\"fragile, handle with care\\"', 'Brand refresh', 'notes', 'A']) {
      expect(acceptsText(grounded, value), value).toBe(true);
    }
    for (const value of ['fragile', 'fragile, handle', 'handle with care', 'care', 'Brand', 'refresh']) expect(acceptsText(grounded, value), value).toBe(false);
    // The lookahead runs to the quote's end: after "fragile" only the rest of it finishes the value.
    expect(grounded.distance(walkBytes(grounded, grounded.start, utf8('fragile'))!)).toBe(18);
    // A quoted text that is no value as a whole (it ends on a comma) keeps its parts.
    expect(acceptsText(grounded, 'Hello')).toBe(true);
    // A quoted text longer than the lookahead is still copied whole.
    const long = `body "${'word '.repeat(30)}end" please`;
    const body = GroundedAutomaton.create(leafAutomaton(plainString), long, 'string')!;
    expect(acceptsText(body, `${'word '.repeat(30)}end`)).toBe(true);
    expect(acceptsText(body, 'word word')).toBe(false);
    // Single quotes too, where no word stands outside them; an apostrophe between two words is none.
    const single = GroundedAutomaton.create(leafAutomaton(plainString), "Translate 'where is the bathroom' to German, and add 'dinner at Nando's' please", 'string')!;
    for (const value of ['where is the bathroom', "dinner at Nando's", 'German']) expect(acceptsText(single, value), value).toBe(true);
    for (const value of ['bathroom', 'where is', 'dinner', "Nando's"]) expect(acceptsText(single, value), value).toBe(false);
    // A pattern the whole quoted text does not match may still take a part of it.
    const code = { ...plainString, patterns: ['^[A-Z]{2}-\\d+$'] } as unknown as StringNode;
    const codes = GroundedAutomaton.create(leafAutomaton(code), 'message "ticket AB-12 is late"', 'string')!;
    expect(acceptsText(codes, 'AB-12')).toBe(true);
  });

  it('copies joined words whole: e-mail addresses, codes, contractions', () => {
    const context = "email s.kiplagat@fernhill.ac.uk re SKU-1812-SD and plate VTO-2871: I'm late, John's bag, 3/4 cup, ahmed_okafor";
    const grounded = GroundedAutomaton.create(leafAutomaton(plainString), context, 'string')!;
    for (const value of ['s.kiplagat@fernhill.ac.uk', 'SKU-1812-SD', 'VTO-2871', "I'm late", 'John', "John's bag", '3/4 cup', 'ahmed_okafor']) {
      expect(acceptsText(grounded, value), value).toBe(true);
    }
    for (const value of ['s.kiplagat@fernhill.ac', 'fernhill.ac.uk', 's.kiplagat', 'SKU-1812', 'SKU-', '-2871', '2871', "'m late", 'm late', 'ahmed', 'okafor', '3']) {
      expect(acceptsText(grounded, value), value).toBe(false);
    }
  });

  it('grounds JSON-escaped text: quotes in the context are written escaped', () => {
    const grounded = GroundedAutomaton.create(leafAutomaton(plainString), 'Title: "Q3 review"', 'string');
    expect(acceptsText(grounded!, '\\"Q3 review\\"')).toBe(true);
    expect(acceptsText(grounded!, 'Q3 review')).toBe(true);
  });

  it('grounds numbers as whole numbers of the context', () => {
    const grounded = GroundedAutomaton.create(leafAutomaton(integer), 'Convert 125 USD, then 7 more', 'number');
    expect(acceptsText(grounded!, '125')).toBe(true);
    expect(acceptsText(grounded!, '7')).toBe(true);
    expect(acceptsText(grounded!, '12')).toBe(false);
    expect(acceptsText(grounded!, '25')).toBe(false);
  });

  it('reads a dash as a minus sign only before a number that follows no word or number', () => {
    const grounded = GroundedAutomaton.create(leafAutomaton(integer), 'Prescription RX-368493, 3-5 people, on 2027-06-13 at -5 degrees', 'number')!;
    for (const number of ['368493', '3', '5', '2027', '-5']) expect(acceptsText(grounded, number), number).toBe(true);
    for (const number of ['-368493', '-5' + '0', '-06', '-13', '06']) expect(acceptsText(grounded, number), number).toBe(false);
  });

  it('copies a number written with thousands separators without them, and never a piece of it', () => {
    const grounded = GroundedAutomaton.create(leafAutomaton(integer), 'Convert 2,000 AUD and 1,250,500 JPY, items 3,4', 'number')!;
    expect(acceptsText(grounded, '2000')).toBe(true);
    expect(acceptsText(grounded, '1250500')).toBe(true);
    expect(acceptsText(grounded, '2')).toBe(false);
    expect(acceptsText(grounded, '000')).toBe(false);
    expect(acceptsText(grounded, '250500')).toBe(false);
    expect(acceptsText(grounded, '2,000')).toBe(false);
    // A comma before fewer or more than three digits separates numbers: 3 and 4 are two.
    expect(acceptsText(grounded, '3')).toBe(true);
    expect(acceptsText(grounded, '4')).toBe(true);
    expect(grounded.distance(walkBytes(grounded, grounded.start, utf8('2'))!)).toBe(3);
  });

  it('never returns a dead state: every state reached can still finish along the context', () => {
    const grounded = GroundedAutomaton.create(leafAutomaton(plainString), 'abc abd', 'string')!;
    const state = walkBytes(grounded, grounded.start, utf8('ab'));
    expect(state).toBeDefined();
    // "ab" ends inside a word: one more byte ("c" or "d") finishes it.
    expect(grounded.accepts(state!)).toBe(false);
    expect(grounded.distance(state!)).toBe(1);
    expect(grounded.step(state!, 'x'.charCodeAt(0))).toBeUndefined();
  });

  it('keeps multi-byte words whole', () => {
    const grounded = GroundedAutomaton.create(leafAutomaton(plainString), 'Trains to Zürich, please', 'string')!;
    expect(acceptsText(grounded, 'Zürich')).toBe(true);
    expect(acceptsText(grounded, 'Zü')).toBe(false);
  });

  it('is not created when no span of the context fits', () => {
    expect(GroundedAutomaton.create(leafAutomaton(integer), 'four of us', 'number')).toBeUndefined();
  });
});
