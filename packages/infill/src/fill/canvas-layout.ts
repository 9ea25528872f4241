import { Canvas, type CanvasCell } from '@lacuna/core';
import { healedAutomaton } from '../constraints/node-automaton.js';
import type { SkeletonItem } from '../skeleton/render-skeleton.js';
import type { TokenLifter } from '../tokens/token-lifter.js';
import type { Hole } from './hole.js';

export interface CanvasLayout {
  readonly canvas: Canvas;
  /** First position of each hole on the canvas. */
  readonly holeStart: ReadonlyMap<Hole, number>;
  /** Hole at each position, or undefined. */
  readonly holeAt: readonly (Hole | undefined)[];
  readonly skeletonStart: number;
}

export interface LayoutInput {
  readonly items: readonly SkeletonItem[];
  readonly promptIds: readonly number[];
  readonly endIds: readonly number[];
  readonly maskTokenId: number;
  readonly padTokenId: number;
  readonly encode: (text: string) => number[];
  /**
   * The tokens of a value hole that holds `value` with the literal text it absorbs (training canvases may write
   * a copied value with the prompt's own tokens).
   */
  readonly encodeValue: (prefix: string, value: string, suffix: string) => number[];
  readonly lifter: TokenLifter;
  /** Absorb the neighbouring literal tokens into value holes (BPE boundary healing). */
  readonly heal: boolean;
  /**
   * Write a space at the start of each quoted value's hole, absorbed like literal text and so not part of the
   * value (`ModelSpec.spacedStringValues`).
   */
  readonly spaceStrings: boolean;
}

/**
 * Places prompt, skeleton and end tokens on a canvas. Literal text is tokenised as the tokenizer would; with
 * healing, a value hole takes over the last token of the literal before it and the first token of the literal
 * after it, so that the model may merge them with the value as the tokenizer would (`":"` + `-5` may be
 * written `":-` `5`). Hole positions hold their committed tokens; positions not yet reached hold the mask
 * token as fixed placeholders, and the driver unmasks each hole's frontier. For a model with spaced string
 * values, a quoted value's hole absorbs one space after the literal text it takes over: the space is written on
 * the canvas but, like all absorbed text, is no part of the value.
 */
export function layoutCanvas(input: LayoutInput): CanvasLayout {
  const { items } = input;
  const segments: number[][] = [];
  const holes: Hole[] = [];
  // Split into text segments around holes: segments[i] precedes holes[i]; the last segment follows the last hole.
  let pending: number[] = [];
  for (const item of items) {
    if (item.type === 'text') pending = [...pending, ...input.encode(item.text)];
    else {
      segments.push(pending);
      holes.push(item.hole);
      pending = [];
    }
  }
  segments.push(pending);

  // Healing: which literal tokens each value hole absorbs.
  const prefixTaken = new Array<boolean>(segments.length).fill(false);
  const suffixTaken = new Array<boolean>(segments.length).fill(false);
  const prefixes: string[] = holes.map(() => '');
  const suffixes: string[] = holes.map(() => '');
  if (input.heal) {
    holes.forEach((hole, index) => {
      if (hole.isDecision) return;
      const before = segments[index] as number[];
      if (before.length > 0) {
        prefixTaken[index] = true;
        prefixes[index] = input.lifter.index.textOf([before.at(-1) as number]);
      }
    });
    holes.forEach((hole, index) => {
      if (hole.isDecision) return;
      const after = segments[index + 1] as number[];
      const nextTakesPrefix = prefixTaken[index + 1] === true && index + 1 < holes.length;
      const available = after.length - (nextTakesPrefix ? 1 : 0);
      if (available >= 1 && !(nextTakesPrefix && after.length < 2)) {
        suffixTaken[index + 1] = true;
        suffixes[index] = input.lifter.index.textOf([after[0] as number]);
      }
    });
  }
  if (input.spaceStrings) {
    holes.forEach((hole, index) => {
      if (hole.quoted) prefixes[index] += ' ';
    });
  }
  holes.forEach((hole, index) => applyHealing(hole, prefixes[index] as string, suffixes[index] as string, input));

  const cells: CanvasCell[] = input.promptIds.map((token) => ({ state: 'fixed', token }));
  const holeStart = new Map<Hole, number>();
  const holeAt: (Hole | undefined)[] = input.promptIds.map(() => undefined);
  const pushFixed = (tokens: readonly number[]): void => {
    for (const token of tokens) {
      cells.push({ state: 'fixed', token });
      holeAt.push(undefined);
    }
  };
  segments.forEach((segment, index) => {
    let tokens = segment;
    if (suffixTaken[index]) tokens = tokens.slice(1);
    if (index < holes.length && prefixTaken[index]) tokens = tokens.slice(0, -1);
    pushFixed(tokens);
    const hole = holes[index];
    if (hole === undefined) return;
    holeStart.set(hole, cells.length);
    for (let offset = 0; offset < hole.budget; offset++) {
      const token = hole.tokens[offset];
      if (token !== undefined) cells.push({ state: 'committed', token, confidence: hole.confidences[offset] ?? 1 });
      else cells.push({ state: 'fixed', token: input.maskTokenId });
      holeAt.push(hole);
    }
  });
  pushFixed(input.endIds);
  return { canvas: Canvas.fromCells(cells, input.maskTokenId), holeStart, holeAt, skeletonStart: input.promptIds.length };
}

/** Sets the absorbed text of a hole; committed tokens are rewritten when it changed (repair after regrowth). */
function applyHealing(hole: Hole, prefix: string, suffix: string, input: LayoutInput): void {
  if (hole.prefixText === prefix && hole.suffixText === suffix && hole.automaton === healedAutomaton(hole.body, prefix, suffix)) return;
  const hadTokens = hole.tokens.length > 0;
  const value = hadTokens ? holeValueText(hole, input.padTokenId, input.lifter) : '';
  const ended = hole.ended;
  hole.prefixText = prefix;
  hole.suffixText = suffix;
  hole.automaton = healedAutomaton(hole.body, prefix, suffix);
  hole.state = hole.automaton.start;
  if (!hadTokens) return;
  const tokens = input.encodeValue(prefix, value, suffix);
  let state: unknown = hole.automaton.start;
  for (const token of tokens) state = state === undefined ? undefined : input.lifter.stepToken(hole.automaton, state, token);
  if (state === undefined) {
    hole.tokens = [];
    hole.confidences = [];
    hole.ended = false;
    return;
  }
  // A copy: `encode` returns its cached array, and a pad may be pushed onto the hole's tokens below.
  hole.tokens = [...tokens];
  hole.confidences = tokens.map(() => Number.NaN);
  hole.state = state;
  hole.ended = false;
  if (ended && hole.automaton.accepts(state)) {
    hole.budget = Math.max(hole.budget, tokens.length + 1);
    hole.tokens.push(input.padTokenId);
    hole.confidences.push(Number.NaN);
    hole.ended = true;
  } else hole.budget = Math.max(hole.budget, tokens.length);
}

/** The value a hole wrote, without the literal text it absorbed and without pads. */
export function holeValueText(hole: Hole, padTokenId: number, lifter: TokenLifter): string {
  const text = lifter.index.textOf(hole.tokens.filter((token) => token !== padTokenId));
  const start = text.startsWith(hole.prefixText) ? hole.prefixText.length : 0;
  const end = hole.suffixText !== '' && text.endsWith(hole.suffixText) ? text.length - hole.suffixText.length : text.length;
  return text.slice(start, Math.max(start, end));
}
