/** Where a block stands when the schedule is asked how many tokens to commit. */
export interface ScheduleState {
  /** 0-based step within the block. */
  readonly step: number;
  /** Steps the block is given. */
  readonly steps: number;
  /** Masked positions in the block when it started. */
  readonly maskedAtStart: number;
  /** Masked positions in the block now. */
  readonly maskedNow: number;
}

/** How many tokens a fixed-step strategy commits at each step of a block. */
export interface TransferSchedule {
  readonly name: string;
  /** Planned commits for this step; pure. The loop still commits everything left at a block's last step. */
  budget(state: ScheduleState): number;
}

/**
 * LLaDA's `get_num_transfer_tokens`: the block's masks split evenly over its steps, the remainder going one
 * each to the first steps. For 10 masks over 4 steps: 3, 3, 2, 2.
 */
export function transferCounts(maskCount: number, steps: number): number[] {
  const base = Math.floor(maskCount / steps);
  const remainder = maskCount % steps;
  return Array.from({ length: steps }, (_, step) => base + (step < remainder ? 1 : 0));
}

export function evenSchedule(): TransferSchedule {
  return {
    name: 'even',
    budget: ({ step, steps, maskedAtStart }) => transferCounts(maskedAtStart, steps)[step] ?? 0,
  };
}

/**
 * Dream's schedule: time runs linearly from 1 to `epsilon` over the steps, and a step from t to s commits
 * floor(masked * (1 - s / t)) of the masks left; the last step commits them all.
 */
export function linearTimeSchedule(options: { epsilon?: number } = {}): TransferSchedule {
  const epsilon = options.epsilon ?? 1e-3;
  return {
    name: 'linear_time',
    budget: ({ step, steps, maskedNow }) => {
      if (step >= steps - 1) return maskedNow;
      const time = 1 - ((1 - epsilon) * step) / steps;
      const nextTime = 1 - ((1 - epsilon) * (step + 1)) / steps;
      return Math.floor(maskedNow * (1 - nextTime / time));
    },
  };
}
