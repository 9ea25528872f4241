import type { PredictionRequest } from './predictor.js';

/** One prompt's encoding, as the graph returned it for a batch of one: what later passes feed back as the past. */
export interface EncodedPrompt {
  readonly ids: readonly number[];
  /** `[layers, 1, heads, length, head size]` */
  readonly keys: Float32Array;
  readonly values: Float32Array;
  /** `[1, length, width]` */
  readonly states: Float32Array;
  readonly keyDimensions: readonly number[];
  readonly stateDimensions: readonly number[];
}

/**
 * Where a request's prompt ends, if the cache can serve it: the length of the prompt (through the last
 * `answerStartTokenId`), or undefined when there is no answer after one or a position of the prompt is asked
 * for (the cached pass computes the answer's rows only).
 */
export function cachedPromptLength(request: PredictionRequest, answerStartTokenId: number): number | undefined {
  let last = -1;
  for (let index = request.inputIds.length - 1; index >= 0; index--) {
    if (request.inputIds[index] === answerStartTokenId) {
      last = index;
      break;
    }
  }
  const promptLength = last + 1;
  if (last < 0 || promptLength >= request.inputIds.length) return undefined;
  return request.positions.every((position) => position >= promptLength) ? promptLength : undefined;
}

/** What a predictor's prompt cache has done: passes that found their prompt encoded, and those that encoded it. */
export interface PromptCacheStats {
  readonly hits: number;
  readonly misses: number;
  /** Prompts held now, at most `capacity`. */
  readonly size: number;
  readonly capacity: number;
}

/** The most recently used prompts' encodings, at most `capacity` of them, by their token ids. */
export class PromptCache {
  private readonly entries = new Map<string, EncodedPrompt>();
  hits = 0;
  misses = 0;

  constructor(readonly capacity: number) {}

  static keyOf(ids: ArrayLike<number>, length: number): string {
    return Array.prototype.slice.call(ids, 0, length).join(',');
  }

  get(key: string): EncodedPrompt | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // A Map iterates in insertion order: re-inserting makes this the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: EncodedPrompt): void {
    if (this.capacity <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
