import { createScriptedPredictor } from '@lacuna/core/testing';
import { describe, expect, it } from 'vitest';
import { infill } from '../infill.js';
import { fixtureTokenizer } from '../testing/fixture-tokenizer.js';

const { tokenizer, spec } = fixtureTokenizer();
const SCHEMA = { type: 'object', properties: { text: { type: 'string', maxLength: 40 } }, required: ['text'], additionalProperties: false };

/** A model that wants every free position to be the first text's first token, then a little less the second's. */
function stuttering(text: string, next = text) {
  const first = tokenizer.encode(text)[0];
  const second = tokenizer.encode(next).at(-1);
  return {
    tokenizer,
    spec,
    predictor: createScriptedPredictor({
      vocabularySize: spec.vocabularySize,
      logitsFor: () => {
        const logits = new Float32Array(spec.vocabularySize);
        logits[first as number] = 4;
        logits[second as number] = 3;
        logits[spec.padTokenId] = 2;
        return logits;
      },
    }),
  };
}

describe("repeatedWords: 'forbid'", () => {
  it('never writes a word token twice in a row in a free value; by default the stutter stays', async () => {
    // " the" and " city" are one token each in the fixture's vocabulary.
    expect([tokenizer.encode(' the').length, tokenizer.encode(' city').length]).toEqual([1, 1]);
    const allowed = await infill({ model: stuttering(' the', ' city'), schema: SCHEMA, prompt: 'A city.' });
    const forbidden = await infill({ model: stuttering(' the', ' city'), schema: SCHEMA, prompt: 'A city.', repeatedWords: 'forbid' });
    expect((allowed.value as { text: string }).text).toMatch(/^ the the the/);
    expect((forbidden.value as { text: string }).text).toMatch(/^ the city the city/);
  });

  it('takes a word written again after a space token of its own as written twice in a row', async () => {
    // "city" and " " are one token each: a tokenizer that makes spaces tokens of their own writes "city city" so.
    expect([tokenizer.encode('city').length, tokenizer.encode(' ').length]).toEqual([1, 1]);
    const allowed = await infill({ model: stuttering('city', ' '), schema: SCHEMA, prompt: 'A city.' });
    const forbidden = await infill({ model: stuttering('city', ' '), schema: SCHEMA, prompt: 'A city.', repeatedWords: 'forbid' });
    expect((allowed.value as { text: string }).text).toMatch(/^citycitycity/);
    // Neither "city" again nor a second space: the value goes on with a token the model likes less.
    const text = (forbidden.value as { text: string }).text;
    expect(text).toMatch(/^city [^ ]/);
    expect(text).not.toMatch(/city city|citycity| {2}/);
  });

  it('never writes a double space: after a token ending with a space, none that starts with one', async () => {
    expect([tokenizer.encode(' ').length, tokenizer.encode(' city').length, tokenizer.encode('2').length]).toEqual([1, 1, 1]);
    const allowed = await infill({ model: stuttering(' ', '2'), schema: SCHEMA, prompt: 'Spaces.' });
    const forbidden = await infill({ model: stuttering(' ', '2'), schema: SCHEMA, prompt: 'Spaces.', repeatedWords: 'forbid' });
    expect((allowed.value as { text: string }).text).toMatch(/^ {4}/);
    expect((forbidden.value as { text: string }).text).toMatch(/^ 2 2 2/);
    // A word with its space attached starts with a space too: " city" after " " would be "  city".
    const words = await infill({ model: stuttering(' ', ' city'), schema: SCHEMA, prompt: 'Spaces.', repeatedWords: 'forbid' });
    expect((words.value as { text: string }).text).toMatch(/^ [^ ]/);
    expect((words.value as { text: string }).text).not.toMatch(/ {2}/);
  });

  it('lets a single letter be doubled, not tripled', async () => {
    expect(tokenizer.encode('a')).toHaveLength(1);
    const letters = await infill({ model: stuttering('a', ' city'), schema: SCHEMA, prompt: 'Letters.', repeatedWords: 'forbid' });
    expect((letters.value as { text: string }).text).toMatch(/^aa cityaa city/);
  });

  it('lets a digit repeat, and grounded values copy what the text holds', async () => {
    const digits = await infill({ model: stuttering('22'), schema: SCHEMA, prompt: 'Digits.', repeatedWords: 'forbid' });
    expect((digits.value as { text: string }).text).toMatch(/^2222/);
    // "citycity" is the token "city" twice: a grounded value copies it as the text has it, "cityville" aside.
    expect(tokenizer.encode('citycity')).toEqual([...tokenizer.encode('city'), ...tokenizer.encode('city')]);
    const copied = await infill({ model: stuttering('city'), schema: SCHEMA, prompt: 'cityville citycity', ground: () => 'cityville citycity', repeatedWords: 'forbid' });
    expect(copied.value).toEqual({ text: 'citycity' });
    const [city] = tokenizer.encode('city');
    const tokens = copied.holes[0]?.tokens ?? [];
    expect(tokens.some((token, index) => token === city && tokens[index + 1] === city)).toBe(true);
  });

  it('is refused with INVALID_OPTIONS when neither allow nor forbid', async () => {
    await expect(infill({ model: stuttering('a'), schema: SCHEMA, prompt: 'x', repeatedWords: 'never' as never })).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
  });
});
