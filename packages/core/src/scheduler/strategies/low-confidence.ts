import { topIndices, type UnmaskingStrategy } from '../unmasking-strategy.js';

/**
 * LLaDA's `low_confidence` remasking: commit the `budget` positions whose chosen token is most probable; the
 * rest stay masked. Dream's `maskgit_plus` is the same rule.
 */
export function lowConfidence(): UnmaskingStrategy {
  return {
    name: 'low_confidence',
    dynamic: false,
    select: ({ candidates, budget }) => topIndices(candidates.probability, budget),
  };
}

/** Dream's name for the same rule: confidence is the chosen token's probability. */
export function maskgitPlus(): UnmaskingStrategy {
  return { ...lowConfidence(), name: 'maskgit_plus' };
}
