import { entityPool, type EntityPool } from '../entities/entity-pools.js';
import type { Random } from '../random.js';
import { SPLIT_SIDES, type Split, type SplitSides } from '../splits.js';

/** What every example generator gets: its own random stream, its split, and the split's halves. */
export interface ExampleContext {
  readonly id: string;
  readonly random: Random;
  readonly split: Split;
  readonly sides: SplitSides;
  readonly pool: EntityPool;
}

export function exampleContext(id: string, random: Random, split: Split): ExampleContext {
  const sides = SPLIT_SIDES[split];
  return { id, random, split, sides, pool: entityPool(sides.entities) };
}

/** `$.calls[0].arguments.to` for each normalised argument of each call. */
export function callPaths(prefix: string, names: readonly string[]): string[] {
  return names.map((name) => `${prefix}.arguments.${name}`);
}
