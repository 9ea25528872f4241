/**
 * A language over bytes (UTF-8), walked one byte at a time. Every hole of a skeleton is one of these; the
 * token layer lifts them to token ids by walking each token's bytes.
 *
 * Contract: `step` returns undefined for a byte that no string of the language continues with, and only
 * returns live states (from which an accepting state is reachable). That is what makes a left-to-right walk
 * unable to get stuck: whatever was committed, some continuation exists.
 */
export interface ByteAutomaton<S = unknown> {
  /** Short name for reports and cache keys (`string`, `integer`, `choice`, ...). */
  readonly name: string;
  readonly start: S;
  step(state: S, byte: number): S | undefined;
  accepts(state: S): boolean;
  /**
   * An upper bound on the bytes still needed to reach acceptance (0 when accepting), realised by an actual
   * path: the first byte of that path is a byte that `step` accepts.
   */
  distance(state: S): number;
  /** Equal keys mean equal futures: the same continuations are accepted. Used to cache token sets. */
  key(state: S): string;
  /** True when every path is finite (a trie): token distances can then be computed exactly. */
  readonly acyclic: boolean;
}

export type AnyByteAutomaton = ByteAutomaton<unknown>;

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Walks `bytes` from `state`; undefined when the walk dies. */
export function walkBytes<S>(automaton: ByteAutomaton<S>, state: S, bytes: Uint8Array): S | undefined {
  let current: S | undefined = state;
  for (let index = 0; index < bytes.length && current !== undefined; index++) current = automaton.step(current, bytes[index] as number);
  return current;
}

/** Whether `text` is a complete string of the language. */
export function acceptsText(automaton: AnyByteAutomaton, text: string): boolean {
  const state = walkBytes(automaton, automaton.start, utf8(text));
  return state !== undefined && automaton.accepts(state);
}
