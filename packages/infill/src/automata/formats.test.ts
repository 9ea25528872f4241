import { describe, expect, it } from 'vitest';
import { acceptsText } from './byte-automaton.js';
import { patternDfa } from './char-dfa.js';
import { FORMAT_PATTERNS } from './formats.js';
import { StringBodyAutomaton } from './string-body-automaton.js';

const accepts = (format: string, text: string): boolean =>
  acceptsText(new StringBodyAutomaton(patternDfa(FORMAT_PATTERNS[format] as string), 'json') as never, text);

describe('format subsets', () => {
  it('write e-mail addresses and URLs under long top-level domains', () => {
    for (const email of ['dmitri@starlingbank.example', 'team@studio.photography', 'a.b@c.co']) expect(accepts('email', email), email).toBe(true);
    expect(accepts('idn-email', 'curator@art.museum')).toBe(true);
    expect(accepts('url', 'https://lacuna.technology/docs')).toBe(true);
    for (const email of ['a@b.c', 'a@b', '@b.com', 'a@b.c0m']) expect(accepts('email', email), email).toBe(false);
  });
});
