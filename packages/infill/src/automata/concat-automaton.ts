import type { AnyByteAutomaton, ByteAutomaton } from './byte-automaton.js';

interface Alternative {
  readonly part: number;
  readonly state: unknown;
}

/** A state of a concatenation: the alternatives still possible (usually one). */
export type ConcatState = readonly Alternative[];

/**
 * The concatenation of languages, for example the literal text a hole absorbs from its neighbours (BPE
 * boundary healing), the value, and the literal after it. Ambiguity (a part that may end or go on) is kept as
 * a small set of alternatives, so the walk stays exact.
 */
export class ConcatAutomaton implements ByteAutomaton<ConcatState> {
  readonly name: string;
  readonly start: ConcatState;
  readonly acyclic: boolean;
  readonly parts: readonly AnyByteAutomaton[];
  /** Sum of the start distances of the parts after part i. */
  private readonly tailDistance: number[];

  constructor(parts: readonly AnyByteAutomaton[], name?: string) {
    this.parts = parts;
    this.name = name ?? parts.map((part) => part.name).join('+');
    this.acyclic = parts.every((part) => part.acyclic);
    this.tailDistance = parts.map((_, index) =>
      parts.slice(index + 1).reduce((sum, part) => sum + part.distance(part.start), 0),
    );
    this.start = this.closure([{ part: 0, state: (parts[0] as AnyByteAutomaton).start }]);
  }

  /** Adds the starts of later parts wherever a part may end. */
  private closure(alternatives: Alternative[]): ConcatState {
    if (alternatives.length === 1) {
      // The common case: one alternative inside a part that cannot end here.
      const only = alternatives[0] as Alternative;
      if (only.part + 1 >= this.parts.length || !(this.parts[only.part] as AnyByteAutomaton).accepts(only.state)) return alternatives;
    }
    const out: Alternative[] = [];
    const seen = new Set<string>();
    const queue = [...alternatives];
    while (queue.length > 0) {
      const alternative = queue.shift() as Alternative;
      const part = this.parts[alternative.part] as AnyByteAutomaton;
      const id = `${alternative.part}:${part.key(alternative.state)}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(alternative);
      if (part.accepts(alternative.state) && alternative.part + 1 < this.parts.length) {
        const next = this.parts[alternative.part + 1] as AnyByteAutomaton;
        queue.push({ part: alternative.part + 1, state: next.start });
      }
    }
    return out;
  }

  step(state: ConcatState, byte: number): ConcatState | undefined {
    const next: Alternative[] = [];
    for (const alternative of state) {
      const part = this.parts[alternative.part] as AnyByteAutomaton;
      const stepped = part.step(alternative.state, byte);
      if (stepped !== undefined) next.push({ part: alternative.part, state: stepped });
    }
    return next.length === 0 ? undefined : this.closure(next);
  }

  accepts(state: ConcatState): boolean {
    const last = this.parts.length - 1;
    return state.some((alternative) => alternative.part === last && (this.parts[last] as AnyByteAutomaton).accepts(alternative.state));
  }

  distance(state: ConcatState): number {
    let best = Infinity;
    for (const alternative of state) {
      const part = this.parts[alternative.part] as AnyByteAutomaton;
      best = Math.min(best, part.distance(alternative.state) + (this.tailDistance[alternative.part] as number));
    }
    return best;
  }

  key(state: ConcatState): string {
    if (state.length === 1) {
      const only = state[0] as Alternative;
      return `${only.part}:${(this.parts[only.part] as AnyByteAutomaton).key(only.state)}`;
    }
    return state
      .map((alternative) => `${alternative.part}:${(this.parts[alternative.part] as AnyByteAutomaton).key(alternative.state)}`)
      .sort()
      .join('|');
  }
}
