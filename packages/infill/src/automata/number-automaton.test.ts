import { describe, expect, it } from 'vitest';
import { acceptsText, walkBytes, utf8 } from './byte-automaton.js';
import { NumberAutomaton, type NumberSpec } from './number-automaton.js';

/** Walks random byte choices among the live ones until acceptance: every walk must end in range. */
function randomWalk(spec: NumberSpec, seed: number): string {
  const automaton = new NumberAutomaton(spec);
  let state = automaton.start;
  let random = seed;
  const bytes = Array.from('-0123456789.eE+', (char) => char.charCodeAt(0));
  for (let step = 0; step < 40; step++) {
    random = (random * 1103515245 + 12345) % 2147483648;
    if (automaton.accepts(state) && random % 4 === 0) return state;
    const options = bytes.filter((byte) => automaton.step(state, byte) !== undefined);
    if (options.length === 0) {
      expect(automaton.accepts(state)).toBe(true);
      return state;
    }
    state = automaton.step(state, options[random % options.length] as number) as string;
  }
  // Finish along the witness.
  return state + (automaton.witness(state) as string);
}

describe('NumberAutomaton', () => {
  it('accepts JSON numbers and integers, and nothing else', () => {
    const number = new NumberAutomaton({ integer: false });
    for (const text of ['0', '-1', '3.25', '1e5', '-2.5E-3', '10']) expect(acceptsText(number as never, text)).toBe(true);
    for (const text of ['01', '-', '1.', '.5', '+1', '1e', '-0', 'NaN', '1.2.3']) expect(acceptsText(number as never, text)).toBe(false);
    const integer = new NumberAutomaton({ integer: true });
    expect(acceptsText(integer as never, '42')).toBe(true);
    expect(acceptsText(integer as never, '4.2')).toBe(false);
    expect(acceptsText(integer as never, '1e3')).toBe(false);
  });

  it('keeps prefixes live only when a completion in range exists', () => {
    const automaton = new NumberAutomaton({ integer: true, minimum: 10, maximum: 20 });
    expect(walkBytes(automaton, automaton.start, utf8('3'))).toBeUndefined();
    expect(walkBytes(automaton, automaton.start, utf8('-'))).toBeUndefined();
    expect(walkBytes(automaton, automaton.start, utf8('2'))).toBe('2');
    expect(automaton.accepts('2')).toBe(false);
    expect(walkBytes(automaton, automaton.start, utf8('21'))).toBeUndefined();
    expect(automaton.witness('1')).toBe('0');
  });

  it('handles exclusive and fractional bounds exactly', () => {
    const automaton = new NumberAutomaton({ integer: false, exclusiveMinimum: 0.5, maximum: 0.75 });
    expect(acceptsText(automaton as never, '0.5')).toBe(false);
    expect(acceptsText(automaton as never, '0.51')).toBe(true);
    expect(acceptsText(automaton as never, '0.75')).toBe(true);
    expect(acceptsText(automaton as never, '0.751')).toBe(false);
    expect(walkBytes(automaton, automaton.start, utf8('1'))).toBeUndefined();
    expect(new NumberAutomaton({ integer: true, exclusiveMinimum: 3, exclusiveMaximum: 4 }).satisfiable).toBe(false);
  });

  it('supports integer multipleOf', () => {
    const automaton = new NumberAutomaton({ integer: true, multipleOf: 5, minimum: 1, maximum: 12 });
    expect(acceptsText(automaton as never, '5')).toBe(true);
    expect(acceptsText(automaton as never, '10')).toBe(true);
    expect(acceptsText(automaton as never, '7')).toBe(false);
    expect(walkBytes(automaton, automaton.start, utf8('2'))).toBeUndefined();
  });

  it('never walks into a dead end, whatever the bounds', () => {
    const specs: NumberSpec[] = [
      { integer: true, minimum: -37, maximum: 1234 },
      { integer: false, minimum: -0.001, maximum: 0.002 },
      { integer: false, exclusiveMinimum: -5, exclusiveMaximum: -4.99 },
      { integer: true, minimum: 100000 },
      { integer: false, maximum: -1e6 },
      { integer: true, multipleOf: 7, minimum: -50, maximum: 50 },
      { integer: false, multipleOf: 0.01, minimum: 0, maximum: 5 },
      { integer: false, multipleOf: 0.25, exclusiveMinimum: -3 },
      { integer: false, multipleOf: 0.1 },
    ];
    for (const spec of specs) {
      const automaton = new NumberAutomaton(spec);
      for (let seed = 1; seed < 60; seed++) {
        const text = randomWalk(spec, seed);
        expect(automaton.accepts(text)).toBe(true);
        const value = Number(text);
        if (spec.minimum !== undefined) expect(value).toBeGreaterThanOrEqual(spec.minimum);
        if (spec.maximum !== undefined) expect(value).toBeLessThanOrEqual(spec.maximum);
        if (spec.exclusiveMinimum !== undefined) expect(value).toBeGreaterThan(spec.exclusiveMinimum);
        if (spec.exclusiveMaximum !== undefined) expect(value).toBeLessThan(spec.exclusiveMaximum);
        if (spec.multipleOf !== undefined) expect(Number.isInteger(value / spec.multipleOf)).toBe(true);
      }
    }
  });
});
