import { createScriptedPredictor } from '@lacuna/core/testing';
import { describe, expect, it } from 'vitest';
import { infill } from '../infill.js';
import { fixtureTokenizer } from '../testing/fixture-tokenizer.js';

const { tokenizer, spec } = fixtureTokenizer();
const branch = (kind: string) => ({ type: 'object', properties: { kind: { const: kind } }, required: ['kind'], additionalProperties: false });
// Two branches whose labels are two tokens each: "ab" and "cd".
const SCHEMA = { oneOf: [branch('ab'), branch('cd')] };

/** The same row at every position: "a" a little above "c", and "d" far above "b". */
function predictor() {
  const logits = new Float32Array(spec.vocabularySize);
  const set = (text: string, value: number) => {
    const [token] = tokenizer.encode(text);
    logits[token as number] = value;
  };
  set('a', 1);
  set('c', 0.8);
  set('b', -3);
  set('d', 3);
  return createScriptedPredictor({ vocabularySize: spec.vocabularySize, logitsFor: () => logits });
}

describe('decisions: which branch of a union, by whole label or by first token', () => {
  it('picks the label every position votes for with "label", and the first token\'s favourite by default', async () => {
    const model = () => ({ tokenizer, spec, predictor: predictor() });
    expect(['ab', 'cd'].map((label) => tokenizer.encode(label).length)).toEqual([2, 2]);
    const byLabel = await infill({ model: model(), schema: SCHEMA, prompt: 'kind:', decisions: 'label' });
    const byToken = await infill({ model: model(), schema: SCHEMA, prompt: 'kind:' });
    expect(byLabel.value).toEqual({ kind: 'cd' });
    expect(byToken.value).toEqual({ kind: 'ab' });
    // Same number of forward passes: the label's rows come from the pass that predicts its first token.
    expect(byLabel.forwardPasses).toBe(byToken.forwardPasses);
  });

  it('refuses an unknown rule with INVALID_OPTIONS', async () => {
    await expect(infill({ model: { tokenizer, spec, predictor: predictor() }, schema: SCHEMA, decisions: 'beam' as never })).rejects.toMatchObject({
      name: 'LacunaInfillError',
      code: 'INVALID_OPTIONS',
    });
  });
});
