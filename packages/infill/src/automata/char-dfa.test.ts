import { describe, expect, it } from 'vitest';
import { dfaMatches, intersectDfa, isEmptyLanguage, lengthDfa, patternDfa } from './char-dfa.js';
import { RegexUnsupportedError } from './regex-parser.js';

/**
 * The pattern DFA must agree with ECMAScript's own engine (search semantics) on these strings, with and without
 * the u flag; outside the Basic Multilingual Plane it may only be stricter.
 */
const CASES: [string, string[]][] = [
  ['^[a-z]+$', ['abc', '', 'aBc', 'z', 'a1']],
  ['abc', ['abc', 'xabcx', 'ab', '', 'aabbcc']],
  ['^\\d{3}-\\d{4}$', ['555-1234', '5551234', '55-1234', '555-12345']],
  ['^(foo|bar)+$', ['foo', 'foobar', 'fo', '', 'barfoo', 'baz']],
  ['^a{2,3}$', ['a', 'aa', 'aaa', 'aaaa']],
  ['^[^"\\\\]*$', ['abc', 'a"b', 'a\\b', '']],
  ['^\\w+@\\w+\\.com$', ['a@b.com', 'a@b.org', '@b.com']],
  ['^(?!\\.)(?!.*\\.\\.)[a-z.]+$', ['a.b', '.ab', 'a..b', 'ab.']],
  ['^(?=.{1,5}$)[a-z]+$', ['abc', 'abcdef', '']],
  ['^\\s*$', [' \t', 'x', '', '\u00a0']],
  ['^.$', ['a', '\n', 'é', '😀', 'ab']],
  ['^[\\u0041-\\u005A]$', ['A', 'Z', 'a']],
  ['x|^y', ['axb', 'yab', 'ay']],
  ['^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}$', ['deadBEEF-0123', 'deadbeef0123']],
  ['^\\+?[1-9]\\d{1,14}$', ['+12345', '0123', '1']],
];

describe('patternDfa', () => {
  for (const [pattern, samples] of CASES) {
    it(`agrees with RegExp on /${pattern}/`, () => {
      const dfa = patternDfa(pattern);
      const regex = new RegExp(pattern, 'u');
      for (const sample of samples) {
        const astral = Array.from(sample).some((char) => (char.codePointAt(0) as number) > 0xffff);
        if (!astral) expect([sample, dfaMatches(dfa, sample)]).toEqual([sample, regex.test(sample)]);
        else if (dfaMatches(dfa, sample)) expect(regex.test(sample) && new RegExp(pattern).test(sample)).toBe(true);
      }
    });
  }

  it('refuses what it cannot compile, with the reason', () => {
    expect(() => patternDfa('(a)\\1')).toThrow(RegexUnsupportedError);
    expect(() => patternDfa('\\bword')).toThrow(/word-boundary/);
    expect(() => patternDfa('a(?<=b)')).toThrow(/lookbehind/);
    expect(() => patternDfa('a^b')).toThrow(/anchor/);
    expect(() => patternDfa('\\q')).toThrow(/unknown escape/);
  });

  it('reads identity escapes and lone braces as most validators do (no u flag)', () => {
    expect(dfaMatches(patternDfa('^a\\:b$'), 'a:b')).toBe(true);
    expect(dfaMatches(patternDfa('^\\{x}$'), '{x}')).toBe(true);
    expect(() => patternDfa('\\p{L}')).toThrow(/property/);
  });

  it('intersects with length bounds', () => {
    const dfa = intersectDfa(patternDfa('^a+$'), lengthDfa(2, 3));
    expect(['a', 'aa', 'aaa', 'aaaa'].map((text) => dfaMatches(dfa, text))).toEqual([false, true, true, false]);
    expect(isEmptyLanguage(intersectDfa(patternDfa('^a{5}$'), lengthDfa(0, 3)))).toBe(true);
  });
});
