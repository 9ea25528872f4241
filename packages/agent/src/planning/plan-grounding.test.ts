import { create_event, send_email, set_timer } from '@lacuna/demo-toolbox';
import { describe, expect, it } from 'vitest';
import { parametersOf } from '../checks/check-calls.js';
import { planGrounding, textsAround } from './plan-grounding.js';

// Without its reader (`minutesIn`), the demo's set_timer grounds minutes as a plain number.
const countdown = { ...set_timer, grounding: undefined };

describe('planGrounding', () => {
  const offered = [
    { name: 'set_timer', description: set_timer.description, parameters: parametersOf(set_timer) },
    { name: 'create_event', description: create_event.description, parameters: parametersOf(create_event) },
  ];
  const ground = planGrounding({ set_timer: countdown, create_event }, offered, 'Dentist tomorrow at 7:15 PM, and a 10 minute timer', { today: '2026-11-30' });
  const argument = (branch: number, name: string) => ({ pointer: `#/items/oneOf/${branch}/properties/arguments/properties/${name}` });

  it("gives each top-level argument of the branch's tool the text its hole may copy from", () => {
    // A string from the conversation; a number from it without its dates and times ("tomorrow" is one, read against
    // today); dates and times as the schema writes them.
    expect(ground(argument(0, 'label'))).toBe('Dentist tomorrow at 7:15 PM, and a 10 minute timer');
    expect(ground(argument(0, 'minutes'))).toMatch(/^Dentist\s+at\s+, and a 10 minute timer$/);
    expect(ground(argument(1, 'date'))).toBe('2026-12-01');
    expect(ground(argument(1, 'time'))).toBe('19:15');
    // A reader's values, whole.
    const withReader = planGrounding({ set_timer, create_event }, offered, 'a timer for three quarters of an hour');
    expect(withReader(argument(0, 'minutes'))).toEqual({ values: ['45'] });
  });

  it('leaves the rest free: unknown branches, nested fields and the answer', () => {
    expect(ground(argument(2, 'label'))).toBeUndefined();
    expect(ground({ pointer: '#/items/oneOf/1/properties/arguments/properties/title/items' })).toBeUndefined();
    expect(ground({ pointer: '#/items/oneOf/2/properties/text' })).toBeUndefined();
  });
});

describe('planGrounding for calls planned again', () => {
  const offered = [
    { name: 'set_timer', description: set_timer.description, parameters: parametersOf(set_timer) },
    { name: 'create_event', description: create_event.description, parameters: parametersOf(create_event) },
  ];
  const context = 'Team sync on Nov 18, 2026 at 7:15 PM, and a 10 minute timer for the oven';
  const ground = planGrounding({ set_timer: countdown, create_event }, offered, context, {}, (path) => (path[0] === 1 ? ['Team sync'] : undefined));
  const argument = (call: number, branch: number, name: string) => ({ path: [call, 'arguments', name], pointer: `#/items/oneOf/${branch}/properties/arguments/properties/${name}` });

  it('grounds a copied string of such a call in the text around the words the other calls took', () => {
    expect(ground(argument(1, 0, 'label'))).toEqual([' on Nov 18, 2026 at 7:15 PM, and a 10 minute timer for the oven']);
    expect(ground(argument(0, 1, 'title'))).toBe(context);
  });

  it('leaves its numbers, dates and times to the whole conversation', () => {
    expect(ground(argument(1, 0, 'minutes'))).toMatch(/10 minute timer/);
    expect(ground(argument(1, 1, 'date'))).toBe('2026-11-18');
  });
});

describe('planGrounding for values pointed at (labelled-value, function-words, partial-name, other-clause)', () => {
  const offered = [{ name: 'set_timer', description: set_timer.description, parameters: parametersOf(set_timer) }];
  const context = 'A timer: label tea, minutes 12, volume 3';
  const argument = (name: string) => ({ path: [0, 'arguments', name], pointer: `#/items/oneOf/0/properties/arguments/properties/${name}` });

  it('copies a string from the texts given, or writes the value given whole', () => {
    expect(planGrounding({ set_timer: countdown }, offered, context, {}, undefined, () => [' tea, '])(argument('label'))).toEqual([' tea, ']);
    expect(planGrounding({ set_timer: countdown }, offered, context, {}, undefined, () => ({ values: ['tea'] }))(argument('label'))).toEqual({ values: ['tea'] });
  });

  it('copies a number from the texts given, with their numbers in words', () => {
    expect(planGrounding({ set_timer: countdown }, offered, context, {}, undefined, () => [' twelve, '])(argument('minutes'))).toEqual([' twelve, \n12']);
    // A reader's values stay the reader's.
    expect(planGrounding({ set_timer }, offered, 'a timer for twelve minutes', {}, undefined, () => [' 3'])(argument('minutes'))).toEqual({ values: ['12'] });
    // Those the reader finds in the texts given, when it finds any there (a value kept to its own call's part).
    const twoParts = 'a timer for twelve minutes, then block out an hour and a half';
    expect(planGrounding({ set_timer }, offered, twoParts)(argument('minutes'))).toEqual({ values: ['12', '90'] });
    expect(planGrounding({ set_timer }, offered, twoParts, {}, undefined, () => ['block out an hour and a half'])(argument('minutes'))).toEqual({ values: ['90'] });
  });
});

describe('planGrounding for an e-mail address whose one mention another call took', () => {
  it('grounds it in the whole conversation, not in pieces that hold no address', () => {
    const offered = [{ name: 'send_email', description: send_email.description, parameters: parametersOf(send_email) }];
    const context = 'email ann@example.org the notes, then add ann@example.org to my list';
    const taken = () => ['ann@example.org'];
    const ground = planGrounding({ send_email }, offered, context, {}, taken);
    const argument = (name: string) => ({ path: [0, 'arguments', name], pointer: `#/items/oneOf/0/properties/arguments/properties/${name}` });
    expect(ground(argument('to'))).toBe(context);
    expect(ground(argument('subject'))).toEqual(['email ', ' the notes, then add ', ' to my list']);
  });
});

describe('textsAround', () => {
  it('cuts every occurrence of the mentions out, keeping the pieces between in order', () => {
    expect(textsAround('from Cork to Limerick and back to Cork', ['Cork', 'Limerick'])).toEqual(['from ', ' to ', ' and back to ']);
    expect(textsAround('Ann', ['Ann'])).toEqual([]);
    expect(textsAround('Ann and Bob', [''])).toEqual(['Ann and Bob']);
  });
});
