/** One sequence of a forward pass and the rows of logits wanted from it. */
export interface PredictionRequest {
  /** Token ids, masked positions holding the mask token id. */
  readonly inputIds: Int32Array | readonly number[];
  /**
   * Canvas positions whose predictions are wanted, in the order the rows come back. Only these rows are
   * materialised: at a 126k vocabulary a full 512-position logits tensor is 260 MB.
   */
  readonly positions: readonly number[];
}

/** Logits for the positions of one request: row `i` is `data.subarray(i * vocabularySize, (i + 1) * vocabularySize)`. */
export interface PredictionRows {
  readonly data: Float32Array;
  readonly rows: number;
  readonly vocabularySize: number;
  /** Per row, the index of its largest logit (first on ties), when the model computes it. */
  readonly argmax?: Int32Array;
  /** Per row, log(sum(exp(logits))), when the model computes it. */
  readonly logSumExp?: Float32Array;
}

/**
 * The one interface between the sampler and a model: token ids in, logits out, for a batch. A predictor for a
 * model whose logits are shifted (Dream: position i is predicted from output i - 1) hides the shift, so callers
 * always ask for the positions they want predicted.
 */
export interface Predictor {
  readonly vocabularySize: number;
  readonly maxLength: number;
  predict(batch: readonly PredictionRequest[], options?: { signal?: AbortSignal }): Promise<PredictionRows[]>;
  /** Releases native resources. */
  dispose?(): Promise<void>;
}

/** Row `index` of a prediction, without copying. */
export function logitsRow(rows: PredictionRows, index: number): Float32Array {
  return rows.data.subarray(index * rows.vocabularySize, (index + 1) * rows.vocabularySize);
}
