import { LacunaCoreError } from '../../errors/lacuna-core-error.js';
import { topIndices, type UnmaskingStrategy } from '../unmasking-strategy.js';

/**
 * Fast-dLLM's factor rule: commit the n most confident positions for the largest n such that the i-th most
 * confident (1-based) has confidence at least 1 - factor / (i + 1). Committing n tokens in parallel is safe
 * when (n + 1) * (1 - confidence of the n-th) stays under `factor`; at least one is always committed.
 */
export function confidenceFactor(options: { factor?: number } = {}): UnmaskingStrategy {
  const factor = options.factor ?? 1;
  if (!(factor > 0)) {
    throw new LacunaCoreError({ code: 'INVALID_OPTIONS', message: `confidenceFactor: factor must be positive, got ${factor}.` });
  }
  return {
    name: 'confidence_factor',
    dynamic: true,
    select: ({ candidates }) => {
      const ranked = topIndices(candidates.probability, candidates.probability.length);
      let count = 1;
      while (count < ranked.length) {
        const confidence = candidates.probability[ranked[count] as number] as number;
        if (confidence < 1 - factor / (count + 2)) break;
        count++;
      }
      return ranked.slice(0, count);
    },
  };
}
