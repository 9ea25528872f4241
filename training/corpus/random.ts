/**
 * The corpus's only source of randomness. Seeded, so the same seed writes a byte-identical corpus;
 * Math.random and the clock are never used.
 */
import { createRandomSource } from '../../packages/core/src/sampling/random-source.js';

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both included. */
  integer(min: number, max: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  pick<Item>(items: readonly Item[]): Item;
  /** Picks an item with probability proportional to its weight. */
  weighted<Item>(entries: readonly (readonly [Item, number])[]): Item;
  /** A shuffled copy. */
  shuffle<Item>(items: readonly Item[]): Item[];
  /** `count` distinct items in random order (all of them when there are fewer). */
  sample<Item>(items: readonly Item[], count: number): Item[];
}

/** Word-picking helpers over the SDK's own seeded source (xoshiro128**), so there is one generator to trust. */
export function createRandom(seed: number): Random {
  const source = createRandomSource(seed);
  const next = (): number => source.next();
  const integer = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <Item>(items: readonly Item[]): Item => {
    if (items.length === 0) throw new RangeError('Cannot pick from an empty list.');
    return items[Math.floor(next() * items.length)] as Item;
  };
  const shuffle = <Item>(items: readonly Item[]): Item[] => {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index--) {
      const other = Math.floor(next() * (index + 1));
      [copy[index], copy[other]] = [copy[other] as Item, copy[index] as Item];
    }
    return copy;
  };
  return {
    next,
    integer,
    chance: (probability) => next() < probability,
    pick,
    weighted: (entries) => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let threshold = next() * total;
      for (const [item, weight] of entries) {
        threshold -= weight;
        if (threshold < 0) return item;
      }
      const last = entries[entries.length - 1];
      if (last === undefined) throw new RangeError('Cannot pick from an empty list.');
      return last[0];
    },
    shuffle,
    sample: (items, count) => shuffle(items).slice(0, count),
  };
}

/** FNV-1a then a murmur finaliser: well-spread 32-bit hashes of short strings, for seeds and partitions. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** A seed for one example: independent of every other example, so changing --count keeps earlier examples. */
export function exampleSeed(seed: number, stream: string, index: number): number {
  return hashText(`${seed}|${stream}|${index}`);
}
