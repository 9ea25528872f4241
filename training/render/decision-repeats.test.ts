import { describe, expect, it } from 'vitest';
import type { DecisionCanvas } from '../../packages/infill/src/index.js';
import { decisionCopies, parseDecisionRepeats } from './render-dataset.js';

/** A decision canvas with the given holes, each one position long, decision holes marked as such. */
function canvasWith(holes: { kind: 'value' | 'count' | 'branch' | 'presence'; decision: boolean }[]): DecisionCanvas {
  return {
    inputIds: holes.map(() => 5),
    roles: holes.map(() => 2),
    decisionMask: holes.map((hole) => hole.decision),
    promptLength: 0,
    holes: holes.map((hole, start) => ({ jsonPath: `$[${start}]`, kind: hole.kind, start, length: 1 })),
  };
}

describe('--decision-repeats', () => {
  it('parses kind=number pairs and refuses anything else', () => {
    expect(parseDecisionRepeats('branch=2.5, count=0.25')).toEqual({ branch: 2.5, count: 0.25 });
    expect(parseDecisionRepeats('')).toEqual({});
    expect(() => parseDecisionRepeats('tool=2')).toThrow(/"tool=2" is not kind=number/);
    expect(() => parseDecisionRepeats('branch=-1')).toThrow(RangeError);
    expect(() => parseDecisionRepeats('branch')).toThrow(RangeError);
  });

  it("writes a canvas as many times as the largest repeat of its decision holes' kinds, value holes aside", () => {
    const round = canvasWith([{ kind: 'branch', decision: true }, { kind: 'presence', decision: true }, { kind: 'value', decision: false }]);
    expect(decisionCopies('example', 1, round, { branch: 3, presence: 2 })).toBe(3);
    expect(decisionCopies('example', 1, round, {})).toBe(1);
    // A count hole that is not this round's decision does not count.
    const toolRound = canvasWith([{ kind: 'count', decision: false }, { kind: 'branch', decision: true }]);
    expect(decisionCopies('example', 1, toolRound, { count: 0, branch: 2 })).toBe(2);
  });

  it('draws the fraction per example and round, reproducibly, at about its share', () => {
    const countRound = canvasWith([{ kind: 'count', decision: true }]);
    const copies = Array.from({ length: 4000 }, (_, index) => decisionCopies(`example-${index}`, 0, countRound, { count: 1.25 }));
    expect(new Set(copies)).toEqual(new Set([1, 2]));
    const extra = copies.filter((count) => count === 2).length / copies.length;
    expect(extra).toBeGreaterThan(0.22);
    expect(extra).toBeLessThan(0.28);
    expect(copies).toEqual(Array.from({ length: 4000 }, (_, index) => decisionCopies(`example-${index}`, 0, countRound, { count: 1.25 })));
    expect(decisionCopies('example', 0, countRound, { count: 0 })).toBe(0);
  });
});
