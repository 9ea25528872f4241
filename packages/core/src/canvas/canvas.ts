import { LacunaCoreError } from '../errors/lacuna-core-error.js';
import type { TokenConstraint } from './token-constraint.js';

/**
 * - `fixed`: written by the caller (prompt, skeleton structure); never sampled, never remasked.
 * - `masked`: waiting to be denoised.
 * - `committed`: sampled at some step; may be masked again (remasking, repair).
 */
export type PositionState = 'fixed' | 'masked' | 'committed';

const FIXED = 0;
const MASKED = 1;
const COMMITTED = 2;
const STATE_NAMES: readonly PositionState[] = ['fixed', 'masked', 'committed'];

/** One position of a canvas as the caller describes it. */
export type CanvasCell =
  | { readonly state: 'fixed'; readonly token: number }
  | { readonly state: 'masked'; readonly constraint?: TokenConstraint }
  | {
      readonly state: 'committed';
      readonly token: number;
      readonly confidence?: number;
      readonly constraint?: TokenConstraint;
    };

/** Read-only access to a canvas: what strategies, constraints and events see. */
export interface CanvasView {
  readonly length: number;
  readonly maskTokenId: number;
  tokenAt(position: number): number;
  stateAt(position: number): PositionState;
  isMasked(position: number): boolean;
  confidenceAt(position: number): number;
  constraintAt(position: number): TokenConstraint | undefined;
  committedAtStep(position: number): number;
  /** Positions still masked in `[from, to)`, ascending. */
  maskedPositions(from?: number, to?: number): number[];
  countMasked(from?: number, to?: number): number;
  /** Token ids as the model sees them: masked positions hold the mask token id. */
  inputIds(): Int32Array;
}

/**
 * The one data structure of Lacuna: a token sequence in which each position is fixed, masked or committed,
 * optionally constrained. Plain generation, schema infill and repair are all "denoise this canvas".
 */
export class Canvas implements CanvasView {
  readonly length: number;
  readonly maskTokenId: number;
  private readonly tokens: Int32Array;
  private readonly states: Uint8Array;
  private readonly confidences: Float32Array;
  private readonly steps: Int32Array;
  private readonly constraints: (TokenConstraint | undefined)[];

  private constructor(length: number, maskTokenId: number) {
    this.length = length;
    this.maskTokenId = maskTokenId;
    this.tokens = new Int32Array(length).fill(maskTokenId);
    this.states = new Uint8Array(length).fill(MASKED);
    this.confidences = new Float32Array(length).fill(Number.NaN);
    this.steps = new Int32Array(length).fill(-1);
    this.constraints = new Array<TokenConstraint | undefined>(length).fill(undefined);
  }

  /** A prompt followed by `generationLength` masked positions: plain generation. */
  static fromPrompt(options: {
    promptIds: readonly number[];
    generationLength: number;
    maskTokenId: number;
  }): Canvas {
    const { promptIds, generationLength, maskTokenId } = options;
    if (!Number.isInteger(generationLength) || generationLength < 0) {
      throw new LacunaCoreError({
        code: 'INVALID_CANVAS',
        message: `generationLength must be a non-negative integer, got ${generationLength}.`,
      });
    }
    const canvas = new Canvas(promptIds.length + generationLength, maskTokenId);
    promptIds.forEach((token, position) => canvas.fix(position, token));
    return canvas;
  }

  /** A canvas from explicit cells: skeletons with holes anywhere, or a canvas being repaired. */
  static fromCells(cells: readonly CanvasCell[], maskTokenId: number): Canvas {
    const canvas = new Canvas(cells.length, maskTokenId);
    cells.forEach((cell, position) => {
      if (cell.state === 'fixed') canvas.fix(position, cell.token);
      else if (cell.state === 'committed') {
        canvas.commit(position, cell.token, cell.confidence ?? 1, -1);
        canvas.constraints[position] = cell.constraint;
      } else canvas.constraints[position] = cell.constraint;
    });
    return canvas;
  }

  tokenAt(position: number): number {
    return this.tokens[this.checked(position)] as number;
  }

  stateAt(position: number): PositionState {
    return STATE_NAMES[this.states[this.checked(position)] as number] as PositionState;
  }

  isMasked(position: number): boolean {
    return this.states[position] === MASKED;
  }

  /** Probability the token was committed with; NaN for fixed and masked positions. */
  confidenceAt(position: number): number {
    return this.confidences[this.checked(position)] as number;
  }

  constraintAt(position: number): TokenConstraint | undefined {
    return this.constraints[this.checked(position)];
  }

  /** Denoising step at which the position was committed; -1 when it was not committed by a step. */
  committedAtStep(position: number): number {
    return this.steps[this.checked(position)] as number;
  }

  maskedPositions(from = 0, to = this.length): number[] {
    const positions: number[] = [];
    for (let position = Math.max(0, from); position < Math.min(to, this.length); position++) {
      if (this.states[position] === MASKED) positions.push(position);
    }
    return positions;
  }

  countMasked(from = 0, to = this.length): number {
    let count = 0;
    for (let position = Math.max(0, from); position < Math.min(to, this.length); position++) {
      if (this.states[position] === MASKED) count++;
    }
    return count;
  }

  /** Positions committed by sampling (not fixed) in `[from, to)`, ascending. */
  committedPositions(from = 0, to = this.length): number[] {
    const positions: number[] = [];
    for (let position = Math.max(0, from); position < Math.min(to, this.length); position++) {
      if (this.states[position] === COMMITTED) positions.push(position);
    }
    return positions;
  }

  inputIds(): Int32Array {
    return this.tokens.slice();
  }

  /** All token ids, with the mask id where nothing is committed yet. */
  toArray(): number[] {
    return Array.from(this.tokens);
  }

  fix(position: number, token: number): this {
    this.checked(position);
    this.tokens[position] = token;
    this.states[position] = FIXED;
    this.confidences[position] = Number.NaN;
    this.steps[position] = -1;
    this.constraints[position] = undefined;
    return this;
  }

  commit(position: number, token: number, confidence: number, step: number): this {
    if (this.states[this.checked(position)] === FIXED) {
      throw new LacunaCoreError({
        code: 'INVALID_CANVAS',
        message: `Position ${position} is fixed and cannot be committed; mask it first if it must change.`,
        position,
      });
    }
    this.tokens[position] = token;
    this.states[position] = COMMITTED;
    this.confidences[position] = confidence;
    this.steps[position] = step;
    return this;
  }

  /**
   * Masks a position again so that it is re-predicted with everything else in view. Its constraint is kept
   * unless a new one is given. Fixed positions may be masked too: that is how a skeleton is edited.
   */
  mask(position: number, constraint?: TokenConstraint): this {
    this.checked(position);
    this.tokens[position] = this.maskTokenId;
    this.states[position] = MASKED;
    this.confidences[position] = Number.NaN;
    this.steps[position] = -1;
    if (constraint !== undefined) this.constraints[position] = constraint;
    return this;
  }

  setConstraint(position: number, constraint: TokenConstraint | undefined): this {
    this.constraints[this.checked(position)] = constraint;
    return this;
  }

  clone(): Canvas {
    const copy = new Canvas(this.length, this.maskTokenId);
    copy.tokens.set(this.tokens);
    copy.states.set(this.states);
    copy.confidences.set(this.confidences);
    copy.steps.set(this.steps);
    for (let position = 0; position < this.length; position++) {
      copy.constraints[position] = this.constraints[position];
    }
    return copy;
  }

  private checked(position: number): number {
    if (!Number.isInteger(position) || position < 0 || position >= this.length) {
      throw new LacunaCoreError({
        code: 'INVALID_CANVAS',
        message: `Position ${position} is outside the canvas (length ${this.length}).`,
        position,
      });
    }
    return position;
  }
}
