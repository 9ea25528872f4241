import type { ModelSpec } from './model-spec.js';

/**
 * LLaDA-8B (Base and Instruct) conventions: mask 126336, logits unshifted. The ONNX names are those that
 * `docs/models.md` uses for its export.
 */
export const LLADA_8B_SPEC: ModelSpec = {
  name: 'llada-8b',
  vocabularySize: 126_464,
  maxLength: 4096,
  maskTokenId: 126_336,
  eosTokenId: 126_081,
  padTokenId: 126_081,
  endOfTurnTokenId: 126_348,
  shiftedLogits: false,
  inputs: { inputIds: 'input_ids', positions: 'positions', attentionMask: 'attention_mask' },
  outputs: { logits: 'logits' },
};

/**
 * Dream-v0-7B conventions: mask 151666, and logits shifted like the autoregressive model it was adapted from
 * (position i is predicted from output i - 1). The embedding matrix is padded to 152,064 rows.
 */
export const DREAM_7B_SPEC: ModelSpec = {
  name: 'dream-7b',
  vocabularySize: 152_064,
  maxLength: 2048,
  maskTokenId: 151_666,
  eosTokenId: 151_643,
  padTokenId: 151_643,
  endOfTurnTokenId: 151_645,
  shiftedLogits: true,
  inputs: { inputIds: 'input_ids', positions: 'positions', attentionMask: 'attention_mask' },
  outputs: { logits: 'logits' },
};
