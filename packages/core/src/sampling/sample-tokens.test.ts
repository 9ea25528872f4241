/**
 * sampleCandidates: constraints, temperature sampling, top-k / top-p, and the confidence signals, checked
 * against plain float64 computations.
 */
import { describe, expect, it } from 'vitest';
import { Canvas } from '../canvas/canvas.js';
import { allowTokens, maskLogits, type TokenConstraint } from '../canvas/token-constraint.js';
import { LacunaCoreError } from '../errors/lacuna-core-error.js';
import type { PredictionRows } from '../predictor/predictor.js';
import { createRandomSource } from './random-source.js';
import { sampleCandidates, tokenProbability, type Candidates, type SamplingOptions } from './sample-tokens.js';

const MASK = 1_000_000;

/** A canvas of `count` masked positions, with the given constraint at each. */
function maskedCanvas(count: number, constraint?: TokenConstraint): Canvas {
  return Canvas.fromCells(
    Array.from({ length: count }, () => (constraint === undefined ? { state: 'masked' as const } : { state: 'masked' as const, constraint })),
    MASK,
  );
}

function rowsOf(rows: readonly (readonly number[])[]): PredictionRows {
  const vocabularySize = (rows[0] as readonly number[]).length;
  const data = new Float32Array(rows.length * vocabularySize);
  rows.forEach((row, index) => data.set(row, index * vocabularySize));
  return { data, rows: rows.length, vocabularySize };
}

/** Seeded normal logits, as float32 values. */
function randomRows(count: number, vocabularySize: number, seed: number, scale = 3): number[][] {
  const random = createRandomSource(seed);
  return Array.from({ length: count }, () =>
    Array.from({ length: vocabularySize }, () => Math.fround(scale * Math.sqrt(-2 * Math.log(random.nextOpen())) * Math.cos(2 * Math.PI * random.next()))),
  );
}

function sample(
  rows: readonly (readonly number[])[],
  options: { canvas?: Canvas; sampling?: SamplingOptions; seed?: number; margin?: boolean; entropy?: boolean } = {},
): Candidates {
  const canvas = options.canvas ?? maskedCanvas(rows.length);
  return sampleCandidates({
    rows: rowsOf(rows),
    positions: Array.from({ length: rows.length }, (_, index) => index),
    canvas,
    random: createRandomSource(options.seed ?? 0),
    signals: { margin: options.margin ?? true, entropy: options.entropy ?? true },
    ...(options.sampling === undefined ? {} : { sampling: options.sampling }),
  });
}

/** Softmax over `ids` of a row, in float64 and the obvious way. */
function softmaxOver(row: readonly number[], ids: readonly number[]): Map<number, number> {
  const max = Math.max(...ids.map((id) => row[id] as number));
  const weights = ids.map((id) => Math.exp((row[id] as number) - max));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return new Map(ids.map((id, index) => [id, (weights[index] as number) / total]));
}

function reference(row: readonly number[], ids: readonly number[], token: number) {
  const probabilities = softmaxOver(row, ids);
  const sorted = [...probabilities.values()].sort((a, b) => b - a);
  let entropy = 0;
  for (const probability of probabilities.values()) if (probability > 0) entropy -= probability * Math.log(probability);
  return { probability: probabilities.get(token) as number, margin: (sorted[0] as number) - (sorted[1] ?? 0), entropy };
}

function allIds(vocabularySize: number): number[] {
  return Array.from({ length: vocabularySize }, (_, index) => index);
}

function argmax(row: readonly number[], ids: readonly number[]): number {
  return ids.reduce((best, id) => ((row[id] as number) > (row[best] as number) ? id : best), ids[0] as number);
}

function errorOf(make: () => unknown): LacunaCoreError {
  try {
    make();
  } catch (error) {
    if (LacunaCoreError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('sampleCandidates at temperature 0', () => {
  it('takes the most likely token, the first one on ties (as torch.argmax)', () => {
    const candidates = sample([
      [0, 3, 1, 3],
      [5, 1, 1, 1],
      [-2, -1, -1, -3],
    ]);
    expect(Array.from(candidates.tokens)).toEqual([1, 0, 1]);
    expect(Array.from(candidates.positions)).toEqual([0, 1, 2]);
  });

  it('computes probability, margin and entropy as float64 softmax does, within 1e-6', () => {
    const rows = randomRows(24, 500, 7);
    const candidates = sample(rows);
    rows.forEach((row, index) => {
      const token = candidates.tokens[index] as number;
      expect(token).toBe(argmax(row, allIds(500)));
      const expected = reference(row, allIds(500), token);
      expect(Math.abs((candidates.probability[index] as number) - expected.probability)).toBeLessThan(1e-6);
      expect(Math.abs((candidates.margin?.[index] as number) - expected.margin)).toBeLessThan(1e-6);
      expect(Math.abs((candidates.entropy?.[index] as number) - expected.entropy)).toBeLessThan(1e-6);
    });
  });

  it('gives margin 0 to a tie for the top token and entropy log(n) to a flat row', () => {
    const candidates = sample([
      [2, 2, 0, -Infinity],
      [1, 1, 1, 1],
    ]);
    expect(candidates.margin?.[0]).toBeCloseTo(0, 12);
    expect(candidates.entropy?.[1]).toBeCloseTo(Math.log(4), 7);
    expect(candidates.probability[1]).toBeCloseTo(0.25, 7);
  });

  it('leaves margin and entropy out unless asked for', () => {
    const candidates = sample([[1, 2, 3]], { margin: false, entropy: false });
    expect(candidates.margin).toBeUndefined();
    expect(candidates.entropy).toBeUndefined();
  });
});

describe('sampleCandidates with constraints', () => {
  it('never yields a token outside an allowed-tokens set, and measures confidence within the set', () => {
    const allowed = [3, 17, 42, 99];
    const rows = randomRows(12, 120, 11);
    // Make a forbidden token by far the most likely everywhere.
    for (const row of rows) row[5] = 50;
    const canvas = maskedCanvas(rows.length, allowTokens(allowed));
    const greedy = sample(rows, { canvas });
    rows.forEach((row, index) => {
      const token = greedy.tokens[index] as number;
      expect(token).toBe(argmax(row, allowed));
      const expected = reference(row, allowed, token);
      expect(Math.abs((greedy.probability[index] as number) - expected.probability)).toBeLessThan(1e-6);
      expect(Math.abs((greedy.margin?.[index] as number) - expected.margin)).toBeLessThan(1e-6);
      expect(Math.abs((greedy.entropy?.[index] as number) - expected.entropy)).toBeLessThan(1e-6);
    });
    for (let seed = 0; seed < 30; seed++) {
      const hot = sample(rows, { canvas, seed, sampling: { temperature: 3 } });
      for (const token of hot.tokens) expect(allowed).toContain(token);
    }
  });

  it('never yields a token a logits-mask constraint forbids', () => {
    // Only even tokens allowed, and the constraint sees its position.
    const seenPositions: number[] = [];
    const evenOnly = maskLogits((logits, context) => {
      seenPositions.push(context.position);
      for (let token = 1; token < logits.length; token += 2) logits[token] = -Infinity;
    });
    const rows = randomRows(8, 64, 13);
    for (const row of rows) row[7] = 40;
    const canvas = maskedCanvas(rows.length, evenOnly);
    const greedy = sample(rows, { canvas });
    expect(seenPositions).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const evenIds = allIds(64).filter((id) => id % 2 === 0);
    rows.forEach((row, index) => {
      const token = greedy.tokens[index] as number;
      expect(token).toBe(argmax(row, evenIds));
      expect(Math.abs((greedy.probability[index] as number) - reference(row, evenIds, token).probability)).toBeLessThan(1e-6);
      expect(Math.abs((greedy.entropy?.[index] as number) - reference(row, evenIds, token).entropy)).toBeLessThan(1e-6);
    });
    for (let seed = 0; seed < 30; seed++) {
      for (const token of sample(rows, { canvas, seed, sampling: { temperature: 5, topP: 0.95 } }).tokens) expect(token % 2).toBe(0);
    }
  });

  it('throws NO_ALLOWED_TOKEN when a logits-mask forbids every token', () => {
    const canvas = maskedCanvas(3);
    canvas.setConstraint(2, maskLogits((logits) => logits.fill(-Infinity)));
    const error = errorOf(() =>
      sampleCandidates({ rows: rowsOf(randomRows(3, 10, 1)), positions: [0, 1, 2], canvas, random: createRandomSource(0), canvasIndex: 4 }),
    );
    expect(error.code).toBe('NO_ALLOWED_TOKEN');
    expect(error.position).toBe(2);
    expect(error.canvasIndex).toBe(4);
  });

  it('throws NO_ALLOWED_TOKEN when every allowed token has a logit of -Infinity', () => {
    const canvas = maskedCanvas(1, allowTokens([1, 2]));
    const row = [0.5, -Infinity, -Infinity, 0.7];
    expect(errorOf(() => sample([row], { canvas })).code).toBe('NO_ALLOWED_TOKEN');
  });
});

describe('sampleCandidates with temperature > 0', () => {
  const flatRows = randomRows(40, 30, 21, 0.5);

  it('is reproducible with the same seed', () => {
    const first = sample(flatRows, { seed: 5, sampling: { temperature: 1 } });
    const second = sample(flatRows, { seed: 5, sampling: { temperature: 1 } });
    expect(Array.from(second.tokens)).toEqual(Array.from(first.tokens));
    expect(Array.from(second.probability)).toEqual(Array.from(first.probability));
  });

  it('differs across seeds', () => {
    const draws = new Set(Array.from({ length: 6 }, (_, seed) => Array.from(sample(flatRows, { seed, sampling: { temperature: 1 } }).tokens).join(',')));
    expect(draws.size).toBe(6);
  });

  it('reports the probability of the drawn token at temperature 1, not of the argmax', () => {
    const candidates = sample(flatRows, { seed: 9, sampling: { temperature: 2 } });
    let differentFromArgmax = 0;
    flatRows.forEach((row, index) => {
      const token = candidates.tokens[index] as number;
      if (token !== argmax(row, allIds(30))) differentFromArgmax++;
      expect(Math.abs((candidates.probability[index] as number) - reference(row, allIds(30), token).probability)).toBeLessThan(1e-6);
    });
    expect(differentFromArgmax).toBeGreaterThan(0);
  });

  it('draws tokens with the softmax(logits / temperature) frequencies (Gumbel-max)', () => {
    const draws = 6000;
    const row = [0, Math.log(2), Math.log(4), -Infinity];
    const rows = Array.from({ length: draws }, () => row);
    for (const [temperature, expected] of [
      [1, [1 / 7, 2 / 7, 4 / 7]],
      [0.5, [1 / 21, 4 / 21, 16 / 21]],
    ] as const) {
      const tokens = sample(rows, { seed: 3, sampling: { temperature } }).tokens;
      const counts = [0, 0, 0, 0];
      for (const token of tokens) counts[token]!++;
      expect(counts[3]).toBe(0);
      expected.forEach((probability, token) => expect(Math.abs((counts[token] as number) / draws - probability)).toBeLessThan(0.025));
    }
  });
});

describe('sampleCandidates with top-k and top-p', () => {
  // Probabilities 0.4, 0.3, 0.2, 0.1 for tokens 2, 0, 3, 1.
  const row = [Math.log(0.3), Math.log(0.1), Math.log(0.4), Math.log(0.2)];
  const rows = Array.from({ length: 400 }, () => row);

  it('top-k only yields the k most likely tokens, and measures confidence among them', () => {
    const candidates = sample(rows, { seed: 1, sampling: { temperature: 10, topK: 2 } });
    const seen = new Set(candidates.tokens);
    expect([...seen].sort()).toEqual([0, 2]);
    candidates.tokens.forEach((token, index) => {
      expect(candidates.probability[index]).toBeCloseTo(token === 2 ? 0.4 / 0.7 : 0.3 / 0.7, 6);
    });
  });

  it('top-p keeps the smallest most-likely set whose probability exceeds p', () => {
    const nucleus = sample(rows, { seed: 2, sampling: { temperature: 10, topP: 0.5 } });
    expect([...new Set(nucleus.tokens)].sort()).toEqual([0, 2]);
    const wider = sample(rows, { seed: 2, sampling: { temperature: 10, topP: 0.75 } });
    expect([...new Set(wider.tokens)].sort()).toEqual([0, 2, 3]);
    const greedy = sample([row], { sampling: { topP: 0.1 } });
    expect(Array.from(greedy.tokens)).toEqual([2]);
    expect(greedy.probability[0]).toBeCloseTo(1, 6);
  });

  it('top-k and top-p together keep only what both allow, and never a constrained-out token', () => {
    const canvas = maskedCanvas(rows.length, allowTokens([0, 1, 3]));
    const candidates = sample(rows, { canvas, seed: 4, sampling: { temperature: 10, topK: 2, topP: 0.99 } });
    // Within {0, 1, 3} the probabilities are 0.5, 1/6, 1/3: top-2 is {0, 3}.
    expect([...new Set(candidates.tokens)].sort()).toEqual([0, 3]);
  });
});

describe('tokenProbability', () => {
  it('is the softmax probability of the token under the position constraint', () => {
    const row = [1, 2, 3, 0.5];
    const free = maskedCanvas(1);
    expect(tokenProbability({ row: Float32Array.from(row), token: 1, position: 0, canvas: free })).toBeCloseTo(reference(row, [0, 1, 2, 3], 1).probability, 7);
    const constrained = maskedCanvas(1, allowTokens([0, 1]));
    expect(tokenProbability({ row: Float32Array.from(row), token: 1, position: 0, canvas: constrained })).toBeCloseTo(reference(row, [0, 1], 1).probability, 7);
    const forbidding = maskedCanvas(1, maskLogits((logits) => (logits[1] = -Infinity)));
    expect(tokenProbability({ row: Float32Array.from(row), token: 1, position: 0, canvas: forbidding })).toBe(0);
  });
});
