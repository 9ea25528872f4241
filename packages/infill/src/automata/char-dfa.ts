import { ANY_CHAR, complement as complementSet, MAX_CODE_POINT, type CharSet } from './char-set.js';
import { parseRegex, RegexUnsupportedError, type RegexNode } from './regex-parser.js';

/**
 * A deterministic automaton over Unicode code points. `edges[state]` is a flat list of `[lo, hi, to]` triples,
 * sorted and disjoint. After `trim`, every state is live (reaches acceptance) and edges to dead states are gone.
 */
export interface CharDfa {
  readonly start: number;
  readonly accepting: Uint8Array;
  readonly edges: readonly Int32Array[];
}

const MAX_NFA_STATES = 20_000;
const MAX_DFA_STATES = 20_000;

// ---------------------------------------------------------------- NFA (Thompson)

interface Nfa {
  eps: number[][];
  edges: { set: CharSet; to: number }[][];
}

function newState(nfa: Nfa): number {
  if (nfa.eps.length >= MAX_NFA_STATES) throw new RegexUnsupportedError('a pattern whose automaton is too large (more than 20,000 states)');
  nfa.eps.push([]);
  nfa.edges.push([]);
  return nfa.eps.length - 1;
}

function buildFragment(nfa: Nfa, node: RegexNode): { start: number; end: number } {
  const start = newState(nfa);
  const end = newState(nfa);
  switch (node.type) {
    case 'empty':
      nfa.eps[start]?.push(end);
      break;
    case 'chars':
      if (node.set.length > 0) nfa.edges[start]?.push({ set: node.set, to: end });
      break;
    case 'concat': {
      let current = start;
      for (const item of node.items) {
        const fragment = buildFragment(nfa, item);
        nfa.eps[current]?.push(fragment.start);
        current = fragment.end;
      }
      nfa.eps[current]?.push(end);
      break;
    }
    case 'alt':
      for (const item of node.items) {
        const fragment = buildFragment(nfa, item);
        nfa.eps[start]?.push(fragment.start);
        nfa.eps[fragment.end]?.push(end);
      }
      break;
    case 'repeat': {
      let current = start;
      for (let copy = 0; copy < node.min; copy++) {
        const fragment = buildFragment(nfa, node.item);
        nfa.eps[current]?.push(fragment.start);
        current = fragment.end;
      }
      if (node.max === Infinity) {
        const fragment = buildFragment(nfa, node.item);
        nfa.eps[current]?.push(fragment.start, end);
        nfa.eps[fragment.end]?.push(fragment.start, end);
      } else {
        for (let copy = node.min; copy < node.max; copy++) {
          const fragment = buildFragment(nfa, node.item);
          nfa.eps[current]?.push(fragment.start, end);
          current = fragment.end;
        }
        nfa.eps[current]?.push(end);
      }
      break;
    }
    case 'start':
    case 'end':
      throw new RegexUnsupportedError('an anchor (^ or $) that is not at the start or end of the pattern');
    case 'lookahead':
      throw new RegexUnsupportedError('a lookahead that is not at the start of an anchored pattern');
  }
  return { start, end };
}

function closure(nfa: Nfa, states: Iterable<number>): number[] {
  const seen = new Set<number>();
  const stack = [...states];
  while (stack.length > 0) {
    const state = stack.pop() as number;
    if (seen.has(state)) continue;
    seen.add(state);
    for (const next of nfa.eps[state] ?? []) stack.push(next);
  }
  return [...seen].sort((a, b) => a - b);
}

/** Subset construction. */
function determinize(nfa: Nfa, start: number, accept: number): CharDfa {
  const ids = new Map<string, number>();
  const sets: number[][] = [];
  const accepting: number[] = [];
  const edges: Int32Array[] = [];
  const intern = (set: number[]): number => {
    const key = set.join(',');
    let id = ids.get(key);
    if (id === undefined) {
      if (sets.length >= MAX_DFA_STATES) throw new RegexUnsupportedError('a pattern whose automaton is too large (more than 20,000 states)');
      id = sets.length;
      ids.set(key, id);
      sets.push(set);
      accepting.push(set.includes(accept) ? 1 : 0);
    }
    return id;
  };
  intern(closure(nfa, [start]));
  for (let id = 0; id < sets.length; id++) {
    const outgoing: { set: CharSet; to: number }[] = [];
    for (const state of sets[id] as number[]) for (const edge of nfa.edges[state] ?? []) outgoing.push(edge);
    const triples: number[] = [];
    for (const [lo, hi, targets] of partition(outgoing)) {
      const target = intern(closure(nfa, targets));
      appendTriple(triples, lo, hi, target);
    }
    edges[id] = Int32Array.from(triples);
  }
  return { start: 0, accepting: Uint8Array.from(accepting), edges };
}

/** Splits overlapping labelled sets into disjoint intervals, each with the targets of every set covering it. */
function partition(outgoing: readonly { set: CharSet; to: number }[]): [number, number, number[]][] {
  if (outgoing.length === 0) return [];
  const points = new Set<number>();
  for (const { set } of outgoing) {
    for (let i = 0; i < set.length; i += 2) {
      points.add(set[i] as number);
      points.add((set[i + 1] as number) + 1);
    }
  }
  const bounds = [...points].sort((a, b) => a - b);
  // Sweep: for each elementary interval, which edges cover it. Each edge's ranges are walked with a cursor.
  const cursors = outgoing.map(() => 0);
  const result: [number, number, number[]][] = [];
  for (let b = 0; b + 1 < bounds.length; b++) {
    const lo = bounds[b] as number;
    const hi = (bounds[b + 1] as number) - 1;
    const targets: number[] = [];
    outgoing.forEach(({ set, to }, index) => {
      let cursor = cursors[index] as number;
      while (cursor < set.length && (set[cursor + 1] as number) < lo) cursor += 2;
      cursors[index] = cursor;
      if (cursor < set.length && (set[cursor] as number) <= lo) targets.push(to);
    });
    if (targets.length > 0) result.push([lo, hi, targets]);
  }
  return result;
}

function appendTriple(triples: number[], lo: number, hi: number, to: number): void {
  const n = triples.length;
  if (n > 0 && triples[n - 1] === to && (triples[n - 2] as number) + 1 === lo) triples[n - 2] = hi;
  else triples.push(lo, hi, to);
}

function fromRegexNode(node: RegexNode): CharDfa {
  const nfa: Nfa = { eps: [], edges: [] };
  const fragment = buildFragment(nfa, node);
  return determinize(nfa, fragment.start, fragment.end);
}

// ---------------------------------------------------------------- operations

/** Product of two DFAs; `combine` decides acceptance (and: intersection, or: union). */
export function product(a: CharDfa, b: CharDfa, combine: (x: boolean, y: boolean) => boolean, completeBoth = false): CharDfa {
  const left = completeBoth ? complete(a) : a;
  const right = completeBoth ? complete(b) : b;
  const ids = new Map<number, number>();
  const pairs: [number, number][] = [];
  const accepting: number[] = [];
  const edges: Int32Array[] = [];
  const width = right.edges.length + 1;
  const intern = (x: number, y: number): number => {
    const key = x * width + y;
    let id = ids.get(key);
    if (id === undefined) {
      if (pairs.length >= MAX_DFA_STATES) throw new RegexUnsupportedError('a combination of pattern, format and length whose automaton is too large');
      id = pairs.length;
      ids.set(key, id);
      pairs.push([x, y]);
      accepting.push(combine(left.accepting[x] === 1, right.accepting[y] === 1) ? 1 : 0);
    }
    return id;
  };
  intern(left.start, right.start);
  for (let id = 0; id < pairs.length; id++) {
    const [x, y] = pairs[id] as [number, number];
    const ex = left.edges[x] as Int32Array;
    const ey = right.edges[y] as Int32Array;
    const triples: number[] = [];
    let i = 0;
    let j = 0;
    while (i < ex.length && j < ey.length) {
      const lo = Math.max(ex[i] as number, ey[j] as number);
      const hi = Math.min(ex[i + 1] as number, ey[j + 1] as number);
      if (lo <= hi) appendTriple(triples, lo, hi, intern(ex[i + 2] as number, ey[j + 2] as number));
      if ((ex[i + 1] as number) < (ey[j + 1] as number)) i += 3;
      else j += 3;
    }
    edges[id] = Int32Array.from(triples);
  }
  return trim({ start: 0, accepting: Uint8Array.from(accepting), edges });
}

/** Adds a sink so that every state has an edge for every code point. */
function complete(dfa: CharDfa): CharDfa {
  const sink = dfa.edges.length;
  const edges = dfa.edges.map((triples) => {
    const out: number[] = [];
    let next = 0;
    for (let i = 0; i < triples.length; i += 3) {
      if ((triples[i] as number) > next) out.push(next, (triples[i] as number) - 1, sink);
      out.push(triples[i] as number, triples[i + 1] as number, triples[i + 2] as number);
      next = (triples[i + 1] as number) + 1;
    }
    if (next <= MAX_CODE_POINT) out.push(next, MAX_CODE_POINT, sink);
    return Int32Array.from(out);
  });
  edges.push(Int32Array.from([0, MAX_CODE_POINT, sink]));
  const accepting = new Uint8Array(sink + 1);
  accepting.set(dfa.accepting);
  return { start: dfa.start, accepting, edges };
}

export function complementDfa(dfa: CharDfa): CharDfa {
  const full = complete(dfa);
  const accepting = full.accepting.map((flag) => (flag === 1 ? 0 : 1));
  return trim({ start: full.start, accepting, edges: full.edges });
}

export function intersectDfa(a: CharDfa, b: CharDfa): CharDfa {
  return product(a, b, (x, y) => x && y);
}

export function unionDfa(a: CharDfa, b: CharDfa): CharDfa {
  return product(a, b, (x, y) => x || y, true);
}

/** Strings whose length in code points lies in [min, max] (max undefined: unbounded). */
export function lengthDfa(min: number, max: number | undefined): CharDfa {
  const cap = max ?? min;
  const edges: Int32Array[] = [];
  const accepting = new Uint8Array(cap + 1);
  for (let count = 0; count <= cap; count++) {
    accepting[count] = count >= min && (max === undefined || count <= max) ? 1 : 0;
    if (count < cap) edges.push(Int32Array.from([0, MAX_CODE_POINT, count + 1]));
    else edges.push(max === undefined ? Int32Array.from([0, MAX_CODE_POINT, count]) : new Int32Array(0));
  }
  return { start: 0, accepting, edges };
}

/** Any string over `set`. */
export function starDfa(set: CharSet): CharDfa {
  const triples: number[] = [];
  for (let i = 0; i < set.length; i += 2) triples.push(set[i] as number, set[i + 1] as number, 0);
  return { start: 0, accepting: Uint8Array.from([1]), edges: [Int32Array.from(triples)] };
}

/** Removes dead and unreachable states; the start state is kept (it may be dead: the language is empty). */
export function trim(dfa: CharDfa): CharDfa {
  const count = dfa.edges.length;
  const reverse: number[][] = Array.from({ length: count }, () => []);
  dfa.edges.forEach((triples, from) => {
    for (let i = 2; i < triples.length; i += 3) reverse[triples[i] as number]?.push(from);
  });
  const live = new Uint8Array(count);
  const stack: number[] = [];
  for (let state = 0; state < count; state++) if (dfa.accepting[state] === 1) {
    live[state] = 1;
    stack.push(state);
  }
  while (stack.length > 0) {
    const state = stack.pop() as number;
    for (const from of reverse[state] ?? []) if (live[from] === 0) {
      live[from] = 1;
      stack.push(from);
    }
  }
  // Renumber the live states reachable from the start.
  const ids = new Map<number, number>();
  const order: number[] = [];
  const visit = (state: number): number => {
    let id = ids.get(state);
    if (id === undefined) {
      id = order.length;
      ids.set(state, id);
      order.push(state);
    }
    return id;
  };
  visit(dfa.start);
  const edges: Int32Array[] = [];
  const accepting: number[] = [];
  for (let index = 0; index < order.length; index++) {
    const state = order[index] as number;
    accepting.push(dfa.accepting[state] as number);
    const triples = dfa.edges[state] as Int32Array;
    const out: number[] = [];
    if (live[state] === 1) {
      for (let i = 0; i < triples.length; i += 3) {
        const to = triples[i + 2] as number;
        if (live[to] === 1) out.push(triples[i] as number, triples[i + 1] as number, visit(to));
      }
    }
    edges.push(Int32Array.from(out));
  }
  return { start: 0, accepting: Uint8Array.from(accepting), edges };
}

export function isEmptyLanguage(dfa: CharDfa): boolean {
  return dfa.accepting[dfa.start] !== 1 && (dfa.edges[dfa.start] as Int32Array).length === 0;
}

/** The state after `codePoint`, or -1. */
export function dfaStep(dfa: CharDfa, state: number, codePoint: number): number {
  const triples = dfa.edges[state] as Int32Array;
  let lo = 0;
  let hi = triples.length / 3 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (codePoint < (triples[3 * mid] as number)) hi = mid - 1;
    else if (codePoint > (triples[3 * mid + 1] as number)) lo = mid + 1;
    else return triples[3 * mid + 2] as number;
  }
  return -1;
}

/** Whether `text` is in the language (for tests and checks). */
export function dfaMatches(dfa: CharDfa, text: string): boolean {
  let state = dfa.start;
  for (const char of text) {
    state = dfaStep(dfa, state, char.codePointAt(0) as number);
    if (state < 0) return false;
  }
  return dfa.accepting[state] === 1;
}

// ---------------------------------------------------------------- patterns

/**
 * The language of a JSON Schema `pattern`: strings in which the regular expression finds a match (patterns
 * are not implicitly anchored). Anchors are supported at the start and end of top-level alternatives, and
 * lookaheads right after a leading `^`.
 */
export function patternDfa(pattern: string): CharDfa {
  const tree = parseRegex(pattern);
  const alternatives = tree.type === 'alt' ? tree.items : [tree];
  let result: CharDfa | undefined;
  for (const alternative of alternatives) {
    const dfa = alternativeDfa(alternative);
    result = result === undefined ? dfa : unionDfa(result, dfa);
  }
  return trim(result as CharDfa);
}

function alternativeDfa(node: RegexNode): CharDfa {
  const items = node.type === 'concat' ? [...node.items] : [node];
  let anchoredStart = false;
  let anchoredEnd = false;
  if (items[0]?.type === 'start') {
    anchoredStart = true;
    items.shift();
  }
  const lookaheads: { negative: boolean; item: RegexNode }[] = [];
  while (anchoredStart && items[0]?.type === 'lookahead') {
    const lookahead = items.shift() as { negative: boolean; item: RegexNode };
    lookaheads.push(lookahead);
  }
  if (items.at(-1)?.type === 'end') {
    anchoredEnd = true;
    items.pop();
  }
  const any: RegexNode = { type: 'repeat', item: { type: 'chars', set: ANY_CHAR }, min: 0, max: Infinity };
  const body: RegexNode[] = [...(anchoredStart ? [] : [any]), ...items, ...(anchoredEnd ? [] : [any])];
  let dfa = trim(fromRegexNode({ type: 'concat', items: body }));
  for (const lookahead of lookaheads) {
    const inner = lookahead.item.type === 'concat' ? [...lookahead.item.items] : [lookahead.item];
    const innerAnchoredEnd = inner.at(-1)?.type === 'end';
    if (innerAnchoredEnd) inner.pop();
    const language = trim(fromRegexNode({ type: 'concat', items: [...inner, ...(innerAnchoredEnd ? [] : [any])] }));
    dfa = intersectDfa(dfa, lookahead.negative ? complementDfa(language) : language);
  }
  return dfa;
}

export { complementSet };
