import type { CanvasView } from '../canvas/canvas.js';
import { LacunaCoreError } from '../errors/lacuna-core-error.js';

/** Semi-autoregressive blocks: the span after the first mask, denoised one block after another. */
export interface BlockPlan {
  /** Start of each block (the first block starts at the canvas's first masked position). */
  readonly starts: readonly number[];
  readonly blockLength: number;
  /** Steps each block is given (steps / number of blocks). */
  readonly stepsPerBlock: number;
}

/**
 * Splits the canvas after its first mask into blocks of `blockLength` (default: one block), LLaDA's
 * semi-autoregressive decoding. Like LLaDA, the span must be a multiple of the block length and the steps a
 * multiple of the number of blocks, so every block gets the same number of steps.
 */
export function planBlocks(canvas: CanvasView, options: { steps: number; blockLength?: number; canvasIndex?: number }): BlockPlan {
  const first = canvas.maskedPositions()[0];
  const where = options.canvasIndex === undefined ? {} : { canvasIndex: options.canvasIndex };
  if (first === undefined) return { starts: [], blockLength: options.blockLength ?? 0, stepsPerBlock: 0 };
  const span = canvas.length - first;
  const blockLength = options.blockLength ?? span;
  if (!Number.isInteger(blockLength) || blockLength <= 0) {
    throw new LacunaCoreError({ code: 'INVALID_OPTIONS', message: `blockLength must be a positive integer, got ${blockLength}.`, ...where });
  }
  if (span % blockLength !== 0) {
    throw new LacunaCoreError({
      code: 'INVALID_OPTIONS',
      message: `The generation length (${span} tokens from position ${first}) is not a multiple of blockLength ${blockLength}. Choose a generation length that is a multiple of the block length, or another block length.`,
      position: first,
      ...where,
    });
  }
  const blocks = span / blockLength;
  if (!Number.isInteger(options.steps) || options.steps <= 0 || options.steps % blocks !== 0) {
    throw new LacunaCoreError({
      code: 'INVALID_OPTIONS',
      message: `steps (${options.steps}) must be a positive multiple of the number of blocks (${blocks}) so that every block gets the same number of steps.`,
      ...where,
    });
  }
  return {
    starts: Array.from({ length: blocks }, (_, block) => first + block * blockLength),
    blockLength,
    stepsPerBlock: options.steps / blocks,
  };
}
