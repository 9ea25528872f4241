import { describe, expect, it } from 'vitest';
import { acceptsText, utf8, walkBytes } from './byte-automaton.js';
import { intersectDfa, lengthDfa, patternDfa } from './char-dfa.js';
import { FORMAT_PATTERNS } from './formats.js';
import { StringBodyAutomaton } from './string-body-automaton.js';

const anyString = (): StringBodyAutomaton => new StringBodyAutomaton(lengthDfa(0, undefined), 'json');

describe('StringBodyAutomaton', () => {
  it('accepts JSON string bodies: escapes, UTF-8, and no raw quote or control character', () => {
    const automaton = anyString();
    for (const body of ['abc', '', 'a\\"b', 'tab\\t', '\\u00e9t\\u00E9', 'été 😀', '\\\\', '\\/']) expect(acceptsText(automaton as never, body)).toBe(true);
    for (const body of ['a"b', 'a\\', 'a\\x', '\\u12', '\\ud800', 'a\nb']) expect(acceptsText(automaton as never, body)).toBe(false);
    // Invalid UTF-8: a lone continuation byte, an overlong form, a surrogate.
    expect(walkBytes(automaton, automaton.start, Uint8Array.of(0x80))).toBeUndefined();
    expect(walkBytes(automaton, automaton.start, Uint8Array.of(0xc0, 0x80))).toBeUndefined();
    expect(walkBytes(automaton, automaton.start, Uint8Array.of(0xed, 0xa0))).toBeUndefined();
  });

  it('counts length in characters after decoding escapes', () => {
    const automaton = new StringBodyAutomaton(lengthDfa(2, 3), 'json');
    expect(acceptsText(automaton as never, 'a')).toBe(false);
    expect(acceptsText(automaton as never, '\\u0041b')).toBe(true);
    expect(acceptsText(automaton as never, 'é😀')).toBe(true);
    expect(acceptsText(automaton as never, 'abcd')).toBe(false);
  });

  it('rejects a partial character that cannot complete into the language', () => {
    const automaton = new StringBodyAutomaton(patternDfa('^[a-z]*$'), 'json');
    // 0xe2 starts a three-byte character: never a lowercase letter.
    expect(walkBytes(automaton, automaton.start, Uint8Array.of(0xe2))).toBeUndefined();
    expect(walkBytes(automaton, automaton.start, utf8('\\u01'))).toBeUndefined();
    expect(walkBytes(automaton, automaton.start, utf8('\\u006'))).toBeDefined();
  });

  it('measures the bytes still needed', () => {
    const automaton = new StringBodyAutomaton(intersectDfa(patternDfa(FORMAT_PATTERNS.date as string), lengthDfa(0, undefined)), 'json');
    expect(automaton.distance(automaton.start)).toBe(10);
    const state = walkBytes(automaton, automaton.start, utf8('2024-'));
    expect(state && automaton.distance(state)).toBe(5);
  });
});
