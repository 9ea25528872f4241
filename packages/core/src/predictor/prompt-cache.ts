import type { CacheStats } from '../cache/lru-cache.js';
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
export type PromptCacheStats = CacheStats;

/** A prompt's key in the cache: its first `length` token ids. */
export function promptKey(ids: ArrayLike<number>, length: number): string {
  return Array.prototype.slice.call(ids, 0, length).join(',');
}
