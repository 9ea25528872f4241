import type { PredictionRequest, PredictionRows, Predictor } from '@lacuna/core';

/**
 * A predictor that, for a single canvas, also asks the model for the rows of some positions the caller did not
 * ask for (placeholders after each hole's frontier) and keeps them, and with `keepAsked` the caller's rows too,
 * until the next forward pass. The
 * placeholders already hold the mask token, so the model's input, and the rows the caller asked for, are
 * exactly what they would be without it: the extra rows cost only their share of the output layer.
 *
 * Batches of several canvases (classifier-free guidance sends two) pass through untouched, with nothing kept.
 */
export class LookaheadPredictor implements Predictor {
  private readonly inner: Predictor;
  private readonly extraPositions: () => readonly number[];
  private readonly keepAsked: boolean;
  private kept = new Map<number, Float32Array>();

  constructor(inner: Predictor, extraPositions: () => readonly number[], options: { keepAsked?: boolean } = {}) {
    this.inner = inner;
    this.extraPositions = extraPositions;
    this.keepAsked = options.keepAsked ?? false;
  }

  get vocabularySize(): number {
    return this.inner.vocabularySize;
  }

  get maxLength(): number {
    return this.inner.maxLength;
  }

  /** The row of `position` from the latest forward pass, if it was an extra (or asked for, with `keepAsked`). */
  rowAt(position: number): Float32Array | undefined {
    return this.kept.get(position);
  }

  async predict(batch: readonly PredictionRequest[], options?: { signal?: AbortSignal }): Promise<PredictionRows[]> {
    this.kept = new Map();
    const [request] = batch;
    if (batch.length !== 1 || request === undefined) return this.inner.predict(batch, options);
    const asked = new Set(request.positions);
    const extra = this.extraPositions().filter((position) => !asked.has(position));
    if (extra.length === 0 && !this.keepAsked) return this.inner.predict(batch, options);
    const [rows] = await this.inner.predict([{ inputIds: request.inputIds, positions: [...request.positions, ...extra] }], options);
    if (rows === undefined) return [];
    const width = rows.vocabularySize;
    const count = request.positions.length;
    // Copies: a predictor may reuse its output buffers on the next pass.
    const keep = (position: number, index: number) => this.kept.set(position, rows.data.slice(index * width, (index + 1) * width));
    if (this.keepAsked) request.positions.forEach(keep);
    extra.forEach((position, index) => keep(position, count + index));
    return [
      {
        data: rows.data.subarray(0, count * width),
        rows: count,
        vocabularySize: width,
        ...(rows.argmax === undefined ? {} : { argmax: rows.argmax.subarray(0, count) }),
        ...(rows.logSumExp === undefined ? {} : { logSumExp: rows.logSumExp.subarray(0, count) }),
      },
    ];
  }
}

/** The most probable of the allowed tokens in a row, and its probability among them (the constrained softmax). */
export function bestAllowedToken(row: Float32Array, allowed: Int32Array): { token: number; probability: number } {
  let best = -1;
  let max = -Infinity;
  for (const token of allowed) {
    const logit = row[token] as number;
    if (logit > max) {
      max = logit;
      best = token;
    }
  }
  if (best < 0 || max === -Infinity) return { token: -1, probability: 0 };
  return { token: best, probability: allowedProbability(row, allowed, best) };
}

/** The probability of `token` among the allowed tokens of a row (the constrained softmax). */
export function allowedProbability(row: Float32Array, allowed: Int32Array, token: number): number {
  let max = -Infinity;
  for (const candidate of allowed) max = Math.max(max, row[candidate] as number);
  let sum = 0;
  for (const candidate of allowed) sum += Math.exp((row[candidate] as number) - max);
  return Math.exp((row[token] as number) - max) / sum;
}
