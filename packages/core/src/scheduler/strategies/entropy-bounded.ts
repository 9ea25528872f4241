import { LacunaCoreError } from '../../errors/lacuna-core-error.js';
import { topIndices, type UnmaskingStrategy } from '../unmasking-strategy.js';

/**
 * EB-Sampler (Ben-Hamu et al., 2025): rank positions by confidence and commit the largest prefix whose summed
 * entropy, minus its largest entropy, stays within `gamma`. The bound caps the joint error that committing
 * the tokens independently can add; gamma 0 commits one token per step.
 */
export function entropyBounded(options: { gamma?: number } = {}): UnmaskingStrategy {
  const gamma = options.gamma ?? 0.1;
  if (!(gamma >= 0)) {
    throw new LacunaCoreError({ code: 'INVALID_OPTIONS', message: `entropyBounded: gamma must be >= 0, got ${gamma}.` });
  }
  return {
    name: 'entropy_bounded',
    dynamic: true,
    signals: { entropy: true },
    select: ({ candidates }) => {
      const entropy = candidates.entropy as Float64Array;
      const ranked = topIndices(candidates.probability, candidates.probability.length);
      let total = 0;
      let largest = 0;
      let count = 0;
      for (const index of ranked) {
        const value = entropy[index] as number;
        const nextTotal = total + value;
        const nextLargest = Math.max(largest, value);
        if (count > 0 && nextTotal - nextLargest > gamma) break;
        total = nextTotal;
        largest = nextLargest;
        count++;
      }
      return ranked.slice(0, count);
    },
  };
}
