import { describe, expect, it } from 'vitest';
import { acceptsText, utf8, walkBytes } from './byte-automaton.js';
import { ChoiceAutomaton } from './choice-automaton.js';
import { ExcludingAutomaton } from './excluding-automaton.js';
import { GroundedAutomaton } from './grounded-automaton.js';
import { leafAutomaton } from '../constraints/node-automaton.js';
import type { StringNode } from '../schema/schema-node.js';

const plainString: StringNode = { kind: 'string', pointer: '', minLength: 1, maxLength: undefined, patterns: [], format: undefined, excluded: [] } as unknown as StringNode;

describe('ExcludingAutomaton', () => {
  it('accepts the inner language but the excluded values, their prefixes and extensions included', () => {
    const grounded = GroundedAutomaton.create(leafAutomaton(plainString), 'Book Customer onboarding call for Friday', 'string')!;
    const excluding = ExcludingAutomaton.create(grounded, ['Customer'])!;
    expect(acceptsText(excluding, 'Customer')).toBe(false);
    expect(acceptsText(excluding, 'Customer onboarding call')).toBe(true);
    expect(acceptsText(excluding, 'Friday')).toBe(true);
    expect(acceptsText(excluding, 'Lisbon')).toBe(false);
    // On the excluded value, the way on is to write more of the span: one space, then "onboarding".
    const onExcluded = walkBytes(excluding, excluding.start, utf8('Customer'))!;
    expect(excluding.accepts(onExcluded)).toBe(false);
    expect(excluding.distance(onExcluded)).toBe(' onboarding'.length);
  });

  it('only returns live states: a prefix that can only end as the excluded value is refused', () => {
    const excluding = ExcludingAutomaton.create(new ChoiceAutomaton(['ab', 'cd', 'abc']), ['ab', 'cd'])!;
    expect(acceptsText(excluding, 'abc')).toBe(true);
    expect(excluding.step(excluding.start, 'c'.charCodeAt(0))).toBeUndefined();
    const afterA = excluding.step(excluding.start, 'a'.charCodeAt(0))!;
    expect(excluding.distance(afterA)).toBe(2);
    expect(excluding.key(afterA)).not.toBe(excluding.key(excluding.start));
  });

  it('is not built when nothing is left to write', () => {
    expect(ExcludingAutomaton.create(new ChoiceAutomaton(['celsius']), ['celsius'])).toBeUndefined();
    const twice = ExcludingAutomaton.create(ExcludingAutomaton.create(new ChoiceAutomaton(['low', 'high']), ['low'])!, ['high']);
    expect(twice).toBeUndefined();
  });
});
