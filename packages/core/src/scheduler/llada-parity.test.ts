/**
 * Parity with LLaDA's reference sampler (`generate()` in github.com/ML-GSAI/LLaDA, temperature 0,
 * `low_confidence` remasking). The golden file holds every forward pass the reference made on a fake model
 * with deterministic logits; here Lacuna's loop is driven by the same logits and must reproduce the reference
 * canvas after every step. Regenerate the goldens with scripts/parity/make_goldens.py.
 */
import { describe, expect, it } from 'vitest';
import { goldenCommitsAt, goldenCommitsPerPass, loadGolden, replayGolden, type GoldenConfig, type ReplayedStep } from './__fixtures__/golden-replay.js';
import { lowConfidence } from './strategies/low-confidence.js';
import { topKMargin } from './strategies/top-k-margin.js';
import { evenSchedule, transferCounts } from './transfer-schedule.js';
import type { UnmaskingStrategy } from './unmasking-strategy.js';

const golden = loadGolden('llada-golden.json');

/**
 * The reference passes Lacuna is expected to make, in order. LLaDA spends a forward pass on every step, even
 * one whose planned count (get_num_transfer_tokens) is 0 and which therefore commits nothing; Lacuna skips such
 * a step without a forward pass. The replay therefore leaves those passes out; the test checks separately that
 * the reference changed nothing at them, so nothing is lost by skipping.
 */
function passesWithCommits(config: GoldenConfig): number[] {
  const counts = config.transferCounts.flat();
  return counts.flatMap((count, pass) => (count > 0 ? [pass] : []));
}

async function replay(config: GoldenConfig, strategy: UnmaskingStrategy = lowConfidence()) {
  const passOrder = passesWithCommits(config);
  return { ...(await replayGolden(golden, config, { passOrder, strategy, schedule: evenSchedule() })), passOrder };
}

describe('LLaDA generate() parity (temperature 0, low_confidence, even schedule)', () => {
  it('has goldens for single-block, semi-autoregressive, uneven and zero-count configurations', () => {
    expect(golden.source.repository).toBe('ML-GSAI/LLaDA');
    const shapes = golden.configs.map(({ genLength, steps, blockLength }) => [genLength, steps, blockLength]);
    expect(shapes).toEqual(
      expect.arrayContaining([
        [16, 16, 16],
        [32, 8, 8],
        [24, 6, 24],
      ]),
    );
    // At least one block whose masks do not divide evenly over its steps, and one with a step planned to commit 0.
    expect(golden.configs.some((config) => config.transferCounts.some((counts) => new Set(counts).size > 1))).toBe(true);
    expect(golden.configs.some((config) => config.transferCounts.flat().includes(0))).toBe(true);
  });

  describe.each(golden.configs.map((config) => [config.name, config] as const))('%s', (_name, config) => {
    it("transferCounts equals the reference's get_num_transfer_tokens for every block", () => {
      const blocks = config.genLength / config.blockLength;
      const stepsPerBlock = config.steps / blocks;
      expect(config.transferCounts).toHaveLength(blocks);
      for (const counts of config.transferCounts) expect(transferCounts(config.blockLength, stepsPerBlock)).toEqual(counts);
    });

    it('reproduces the reference canvas after every step, and its final output', async () => {
      const { canvas, steps, result, predictor, passOrder } = await replay(config);
      const commitsPerPass = goldenCommitsPerPass(config);

      // Passes Lacuna skips are those the reference planned to commit nothing at, and it indeed committed nothing.
      const skipped = config.passes.map((_, pass) => pass).filter((pass) => !passOrder.includes(pass));
      for (const pass of skipped) expect(commitsPerPass[pass]).toBe(0);

      expect(steps).toHaveLength(passOrder.length);
      passOrder.forEach((pass, step) => {
        const replayed = steps[step] as ReplayedStep;
        // The model saw the same canvas as in the reference, and was asked for the block's masked positions only.
        expect(predictor.seenInputIds[step], `input ids at step ${step}`).toEqual(config.passes[pass]?.inputIds);
        expect(replayed.block, `block at step ${step}`).toBe(config.passes[pass]?.block);
        expect(replayed.committed, `commits at step ${step}`).toEqual(goldenCommitsAt(config, pass));
        expect(replayed.committed.length).toBe(config.transferCounts.flat()[pass]);
        expect(replayed.canvas, `canvas after step ${step}`).toEqual(config.canvases[pass]);
      });
      const blockEnds = (predictor.seenPositions as number[][]).map((positions) => Math.max(...positions));
      passOrder.forEach((pass, step) => {
        const end = config.promptIds.length + ((config.passes[pass]?.block ?? 0) + 1) * config.blockLength;
        expect(blockEnds[step]).toBeLessThan(end);
      });

      expect(canvas.toArray()).toEqual(config.final);
      expect(canvas.countMasked()).toBe(0);
      expect(result.forwardPasses).toEqual([passOrder.length]);
      const zeroCountSteps = config.transferCounts.flat().filter((count) => count === 0).length;
      expect(result.forwardPasses[0]).toBe(config.forwardPasses - zeroCountSteps);
    });
  });

  it('would notice a different rule: top-k margin in place of low confidence diverges from the reference', async () => {
    const config = golden.configs.find((candidate) => candidate.genLength === 16 && candidate.steps === 16);
    if (config === undefined) throw new Error('missing golden');
    const { steps, passOrder } = await replay(config, topKMargin());
    const differing = passOrder.filter((pass, step) => JSON.stringify(steps[step]?.canvas) !== JSON.stringify(config.canvases[pass]));
    const diverged = differing.length > 0;
    expect(diverged).toBe(true);
  });
});
