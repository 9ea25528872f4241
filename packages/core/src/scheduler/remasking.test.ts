/**
 * ReMDM-style remasking in the denoising loop (`remasking: { threshold }`): a committed token whose
 * probability drops under the threshold at a later step is masked again and re-predicted, and decoding still
 * ends because each position may be remasked only `maxPerPosition` times.
 */
import { describe, expect, it } from 'vitest';
import { Canvas } from '../canvas/canvas.js';
import { denoise, type DenoiseStepEvent } from '../pipeline/denoise.js';
import { createScriptedPredictor } from '../testing/fake-predictors.js';

const VOCABULARY = 8;
const MASK = 7;
const PROMPT = [0, 1];

function oneHot(token: number, logit: number): Float32Array {
  const logits = new Float32Array(VOCABULARY).fill(0);
  logits[token] = logit;
  return logits;
}

/**
 * Position 2 is sure of token 5 until position 3 is committed; from then on it is sure of token 6 instead.
 * Positions 3, 4, 5 want tokens 4, 1, 2, each less confident than the last, and position 2 at first.
 */
function changingMindPredictor() {
  return createScriptedPredictor({
    vocabularySize: VOCABULARY,
    logitsFor: (inputIds, position) => {
      if (position === 2) return inputIds[3] === MASK ? oneHot(5, 12) : oneHot(6, 12);
      if (position === 3) return oneHot(4, 9);
      if (position === 4) return oneHot(1, 7);
      return oneHot(2, 5);
    },
  });
}

/** Position 2 always disagrees with what it holds: token 5 while masked, the other one of 5 and 6 once committed. */
function neverSatisfiedPredictor() {
  return createScriptedPredictor({
    vocabularySize: VOCABULARY,
    logitsFor: (inputIds, position) => {
      if (position === 2) return oneHot(inputIds[2] === 5 ? 6 : 5, 12);
      return oneHot(position, 4);
    },
  });
}

function promptCanvas(generationLength: number): Canvas {
  return Canvas.fromPrompt({ promptIds: PROMPT, generationLength, maskTokenId: MASK });
}

describe('denoise with remasking', () => {
  it('masks a committed token again when its probability falls under the threshold, then re-predicts it', async () => {
    const predictor = changingMindPredictor();
    const canvas = promptCanvas(4);
    const events: DenoiseStepEvent[] = [];
    const result = await denoise(predictor, [canvas], { steps: 4, remasking: { threshold: 0.5 }, onStep: (event) => events.push(event) });

    expect(events.map((event) => event.committed.map(({ position, token }) => [position, token]))).toEqual([
      [[2, 5]],
      [[3, 4]],
      [[4, 1]],
      // The last step commits every mask left, position 2 among them, now with the token the model prefers.
      [
        [2, 6],
        [5, 2],
      ],
    ]);
    expect(events.map((event) => event.remasked.map(({ position, token }) => [position, token]))).toEqual([[], [], [[2, 5]], []]);
    // The remasked token's confidence is what condemned it: far under the threshold.
    expect(events[2]?.remasked[0]?.confidence).toBeLessThan(0.01);
    expect(canvas.toArray()).toEqual([0, 1, 6, 4, 1, 2]);
    expect(canvas.countMasked()).toBe(0);
    expect(result.forwardPasses).toEqual([4]);
    // Committed positions are sent to the model too, so that their probability can be re-checked.
    expect(predictor.calls[2]?.[0]?.positions).toEqual([4, 5, 2, 3]);
  });

  it('keeps every committed token when the model never loses confidence in it', async () => {
    const predictor = createScriptedPredictor({ vocabularySize: VOCABULARY, logitsFor: (_ids, position) => oneHot(position % 7, 10 - position) });
    const canvas = promptCanvas(4);
    const events: DenoiseStepEvent[] = [];
    await denoise(predictor, [canvas], { steps: 4, remasking: { threshold: 0.5 }, onStep: (event) => events.push(event) });
    expect(events.every((event) => event.remasked.length === 0)).toBe(true);
    expect(canvas.toArray()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('does nothing without the option: the same model leaves the first token in place', async () => {
    const canvas = promptCanvas(4);
    await denoise(changingMindPredictor(), [canvas], { steps: 4 });
    expect(canvas.toArray()).toEqual([0, 1, 5, 4, 1, 2]);
  });

  it('remasks one position at most maxPerPosition times, so a model that never settles still terminates', async () => {
    for (const maxPerPosition of [1, 2, 3]) {
      const canvas = promptCanvas(4);
      const events: DenoiseStepEvent[] = [];
      const result = await denoise(neverSatisfiedPredictor(), [canvas], {
        steps: 8,
        remasking: { threshold: 0.5, maxPerPosition },
        onStep: (event) => events.push(event),
      });
      const remasks = events.flatMap((event) => event.remasked).filter((change) => change.position === 2);
      expect(remasks, `maxPerPosition ${maxPerPosition}`).toHaveLength(maxPerPosition);
      expect(canvas.countMasked()).toBe(0);
      expect(result.steps[0]).toBeLessThanOrEqual(8);
    }
  });

  it('defaults maxPerPosition to 1', async () => {
    const canvas = promptCanvas(4);
    const events: DenoiseStepEvent[] = [];
    await denoise(neverSatisfiedPredictor(), [canvas], { steps: 8, remasking: { threshold: 0.5 }, onStep: (event) => events.push(event) });
    expect(events.flatMap((event) => event.remasked)).toHaveLength(1);
    expect(canvas.countMasked()).toBe(0);
  });
});
