import { describe, expect, it } from 'vitest';
import { Canvas } from '../canvas/canvas.js';
import { allowTokens } from '../canvas/token-constraint.js';
import { LacunaCoreError } from '../errors/lacuna-core-error.js';
import { confidenceThreshold } from '../scheduler/strategies/confidence-threshold.js';
import { createScriptedPredictor } from '../testing/fake-predictors.js';
import { denoise, denoiseSteps, type DenoiseStepEvent } from './denoise.js';

const VOCABULARY = 16;
const MASK = 15;
const EOS = 14;

/** A model that believes token (position % 10) goes at every position, more surely for earlier positions. */
function positionalPredictor(options: { confidentAfter?: number } = {}) {
  return createScriptedPredictor({
    vocabularySize: VOCABULARY,
    logitsFor: (_inputIds, position) => {
      const logits = new Float32Array(VOCABULARY).fill(0);
      logits[position % 10] = options.confidentAfter !== undefined && position >= options.confidentAfter ? 20 : 10 - position * 0.1;
      return logits;
    },
  });
}

function promptCanvas(promptLength: number, generationLength: number): Canvas {
  return Canvas.fromPrompt({ promptIds: Array.from({ length: promptLength }, (_, index) => index % 10), generationLength, maskTokenId: MASK });
}

describe('denoise', () => {
  it('commits one token per step, most confident first, and reports every step', async () => {
    const predictor = positionalPredictor();
    const canvas = promptCanvas(3, 8);
    const events: DenoiseStepEvent[] = [];
    const result = await denoise(predictor, [canvas], { steps: 8, onStep: (event) => events.push(event) });
    expect(canvas.toArray().slice(3)).toEqual([3, 4, 5, 6, 7, 8, 9, 0]);
    // Earlier positions are more confident under this model, so they are committed first.
    expect(events.map((event) => event.committed.map((change) => change.position))).toEqual([[3], [4], [5], [6], [7], [8], [9], [10]]);
    expect(events.at(-1)?.maskedRemaining).toBe(0);
    expect(result.steps).toEqual([8]);
    expect(result.forwardPasses).toEqual([8]);
    expect(predictor.calls).toHaveLength(8);
    // Only masked positions are sent for logits.
    expect(predictor.calls[0]?.[0]?.positions).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(predictor.calls[7]?.[0]?.positions).toEqual([10]);
  });

  it('denoises semi-autoregressive blocks in order', async () => {
    const predictor = positionalPredictor();
    const canvas = promptCanvas(2, 8);
    await denoise(predictor, [canvas], { steps: 4, blockLength: 4 });
    // Block 1 is [2, 6), block 2 is [6, 10): the first call never asks beyond block 1.
    expect(predictor.calls[0]?.[0]?.positions).toEqual([2, 3, 4, 5]);
    expect(predictor.calls[2]?.[0]?.positions).toEqual([6, 7, 8, 9]);
    expect(canvas.countMasked()).toBe(0);
  });

  it('denoises a batch of canvases of different lengths in one forward pass per step', async () => {
    const predictor = positionalPredictor();
    const short = promptCanvas(2, 4);
    const long = promptCanvas(5, 4);
    const result = await denoise(predictor, [short, long], { steps: 4 });
    expect(predictor.calls).toHaveLength(4);
    expect(predictor.calls[0]).toHaveLength(2);
    expect(short.toArray()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(long.toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(result.batchForwardPasses).toBe(4);
  });

  it('never commits a token that the position constraint forbids', async () => {
    const predictor = positionalPredictor();
    const canvas = promptCanvas(1, 4);
    canvas.setConstraint(2, allowTokens([7, 8]));
    await denoise(predictor, [canvas], { steps: 4 });
    expect([7, 8]).toContain(canvas.tokenAt(2));
  });

  it('threshold decoding commits several tokens per forward pass when the model is sure', async () => {
    const predictor = positionalPredictor({ confidentAfter: 0 });
    const canvas = promptCanvas(2, 8);
    const result = await denoise(predictor, [canvas], { steps: 8, strategy: confidenceThreshold({ threshold: 0.9 }) });
    expect(result.forwardPasses).toEqual([1]);
    expect(canvas.countMasked()).toBe(0);
  });

  it('stops early once a whole block is end-of-sequence, filling the rest without forward passes', async () => {
    const predictor = createScriptedPredictor({
      vocabularySize: VOCABULARY,
      logitsFor: () => Float32Array.from({ length: VOCABULARY }, (_, token) => (token === EOS ? 5 : 0)),
    });
    const canvas = promptCanvas(2, 12);
    const events: DenoiseStepEvent[] = [];
    const result = await denoise(predictor, [canvas], { steps: 12, blockLength: 4, stopTokenIds: [EOS], onStep: (event) => events.push(event) });
    expect(result.forwardPasses).toEqual([4]);
    expect(canvas.toArray().slice(2)).toEqual(new Array(12).fill(EOS));
    expect(events.at(-1)?.stoppedEarly).toBe(true);
    expect(events.at(-1)?.committed).toHaveLength(8);
  });

  it('masks the fixed tokens in the unconditional input of classifier-free guidance', async () => {
    const predictor = positionalPredictor();
    const canvas = promptCanvas(3, 2);
    await denoise(predictor, [canvas], { steps: 2, cfgScale: 1.5 });
    const [conditional, unconditional] = predictor.calls[0] ?? [];
    expect(Array.from(conditional?.inputIds ?? [])).toEqual([0, 1, 2, MASK, MASK]);
    expect(Array.from(unconditional?.inputIds ?? [])).toEqual([MASK, MASK, MASK, MASK, MASK]);
  });

  it('fails with ABORTED when the signal fires between steps, leaving committed tokens in place', async () => {
    const predictor = positionalPredictor();
    const canvas = promptCanvas(1, 6);
    const controller = new AbortController();
    const run = denoise(predictor, [canvas], {
      steps: 6,
      signal: controller.signal,
      onStep: (event) => {
        if (event.step === 1) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'LacunaCoreError', code: 'ABORTED' });
    expect(canvas.countMasked()).toBe(4);
    expect(predictor.calls).toHaveLength(2);
  });

  it('fails with ABORTED before any forward pass when the signal is already aborted', async () => {
    const predictor = positionalPredictor();
    const steps = denoiseSteps(predictor, [promptCanvas(1, 4)], { steps: 4, signal: AbortSignal.abort() });
    await expect(steps.next()).rejects.toBeInstanceOf(LacunaCoreError);
    expect(predictor.calls).toHaveLength(0);
  });

  it('fails with TIMEOUT when a run takes longer than timeoutMs', async () => {
    const slow = positionalPredictor();
    const predictor = { ...slow, predict: async (...args: Parameters<typeof slow.predict>) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return slow.predict(...args);
    } };
    await expect(denoise(predictor, [promptCanvas(1, 8)], { steps: 8, timeoutMs: 50 })).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('rejects a generation length that is not a multiple of the block length, naming the position', async () => {
    const run = denoise(positionalPredictor(), [promptCanvas(3, 10)], { steps: 10, blockLength: 4 });
    await expect(run).rejects.toMatchObject({ code: 'INVALID_OPTIONS', position: 3 });
    await expect(run).rejects.toThrow(/not a multiple of blockLength 4/);
  });

  it('rejects a canvas longer than the model reads', async () => {
    const predictor = createScriptedPredictor({ vocabularySize: VOCABULARY, maxLength: 8, logitsFor: () => new Float32Array(VOCABULARY) });
    await expect(denoise(predictor, [promptCanvas(6, 4)], { steps: 4 })).rejects.toMatchObject({ code: 'PROMPT_TOO_LONG', position: 8 });
  });

  it('reproduces a temperature-sampled run from its seed', async () => {
    const predictor = createScriptedPredictor({ vocabularySize: VOCABULARY, logitsFor: () => new Float32Array(VOCABULARY) });
    const sample = async (seed: number) => {
      const canvas = promptCanvas(1, 12);
      await denoise(predictor, [canvas], { steps: 12, seed, sampling: { temperature: 1 } });
      return canvas.toArray();
    };
    expect(await sample(7)).toEqual(await sample(7));
    expect(await sample(7)).not.toEqual(await sample(8));
  });
});
