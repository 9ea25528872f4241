/**
 * Unit tests of every unmasking strategy on hand-made candidates: `select` is a pure function of its input.
 */
import { describe, expect, it } from 'vitest';
import { LacunaCoreError } from '../errors/lacuna-core-error.js';
import { createRandomSource } from '../sampling/random-source.js';
import type { Candidates } from '../sampling/sample-tokens.js';
import { confidenceFactor } from './strategies/confidence-factor.js';
import { confidenceThreshold } from './strategies/confidence-threshold.js';
import { entropyBounded } from './strategies/entropy-bounded.js';
import { lowConfidence, maskgitPlus } from './strategies/low-confidence.js';
import { lowestEntropy } from './strategies/lowest-entropy.js';
import { randomOrder } from './strategies/random-order.js';
import { topKMargin } from './strategies/top-k-margin.js';
import { topIndices, type UnmaskingStrategy } from './unmasking-strategy.js';

/** Candidates at positions 100, 101, ... with token i at index i. */
function makeCandidates(signals: { probability: number[]; margin?: number[]; entropy?: number[] }): Candidates {
  const count = signals.probability.length;
  return {
    positions: Int32Array.from({ length: count }, (_, index) => 100 + index),
    tokens: Int32Array.from({ length: count }, (_, index) => index),
    probability: Float64Array.from(signals.probability),
    margin: signals.margin === undefined ? undefined : Float64Array.from(signals.margin),
    entropy: signals.entropy === undefined ? undefined : Float64Array.from(signals.entropy),
  };
}

function select(strategy: UnmaskingStrategy, candidates: Candidates, budget: number, seed = 0): number[] {
  return strategy.select({ candidates, budget, random: createRandomSource(seed) });
}

function expectInvalidOptions(make: () => unknown): void {
  try {
    make();
  } catch (error) {
    expect(LacunaCoreError.isInstance(error)).toBe(true);
    expect((error as LacunaCoreError).code).toBe('INVALID_OPTIONS');
    return;
  }
  throw new Error('expected an INVALID_OPTIONS error');
}

describe('topIndices', () => {
  it('returns the indices of the largest scores, largest first, ties to the lower index', () => {
    expect(topIndices([0.2, 0.9, 0.5, 0.9, 0.1], 3)).toEqual([1, 3, 2]);
    expect(topIndices([0.2, 0.9], 0)).toEqual([]);
    expect(topIndices([0.2, 0.9], 5)).toEqual([1, 0]);
    expect(topIndices([0.2, 0.9], -1)).toEqual([]);
  });
});

describe('lowConfidence (LLaDA low_confidence, Dream maskgit_plus)', () => {
  const candidates = makeCandidates({ probability: [0.2, 0.9, 0.5, 0.95, 0.1] });

  it('commits the budget most probable positions, most probable first', () => {
    expect(select(lowConfidence(), candidates, 1)).toEqual([3]);
    expect(select(lowConfidence(), candidates, 3)).toEqual([3, 1, 2]);
  });

  it('commits nothing for a zero budget and everything for a budget beyond the candidates', () => {
    expect(select(lowConfidence(), candidates, 0)).toEqual([]);
    expect(select(lowConfidence(), candidates, 10)).toEqual([3, 1, 2, 0, 4]);
  });

  it('is a fixed-step strategy, and maskgitPlus is the same rule under Dream’s name', () => {
    expect(lowConfidence().dynamic).toBe(false);
    expect(maskgitPlus().name).toBe('maskgit_plus');
    expect(select(maskgitPlus(), candidates, 2)).toEqual(select(lowConfidence(), candidates, 2));
  });
});

describe('randomOrder (LLaDA random remasking)', () => {
  const candidates = makeCandidates({ probability: [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2] });

  it('is reproducible with the same seed', () => {
    expect(select(randomOrder(), candidates, 3, 42)).toEqual(select(randomOrder(), candidates, 3, 42));
  });

  it('commits exactly the budget, distinct indices among the candidates', () => {
    for (let seed = 0; seed < 20; seed++) {
      const chosen = select(randomOrder(), candidates, 3, seed);
      expect(chosen).toHaveLength(3);
      expect(new Set(chosen).size).toBe(3);
      for (const index of chosen) expect([0, 1, 2, 3, 4, 5, 6, 7]).toContain(index);
    }
  });

  it('ignores confidence: over many seeds every position is chosen about equally often', () => {
    const counts = new Array<number>(8).fill(0);
    const seeds = 800;
    for (let seed = 0; seed < seeds; seed++) {
      const [chosen] = select(randomOrder(), candidates, 1, seed);
      counts[chosen as number]!++;
    }
    // Expected 100 each; a binomial(800, 1/8) stays within 100 ± 45 with overwhelming probability.
    for (const count of counts) {
      expect(count).toBeGreaterThan(55);
      expect(count).toBeLessThan(145);
    }
  });

  it('differs across seeds', () => {
    const orders = new Set(Array.from({ length: 10 }, (_, seed) => select(randomOrder(), candidates, 8, seed).join(',')));
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe('topKMargin (Dream topk_margin)', () => {
  it('commits where the best token leads the runner-up most, not where it is most probable', () => {
    const candidates = makeCandidates({ probability: [0.5, 0.45, 0.3], margin: [0.05, 0.4, 0.25] });
    expect(topKMargin().signals).toEqual({ margin: true });
    expect(select(topKMargin(), candidates, 1)).toEqual([1]);
    expect(select(topKMargin(), candidates, 2)).toEqual([1, 2]);
    expect(select(lowConfidence(), candidates, 1)).toEqual([0]);
  });
});

describe('lowestEntropy (Dream entropy)', () => {
  it('commits where the distribution has the lowest entropy', () => {
    const candidates = makeCandidates({ probability: [0.9, 0.6, 0.5], entropy: [0.8, 0.1, 0.5] });
    expect(lowestEntropy().signals).toEqual({ entropy: true });
    expect(select(lowestEntropy(), candidates, 1)).toEqual([1]);
    expect(select(lowestEntropy(), candidates, 2)).toEqual([1, 2]);
    expect(select(lowestEntropy(), candidates, 0)).toEqual([]);
  });
});

describe('confidenceThreshold (Fast-dLLM threshold)', () => {
  it('is dynamic: it ignores the budget', () => {
    const strategy = confidenceThreshold({ threshold: 0.9 });
    expect(strategy.dynamic).toBe(true);
    const candidates = makeCandidates({ probability: [0.95, 0.2, 0.92, 0.99] });
    expect(select(strategy, candidates, 1)).toEqual([3, 0, 2]);
    expect(select(strategy, candidates, 0)).toEqual([3, 0, 2]);
  });

  it('always commits the most confident position, even below the threshold', () => {
    const candidates = makeCandidates({ probability: [0.3, 0.6, 0.1] });
    expect(select(confidenceThreshold({ threshold: 0.9 }), candidates, 0)).toEqual([1]);
  });

  it('commits every position at or above the threshold, and none below', () => {
    const candidates = makeCandidates({ probability: [0.5, 0.9, 0.89999, 0.91, 0.2] });
    expect(select(confidenceThreshold({ threshold: 0.9 }), candidates, 0)).toEqual([3, 1]);
    expect(select(confidenceThreshold({ threshold: 0.5 }), candidates, 0)).toEqual([3, 1, 2, 0]);
  });

  it('defaults to 0.9 and rejects thresholds outside [0, 1]', () => {
    const candidates = makeCandidates({ probability: [0.95, 0.85] });
    expect(select(confidenceThreshold(), candidates, 0)).toEqual([0]);
    expectInvalidOptions(() => confidenceThreshold({ threshold: 1.5 }));
    expectInvalidOptions(() => confidenceThreshold({ threshold: -0.1 }));
    expectInvalidOptions(() => confidenceThreshold({ threshold: Number.NaN }));
  });
});

describe('confidenceFactor (Fast-dLLM factor rule)', () => {
  // With factor 1 the i-th most confident (1-based) must reach 1 - 1/(i + 1): 0.5, 0.667, 0.75, 0.8, ...
  it('commits the longest prefix of ranked positions that clears 1 - factor / (i + 1)', () => {
    const strategy = confidenceFactor({ factor: 1 });
    expect(strategy.dynamic).toBe(true);
    // Ranked: 0.99 (i=1, always), 0.74 (i=2, needs 0.667), 0.7 (i=3, needs 0.75: fails), 0.2.
    const candidates = makeCandidates({ probability: [0.7, 0.99, 0.2, 0.74] });
    expect(select(strategy, candidates, 0)).toEqual([1, 3]);
  });

  it('commits everything when every rank clears its bound', () => {
    const candidates = makeCandidates({ probability: [0.9, 0.99, 0.85] });
    // Ranked 0.99, 0.9 (needs 0.667), 0.85 (needs 0.75).
    expect(select(confidenceFactor({ factor: 1 }), candidates, 0)).toEqual([1, 0, 2]);
  });

  it('always commits the most confident position, however unsure', () => {
    expect(select(confidenceFactor({ factor: 1 }), makeCandidates({ probability: [0.01, 0.02, 0.03] }), 0)).toEqual([2]);
  });

  it('commits more with a larger factor', () => {
    const candidates = makeCandidates({ probability: [0.6, 0.55, 0.5, 0.45] });
    expect(select(confidenceFactor({ factor: 1 }), candidates, 0)).toEqual([0]);
    // factor 2: bounds 1 - 2/3 = 0.333, 1 - 2/4 = 0.5, 1 - 2/5 = 0.6.
    expect(select(confidenceFactor({ factor: 2 }), candidates, 0)).toEqual([0, 1, 2]);
  });

  it('rejects a non-positive factor', () => {
    expectInvalidOptions(() => confidenceFactor({ factor: 0 }));
    expectInvalidOptions(() => confidenceFactor({ factor: -1 }));
  });
});

describe('entropyBounded (EB-Sampler)', () => {
  it('commits the longest confidence-ranked prefix whose entropy sum minus its largest entropy stays within gamma', () => {
    const strategy = entropyBounded({ gamma: 0.3 });
    expect(strategy.dynamic).toBe(true);
    expect(strategy.signals).toEqual({ entropy: true });
    // Ranked by probability: index 1 (H 0.05), 0 (H 0.1), 3 (H 0.2), 2 (H 0.9).
    // Sum minus largest over the growing prefix: 0, 0.05, 0.15, then 1.25 - 0.9 = 0.35 > 0.3 for the fourth.
    const candidates = makeCandidates({ probability: [0.9, 0.95, 0.3, 0.8], entropy: [0.1, 0.05, 0.9, 0.2] });
    expect(select(strategy, candidates, 0)).toEqual([1, 0, 3]);
    expect(select(entropyBounded({ gamma: 0.4 }), candidates, 0)).toEqual([1, 0, 3, 2]);
  });

  it('commits exactly one token with gamma 0, whatever the entropies', () => {
    const candidates = makeCandidates({ probability: [0.9, 0.95, 0.3], entropy: [0.01, 0.02, 0.03] });
    expect(select(entropyBounded({ gamma: 0 }), candidates, 0)).toEqual([1]);
  });

  it('always commits the most confident position even when its entropy alone exceeds gamma', () => {
    const candidates = makeCandidates({ probability: [0.2, 0.3], entropy: [3, 2.5] });
    expect(select(entropyBounded({ gamma: 0.1 }), candidates, 0)).toEqual([1]);
  });

  it('rejects a negative gamma', () => {
    expectInvalidOptions(() => entropyBounded({ gamma: -0.1 }));
  });
});
