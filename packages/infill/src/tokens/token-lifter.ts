import type { AnyByteAutomaton } from '../automata/byte-automaton.js';
import type { TokenIndex } from './token-index.js';

/** Every token that may follow a state, and the state after it. */
export interface TokenTransitions {
  readonly tokens: Int32Array;
  readonly next: readonly unknown[];
}

/**
 * Lifts byte automata to tokens: walks the vocabulary trie from a state, keeping the tokens whose bytes the
 * automaton accepts. Results are cached per automaton and state key, so a state is walked once per vocabulary.
 */
export class TokenLifter {
  readonly index: TokenIndex;
  private readonly transitionCache = new WeakMap<AnyByteAutomaton, Map<string, TokenTransitions>>();
  private readonly distanceCache = new WeakMap<AnyByteAutomaton, Map<string, number>>();
  /** Trie walks done (cache misses), for benchmarks. */
  walks = 0;

  constructor(index: TokenIndex) {
    this.index = index;
  }

  transitions(automaton: AnyByteAutomaton, state: unknown): TokenTransitions {
    let cache = this.transitionCache.get(automaton);
    if (cache === undefined) {
      cache = new Map();
      this.transitionCache.set(automaton, cache);
    }
    const key = automaton.key(state);
    let found = cache.get(key);
    if (found === undefined) {
      found = this.walk(automaton, state);
      cache.set(key, found);
    }
    return found;
  }

  private walk(automaton: AnyByteAutomaton, state: unknown): TokenTransitions {
    this.walks++;
    const { childStart, childBytes, childNodes, nodeTokenStart, nodeTokens } = this.index;
    const tokens: number[] = [];
    const next: unknown[] = [];
    const nodes: number[] = [0];
    const states: unknown[] = [state];
    while (nodes.length > 0) {
      const node = nodes.pop() as number;
      const current = states.pop();
      const end = childStart[node + 1] as number;
      for (let edge = childStart[node] as number; edge < end; edge++) {
        const stepped = automaton.step(current, childBytes[edge] as number);
        if (stepped === undefined) continue;
        const child = childNodes[edge] as number;
        const tokenEnd = nodeTokenStart[child + 1] as number;
        for (let t = nodeTokenStart[child] as number; t < tokenEnd; t++) {
          tokens.push(nodeTokens[t] as number);
          next.push(stepped);
        }
        if ((childStart[child + 1] as number) > (childStart[child] as number)) {
          nodes.push(child);
          states.push(stepped);
        }
      }
    }
    return { tokens: Int32Array.from(tokens), next };
  }

  /** The state after a token, or undefined when the token is not allowed. */
  stepToken(automaton: AnyByteAutomaton, state: unknown, token: number): unknown {
    const bytes = this.index.tokenBytes[token];
    if (bytes === undefined || bytes.length === 0) return undefined;
    let current: unknown = state;
    for (const byte of bytes) {
      current = automaton.step(current, byte);
      if (current === undefined) return undefined;
    }
    return current;
  }

  /**
   * Fewest tokens to reach acceptance: exact for tries (acyclic automata); for the others the byte distance,
   * an upper bound whenever every byte is a token (byte-level vocabularies).
   */
  tokenDistance(automaton: AnyByteAutomaton, state: unknown): number {
    if (automaton.accepts(state)) return 0;
    if (!automaton.acyclic) return automaton.distance(state);
    let cache = this.distanceCache.get(automaton);
    if (cache === undefined) {
      cache = new Map();
      this.distanceCache.set(automaton, cache);
    }
    const key = automaton.key(state);
    const known = cache.get(key);
    if (known !== undefined) return known;
    const { tokens, next } = this.transitions(automaton, state);
    let best = Infinity;
    for (let index = 0; index < tokens.length; index++) best = Math.min(best, 1 + this.tokenDistance(automaton, next[index]));
    cache.set(key, best);
    return best;
  }

  /**
   * Tokens allowed at the next position of a hole in state `state`, sorted: every live continuation, plus the
   * pad token where the value may end. When `remaining` is given (positions left in the hole, this one
   * included), only tokens after which the value can still be finished in time are kept. Cached per state.
   */
  allowed(automaton: AnyByteAutomaton, state: unknown, padTokenId: number, remaining?: number): Int32Array {
    let cache = this.allowedCache.get(automaton);
    if (cache === undefined) {
      cache = new Map();
      this.allowedCache.set(automaton, cache);
    }
    const key = `${automaton.key(state)}|${remaining ?? ''}|${padTokenId}`;
    const known = cache.get(key);
    if (known !== undefined) return known;
    const { tokens, next } = this.transitions(automaton, state);
    const out: number[] = [];
    if (remaining === undefined) out.push(...tokens);
    else {
      for (let index = 0; index < tokens.length; index++) {
        if (this.tokenDistance(automaton, next[index]) <= remaining - 1) out.push(tokens[index] as number);
      }
    }
    if (automaton.accepts(state)) out.push(padTokenId);
    const sorted = Int32Array.from(new Set(out)).sort();
    if (cache.size > 50_000) cache.clear();
    cache.set(key, sorted);
    return sorted;
  }

  private readonly allowedCache = new WeakMap<AnyByteAutomaton, Map<string, Int32Array>>();

  private static readonly shared = new WeakMap<TokenIndex, TokenLifter>();

  /** One lifter per vocabulary, so that its caches serve every fill. */
  static for(index: TokenIndex): TokenLifter {
    let lifter = TokenLifter.shared.get(index);
    if (lifter === undefined) {
      lifter = new TokenLifter(index);
      TokenLifter.shared.set(index, lifter);
    }
    return lifter;
  }
}
