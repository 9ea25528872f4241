import { utf8, type AnyByteAutomaton, type ByteAutomaton } from './byte-automaton.js';

/** The inner language's state, and for each excluded value how many of its bytes the input still matches (-1: none). */
export interface ExcludingState {
  readonly inner: unknown;
  readonly matched: readonly number[];
}

/**
 * A language minus a few of its strings: what a repaired hole may write when the value it held was rejected. A
 * repair re-masks the hole and denoises it again with everything else as it was, and a greedy sampler would then
 * write the same rejected value again; excluding it makes the model's next best value come out instead.
 *
 * Liveness holds as the contract asks: a state is returned only if some accepted string that is not excluded can
 * still be reached from it. A language with nothing left once the values are excluded (an enum of one) is not
 * built: `create` returns undefined.
 */
export class ExcludingAutomaton implements ByteAutomaton<ExcludingState> {
  readonly name: string;
  readonly start: ExcludingState;
  readonly acyclic: boolean;
  readonly inner: AnyByteAutomaton;
  private readonly excluded: readonly Uint8Array[];
  // Distances of states that still follow an excluded value: only those need a search, and there are at most as
  // many of them as the excluded values have bytes.
  private readonly distances = new Map<string, number>();

  private constructor(inner: AnyByteAutomaton, excluded: readonly Uint8Array[]) {
    this.inner = inner;
    this.excluded = excluded;
    this.name = `excluding(${inner.name})`;
    this.acyclic = inner.acyclic;
    this.start = { inner: inner.start, matched: excluded.map(() => 0) };
  }

  /** `inner` without the strings `values`, or undefined when that leaves nothing to write. */
  static create(inner: AnyByteAutomaton, values: readonly string[]): ExcludingAutomaton | undefined {
    return ExcludingAutomaton.live(inner, values.map(utf8));
  }

  /** The same values excluded from another language, or undefined when that leaves nothing to write. */
  over(inner: AnyByteAutomaton): ExcludingAutomaton | undefined {
    return ExcludingAutomaton.live(inner, this.excluded);
  }

  private static live(inner: AnyByteAutomaton, excluded: readonly Uint8Array[]): ExcludingAutomaton | undefined {
    const automaton = new ExcludingAutomaton(inner, excluded);
    return Number.isFinite(automaton.distance(automaton.start)) ? automaton : undefined;
  }

  step(state: ExcludingState, byte: number): ExcludingState | undefined {
    const next = this.advance(state, byte);
    return next !== undefined && Number.isFinite(this.distance(next)) ? next : undefined;
  }

  accepts(state: ExcludingState): boolean {
    return this.inner.accepts(state.inner) && !this.onExcludedValue(state);
  }

  distance(state: ExcludingState): number {
    if (this.accepts(state)) return 0;
    if (state.matched.every((matched) => matched < 0)) return this.inner.distance(state.inner);
    const key = this.key(state);
    const known = this.distances.get(key);
    if (known !== undefined) return known;
    // Guards the recursion (each byte either follows an excluded value further or leaves them all behind).
    this.distances.set(key, Infinity);
    let best = Infinity;
    for (let byte = 0; byte < 256; byte++) {
      const next = this.advance(state, byte);
      if (next !== undefined) best = Math.min(best, 1 + this.distance(next));
    }
    this.distances.set(key, best);
    return best;
  }

  key(state: ExcludingState): string {
    return `${this.inner.key(state.inner)}!${state.matched.join(',')}`;
  }

  /** The state after `byte`, live or not: undefined only where the inner language has no such string. */
  private advance(state: ExcludingState, byte: number): ExcludingState | undefined {
    const inner = this.inner.step(state.inner, byte);
    if (inner === undefined) return undefined;
    const matched = state.matched.map((count, index) => (count >= 0 && (this.excluded[index] as Uint8Array)[count] === byte ? count + 1 : -1));
    return { inner, matched };
  }

  private onExcludedValue(state: ExcludingState): boolean {
    return state.matched.some((count, index) => count === (this.excluded[index] as Uint8Array).length);
  }
}

/** The language a repair's exclusions were put around (`automaton` itself when it excludes nothing). */
export function withoutExclusions(automaton: AnyByteAutomaton): AnyByteAutomaton {
  return automaton instanceof ExcludingAutomaton ? withoutExclusions(automaton.inner) : automaton;
}

/**
 * `automaton`'s exclusions over another language (a value grounded anew keeps the values rejected before); a
 * level that would leave nothing to write is dropped, as a rejected value may then be written again.
 */
export function withExclusionsOver(automaton: AnyByteAutomaton, base: AnyByteAutomaton): AnyByteAutomaton {
  if (!(automaton instanceof ExcludingAutomaton)) return base;
  return automaton.over(withExclusionsOver(automaton.inner, base)) ?? withExclusionsOver(automaton.inner, base);
}
