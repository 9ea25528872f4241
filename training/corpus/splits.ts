import { hashText } from './random.js';

/**
 * `train` and three held-out splits, each new to the model in exactly one dimension: its entities, its
 * phrasing templates, or its (procedural) tools. The other dimensions come from the train side, so a
 * failure on a held-out split points at the one thing that changed.
 */
export type Split = 'train' | 'test_entities' | 'test_templates' | 'test_tools';

export const SPLITS: readonly Split[] = ['train', 'test_entities', 'test_templates', 'test_tools'];
export const HELD_OUT_SPLITS: readonly Split[] = ['test_entities', 'test_templates', 'test_tools'];

/** Which half of a partitioned list a split draws from. */
export type Side = 'train' | 'test';

export interface SplitSides {
  readonly entities: Side;
  readonly templates: Side;
  readonly tools: Side;
}

export const SPLIT_SIDES: Readonly<Record<Split, SplitSides>> = {
  train: { entities: 'train', templates: 'train', tools: 'train' },
  test_entities: { entities: 'test', templates: 'train', tools: 'train' },
  test_templates: { entities: 'train', templates: 'test', tools: 'train' },
  test_tools: { entities: 'train', templates: 'train', tools: 'test' },
};

/** Share of each list kept for the held-out side. */
export const HELD_OUT_FRACTION = {
  entities: 0.15,
  templates: 0.2,
  toolNames: 0.15,
  fieldNames: 0.2,
} as const;

/**
 * Whether an item belongs to the held-out side. A hash of the item itself, never of the seed, so every
 * corpus generated with any seed agrees on the partition and held-out files stay comparable across runs.
 */
export function isHeldOut(namespace: string, key: string, fraction: number): boolean {
  return hashText(`${namespace}\u0000${key}`) / 4294967296 < fraction;
}

export interface Partition<Item> {
  readonly train: readonly Item[];
  readonly test: readonly Item[];
}

/**
 * Splits a list by `isHeldOut`. Items in `pinnedToTrain` always train (the phrasebook's languages, which
 * the tool needs to answer at all). A list too small for the hash to pick anything still holds one out.
 */
export function partition<Item>(
  namespace: string,
  items: readonly Item[],
  key: (item: Item) => string,
  fraction: number,
  pinnedToTrain: ReadonlySet<string> = new Set(),
): Partition<Item> {
  const train: Item[] = [];
  const test: Item[] = [];
  for (const item of items) {
    const itemKey = key(item);
    if (!pinnedToTrain.has(itemKey) && isHeldOut(namespace, itemKey, fraction)) test.push(item);
    else train.push(item);
  }
  const candidates = train.filter((item) => !pinnedToTrain.has(key(item)));
  if (test.length === 0 && train.length > 1 && candidates.length > 0) {
    const lowest = candidates.reduce((best, item) => (hashText(`${namespace}\u0000${key(item)}`) < hashText(`${namespace}\u0000${key(best)}`) ? item : best));
    train.splice(train.indexOf(lowest), 1);
    test.push(lowest);
  }
  return { train, test };
}

export function sideOf<Item>(partitioned: Partition<Item>, side: Side): readonly Item[] {
  return side === 'train' ? partitioned.train : partitioned.test;
}
