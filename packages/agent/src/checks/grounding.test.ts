import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tool } from '../tools/tool.js';
import { groundedHoleText, groundingFailure, groundingOf, holdsStatedValue, numbersInDigits, numbersInWords, statedValueFailure } from './grounding.js';

describe('grounding', () => {
  const bookTable = tool({
    description: 'Book a table.',
    inputSchema: z.object({ restaurant: z.string(), party_size: z.number().int(), time: z.string().regex(/^\d\d:\d\d$/) }),
    grounding: { restaurant: 'context' },
  });

  it('grounds plain strings and numbers by default, not patterned strings, enums or booleans', () => {
    expect(groundingOf(bookTable, 'restaurant', { type: 'string' })).toBe('context');
    expect(groundingOf(bookTable, 'party_size', { type: 'integer' })).toBe('context');
    expect(groundingOf(bookTable, 'time', { type: 'string', pattern: '^\\d\\d:\\d\\d$' })).toBe('free');
    expect(groundingOf(bookTable, 'date', { type: 'string', format: 'date' })).toBe('free');
    // An e-mail address is copied as written: grounded like a name.
    expect(groundingOf(bookTable, 'to', { type: 'string', format: 'email', pattern: '^[^@]+@[^@]+$' })).toBe('context');
    expect(groundingOf(bookTable, 'unit', { enum: ['celsius', 'fahrenheit'] })).toBe('free');
    expect(groundingOf(bookTable, 'shuffle', { type: 'boolean' })).toBe('free');
    expect(groundingOf({ ...bookTable, grounding: { party_size: 'free' } }, 'party_size', { type: 'integer' })).toBe('free');
  });

  it("offers and accepts only the values a tool's reader finds in the conversation; none found leaves the value free", () => {
    const shout = { statedValues: (context: string) => [...new Set(context.match(/\b[a-z]+(?=!)/g) ?? [])].map((word) => word.toUpperCase()) };
    const exclaim = tool({ description: 'Exclaim.', inputSchema: z.object({ word: z.string().regex(/^[A-Z]+$/) }), grounding: { word: shout } });
    const property = { type: 'string', pattern: '^[A-Z]+$' };
    expect(groundingOf(exclaim, 'word', property)).toBe(shout);
    expect(groundedHoleText(exclaim, 'word', property, 'wow! and yes! not this')).toEqual({ values: ['WOW', 'YES'] });
    expect(statedValueFailure('YES', ['WOW', 'YES'])).toBeUndefined();
    expect(statedValueFailure('THIS', ['WOW', 'YES'])).toBe('"THIS" is not one of the values the conversation states (WOW, YES); write one of those.');
    expect(groundedHoleText(exclaim, 'word', property, 'nothing to shout about')).toEqual({ values: [] });
    expect(statedValueFailure('ANY', [])).toBeUndefined();
    // A number is listed as its JSON text.
    expect(statedValueFailure(45, ['45', '120'])).toBeUndefined();
    expect(statedValueFailure(3, ['45'])).toBe('3 is not one of the values the conversation states (45); write one of those.');
  });

  it("copies an argument whose reader finds nothing from the conversation when the reader says so (unstated: 'context')", () => {
    const languages = { statedValues: (context: string) => (context.includes('Swahili') ? ['Swahili'] : []), unstated: 'context' as const };
    const translate = tool({ description: 'Translate.', inputSchema: z.object({ target_language: z.string() }), grounding: { target_language: languages } });
    const property = { type: 'string' };
    expect(groundedHoleText(translate, 'target_language', property, 'into Swahili, please')).toEqual({ values: ['Swahili'] });
    expect(groundedHoleText(translate, 'target_language', property, 'into Klingon, please')).toBe('into Klingon, please');
  });

  it('grounds an enum in the members the conversation names, and leaves it free when it names none or the tool says free', () => {
    const weather = tool({ description: 'Weather.', inputSchema: z.object({ unit: z.enum(['celsius', 'fahrenheit']).optional() }) });
    const unit = { enum: ['celsius', 'fahrenheit'] };
    expect(groundedHoleText(weather, 'unit', unit, 'Weather in Oslo, in Fahrenheit please')).toEqual({ values: ['fahrenheit'] });
    expect(groundedHoleText(weather, 'unit', unit, 'Weather in Oslo')).toBeUndefined();
    expect(groundedHoleText({ ...weather, grounding: { unit: 'free' } }, 'unit', unit, 'in fahrenheit')).toBeUndefined();
  });

  it('grounds a boolean in the yes or no the conversation says to it by name, and leaves it free otherwise', () => {
    const backup = tool({ description: 'Back up.', inputSchema: z.object({ two_factor: z.boolean().optional().describe('Two-factor authentication') }) });
    const property = { type: 'boolean', description: 'Two-factor authentication' };
    expect(groundedHoleText(backup, 'two_factor', property, 'Fetch my backup without two-factor authentication.')).toEqual({ values: ['false'] });
    expect(groundedHoleText(backup, 'two_factor', property, 'two factor: yes')).toEqual({ values: ['true'] });
    expect(groundedHoleText(backup, 'two_factor', property, 'Fetch my backup.')).toBeUndefined();
    expect(groundedHoleText({ ...backup, grounding: { two_factor: 'free' } }, 'two_factor', property, 'without two-factor authentication')).toBeUndefined();
  });

  it('finds strings as written and numbers as digits or words', () => {
    const context = 'Book Chez Nous for two people at 7:30 pm, budget 1,250 EUR';
    expect(groundingFailure('chez nous', context)).toBeUndefined();
    expect(groundingFailure('Le Cinq', context)).toMatch(/"Le Cinq" does not occur in the conversation/);
    expect(groundingFailure(2, context)).toBeUndefined();
    expect(groundingFailure(1250, context)).toBeUndefined();
    expect(groundingFailure(4, context)).toMatch(/4 does not occur/);
  });

  it('reads a minus sign only where it is one: before digits, not between them', () => {
    expect(numbersInDigits('Set the freezer to -18, then to 4.5')).toEqual([-18, 4.5]);
    expect(numbersInDigits('on 2027-06-13 for 3-5 people')).toEqual([2027, 6, 13, 3, 5]);
    expect(groundingFailure(-18, 'Set the freezer to -18 degrees')).toBeUndefined();
    expect(groundingFailure(18, 'Set the freezer to -18 degrees')).toMatch(/18 does not occur/);
    expect(groundingFailure(6, 'Remind me on 2027-06-13')).toBeUndefined();
  });

  it('reads the numbers a text states in words, compounds included, but not an article', () => {
    expect(numbersInWords('a table for two at seven')).toEqual([2, 7]);
    expect(numbersInWords('Set a thirty-five minute timer, then one for forty five')).toEqual([35, 1, 45]);
    expect(numbersInWords('a table for 2 at Nopa')).toEqual([]);
    // "one" after a determiner or an adjective is a pronoun, not a count.
    expect(numbersInWords('Quick one, could you set a timer for six minutes?')).toEqual([6]);
    expect(numbersInWords('play this one and the next one, for one hour')).toEqual([1]);
    expect(groundingFailure(35, 'a thirty-five minute timer')).toBeUndefined();
  });
});

describe('holdsStatedValue', () => {
  const context = 'Email ann@example.com about the kickoff, and tell me how Netflix stock is doing';
  it('finds a copied text, a stated number or a value the tool reads', () => {
    expect(holdsStatedValue({}, { to: 'ann@example.com', subject: 'Hello' }, context)).toBe(true);
    expect(holdsStatedValue({ grounding: { symbol: { statedValues: () => ['NFLX'] } } }, { symbol: 'NFLX' }, context)).toBe(true);
  });

  it('is false for a call whose every value the model wrote itself', () => {
    expect(holdsStatedValue({}, { expression: '14 ^ 0' }, context)).toBe(false);
    expect(holdsStatedValue({ grounding: { symbol: { statedValues: () => ['NFLX'] } } }, { symbol: 'NVO' }, context)).toBe(false);
  });
});
