import { LacunaCoreError } from '../errors/lacuna-core-error.js';

/** What a cache has done: lookups that found their entry and those that did not, and what it holds. */
export interface CacheStats {
  readonly hits: number;
  readonly misses: number;
  /** Entries held now, at most `capacity`. */
  readonly size: number;
  readonly capacity: number;
}

/**
 * The most recently used entries, at most `capacity` of them (0 keeps nothing): for the work Lacuna repeats
 * across requests (a prompt's encoding, a compiled schema), whose inputs recur but not forever.
 */
export class LruCache<Key, Value> {
  // A Map iterates in insertion order: re-inserting an entry makes it the most recently used, the first the least.
  private readonly entries = new Map<Key, Value>();
  private hits = 0;
  private misses = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 0) {
      throw new LacunaCoreError({ code: 'INVALID_OPTIONS', message: `A cache's capacity must be a whole number >= 0, got ${capacity}.` });
    }
  }

  get(key: Key): Value | undefined {
    const value = this.entries.get(key);
    if (value === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: Key, value: Value): void {
    if (this.capacity === 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as Key);
  }

  get size(): number {
    return this.entries.size;
  }

  get stats(): CacheStats {
    return { hits: this.hits, misses: this.misses, size: this.entries.size, capacity: this.capacity };
  }

  clear(): void {
    this.entries.clear();
  }
}
