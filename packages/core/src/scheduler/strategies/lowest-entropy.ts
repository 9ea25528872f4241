import { topIndices, type UnmaskingStrategy } from '../unmasking-strategy.js';

/** Dream's `entropy`: commit where the predicted distribution is most peaked (highest negative entropy). */
export function lowestEntropy(): UnmaskingStrategy {
  return {
    name: 'entropy',
    dynamic: false,
    signals: { entropy: true },
    select: ({ candidates, budget }) =>
      topIndices(
        Float64Array.from(candidates.entropy as Float64Array, (entropy) => -entropy),
        budget,
      ),
  };
}
