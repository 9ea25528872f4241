import type { PredictionRows } from '../predictor/predictor.js';

/**
 * LLaDA's classifier-free guidance: `unconditional + (scale + 1) * (conditional - unconditional)`, where the
 * unconditional logits come from the same canvas with its fixed tokens (the prompt) masked. Written into
 * `conditional` in place; the model's row reductions no longer hold for the guided logits and are dropped.
 */
export function applyClassifierFreeGuidance(
  conditional: PredictionRows,
  unconditional: PredictionRows,
  scale: number,
): PredictionRows {
  const target = conditional.data;
  const source = unconditional.data;
  const weight = scale + 1;
  for (let index = 0; index < target.length; index++) {
    const base = source[index] as number;
    target[index] = base + weight * ((target[index] as number) - base);
  }
  return { data: target, rows: conditional.rows, vocabularySize: conditional.vocabularySize };
}
