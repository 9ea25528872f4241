import type { Candidates, CandidateSignals } from '../sampling/sample-tokens.js';
import type { RandomSource } from '../sampling/random-source.js';

/** What a strategy decides from: this step's candidates and the schedule's plan. */
export interface SelectionInput {
  readonly candidates: Candidates;
  /** Tokens the transfer schedule plans to commit this step (fixed-step strategies follow it). */
  readonly budget: number;
  readonly random: RandomSource;
}

/**
 * Decides which masked positions to commit at a step. `select` is a pure function of its input (the random
 * source is part of the input), so a strategy can be tested on logits alone and swapped without touching the loop.
 */
export interface UnmaskingStrategy {
  readonly name: string;
  /** Confidence signals `select` reads beyond the chosen token's probability. */
  readonly signals?: CandidateSignals;
  /**
   * Dynamic strategies (confidence threshold, factor, entropy bound) choose how many tokens to commit
   * themselves; a block then runs until it has no mask left rather than for a fixed number of steps.
   */
  readonly dynamic: boolean;
  /** Indices into `candidates` of the positions to commit. Never empty while there are candidates. */
  select(input: SelectionInput): number[];
}

/**
 * Indices of the `count` largest scores, largest first; ties go to the lower index so results are stable.
 */
export function topIndices(scores: ArrayLike<number>, count: number): number[] {
  const indices = Array.from({ length: scores.length }, (_, index) => index);
  indices.sort((left, right) => (scores[right] as number) - (scores[left] as number) || left - right);
  return indices.slice(0, Math.max(0, Math.min(count, scores.length)));
}
