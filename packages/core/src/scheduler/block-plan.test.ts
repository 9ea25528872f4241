/**
 * planBlocks: LLaDA's semi-autoregressive split of the span after the first mask, and the options it rejects.
 */
import { describe, expect, it } from 'vitest';
import { Canvas } from '../canvas/canvas.js';
import { LacunaCoreError } from '../errors/lacuna-core-error.js';
import { planBlocks } from './block-plan.js';

const MASK = 99;

function promptCanvas(promptLength: number, generationLength: number): Canvas {
  return Canvas.fromPrompt({ promptIds: Array.from({ length: promptLength }, (_, index) => index), generationLength, maskTokenId: MASK });
}

function planError(make: () => unknown): LacunaCoreError {
  try {
    make();
  } catch (error) {
    if (LacunaCoreError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected planBlocks to throw');
}

describe('planBlocks', () => {
  it('splits the span after the prompt into blocks and the steps evenly over them', () => {
    expect(planBlocks(promptCanvas(5, 32), { steps: 8, blockLength: 8 })).toEqual({ starts: [5, 13, 21, 29], blockLength: 8, stepsPerBlock: 2 });
  });

  it('defaults to one block spanning everything after the first mask', () => {
    expect(planBlocks(promptCanvas(3, 12), { steps: 6 })).toEqual({ starts: [3], blockLength: 12, stepsPerBlock: 6 });
  });

  it('starts at the first masked position, wherever it is', () => {
    const canvas = Canvas.fromCells(
      [{ state: 'fixed', token: 1 }, { state: 'committed', token: 2 }, { state: 'masked' }, { state: 'fixed', token: 3 }, { state: 'masked' }, { state: 'masked' }],
      MASK,
    );
    expect(planBlocks(canvas, { steps: 2, blockLength: 2 })).toEqual({ starts: [2, 4], blockLength: 2, stepsPerBlock: 1 });
  });

  it('plans nothing for a canvas without masks', () => {
    expect(planBlocks(promptCanvas(4, 0), { steps: 4, blockLength: 2 }).starts).toEqual([]);
  });

  it('rejects a span that is not a multiple of blockLength with INVALID_OPTIONS at the first mask', () => {
    const error = planError(() => planBlocks(promptCanvas(4, 30), { steps: 8, blockLength: 8, canvasIndex: 2 }));
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.position).toBe(4);
    expect(error.canvasIndex).toBe(2);
    expect(error.message).toMatch(/multiple of blockLength 8/);
  });

  it('rejects steps that are not a positive multiple of the number of blocks', () => {
    expect(planError(() => planBlocks(promptCanvas(4, 32), { steps: 6, blockLength: 8 })).code).toBe('INVALID_OPTIONS');
    expect(planError(() => planBlocks(promptCanvas(4, 32), { steps: 0, blockLength: 8 })).code).toBe('INVALID_OPTIONS');
    expect(planError(() => planBlocks(promptCanvas(4, 32), { steps: 2.5 })).code).toBe('INVALID_OPTIONS');
  });

  it('rejects a block length that is not a positive integer', () => {
    for (const blockLength of [0, -8, 2.5, Number.NaN]) {
      expect(planError(() => planBlocks(promptCanvas(4, 32), { steps: 8, blockLength })).code).toBe('INVALID_OPTIONS');
    }
  });
});
