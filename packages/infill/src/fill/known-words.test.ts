import { describe, expect, it } from 'vitest';
import { infill } from '../infill.js';
import { template, hole } from '../template.js';
import { fixtureTokenizer, randomFixtureModel } from '../testing/fixture-tokenizer.js';
import { KnownWords } from './known-words.js';

const LEXICON = ['the', 'weather', 'in', 'is', 'sunny', "it's", 'The'];
const SCHEMA = { type: 'object', properties: { text: { type: 'string', maxLength: 48 } }, required: ['text'], additionalProperties: false };
const PROMPT = 'Describe the weather in Grenoble.';

/** Words as KnownWords reads them: runs of letters (any non-ASCII character counts as one). */
function wordsOf(text: string): string[] {
  return text.match(/[A-Za-z\u0080-\u{10FFFF}]+/gu) ?? [];
}

describe("words: 'known'", () => {
  it('makes even a random model spell only words of the lexicon and the canvas; without it, it spells pieces', async () => {
    const { tokenizer } = fixtureTokenizer();
    let unknownWithout = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const model = { ...randomFixtureModel({ seed }), lexicon: LEXICON };
      const known = await infill({ model, schema: SCHEMA, prompt: PROMPT, words: 'known' });
      const free = await infill({ model, schema: SCHEMA, prompt: PROMPT });
      const canvasWords = new Set([...LEXICON.flatMap(wordsOf), ...wordsOf(tokenizer.decode(known.session.promptIds())), 'text']);
      const text = (known.value as { text: string }).text;
      expect(text.length).toBeGreaterThan(0);
      expect(wordsOf(text).filter((word) => !canvasWords.has(word)), `seed ${seed}: ${JSON.stringify(text)}`).toEqual([]);
      unknownWithout += wordsOf((free.value as { text: string }).text).filter((word) => !canvasWords.has(word)).length;
    }
    expect(unknownWithout).toBeGreaterThan(0);
  });

  it('holds in text templates too', async () => {
    const { tokenizer } = fixtureTokenizer();
    const model = { ...randomFixtureModel({ seed: 7 }), lexicon: LEXICON };
    const free = await template`Weather report: ${hole.string({ name: 'report', maxTokens: 12 })}`.fill({ model, prompt: PROMPT });
    const filled = await template`Weather report: ${hole.string({ name: 'report', maxTokens: 12 })}`.fill({ model, prompt: PROMPT, words: 'known' });
    const canvasWords = new Set([...LEXICON.flatMap(wordsOf), ...wordsOf(tokenizer.applyChatTemplate([{ role: 'user', content: PROMPT }], { addGenerationPrompt: true })), 'Weather', 'report']);
    expect(wordsOf(String(filled.named.report)).filter((word) => !canvasWords.has(word))).toEqual([]);
    expect(wordsOf(String(free.named.report)).filter((word) => !canvasWords.has(word)).length).toBeGreaterThan(0);
  });

  it('is refused for a model without a lexicon, and an unknown setting is refused', async () => {
    const model = randomFixtureModel();
    await expect(infill({ model, schema: SCHEMA, prompt: PROMPT, words: 'known' })).rejects.toMatchObject({ name: 'LacunaInfillError', code: 'INVALID_OPTIONS', message: expect.stringContaining('lexicon') });
    await expect(infill({ model, schema: SCHEMA, prompt: PROMPT, words: 'some' as 'known' })).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
  });
});

describe('KnownWords', () => {
  it("reads a lexicon entry's words apart, and knows their beginnings", () => {
    const known = KnownWords.ofLexicon(["don't", 'Wrocław']).withTexts([new TextEncoder().encode('in Grenoble.')]);
    const bytes = (word: string) => String.fromCharCode(...new TextEncoder().encode(word));
    for (const word of ['don', 't', 'in', 'Grenoble', 'Wrocław']) expect(known.isWord(bytes(word)), word).toBe(true);
    expect(known.isWord('Gren')).toBe(false);
    expect(known.isPrefix('Gren')).toBe(true);
    // A token may end inside a multi-byte character: half of "ł" begins a known word.
    expect(known.isPrefix(bytes('Wrocł').slice(0, -1))).toBe(true);
    expect(known.isWord("don't")).toBe(false);
    expect(known.isPrefix('inGrenoble')).toBe(false);
  });
});
