import { createScriptedPredictor } from '@lacuna/core/testing';
import { describe, expect, it } from 'vitest';
import { infill } from '../infill.js';
import { fixtureTokenizer } from '../testing/fixture-tokenizer.js';

const { tokenizer, spec } = fixtureTokenizer();
const CODE = { type: 'object', properties: { code: { type: 'string', pattern: '^[a-z]{6}$' } }, required: ['code'], additionalProperties: false } as const;

/** A model sure of one token everywhere: its logit is far above every other. */
function sureOf(text: string) {
  const [token] = tokenizer.encode(text);
  return createScriptedPredictor({
    vocabularySize: spec.vocabularySize,
    logitsFor: () => Float32Array.from({ length: spec.vocabularySize }, (_, id) => (id === token ? 20 : 0)),
  });
}

/** Logits that depend only on the sequence and the position (so extra rows change nothing), all close together. */
function neverSure() {
  return createScriptedPredictor({
    vocabularySize: spec.vocabularySize,
    logitsFor: (inputIds, position) => {
      let hash = position * 2654435761;
      for (const id of inputIds) hash = Math.imul(hash ^ id, 16777619) >>> 0;
      return Float32Array.from({ length: spec.vocabularySize }, (_, id) => (Math.imul(hash ^ (id * 40503), 2246822519) >>> 0) / 2 ** 32);
    },
  });
}

describe('parallelThreshold: Fast-dLLM threshold commits inside holes', () => {
  it('commits the positions after a frontier in the same forward pass when the model is sure', async () => {
    const oneByOne = await infill({ model: { tokenizer, spec, predictor: sureOf('a') }, schema: CODE, prompt: 'code:' });
    const committedPerStep: number[] = [];
    const parallel = await infill({
      model: { tokenizer, spec, predictor: sureOf('a') },
      schema: CODE,
      prompt: 'code:',
      parallelThreshold: 0.9,
      onStep: (event) => committedPerStep.push(event.committed.length),
    });
    expect(oneByOne.value).toEqual({ code: 'aaaaaa' });
    expect(parallel.value).toEqual(oneByOne.value);
    expect(oneByOne.forwardPasses).toBeGreaterThanOrEqual(6);
    expect(parallel.forwardPasses).toBeLessThanOrEqual(2);
    // The step events report the look-ahead commits with the frontier's.
    expect(Math.max(...committedPerStep)).toBeGreaterThanOrEqual(5);
  });

  it('changes nothing when no look-ahead token reaches the threshold, though it asks for the extra rows', async () => {
    const schema = {
      type: 'object',
      properties: { name: { type: 'string', maxLength: 12 }, age: { type: 'integer', minimum: 0, maximum: 120 }, color: { enum: ['red', 'green', 'blue'] } },
      required: ['name', 'age', 'color'],
      additionalProperties: false,
    };
    const plainPredictor = neverSure();
    const lookaheadPredictor = neverSure();
    const plain = await infill({ model: { tokenizer, spec, predictor: plainPredictor }, schema, prompt: 'A person:' });
    const parallel = await infill({ model: { tokenizer, spec, predictor: lookaheadPredictor }, schema, prompt: 'A person:', parallelThreshold: 0.9 });
    expect(parallel.text).toBe(plain.text);
    expect(parallel.forwardPasses).toBe(plain.forwardPasses);
    const rowsAskedFor = (calls: typeof plainPredictor.calls) => calls.reduce((sum, batch) => sum + (batch[0]?.positions.length ?? 0), 0);
    expect(rowsAskedFor(lookaheadPredictor.calls)).toBeGreaterThan(rowsAskedFor(plainPredictor.calls));
  });

  it('stays one token per hole per pass when sampling with a temperature', async () => {
    const result = await infill({ model: { tokenizer, spec, predictor: sureOf('a') }, schema: CODE, prompt: 'code:', parallelThreshold: 0.9, sampling: { temperature: 1 }, seed: 1 });
    expect(result.value).toEqual({ code: 'aaaaaa' });
    expect(result.forwardPasses).toBeGreaterThanOrEqual(6);
  });

  it('refuses a threshold that is not a probability', async () => {
    await expect(infill({ model: { tokenizer, spec, predictor: sureOf('a') }, schema: CODE, prompt: 'code:', parallelThreshold: 1.5 })).rejects.toMatchObject({
      name: 'LacunaInfillError',
      code: 'INVALID_OPTIONS',
    });
  });
});
