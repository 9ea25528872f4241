import type { CanvasView } from '../canvas/canvas.js';
import { logitsRow, type PredictionRows } from '../predictor/predictor.js';
import type { RandomSource } from '../sampling/random-source.js';
import { sampleCandidates, tokenProbability, type SamplingOptions } from '../sampling/sample-tokens.js';
import type { ScheduleState, TransferSchedule } from './transfer-schedule.js';
import type { UnmaskingStrategy } from './unmasking-strategy.js';

/** ReMDM-style remasking: a committed token the model no longer believes in is masked and predicted again. */
export interface RemaskingOptions {
  /** A committed token whose probability at the current step falls under this is masked again. */
  readonly threshold: number;
  /** How often one position may be remasked, so that decoding always ends (default 1). */
  readonly maxPerPosition?: number;
}

export interface TokenChange {
  readonly position: number;
  readonly token: number;
  readonly confidence: number;
}

/** What one step does to a canvas. Applying it is the pipeline's job. */
export interface StepDecision {
  readonly committed: readonly TokenChange[];
  /** Committed tokens to mask again, with the probability that condemned them. */
  readonly remasked: readonly TokenChange[];
}

export interface DenoisingStepInput {
  readonly canvas: CanvasView;
  /** Logits of `positions`, in that order: masked positions in scope, and committed ones when remasking. */
  readonly rows: PredictionRows;
  readonly positions: readonly number[];
  readonly strategy: UnmaskingStrategy;
  readonly schedule: TransferSchedule;
  readonly scheduleState: ScheduleState;
  /** The block's last step commits every mask left (fixed-step strategies only). */
  readonly isLastStep: boolean;
  readonly sampling?: SamplingOptions;
  readonly remasking?: RemaskingOptions;
  /** How often each position was remasked so far. */
  readonly remaskCounts?: ReadonlyMap<number, number>;
  readonly random: RandomSource;
  readonly canvasIndex?: number;
}

/**
 * One denoising step as a pure function: from the step's logits and the canvas, which tokens to commit and
 * which to mask again. Nothing is mutated but the logits rows (constraints write into them).
 */
export function denoisingStep(input: DenoisingStepInput): StepDecision {
  const { canvas, rows, positions, strategy, random } = input;
  const maskedIndices: number[] = [];
  const committedIndices: number[] = [];
  positions.forEach((position, index) => (canvas.isMasked(position) ? maskedIndices : committedIndices).push(index));

  const remasked: TokenChange[] = [];
  if (input.remasking !== undefined && !input.isLastStep) {
    const maxPerPosition = input.remasking.maxPerPosition ?? 1;
    for (const index of committedIndices) {
      const position = positions[index] as number;
      if (canvas.stateAt(position) !== 'committed') continue;
      if ((input.remaskCounts?.get(position) ?? 0) >= maxPerPosition) continue;
      const token = canvas.tokenAt(position);
      const confidence = tokenProbability({ row: logitsRow(rows, index), token, position, canvas });
      if (confidence < input.remasking.threshold) remasked.push({ position, token, confidence });
    }
  }

  if (maskedIndices.length === 0) return { committed: [], remasked };
  const maskedRows: PredictionRows =
    committedIndices.length === 0 ? rows : selectRows(rows, maskedIndices);
  const candidates = sampleCandidates({
    rows: maskedRows,
    positions: maskedIndices.map((index) => positions[index] as number),
    canvas,
    random,
    ...(input.sampling === undefined ? {} : { sampling: input.sampling }),
    ...(strategy.signals === undefined ? {} : { signals: strategy.signals }),
    ...(input.canvasIndex === undefined ? {} : { canvasIndex: input.canvasIndex }),
  });
  let selected: number[];
  if (input.isLastStep && !strategy.dynamic) {
    selected = Array.from(candidates.positions, (_, index) => index);
  } else {
    const state = input.scheduleState;
    let budget = input.schedule.budget(state);
    if (input.remasking !== undefined) {
      // Remasked tokens were not in the plan: spread them over the steps left so the block still finishes.
      budget = Math.max(budget, Math.ceil(state.maskedNow / Math.max(1, state.steps - state.step)));
    }
    selected = strategy.select({ candidates, budget, random });
  }
  const committed = selected.map((index) => ({
    position: candidates.positions[index] as number,
    token: candidates.tokens[index] as number,
    confidence: candidates.probability[index] as number,
  }));
  return { committed, remasked };
}

function selectRows(rows: PredictionRows, indices: readonly number[]): PredictionRows {
  const data = new Float32Array(indices.length * rows.vocabularySize);
  indices.forEach((index, row) => data.set(logitsRow(rows, index), row * rows.vocabularySize));
  const { argmax, logSumExp } = rows;
  return {
    data,
    rows: indices.length,
    vocabularySize: rows.vocabularySize,
    ...(argmax === undefined || logSumExp === undefined
      ? {}
      : { argmax: Int32Array.from(indices, (index) => argmax[index] as number), logSumExp: Float32Array.from(indices, (index) => logSumExp[index] as number) }),
  };
}
