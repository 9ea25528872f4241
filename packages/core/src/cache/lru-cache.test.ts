import { describe, expect, it } from 'vitest';
import { LruCache } from './lru-cache.js';

describe('LruCache', () => {
  it('drops the least recently used entry beyond its capacity, and counts hits and misses', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    // Setting a held key refreshes it rather than adding one.
    cache.set('a', 4);
    cache.set('d', 5);
    expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual([4, undefined, 5]);
    expect(cache.stats).toEqual({ hits: 5, misses: 2, size: 2, capacity: 2 });
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('keeps nothing at capacity 0 and refuses a capacity that is not a whole number >= 0', () => {
    const cache = new LruCache<string, number>(0);
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
    for (const capacity of [-1, 1.5, Number.NaN]) expect(() => new LruCache(capacity)).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
  });
});
