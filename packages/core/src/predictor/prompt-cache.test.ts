import { describe, expect, it } from 'vitest';
import { cachedPromptLength, PromptCache, type EncodedPrompt } from './prompt-cache.js';

const ANSWER_START = 5;

describe('cachedPromptLength', () => {
  it('ends the prompt after the last answer-start token', () => {
    expect(cachedPromptLength({ inputIds: [4, 9, 5, 8, 7, 5, 2, 2], positions: [6, 7] }, ANSWER_START)).toBe(6);
  });

  it('serves nothing without an answer after an answer-start token', () => {
    expect(cachedPromptLength({ inputIds: [4, 9, 2, 2], positions: [2] }, ANSWER_START)).toBeUndefined();
    expect(cachedPromptLength({ inputIds: [4, 9, 5], positions: [1] }, ANSWER_START)).toBeUndefined();
  });

  it("serves nothing when a prompt position's row is asked for", () => {
    expect(cachedPromptLength({ inputIds: [4, 2, 5, 2, 2], positions: [3, 1] }, ANSWER_START)).toBeUndefined();
    expect(cachedPromptLength({ inputIds: [4, 2, 5, 2, 2], positions: [2] }, ANSWER_START)).toBeUndefined();
  });
});

describe('PromptCache', () => {
  const entry = (id: number): EncodedPrompt => ({
    ids: [id],
    keys: new Float32Array(1),
    values: new Float32Array(1),
    states: new Float32Array(1),
    keyDimensions: [1, 1, 1, 1, 1],
    stateDimensions: [1, 1, 1],
  });

  it('keys a prompt by its token ids', () => {
    expect(PromptCache.keyOf(Int32Array.from([4, 9, 5, 2]), 3)).toBe('4,9,5');
    expect(PromptCache.keyOf([4, 9, 5, 2], 3)).toBe('4,9,5');
  });

  it('drops the least recently used prompt beyond its capacity, and counts hits and misses', () => {
    const cache = new PromptCache(2);
    cache.set('a', entry(1));
    cache.set('b', entry(2));
    expect(cache.get('a')?.ids).toEqual([1]);
    cache.set('c', entry(3));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.ids).toEqual([1]);
    expect(cache.get('c')?.ids).toEqual([3]);
    expect(cache.size).toBe(2);
    expect([cache.hits, cache.misses]).toEqual([3, 1]);
  });

  it('keeps nothing at capacity 0', () => {
    const cache = new PromptCache(0);
    cache.set('a', entry(1));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
