import type { ByteAutomaton } from './byte-automaton.js';
import { dfaStep, type CharDfa } from './char-dfa.js';

/**
 * How characters are written: `json` inside a JSON string (quote, backslash and control characters only as
 * escapes), `raw` in free text (template holes: no escapes, no control characters but tab and newline).
 */
export type StringEscaping = 'json' | 'raw';

const NORMAL = 0;
const ESCAPE = 1;
const HEX = 2;
const UTF8 = 3;

/**
 * The state of a string walk. `mode` says whether a character is in progress (escape, \u digits, UTF-8
 * continuation bytes); `dfa` is the state of the character automaton after the last complete character.
 */
export interface StringState {
  readonly mode: number;
  readonly dfa: number;
  /** Bits of the character in progress. */
  readonly acc: number;
  /** \u digits read, or UTF-8 continuation bytes still expected. */
  readonly count: number;
  /** Allowed range of the next UTF-8 continuation byte. */
  readonly nextLo: number;
  readonly nextHi: number;
}

const SIMPLE_ESCAPES = new Map<number, number>([
  [0x22, 0x22],
  [0x5c, 0x5c],
  [0x2f, 0x2f],
  [0x62, 0x08],
  [0x66, 0x0c],
  [0x6e, 0x0a],
  [0x72, 0x0d],
  [0x74, 0x09],
]);

/**
 * The body of a string (without its quotes) whose decoded characters are accepted by a character DFA (the
 * product of pattern, format and length constraints). Walks UTF-8 bytes and JSON escapes exactly, so the
 * decoded value is what the DFA checked.
 */
export class StringBodyAutomaton implements ByteAutomaton<StringState> {
  readonly name: string;
  readonly start: StringState;
  readonly acyclic = false;
  readonly dfa: CharDfa;
  readonly escaping: StringEscaping;
  /** Minimal bytes from each DFA state to acceptance. */
  private readonly distances: Float64Array;
  private readonly live: Uint8Array;

  constructor(dfa: CharDfa, escaping: StringEscaping, name = 'string') {
    this.dfa = dfa;
    this.escaping = escaping;
    this.name = name;
    this.distances = byteDistances(dfa, escaping);
    this.live = Uint8Array.from(this.distances, (distance) => (Number.isFinite(distance) ? 1 : 0));
    this.start = { mode: NORMAL, dfa: dfa.start, acc: 0, count: 0, nextLo: 0, nextHi: 0 };
  }

  /** Whether the language holds any string at all. */
  get satisfiable(): boolean {
    return Number.isFinite(this.distances[this.dfa.start] as number);
  }

  step(state: StringState, byte: number): StringState | undefined {
    switch (state.mode) {
      case NORMAL:
        return this.stepNormal(state, byte);
      case ESCAPE: {
        const char = SIMPLE_ESCAPES.get(byte);
        if (char !== undefined) return this.completeChar(state.dfa, char);
        if (byte !== 0x75) return undefined;
        const next: StringState = { mode: HEX, dfa: state.dfa, acc: 0, count: 0, nextLo: 0, nextHi: 0 };
        return this.partialLive(next) ? next : undefined;
      }
      case HEX: {
        const digit = hexValue(byte);
        if (digit < 0) return undefined;
        const acc = state.acc * 16 + digit;
        if (state.count === 3) {
          if (acc >= 0xd800 && acc <= 0xdfff) return undefined;
          return this.completeChar(state.dfa, acc);
        }
        const next: StringState = { mode: HEX, dfa: state.dfa, acc, count: state.count + 1, nextLo: 0, nextHi: 0 };
        return this.partialLive(next) ? next : undefined;
      }
      default: {
        if (byte < state.nextLo || byte > state.nextHi) return undefined;
        const acc = (state.acc << 6) | (byte & 0x3f);
        if (state.count === 1) return this.completeChar(state.dfa, acc);
        const next: StringState = { mode: UTF8, dfa: state.dfa, acc, count: state.count - 1, nextLo: 0x80, nextHi: 0xbf };
        return this.partialLive(next) ? next : undefined;
      }
    }
  }

  private stepNormal(state: StringState, byte: number): StringState | undefined {
    if (byte < 0x80) {
      if (this.escaping === 'json') {
        if (byte === 0x22 || byte < 0x20) return undefined;
        if (byte === 0x5c) {
          const next: StringState = { mode: ESCAPE, dfa: state.dfa, acc: 0, count: 0, nextLo: 0, nextHi: 0 };
          return this.partialLive(next) ? next : undefined;
        }
      } else if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a) return undefined;
      return this.completeChar(state.dfa, byte);
    }
    let count: number;
    let acc: number;
    let nextLo = 0x80;
    let nextHi = 0xbf;
    if (byte >= 0xc2 && byte <= 0xdf) {
      count = 1;
      acc = byte & 0x1f;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      count = 2;
      acc = byte & 0x0f;
      if (byte === 0xe0) nextLo = 0xa0;
      if (byte === 0xed) nextHi = 0x9f;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      count = 3;
      acc = byte & 0x07;
      if (byte === 0xf0) nextLo = 0x90;
      if (byte === 0xf4) nextHi = 0x8f;
    } else return undefined;
    const next: StringState = { mode: UTF8, dfa: state.dfa, acc, count, nextLo, nextHi };
    return this.partialLive(next) ? next : undefined;
  }

  private completeChar(dfaState: number, codePoint: number): StringState | undefined {
    const next = dfaStep(this.dfa, dfaState, codePoint);
    if (next < 0 || this.live[next] !== 1) return undefined;
    return { mode: NORMAL, dfa: next, acc: 0, count: 0, nextLo: 0, nextHi: 0 };
  }

  /** Code points a character in progress may still become, and the bytes it still needs. */
  private pending(state: StringState): { ranges: [number, number][]; bytes: number; escapeBytes?: number } {
    if (state.mode === ESCAPE) {
      // A simple escape (one more byte) or \uXXXX (five more bytes).
      return { ranges: [[0, 0xd7ff], [0xe000, 0xffff]], bytes: 5, escapeBytes: 1 };
    }
    if (state.mode === HEX) {
      const left = 4 - state.count;
      const lo = state.acc * 16 ** left;
      const hi = (state.acc + 1) * 16 ** left - 1;
      return { ranges: withoutSurrogates(lo, hi), bytes: left };
    }
    // The next byte is limited to [nextLo, nextHi] (no overlong forms, no surrogates, nothing past U+10FFFF).
    const shift = 6 * (state.count - 1);
    const lo = ((state.acc << 6) | (state.nextLo & 0x3f)) * 2 ** shift;
    const hi = (((state.acc << 6) | (state.nextHi & 0x3f)) + 1) * 2 ** shift - 1;
    return { ranges: withoutSurrogates(lo, Math.min(hi, 0x10ffff)), bytes: state.count };
  }

  private partialLive(state: StringState): boolean {
    return Number.isFinite(this.partialDistance(state));
  }

  private partialDistance(state: StringState): number {
    const { ranges, bytes, escapeBytes } = this.pending(state);
    const triples = this.dfa.edges[state.dfa] as Int32Array;
    let best = Infinity;
    for (let i = 0; i < triples.length; i += 3) {
      const lo = triples[i] as number;
      const hi = triples[i + 1] as number;
      const to = triples[i + 2] as number;
      const distance = this.distances[to] as number;
      if (!Number.isFinite(distance)) continue;
      for (const [from, until] of ranges) {
        if (lo <= until && hi >= from) best = Math.min(best, bytes + distance);
      }
      if (escapeBytes !== undefined) {
        for (const char of SIMPLE_ESCAPES.values()) if (char >= lo && char <= hi) best = Math.min(best, escapeBytes + distance);
      }
    }
    return best;
  }

  accepts(state: StringState): boolean {
    return state.mode === NORMAL && this.dfa.accepting[state.dfa] === 1;
  }

  distance(state: StringState): number {
    return state.mode === NORMAL ? (this.distances[state.dfa] as number) : this.partialDistance(state);
  }

  key(state: StringState): string {
    if (state.mode === NORMAL) return String(state.dfa);
    if (state.mode === UTF8 || (state.mode === HEX && !this.touchesSurrogates(state))) {
      // A character in progress whose every completion leads to the same DFA state has the same future whatever
      // its bits so far: the key drops them (random byte-level tokens would otherwise make endless new states).
      const target = this.uniformTarget(state);
      if (target !== undefined) return `u${target}.${state.mode}.${state.count}.${state.nextLo}.${state.nextHi}`;
    }
    return `${state.dfa}.${state.mode}.${state.acc}.${state.count}.${state.nextLo}.${state.nextHi}`;
  }

  private touchesSurrogates(state: StringState): boolean {
    const left = 4 - state.count;
    const lo = state.acc * 16 ** left;
    const hi = (state.acc + 1) * 16 ** left - 1;
    return lo <= 0xdfff && hi >= 0xd800;
  }

  /** The one DFA state every completion of a character in progress leads to, if there is one. */
  private uniformTarget(state: StringState): number | undefined {
    const { ranges } = this.pending(state);
    const triples = this.dfa.edges[state.dfa] as Int32Array;
    let target: number | undefined;
    for (const [from, until] of ranges) {
      let covered = from;
      for (let i = 0; i < triples.length && covered <= until; i += 3) {
        const lo = triples[i] as number;
        const hi = triples[i + 1] as number;
        if (hi < covered) continue;
        if (lo > covered) return undefined;
        const to = triples[i + 2] as number;
        if (target !== undefined && to !== target) return undefined;
        target = to;
        covered = hi + 1;
      }
      if (covered <= until) return undefined;
    }
    return target;
  }
}

function withoutSurrogates(lo: number, hi: number): [number, number][] {
  const out: [number, number][] = [];
  if (lo <= Math.min(hi, 0xd7ff)) out.push([lo, Math.min(hi, 0xd7ff)]);
  if (Math.max(lo, 0xe000) <= hi) out.push([Math.max(lo, 0xe000), hi]);
  return out;
}

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x41 + 10;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x61 + 10;
  return -1;
}

/** Fewest bytes needed to write some character of [lo, hi]; Infinity when none can be written. */
export function minimumCharBytes(lo: number, hi: number, escaping: StringEscaping): number {
  const overlaps = (from: number, until: number): boolean => lo <= until && hi >= from;
  let best = Infinity;
  if (escaping === 'json') {
    if (overlaps(0x20, 0x21) || overlaps(0x23, 0x5b) || overlaps(0x5d, 0x7f)) return 1;
    if (overlaps(0x22, 0x22) || overlaps(0x5c, 0x5c)) best = 2;
    for (const control of [0x08, 0x09, 0x0a, 0x0c, 0x0d]) if (overlaps(control, control)) best = Math.min(best, 2);
    if (overlaps(0x00, 0x1f)) best = Math.min(best, 6);
  } else {
    if (overlaps(0x20, 0x7f) || overlaps(0x09, 0x0a)) return 1;
  }
  if (overlaps(0x80, 0x7ff)) best = Math.min(best, 2);
  if (overlaps(0x800, 0xd7ff) || overlaps(0xe000, 0xffff)) best = Math.min(best, 3);
  if (overlaps(0x10000, 0x10ffff)) best = Math.min(best, 4);
  return best;
}

/** Dijkstra from the accepting states over reversed edges, weighted by the cheapest encoding of each edge. */
function byteDistances(dfa: CharDfa, escaping: StringEscaping): Float64Array {
  const count = dfa.edges.length;
  const reverse: { from: number; cost: number }[][] = Array.from({ length: count }, () => []);
  dfa.edges.forEach((triples, from) => {
    for (let i = 0; i < triples.length; i += 3) {
      const cost = minimumCharBytes(triples[i] as number, triples[i + 1] as number, escaping);
      if (Number.isFinite(cost)) reverse[triples[i + 2] as number]?.push({ from, cost });
    }
  });
  const distance = new Float64Array(count).fill(Infinity);
  // Costs are at most 6: a bucket queue.
  const buckets: number[][] = [];
  for (let state = 0; state < count; state++) if (dfa.accepting[state] === 1) {
    distance[state] = 0;
    (buckets[0] ??= []).push(state);
  }
  for (let d = 0; d < buckets.length; d++) {
    for (const state of buckets[d] ?? []) {
      if ((distance[state] as number) !== d) continue;
      for (const { from, cost } of reverse[state] ?? []) {
        const candidate = d + cost;
        if (candidate < (distance[from] as number)) {
          distance[from] = candidate;
          (buckets[candidate] ??= []).push(from);
        }
      }
    }
  }
  return distance;
}
