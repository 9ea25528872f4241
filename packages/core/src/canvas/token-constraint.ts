import type { CanvasView } from './canvas.js';

/** What the constraint of one position sees when it is asked to mask logits. */
export interface ConstraintContext {
  readonly canvas: CanvasView;
  readonly position: number;
  readonly vocabularySize: number;
}

/**
 * What may be committed at one position. Constraints are applied to the logits before every sampling step,
 * so no step can commit a token they forbid.
 *
 * - `allowed-tokens`: a fixed set; the sampler then only looks at those logits, which is also the fast path.
 * - `logits-mask`: a callback that sets forbidden logits to `-Infinity` in place; it may depend on the rest of
 *   the canvas (for example a string automaton that reads the committed neighbours).
 */
export type TokenConstraint =
  | { readonly kind: 'allowed-tokens'; readonly tokens: Int32Array }
  | {
      readonly kind: 'logits-mask';
      readonly apply: (logits: Float32Array, context: ConstraintContext) => void;
    };

/** A constraint that allows exactly the given token ids (deduplicated and sorted). */
export function allowTokens(tokenIds: Iterable<number>): TokenConstraint {
  const tokens = Int32Array.from(new Set(tokenIds)).sort();
  return { kind: 'allowed-tokens', tokens };
}

/** A constraint computed from the logits row and the canvas at every step. */
export function maskLogits(
  apply: (logits: Float32Array, context: ConstraintContext) => void,
): TokenConstraint {
  return { kind: 'logits-mask', apply };
}
