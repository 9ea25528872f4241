import { createScriptedPredictor } from '@lacuna/core/testing';
import { describe, expect, it } from 'vitest';
import { infill } from '../infill.js';
import { fixtureTokenizer } from '../testing/fixture-tokenizer.js';

const { tokenizer, spec } = fixtureTokenizer();
const CONTEXT = 'Tom and Ann Lee';
const SCHEMA = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'], additionalProperties: false };
const LONG = tokenizer.encode('Ann Lee');
const SHORT = tokenizer.encode('Tom');
const VALUE_TOKENS = new Set([...LONG, ...SHORT]);
// The hole absorbs the closing quote and brace, which the value's end must write before its pads.
const CLOSING = new Set([...tokenizer.encode('"}'), ...tokenizer.encode('"')]);

/**
 * A model torn between two spans of the context. With nothing written yet, the first position leans a little to
 * "Tom" and every later one firmly to "Ann Lee"; once a value is begun, every position follows it to its end.
 * The closing quote is the likeliest of the other tokens, so that a value ends where the model's pads say.
 */
function predictor() {
  return createScriptedPredictor({
    vocabularySize: spec.vocabularySize,
    logitsFor: (inputIds, position) => {
      const ids = Array.from(inputIds);
      let start = position;
      while (start > 0 && (ids[start - 1] === spec.maskTokenId || VALUE_TOKENS.has(ids[start - 1] as number))) start--;
      let frontier = start;
      while (frontier < ids.length && ids[frontier] !== spec.maskTokenId) frontier++;
      const written = ids.slice(start, frontier);
      const offset = position - frontier;
      const logits = new Float32Array(spec.vocabularySize).fill(-5);
      for (const token of CLOSING) logits[token] = -1;
      const favour = (tokens: readonly number[], index: number, value: number) => {
        const token = index < tokens.length ? tokens[index] : spec.padTokenId;
        logits[token as number] = Math.max(logits[token as number] as number, value);
      };
      const begun = [LONG, SHORT].find((tokens) => written.length > 0 && written.every((token, index) => tokens[index] === token));
      if (begun !== undefined) favour(begun, written.length + offset, 3);
      else if (offset === 0) {
        favour(SHORT, 0, 1);
        favour(LONG, 0, 0.8);
      } else {
        favour(LONG, offset, 3);
        favour(SHORT, offset, 2);
      }
      return logits;
    },
  });
}

describe('groundedValues: a grounded value by whole span or by first token', () => {
  it('writes the span every position votes for with "span", and the first token\'s favourite by default', async () => {
    const model = () => ({ tokenizer, spec, predictor: predictor() });
    const bySpan = await infill({ model: model(), schema: SCHEMA, prompt: CONTEXT, ground: () => CONTEXT, groundedValues: 'span' });
    const byToken = await infill({ model: model(), schema: SCHEMA, prompt: CONTEXT, ground: () => CONTEXT });
    expect(bySpan.value).toEqual({ name: 'Ann Lee' });
    expect(byToken.value).toEqual({ name: 'Tom' });
  });

  it('leaves values that are not grounded token by token', async () => {
    const free = await infill({ model: { tokenizer, spec, predictor: predictor() }, schema: SCHEMA, prompt: CONTEXT, groundedValues: 'span' });
    expect(free.value).toEqual({ name: 'Tom' });
  });

  it('refuses an unknown rule with INVALID_OPTIONS', async () => {
    await expect(infill({ model: { tokenizer, spec, predictor: predictor() }, schema: SCHEMA, groundedValues: 'beam' as never })).rejects.toMatchObject({
      name: 'LacunaInfillError',
      code: 'INVALID_OPTIONS',
    });
  });
});
