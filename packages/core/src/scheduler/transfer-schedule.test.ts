/**
 * The transfer schedules: how many tokens a fixed-step strategy commits at each step of a block.
 */
import { describe, expect, it } from 'vitest';
import { evenSchedule, linearTimeSchedule, transferCounts, type TransferSchedule } from './transfer-schedule.js';

/** The counts a schedule gives over a whole block when every planned token is committed. */
function countsOver(schedule: TransferSchedule, masked: number, steps: number): number[] {
  const counts: number[] = [];
  let maskedNow = masked;
  for (let step = 0; step < steps; step++) {
    const count = schedule.budget({ step, steps, maskedAtStart: masked, maskedNow });
    counts.push(count);
    maskedNow -= count;
  }
  return counts;
}

/**
 * Dream's rule, written out the plain way: timesteps = linspace(1, eps, steps + 1); a step from t to s
 * commits floor(masked * (1 - s / t)) of the masks left, the last step all of them.
 */
function dreamCounts(masked: number, steps: number, epsilon = 1e-3): number[] {
  const timesteps = Array.from({ length: steps + 1 }, (_, index) => 1 + ((epsilon - 1) * index) / steps);
  const counts: number[] = [];
  let left = masked;
  for (let step = 0; step < steps; step++) {
    const t = timesteps[step] as number;
    const s = timesteps[step + 1] as number;
    const count = step < steps - 1 ? Math.floor(left * (1 - s / t)) : left;
    counts.push(count);
    left -= count;
  }
  return counts;
}

describe('transferCounts (LLaDA get_num_transfer_tokens)', () => {
  it('splits 10 masks over 4 steps as 3, 3, 2, 2', () => {
    expect(transferCounts(10, 4)).toEqual([3, 3, 2, 2]);
  });

  it('splits evenly when the steps divide the masks, and gives 0 to the last steps when steps exceed masks', () => {
    expect(transferCounts(24, 6)).toEqual([4, 4, 4, 4, 4, 4]);
    expect(transferCounts(4, 6)).toEqual([1, 1, 1, 1, 0, 0]);
    expect(transferCounts(0, 3)).toEqual([0, 0, 0]);
  });

  it('always sums to the mask count, with counts differing by at most one, larger first', () => {
    for (let masks = 0; masks <= 40; masks++) {
      for (let steps = 1; steps <= 12; steps++) {
        const counts = transferCounts(masks, steps);
        expect(counts).toHaveLength(steps);
        expect(counts.reduce((sum, count) => sum + count, 0)).toBe(masks);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        expect([...counts].sort((a, b) => b - a)).toEqual(counts);
      }
    }
  });
});

describe('evenSchedule', () => {
  it('plans transferCounts of the masks the block started with, whatever is masked now', () => {
    const schedule = evenSchedule();
    expect(countsOver(schedule, 10, 4)).toEqual([3, 3, 2, 2]);
    expect(schedule.budget({ step: 1, steps: 4, maskedAtStart: 10, maskedNow: 1 })).toBe(3);
    expect(schedule.budget({ step: 9, steps: 4, maskedAtStart: 10, maskedNow: 1 })).toBe(0);
  });
});

describe('linearTimeSchedule (Dream)', () => {
  it("matches Dream's floor(masked * (1 - s / t)) with timesteps linspace(1, 1e-3, steps + 1)", () => {
    const schedule = linearTimeSchedule();
    for (let steps = 1; steps <= 32; steps++) {
      for (let masked = 0; masked <= 128; masked += steps % 3 === 0 ? 1 : 7) {
        expect(countsOver(schedule, masked, steps), `${masked} masks over ${steps} steps`).toEqual(dreamCounts(masked, steps));
      }
    }
  });

  it('gives the counts torch computes for Dream (float32 linspace), including zero-count steps', () => {
    // Computed with torch 1.13: timesteps = torch.linspace(1, 1e-3, steps + 1), int(n * (1 - s / t)).
    const schedule = linearTimeSchedule();
    expect(countsOver(schedule, 10, 4)).toEqual([2, 2, 2, 4]);
    expect(countsOver(schedule, 64, 8)).toEqual([7, 8, 8, 8, 8, 8, 8, 9]);
    expect(countsOver(schedule, 24, 5)).toEqual([4, 4, 5, 5, 6]);
    expect(countsOver(schedule, 7, 10)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1, 2]);
    expect(countsOver(schedule, 100, 3)).toEqual([33, 33, 34]);
  });

  it('commits everything left at the last step', () => {
    const schedule = linearTimeSchedule();
    expect(schedule.budget({ step: 3, steps: 4, maskedAtStart: 10, maskedNow: 7 })).toBe(7);
    expect(schedule.budget({ step: 0, steps: 1, maskedAtStart: 5, maskedNow: 5 })).toBe(5);
    for (let steps = 1; steps <= 20; steps++) expect(countsOver(schedule, 50, steps).reduce((sum, count) => sum + count, 0)).toBe(50);
  });

  it('reads the masks left now, not those the block started with', () => {
    const schedule = linearTimeSchedule();
    const fromStart = schedule.budget({ step: 1, steps: 4, maskedAtStart: 100, maskedNow: 100 });
    const fewerLeft = schedule.budget({ step: 1, steps: 4, maskedAtStart: 100, maskedNow: 40 });
    expect(fewerLeft).toBeLessThan(fromStart);
    // Step 1 of 4 goes from t = 1 - 0.999 / 4 to s = 1 - 0.999 * 2 / 4.
    expect(fewerLeft).toBe(Math.floor(40 * (1 - (1 - (0.999 * 2) / 4) / (1 - 0.999 / 4))));
  });

  it('honours a custom epsilon', () => {
    const schedule = linearTimeSchedule({ epsilon: 0.5 });
    expect(countsOver(schedule, 64, 8)).toEqual(dreamCounts(64, 8, 0.5));
    expect(countsOver(schedule, 64, 8)).not.toEqual(dreamCounts(64, 8));
  });
});
