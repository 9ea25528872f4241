import { utf8, type ByteAutomaton } from './byte-automaton.js';

/**
 * Exactly one of a finite set of byte strings: enums, consts, booleans, and the labels of structural
 * decisions. A trie; the state is a node index.
 */
export class ChoiceAutomaton implements ByteAutomaton<number> {
  readonly name: string;
  readonly start = 0;
  readonly acyclic = true;
  readonly choices: readonly string[];
  private readonly children: Map<number, number>[] = [new Map()];
  /** Index of the choice ending at a node, or -1. */
  private readonly terminal: number[] = [-1];
  private readonly distances: number[] = [];

  constructor(choices: readonly string[], name = 'choice') {
    this.name = name;
    this.choices = choices;
    choices.forEach((choice, index) => {
      let node = 0;
      for (const byte of utf8(choice)) {
        const children = this.children[node] as Map<number, number>;
        let next = children.get(byte);
        if (next === undefined) {
          next = this.children.length;
          this.children.push(new Map());
          this.terminal.push(-1);
          children.set(byte, next);
        }
        node = next;
      }
      if (this.terminal[node] === -1) this.terminal[node] = index;
    });
    // Distances bottom-up: children always have larger indices than their parent.
    for (let node = this.children.length - 1; node >= 0; node--) {
      let best = this.terminal[node] !== -1 ? 0 : Infinity;
      for (const child of (this.children[node] as Map<number, number>).values()) best = Math.min(best, 1 + (this.distances[child] as number));
      this.distances[node] = best;
    }
  }

  step(state: number, byte: number): number | undefined {
    return this.children[state]?.get(byte);
  }

  accepts(state: number): boolean {
    return this.terminal[state] !== -1;
  }

  /** Index into `choices` of the choice a complete state spells, or -1. */
  choiceAt(state: number): number {
    return this.terminal[state] ?? -1;
  }

  distance(state: number): number {
    return this.distances[state] as number;
  }

  key(state: number): string {
    return String(state);
  }
}
