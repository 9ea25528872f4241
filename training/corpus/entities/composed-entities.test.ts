import { describe, expect, it } from 'vitest';
import { createEntityScanner } from '../corpus-checks.js';
import { composedEntities, withComposed } from './composed-entities.js';
import { ENTITY_PARTITIONS, ENTITY_POOLS, entityPool, entityStrings, useComposedEntities } from './entity-pools.js';

const partitions = {
  restaurants: ENTITY_PARTITIONS.restaurants,
  eventTitles: ENTITY_PARTITIONS.eventTitles,
  songs: ENTITY_PARTITIONS.songs,
  artists: ENTITY_PARTITIONS.artists,
  tasks: ENTITY_PARTITIONS.tasks,
};

describe('composed entities', () => {
  const composed = composedEntities(partitions, entityStrings('test'));

  it('composes thousands of new names of each kind, none of them hand-written or held out', () => {
    const heldOutIn = createEntityScanner(entityStrings('test'));
    for (const [kind, names] of Object.entries(composed)) {
      expect(names.length, kind).toBeGreaterThan(2000);
      expect(new Set(names).size, kind).toBe(names.length);
      const handWritten = new Set([...partitions[kind as keyof typeof partitions].train, ...partitions[kind as keyof typeof partitions].test]);
      for (const name of names) {
        expect(handWritten.has(name), `${kind}: ${name}`).toBe(false);
        expect(heldOutIn(name), `${kind}: ${name}`).toEqual([]);
      }
    }
  });

  it('is the same on every call (its own seed)', () => {
    expect(composedEntities(partitions, entityStrings('test'))).toEqual(composed);
  });

  it('varies the length of names, so a name is copied up to where the request stops stating it', () => {
    const lengths = new Set(composed.restaurants.map((name) => name.split(' ').length));
    expect([...lengths].sort()).toEqual(expect.arrayContaining([1, 2, 3, 4]));
  });

  it('mixes composed names into a draw at the share asked for', () => {
    const mixed = withComposed(['a', 'b'], Array.from({ length: 100 }, (_, index) => `c${index}`), 0.5);
    expect(mixed.filter((name) => name.startsWith('c')).length / mixed.length).toBeCloseTo(0.5, 1);
    expect(withComposed(['a', 'b'], ['c'], 0)).toEqual(['a', 'b']);
  });

  it('changes only the training side, and only while turned on', () => {
    useComposedEntities(0.5);
    try {
      expect(entityPool('train').restaurants.length).toBeGreaterThan(ENTITY_POOLS.train.restaurants.length);
      expect(entityPool('train').cities).toBe(ENTITY_POOLS.train.cities);
      expect(entityPool('test')).toBe(ENTITY_POOLS.test);
    } finally {
      useComposedEntities(0);
    }
    expect(entityPool('train')).toBe(ENTITY_POOLS.train);
    expect(() => useComposedEntities(1)).toThrow(RangeError);
  });
});
