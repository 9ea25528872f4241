import { describe, expect, it } from 'vitest';
import { chooseWholeFill } from './whole-fill-choice.js';

// Two labels, [1, 2] and [3, 4], in a hole of three positions (pad 0 after either); states are the last token.
const NEXT: Readonly<Record<string, readonly number[]>> = { start: [1, 3], 1: [2], 3: [4], 2: [0], 4: [0] };
const row = (logits: Readonly<Record<number, number>>): Float32Array => Float32Array.from({ length: 5 }, (_, token) => logits[token] ?? -5);
const choose = (rows: Float32Array[]): number => choice(rows).token;
const choice = (rows: Float32Array[]) =>
  chooseWholeFill({
    rows,
    state: 'start',
    allowed: (state) => Int32Array.from(NEXT[String(state)] ?? []),
    step: (_state, token) => token,
    padTokenId: 0,
  });

describe('chooseWholeFill', () => {
  it('picks the label all positions vote for, not the one the first token favours', () => {
    expect(choose([row({ 1: 1, 3: 0.8 }), row({ 2: -3, 4: 2 }), row({ 0: 3 })])).toBe(3);
    expect(choose([row({ 1: 1, 3: 0.8 }), row({ 2: 2, 4: -3 }), row({ 0: 3 })])).toBe(1);
  });

  it('scores the pads after a label: a label that cannot end where the model ends loses', () => {
    const labels: Readonly<Record<string, readonly number[]>> = { start: [1, 3], 1: [0], 3: [4], 4: [0] };
    const rows = [row({ 1: 1, 3: 1 }), row({ 0: -4, 4: 3 }), row({ 0: 3 })];
    expect(chooseWholeFill({ rows, state: 'start', allowed: (state) => Int32Array.from(labels[String(state)] ?? []), step: (_state, token) => token, padTokenId: 0 }).token).toBe(3);
  });

  it('returns -1 when no label fits in the rows', () => {
    expect(chooseWholeFill({ rows: [row({})], state: 'start', allowed: () => new Int32Array(0), step: () => undefined, padTokenId: 0 })).toEqual({ token: -1, probability: 0 });
  });

  it("gives the choice's probability among the fills, not the frontier row's", () => {
    // The frontier's row gives token 3 a third of what it gives the allowed tokens (e^0.3 against e^1); through all
    // three rows, its label outscores the other by (0.3 + 2) - (1 - 3) = 4.3 nats.
    expect(choice([row({ 1: 1, 3: 0.3 }), row({ 2: -3, 4: 2 }), row({ 0: 3 })])).toEqual({ token: 3, probability: expect.closeTo(1 / (1 + Math.exp(-4.3)), 6) });
  });
});
