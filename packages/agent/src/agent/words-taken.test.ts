import { describe, expect, it } from 'vitest';
import type { FieldIssue } from '../checks/field-issue.js';
import { isWholeCall, textsWithin, withinConfined, wordsTaken } from './words-taken.js';

const context = 'Evaluate 19 + 10, then email ann@example.org: The export failed.';
const calls = [
  { tool: 'send_email', arguments: { to: 'ann@example.org', body: 'The export failed.' }, index: 0 },
  { tool: 'send_email', arguments: { to: 'ann@example.org', body: 'The export failed.' }, index: 1 },
];
const issue = (fields: Partial<FieldIssue>): FieldIssue => ({ callIndex: 1, tool: 'send_email', path: [], check: 'repeated-call', message: '', ...fields });

describe('wordsTaken', () => {
  it("keeps a call planned again now off the other calls' once-stated words", () => {
    const replan = issue({});
    expect(isWholeCall(replan)).toBe(true);
    const taken = wordsTaken([replan], calls, context);
    expect(taken?.([1, 'arguments', 'body'])).toEqual(['ann@example.org', 'The export failed.']);
    expect(taken?.([0, 'arguments', 'body'])).toBeUndefined();
  });

  it('keeps a repeated value off the words the kept argument holds, and only that value', () => {
    const repeated = issue({ callIndex: 0, path: ['subject'], check: 'repeated-value', taken: 'The export failed.' });
    expect(isWholeCall(repeated)).toBe(false);
    const taken = wordsTaken([repeated], calls, context);
    expect(taken?.([0, 'arguments', 'subject'])).toEqual(['The export failed.']);
    expect(taken?.([0, 'arguments', 'to'])).toBeUndefined();
  });

  it('grounds a rejected field of a call planned in an earlier attempt in the whole conversation again', () => {
    const grounding = issue({ path: ['to'], check: 'grounding' });
    expect(wordsTaken([grounding], calls, context)?.([1, 'arguments', 'to'])).toBeUndefined();
    // Nothing to ground anew: the repair keeps the grounding in force.
    expect(wordsTaken([issue({ path: ['to'], check: 'confidence' })], calls, context)).toBeUndefined();
  });
});

describe('textsWithin', () => {
  it("points a repair at the texts after an argument's name, or at the value alone, by the hole's path", () => {
    const within = textsWithin([
      issue({ callIndex: 0, path: ['body'], check: 'labelled-value', within: [' is "The export failed."'] }),
      issue({ callIndex: 1, path: ['to'], check: 'function-words', values: ['ann@example.org'] }),
    ]);
    expect(within?.([0, 'arguments', 'body'])).toEqual([' is "The export failed."']);
    expect(within?.([1, 'arguments', 'to'])).toEqual({ values: ['ann@example.org'] });
    expect(within?.([1, 'arguments', 'body'])).toBeUndefined();
    expect(textsWithin([issue({ path: ['to'], check: 'grounding' })])).toBeUndefined();
  });
});

describe('withinConfined', () => {
  it("keeps a value once copied from another call's part in its own call's parts, without the words it may not take", () => {
    const confined = new Map([['1:origin', ['search for a flight from Mendoza to Riyadh']]]);
    const repeated = issue({ path: ['origin'], check: 'repeated-value', taken: 'Mendoza' });
    const within = withinConfined(textsWithin([repeated]), wordsTaken([repeated], calls, context), confined);
    expect(within?.([1, 'arguments', 'origin'])).toEqual(['search for a flight from ', ' to Riyadh']);
    // Texts this repair names win; other values are not confined.
    const labelled = issue({ path: ['origin'], check: 'labelled-value', within: ['from Mendoza'] });
    expect(withinConfined(textsWithin([labelled]), undefined, confined)?.([1, 'arguments', 'origin'])).toEqual(['from Mendoza']);
    expect(within?.([0, 'arguments', 'origin'])).toBeUndefined();
    expect(withinConfined(undefined, undefined, new Map())).toBeUndefined();
  });
});
