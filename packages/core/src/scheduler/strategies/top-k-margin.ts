import { topIndices, type UnmaskingStrategy } from '../unmasking-strategy.js';

/** Dream's `topk_margin`: commit where the best token leads the runner-up by the most (p1 - p2). */
export function topKMargin(): UnmaskingStrategy {
  return {
    name: 'topk_margin',
    dynamic: false,
    signals: { margin: true },
    select: ({ candidates, budget }) => topIndices(candidates.margin as Float64Array, budget),
  };
}
