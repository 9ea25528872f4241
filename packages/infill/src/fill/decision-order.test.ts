import { createScriptedPredictor } from '@lacuna/core/testing';
import { describe, expect, it } from 'vitest';
import { infill } from '../infill.js';
import { fixtureTokenizer } from '../testing/fixture-tokenizer.js';

const { tokenizer, spec } = fixtureTokenizer();
const branch = (kind: string) => ({ type: 'object', properties: { kind: { const: kind } }, required: ['kind'], additionalProperties: false });
// Two items, each one branch of a union: two decisions in one round.
const SCHEMA = { type: 'array', minItems: 2, maxItems: 2, items: { oneOf: [branch('x'), branch('y')] } };
const [X, Y, OPEN] = ['x', 'y', '{'].map((text) => tokenizer.encode(text)[0] as number);

/**
 * A "model" that would not write the same kind twice: once an x is in view it wants y. With nothing in view, both
 * items prefer x, the first more surely than the second.
 */
function predictor() {
  return createScriptedPredictor({
    vocabularySize: spec.vocabularySize,
    logitsFor: (inputIds, position) => {
      const logits = new Float32Array(spec.vocabularySize);
      const before = Array.from(inputIds).slice(0, position);
      const item = before.filter((token) => token === OPEN).length;
      if (Array.from(inputIds).includes(X as number)) logits[Y as number] = 3;
      else logits[X as number] = item === 1 ? 2 : 1;
      return logits;
    },
  });
}

describe("decisionOrder: a round's decisions begun together or the most confident first", () => {
  it('lets the second call see the first one\'s choice with "confidence", at one more forward pass', async () => {
    expect([X, Y, OPEN].every((token) => token !== undefined)).toBe(true);
    const together = await infill({ model: { tokenizer, spec, predictor: predictor() }, schema: SCHEMA, prompt: 'kinds:' });
    const byConfidence = await infill({ model: { tokenizer, spec, predictor: predictor() }, schema: SCHEMA, prompt: 'kinds:', decisionOrder: 'confidence' });
    expect(together.value).toEqual([{ kind: 'x' }, { kind: 'x' }]);
    expect(byConfidence.value).toEqual([{ kind: 'x' }, { kind: 'y' }]);
    expect(byConfidence.forwardPasses).toBe(together.forwardPasses + 1);
  });

  it('refuses an unknown order with INVALID_OPTIONS', async () => {
    await expect(infill({ model: { tokenizer, spec, predictor: predictor() }, schema: SCHEMA, decisionOrder: 'random' as never })).rejects.toMatchObject({
      name: 'LacunaInfillError',
      code: 'INVALID_OPTIONS',
    });
  });
});
