import { describe, expect, it } from 'vitest';
import { bestLabelFirstToken } from './label-choice.js';

// Two labels, [1, 2] and [3, 4], in a hole of three positions (pad 0 after either); states are the last token.
const NEXT: Readonly<Record<string, readonly number[]>> = { start: [1, 3], 1: [2], 3: [4], 2: [0], 4: [0] };
const row = (logits: Readonly<Record<number, number>>): Float32Array => Float32Array.from({ length: 5 }, (_, token) => logits[token] ?? -5);
const choose = (rows: Float32Array[]): number =>
  bestLabelFirstToken({
    rows,
    state: 'start',
    allowed: (state) => Int32Array.from(NEXT[String(state)] ?? []),
    step: (_state, token) => token,
    padTokenId: 0,
  });

describe('bestLabelFirstToken', () => {
  it('picks the label all positions vote for, not the one the first token favours', () => {
    expect(choose([row({ 1: 1, 3: 0.8 }), row({ 2: -3, 4: 2 }), row({ 0: 3 })])).toBe(3);
    expect(choose([row({ 1: 1, 3: 0.8 }), row({ 2: 2, 4: -3 }), row({ 0: 3 })])).toBe(1);
  });

  it('scores the pads after a label: a label that cannot end where the model ends loses', () => {
    const labels: Readonly<Record<string, readonly number[]>> = { start: [1, 3], 1: [0], 3: [4], 4: [0] };
    const rows = [row({ 1: 1, 3: 1 }), row({ 0: -4, 4: 3 }), row({ 0: 3 })];
    expect(bestLabelFirstToken({ rows, state: 'start', allowed: (state) => Int32Array.from(labels[String(state)] ?? []), step: (_state, token) => token, padTokenId: 0 })).toBe(3);
  });

  it('returns -1 when no label fits in the rows', () => {
    expect(bestLabelFirstToken({ rows: [row({})], state: 'start', allowed: () => new Int32Array(0), step: () => undefined, padTokenId: 0 })).toBe(-1);
  });
});
