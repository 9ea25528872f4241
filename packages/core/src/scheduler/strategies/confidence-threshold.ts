import { LacunaCoreError } from '../../errors/lacuna-core-error.js';
import { topIndices, type UnmaskingStrategy } from '../unmasking-strategy.js';

/**
 * Fast-dLLM's threshold parallel decoding: always commit the most confident position, plus every other whose
 * confidence is at least `threshold`. The number of tokens per step follows the model's certainty.
 */
export function confidenceThreshold(options: { threshold?: number } = {}): UnmaskingStrategy {
  const threshold = options.threshold ?? 0.9;
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new LacunaCoreError({
      code: 'INVALID_OPTIONS',
      message: `confidenceThreshold: threshold must lie in [0, 1], got ${threshold}.`,
    });
  }
  return {
    name: 'confidence_threshold',
    dynamic: true,
    select: ({ candidates }) => {
      const ranked = topIndices(candidates.probability, candidates.probability.length);
      return ranked.filter((index, rank) => rank === 0 || (candidates.probability[index] as number) >= threshold);
    },
  };
}
