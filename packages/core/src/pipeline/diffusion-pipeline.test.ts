import { modelPath } from '@lacuna/model-tiny-random';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel, type DiffusionModel } from '../model/load-model.js';
import { confidenceThreshold } from '../scheduler/strategies/confidence-threshold.js';
import { DiffusionPipeline, type GenerationStepEvent } from './diffusion-pipeline.js';

describe('DiffusionPipeline on the real ONNX runtime', () => {
  let model: DiffusionModel;
  let pipeline: DiffusionPipeline;
  beforeAll(async () => {
    model = await loadModel(modelPath, { intraOpThreads: 1 });
    pipeline = new DiffusionPipeline(model);
  });
  afterAll(async () => {
    await model.dispose();
  });

  it('generates from a prompt, emitting and streaming one event per step', async () => {
    const emitted: GenerationStepEvent[] = [];
    const listener = (event: GenerationStepEvent) => emitted.push(event);
    pipeline.on('step', listener);
    const stream = pipeline.stream({ prompt: 'The weather in Lisbon is', generationLength: 16, steps: 8, blockLength: 8, stopTokenIds: [] });
    const streamed: GenerationStepEvent[] = [];
    for await (const event of stream) streamed.push(event);
    pipeline.off('step', listener);
    const result = await stream.result;

    expect(streamed).toHaveLength(8);
    expect(emitted).toEqual(streamed);
    expect(streamed.map((event) => event.committed.length)).toEqual([2, 2, 2, 2, 2, 2, 2, 2]);
    // The text shows masks (░) until the last step fills them.
    expect(streamed[0]?.text).toContain('░');
    expect(streamed.at(-1)?.text).not.toContain('░');
    expect(result.forwardPasses).toBe(8);
    expect(result.steps).toBe(8);
    expect(result.canvas.countMasked()).toBe(0);
    expect(result.tokenIds).toEqual(result.canvas.toArray().slice(result.promptTokenIds.length));
    expect(result.text).toBe(model.tokenizer.decode(result.tokenIds, { skipSpecialTokens: true }));
    expect(result.elapsedMs).toBeGreaterThan(0);
  });

  it('is deterministic at temperature 0 and reproducible from a seed above it', async () => {
    const options = { prompt: 'Book a table for 4', generationLength: 12, steps: 6 };
    expect((await pipeline.generate(options)).tokenIds).toEqual((await pipeline.generate(options)).tokenIds);
    const sampled = { ...options, sampling: { temperature: 1 }, seed: 11 };
    expect((await pipeline.generate(sampled)).canvas.toArray()).toEqual((await pipeline.generate(sampled)).canvas.toArray());
  });

  it('renders chat messages through the chat template', async () => {
    const result = await pipeline.generate({ prompt: [{ role: 'user', content: 'Hello' }], generationLength: 8, steps: 8 });
    expect(model.tokenizer.decode(result.promptTokenIds)).toBe(model.tokenizer.applyChatTemplate([{ role: 'user', content: 'Hello' }]));
  });

  it('commits every token in fewer forward passes with the threshold rule than one per step', async () => {
    const oneByOne = await pipeline.generate({ prompt: 'Hi', generationLength: 16, steps: 16 });
    const parallel = await pipeline.generate({ prompt: 'Hi', generationLength: 16, strategy: confidenceThreshold({ threshold: 0.0015 }) });
    expect(oneByOne.forwardPasses).toBe(16);
    expect(parallel.forwardPasses).toBeLessThan(16);
    expect(parallel.canvas.countMasked()).toBe(0);
  });

  it('rejects a prompt that does not fit in the model with its maximum length', async () => {
    const prompt = 'word '.repeat(1100);
    await expect(pipeline.generate({ prompt, generationLength: 16 })).rejects.toMatchObject({
      name: 'LacunaCoreError',
      code: 'PROMPT_TOO_LONG',
      position: model.spec.maxLength,
    });
  });

  it('stops at the abort signal between steps', async () => {
    const controller = new AbortController();
    const stream = pipeline.stream({ prompt: 'Hi', generationLength: 16, steps: 16, signal: controller.signal });
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const event of stream) {
          seen.push(event.step);
          if (event.step === 2) controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ code: 'ABORTED' });
    await expect(stream.result).rejects.toMatchObject({ code: 'ABORTED' });
    expect(seen).toEqual([0, 1, 2]);
  });

  it('rejects the result with ABORTED when the consumer stops iterating early', async () => {
    const stream = pipeline.stream({ prompt: 'Hi', generationLength: 8, steps: 8 });
    for await (const event of stream) {
      if (event.step === 1) break;
    }
    await expect(stream.result).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
