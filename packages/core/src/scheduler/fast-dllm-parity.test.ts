/**
 * Parity with Fast-dLLM's threshold parallel decoding (`generate()` with `threshold` in
 * github.com/NVlabs/Fast-dLLM, llada/generate.py, and its `get_transfer_index`): at every forward pass commit
 * the most confident masked position of the current block plus every other one whose confidence is at least
 * the threshold, looping (`while True`) until the block has no mask left. The golden file holds every forward
 * pass the reference made on a fake model with deterministic logits; Lacuna's loop with
 * `confidenceThreshold` must reproduce the canvas after every pass and take the same number of passes.
 * Regenerate the goldens with scripts/parity/make_goldens.py.
 */
import { describe, expect, it } from 'vitest';
import { goldenCommitsAt, goldenCommitsPerPass, loadGolden, replayGolden, type GoldenConfig, type ReplayedStep } from './__fixtures__/golden-replay.js';
import { confidenceThreshold } from './strategies/confidence-threshold.js';

const golden = loadGolden('fastdllm-golden.json');

function replay(config: GoldenConfig, threshold: number) {
  // Fast-dLLM's threshold loop makes no pass that commits nothing, so every recorded pass is replayed in order.
  const passOrder = config.passes.map((_, pass) => pass);
  return replayGolden(golden, config, { passOrder, strategy: confidenceThreshold({ threshold }) });
}

function thresholdOf(config: GoldenConfig): number {
  if (config.threshold === undefined) throw new Error(`golden ${config.name} has no threshold`);
  return config.threshold;
}

describe('Fast-dLLM threshold decoding parity (temperature 0, confidenceThreshold)', () => {
  it('has goldens at threshold 0.9 and at a lower threshold, single-block and semi-autoregressive', () => {
    expect(golden.source.repository).toBe('NVlabs/Fast-dLLM');
    const thresholds = new Set(golden.configs.map(thresholdOf));
    expect(thresholds.has(0.9)).toBe(true);
    expect([...thresholds].some((threshold) => threshold < 0.9)).toBe(true);
    expect(golden.configs.some((config) => config.blockLength < config.genLength)).toBe(true);
    // The goldens exercise parallel commits, not only one token per pass.
    expect(golden.configs.some((config) => goldenCommitsPerPass(config).some((count) => count > 1))).toBe(true);
  });

  describe.each(golden.configs.map((config) => [config.name, config] as const))('%s', (_name, config) => {
    it('reproduces the reference canvas after every forward pass, with as many passes as the reference', async () => {
      const { canvas, steps, result, predictor } = await replay(config, thresholdOf(config));

      expect(steps).toHaveLength(config.passes.length);
      config.passes.forEach((pass, step) => {
        const replayed = steps[step] as ReplayedStep;
        expect(predictor.seenInputIds[step], `input ids at pass ${step}`).toEqual(pass.inputIds);
        expect(replayed.block, `block at pass ${step}`).toBe(pass.block);
        expect(replayed.committed, `commits at pass ${step}`).toEqual(goldenCommitsAt(config, step));
        expect(replayed.canvas, `canvas after pass ${step}`).toEqual(config.canvases[step]);
      });
      expect(canvas.toArray()).toEqual(config.final);
      expect(canvas.countMasked()).toBe(0);
      // Fast-dLLM's nfe: one forward pass per loop iteration until each block is free of masks.
      expect(result.forwardPasses).toEqual([config.forwardPasses]);
      expect(predictor.callCount).toBe(config.forwardPasses);
    });
  });

  it('would notice a different threshold: 0.99 in place of 0.5 diverges from the reference', async () => {
    const config = golden.configs.find((candidate) => candidate.threshold === 0.5);
    if (config === undefined) throw new Error('missing golden');
    let diverged: boolean;
    try {
      const { steps } = await replay(config, 0.99);
      diverged = steps.some((step, index) => JSON.stringify(step.canvas) !== JSON.stringify(config.canvases[index]));
    } catch (error) {
      // More forward passes than the reference made: the replay has no logits left for them.
      expect((error as Error).message).toMatch(/was not recorded by the reference/);
      diverged = true;
    }
    expect(diverged).toBe(true);
  });
});
