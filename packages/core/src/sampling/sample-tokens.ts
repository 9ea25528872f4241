import type { CanvasView } from '../canvas/canvas.js';
import { LacunaCoreError } from '../errors/lacuna-core-error.js';
import { logitsRow, type PredictionRows } from '../predictor/predictor.js';
import { expNonPositive, summariseRow, type RowSummary } from './fast-exp.js';
import type { RandomSource } from './random-source.js';

export interface SamplingOptions {
  /**
   * 0 (the default) takes the most likely token. Above 0, tokens are drawn with LLaDA's Gumbel-max trick in
   * float64: LLaDA found that lower precision noise hurts generation quality.
   */
  readonly temperature?: number;
  /** Keep only the k most likely tokens. */
  readonly topK?: number;
  /** Keep the smallest set of most likely tokens whose probability exceeds p. */
  readonly topP?: number;
}

/** Which confidence signals the unmasking strategy needs beyond the chosen token's probability. */
export interface CandidateSignals {
  readonly margin?: boolean;
  readonly entropy?: boolean;
}

/**
 * The prediction for every position that could be committed this step. Arrays are parallel; index `i` is
 * position `positions[i]`.
 */
export interface Candidates {
  readonly positions: Int32Array;
  readonly tokens: Int32Array;
  /**
   * Probability of the chosen token under the constrained, filtered distribution at temperature 1 (LLaDA's
   * `x0_p`; Dream's `maskgit_plus` confidence at temperature 0).
   */
  readonly probability: Float64Array;
  /** Top-1 minus top-2 probability (Dream's `topk_margin`); present when asked for. */
  readonly margin: Float64Array | undefined;
  /** Entropy in nats (Dream's `entropy` uses its negative); present when asked for. */
  readonly entropy: Float64Array | undefined;
}

/**
 * For each row of `rows` (the logits of `positions`), applies the position's constraint and the filters,
 * picks a token and measures how confident the model is in it.
 *
 * Constraints that are callbacks write into the row in place: rows are the step's scratch space.
 */
export function sampleCandidates(input: {
  rows: PredictionRows;
  positions: readonly number[];
  canvas: CanvasView;
  sampling?: SamplingOptions;
  signals?: CandidateSignals;
  random: RandomSource;
  /** Index of the canvas in its batch, for error messages. */
  canvasIndex?: number;
}): Candidates {
  const { rows, positions, canvas, random } = input;
  const sampling = input.sampling ?? {};
  const temperature = sampling.temperature ?? 0;
  const count = positions.length;
  const candidates: Candidates = {
    positions: Int32Array.from(positions),
    tokens: new Int32Array(count),
    probability: new Float64Array(count),
    margin: input.signals?.margin ? new Float64Array(count) : undefined,
    entropy: input.signals?.entropy ? new Float64Array(count) : undefined,
  };
  const filtered = (sampling.topK ?? 0) > 0 || (sampling.topP ?? 1) < 1;
  const needsOnlyNormaliser = input.signals?.margin !== true && input.signals?.entropy !== true;
  for (let index = 0; index < count; index++) {
    const position = positions[index] as number;
    const row = logitsRow(rows, index);
    const maskLogit = row[canvas.maskTokenId] as number;
    // Committing the mask token would leave a position that looks committed to the canvas and masked to the model.
    row[canvas.maskTokenId] = -Infinity;
    const constraint = canvas.constraintAt(position);
    if (constraint?.kind === 'logits-mask') {
      constraint.apply(row, { canvas, position, vocabularySize: rows.vocabularySize });
    }
    let ids: Int32Array | undefined = constraint?.kind === 'allowed-tokens' ? constraint.tokens : undefined;
    if (filtered) ids = filterTokens(row, ids, sampling);
    let summary: RowSummary | undefined;
    if (constraint === undefined && !filtered && needsOnlyNormaliser) summary = summaryFromModel(rows, index, row, maskLogit);
    summary ??= ids === undefined ? summariseRow(row, { second: input.signals?.margin === true, entropy: input.signals?.entropy === true }) : summariseSubset(row, ids, input.signals);
    if (summary.best < 0) {
      throw new LacunaCoreError({
        code: 'NO_ALLOWED_TOKEN',
        message: `The constraint at position ${position} forbids every token, so nothing can be committed there. Check the constraint's allowed set.`,
        position,
        ...(input.canvasIndex === undefined ? {} : { canvasIndex: input.canvasIndex }),
      });
    }
    const token = temperature > 0 ? gumbelMax(row, ids, temperature, random) : summary.best;
    candidates.tokens[index] = token;
    candidates.probability[index] = expNonPositive((row[token] as number) - summary.max) / summary.sum;
    if (candidates.margin !== undefined) {
      candidates.margin[index] = (1 - expNonPositive(summary.second - summary.max)) / summary.sum;
    }
    if (candidates.entropy !== undefined) {
      // H = log Z - E[l - max], with Z the sum of exp(l - max).
      candidates.entropy[index] = Math.log(summary.sum) - summary.weighted / summary.sum;
    }
  }
  return candidates;
}

/** Probability of `token` at a row under the position's constraint: how much the model still agrees with it. */
export function tokenProbability(input: {
  row: Float32Array;
  token: number;
  position: number;
  canvas: CanvasView;
}): number {
  const { row, token, position, canvas } = input;
  const constraint = canvas.constraintAt(position);
  if (constraint?.kind === 'logits-mask') constraint.apply(row, { canvas, position, vocabularySize: row.length });
  const summary =
    constraint?.kind === 'allowed-tokens' ? summariseSubset(row, constraint.tokens, undefined) : summariseRow(row);
  if (summary.best < 0 || (row[token] as number) === -Infinity) return 0;
  return expNonPositive((row[token] as number) - summary.max) / summary.sum;
}

/**
 * The row summary from the argmax and log-sum-exp the model computed, when it did: no pass over the vocabulary
 * in JavaScript. The mask token's share is taken out of the normaliser; if the model's argmax is the mask token
 * itself, the row is summarised in JavaScript instead.
 */
function summaryFromModel(rows: PredictionRows, index: number, row: Float32Array, maskLogit: number): RowSummary | undefined {
  const best = rows.argmax?.[index];
  const logSumExp = rows.logSumExp?.[index];
  if (best === undefined || logSumExp === undefined || row[best] === -Infinity) return undefined;
  const max = row[best] as number;
  const sum = Math.exp(logSumExp - max) - Math.exp(maskLogit - max);
  if (!(sum >= 1)) return undefined;
  return { best, max, second: -Infinity, sum, weighted: 0 };
}

function summariseSubset(row: Float32Array, ids: Int32Array, signals: CandidateSignals | undefined): RowSummary {
  let best = -1;
  let max = -Infinity;
  let second = -Infinity;
  for (let index = 0; index < ids.length; index++) {
    const id = ids[index] as number;
    const value = row[id] as number;
    if (value > max) {
      second = max;
      max = value;
      best = id;
    } else if (value > second) {
      second = value;
    }
  }
  if (best < 0) return { best, max, second, sum: 0, weighted: 0 };
  let sum = 0;
  let weighted = 0;
  for (let index = 0; index < ids.length; index++) {
    const shifted = (row[ids[index] as number] as number) - max;
    if (shifted === -Infinity) continue;
    const term = expNonPositive(shifted);
    sum += term;
    if (signals?.entropy) weighted += term * shifted;
  }
  return { best, max, second, sum, weighted };
}

/** argmax of logit / T + Gumbel noise, computed in float64 (LLaDA's `add_gumbel_noise`, in log space). */
function gumbelMax(row: Float32Array, ids: Int32Array | undefined, temperature: number, random: RandomSource): number {
  let best = -1;
  let bestKey = -Infinity;
  const count = ids === undefined ? row.length : ids.length;
  for (let index = 0; index < count; index++) {
    const id = ids === undefined ? index : (ids[index] as number);
    const logit = row[id] as number;
    if (logit === -Infinity) continue;
    const key = logit / temperature - Math.log(-Math.log(random.nextOpen()));
    if (key > bestKey) {
      bestKey = key;
      best = id;
    }
  }
  return best;
}

/** Ids that survive top-k and top-p, most likely first. */
function filterTokens(row: Float32Array, allowed: Int32Array | undefined, sampling: SamplingOptions): Int32Array {
  const topK = sampling.topK ?? 0;
  const topP = sampling.topP ?? 1;
  let ids = allowed ?? Int32Array.from({ length: row.length }, (_, index) => index);
  ids = ids.filter((id) => (row[id] as number) > -Infinity);
  if (ids.length === 0) return ids;
  if (topP < 1) {
    // Tokens rarer than tau cannot reach the nucleus: their total mass, at most n * tau, stays under 1 - p.
    let max = -Infinity;
    for (const id of ids) max = Math.max(max, row[id] as number);
    let sum = 0;
    for (const id of ids) sum += expNonPositive((row[id] as number) - max);
    const tau = (1 - topP) / (2 * ids.length);
    ids = ids.filter((id) => expNonPositive((row[id] as number) - max) / sum >= tau);
    ids.sort((left, right) => (row[right] as number) - (row[left] as number) || left - right);
    let cumulative = 0;
    let keep = 0;
    while (keep < ids.length) {
      cumulative += expNonPositive((row[ids[keep] as number] as number) - max) / sum;
      keep++;
      if (cumulative > topP) break;
    }
    ids = ids.subarray(0, keep);
  }
  if (topK > 0 && topK < ids.length) {
    if (topP >= 1) ids.sort((left, right) => (row[right] as number) - (row[left] as number) || left - right);
    ids = ids.subarray(0, topK);
  }
  return ids.slice();
}
