import { topIndices, type UnmaskingStrategy } from '../unmasking-strategy.js';

/** LLaDA's `random` remasking: a uniform random score per position, so the order is random. */
export function randomOrder(): UnmaskingStrategy {
  return {
    name: 'random',
    dynamic: false,
    select: ({ candidates, budget, random }) => {
      const scores = Float64Array.from(candidates.positions, () => random.next());
      return topIndices(scores, budget);
    },
  };
}
