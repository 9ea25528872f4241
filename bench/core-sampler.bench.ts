/**
 * @lacuna/core sampler benchmarks. Prints tables of ratios; `npm run bench` runs them and docs/benchmarks.md
 * records the results.
 *
 * 1. The sampler's own work per step (everything but the forward pass) against the forward pass, on the
 *    fixture model through the real ONNX runtime.
 * 2. The sampler's own work per step at LLaDA's vocabulary (126,464) with random logits, 32-position block.
 * 3. Tokens committed per forward pass: one-per-step low-confidence against the threshold rule.
 */
import {
  Canvas,
  confidenceThreshold,
  DiffusionPipeline,
  denoiseSteps,
  entropyBounded,
  LLADA_8B_SPEC,
  loadModel,
  lowConfidence,
  lowestEntropy,
  topKMargin,
  type Predictor,
  type PredictionRequest,
  type PredictionRows,
  type UnmaskingStrategy,
} from '@lacuna/core';
import { createRandomPredictor } from '@lacuna/core/testing';
import { modelPath } from '@lacuna/model-tiny-random';
import { median, percentile, printTable } from './table.js';

/** Wraps a predictor to measure the time spent inside forward passes. */
function timed(predictor: Predictor): Predictor & { forwardMs: number[] } {
  const forwardMs: number[] = [];
  return {
    vocabularySize: predictor.vocabularySize,
    maxLength: predictor.maxLength,
    forwardMs,
    async predict(batch: readonly PredictionRequest[]): Promise<PredictionRows[]> {
      const started = performance.now();
      const rows = await predictor.predict(batch);
      forwardMs.push(performance.now() - started);
      return rows;
    },
  };
}

/** Runs a denoising loop and splits each step's time into forward pass and sampler work. */
async function measureSteps(predictor: Predictor, makeCanvas: () => Canvas, options: { steps: number; strategy: UnmaskingStrategy; blockLength?: number; repeats: number }) {
  const samplerMs: number[] = [];
  const forwardMs: number[] = [];
  for (let repeat = 0; repeat < options.repeats; repeat++) {
    const wrapped = timed(predictor);
    const steps = denoiseSteps(wrapped, [makeCanvas()], { steps: options.steps, strategy: options.strategy, ...(options.blockLength ? { blockLength: options.blockLength } : {}) });
    let last = performance.now();
    for (;;) {
      const next = await steps.next();
      const now = performance.now();
      if (next.done) break;
      const forward = wrapped.forwardMs.at(-1) ?? 0;
      if (repeat > 0) {
        // The first repeat warms up the JIT and the ONNX session.
        forwardMs.push(forward);
        samplerMs.push(now - last - forward);
      }
      last = now;
    }
  }
  return { samplerMs, forwardMs };
}

export async function benchCoreSampler(): Promise<void> {
  const model = await loadModel(modelPath);
  const promptIds = model.tokenizer.encode(model.tokenizer.applyChatTemplate([{ role: 'user', content: 'Find me a flight from Lisbon to Berlin on 2025-05-03 for two people.' }]));

  // 1. Sampler work against the forward pass on the fixture model.
  const rows1: string[][] = [];
  for (const [name, strategy] of [
    ['low_confidence', lowConfidence()],
    ['topk_margin', topKMargin()],
    ['entropy', lowestEntropy()],
    ['threshold 0.9', confidenceThreshold()],
  ] as const) {
    const { samplerMs, forwardMs } = await measureSteps(
      model.predictor,
      () => Canvas.fromPrompt({ promptIds, generationLength: 64, maskTokenId: model.spec.maskTokenId }),
      { steps: 64, strategy, repeats: 6 },
    );
    const totalMs = forwardMs.map((forward, index) => forward + (samplerMs[index] as number));
    rows1.push([name, median(forwardMs).toFixed(3), median(samplerMs).toFixed(3), median(totalMs).toFixed(3), `${((100 * median(samplerMs)) / median(forwardMs)).toFixed(1)}%`]);
  }
  printTable(
    'Sampler work per step vs forward pass, fixture model (64 masks, ms, median)',
    ['strategy', 'forward', 'sampler', 'step', 'sampler / forward (target <= 10%)'],
    rows1,
  );

  // 2. Sampler work at LLaDA's vocabulary, random logits, a 32-position block.
  const vocabularySize = LLADA_8B_SPEC.vocabularySize;
  const pool = createRandomPredictor({ vocabularySize, seed: 1, scale: 3 });
  const [poolRows] = await pool.predict([{ inputIds: new Int32Array(32), positions: Array.from({ length: 32 }, (_, index) => index) }]);
  const replay: Predictor = {
    vocabularySize,
    maxLength: 4096,
    // Returns the same precomputed rows (a view, no copy) so that only the sampler's work is measured.
    predict: async (batch) => batch.map((request) => ({ data: (poolRows as PredictionRows).data.subarray(0, request.positions.length * vocabularySize), rows: request.positions.length, vocabularySize })),
  };
  const rows2: string[][] = [];
  for (const [name, strategy] of [
    ['low_confidence', lowConfidence()],
    ['topk_margin', topKMargin()],
    ['entropy', lowestEntropy()],
    ['entropy_bounded', entropyBounded()],
  ] as const) {
    const { samplerMs } = await measureSteps(
      replay,
      () => Canvas.fromPrompt({ promptIds: new Array(32).fill(0), generationLength: 32, maskTokenId: LLADA_8B_SPEC.maskTokenId }),
      { steps: 1, strategy, repeats: 21 },
    );
    const firstStep = samplerMs;
    rows2.push([name, median(firstStep).toFixed(2), percentile(firstStep, 0.9).toFixed(2), (median(firstStep) / 15).toFixed(2)]);
  }
  printTable('Sampler work per step at vocabulary 126,464, 32 masked positions (ms)', ['strategy', 'median', 'p90', 'median / 15 ms target'], rows2);

  // 3. Tokens committed per forward pass.
  const pipeline = new DiffusionPipeline(model);
  const prompts = ['Hello there', 'Convert 100 USD to EUR', 'Set a timer for 5 minutes', 'What is the weather in Paris?'];
  const rows3: string[][] = [];
  for (const [name, strategy] of [
    ['low_confidence, 1 token/step', lowConfidence()],
    ['threshold 0.9', confidenceThreshold({ threshold: 0.9 })],
    ['threshold 0.0015', confidenceThreshold({ threshold: 0.0015 })],
  ] as const) {
    let tokens = 0;
    let passes = 0;
    for (const prompt of prompts) {
      const result = await pipeline.generate({ prompt, generationLength: 32, steps: 32, strategy, stopTokenIds: [] });
      tokens += 32;
      passes += result.forwardPasses;
    }
    rows3.push([name, String(passes), (tokens / passes).toFixed(2)]);
  }
  const base = Number(rows3[0]?.[2]);
  for (const row of rows3) row.push((Number(row[2]) / base).toFixed(2));
  printTable('Tokens committed per forward pass (fixture model, 4 prompts x 32 tokens)', ['strategy', 'forward passes', 'tokens / pass', 'ratio to one-per-step'], rows3);
  await model.dispose();
}
