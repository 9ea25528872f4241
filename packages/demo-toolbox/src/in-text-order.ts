/** What a reader found at a place in a text: a value and the offset where the text states it. */
export interface FoundAt<T> {
  readonly value: T;
  readonly at: number;
}

/** The values a reader found, each once, in the order the text first states them. */
export function inTextOrder<T>(found: readonly FoundAt<T>[]): T[] {
  return [...new Set([...found].sort((left, right) => left.at - right.at).map(({ value }) => value))];
}
