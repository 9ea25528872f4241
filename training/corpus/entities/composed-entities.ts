import { createEntityScanner } from '../corpus-checks.js';
import { createRandom, type Random } from '../random.js';
import type { Partition } from '../splits.js';
import type { EntityPool } from './entity-pools.js';

/**
 * `--composed-entities`: names made from the words of the training half's names, so that a model cannot learn a
 * value from its list of names and must copy it from the request, up to where the request's words stop being it.
 *
 * The idea: the hand-written lists hold about a hundred names each, seen thousands of times in training, so a model
 * may learn their shapes (a restaurant is "The" and one more word) rather than to copy. The default model wrote "The
 * Green" for the held-out "The Green Door", "onboarding call" for "Customer onboarding call", "What time does the
 * museum" for a phrase ending in "open?". Names whose words come in new orders and numbers leave copying as the
 * only way to get them right.
 *
 * Only the training half's names give words, and a composed name that holds a held-out name (or is one) is
 * dropped, so no held-out entity ever occurs in training text (check-corpus.ts checks the whole file).
 *
 * Session 25's 1,800-step A/B did not bear the reason out: as many names were cut or stretched, and tools were
 * chosen less well (training/README.md, "Composed names"). The flag is off by default.
 */

/** The kinds of names composed: those the request states and a call copies whole. */
export type ComposedKinds = Pick<EntityPool, 'restaurants' | 'eventTitles' | 'songs' | 'artists' | 'tasks'>;

/** Names composed per kind: many times a hand-written list, so that no composed name is seen often. */
const PER_KIND = 3000;

const RESTAURANT_ENDINGS = ['Kitchen', 'House', 'Grill', 'Bistro', 'Table', 'Bar', 'Cafe', 'Room', 'Diner', 'Canteen'];
const EVENT_ENDINGS = ['meeting', 'review', 'call', 'sync', 'session', 'class', 'workshop', 'check', 'planning', 'party', 'lesson', 'practice'];
const TASK_VERBS = ['buy', 'fix', 'call', 'clean', 'book', 'send', 'order', 'return', 'check', 'pay', 'find', 'sort', 'wash', 'print', 'collect', 'renew'];
const TASK_DETERMINERS = ['the', 'a', 'my', 'some', 'new', ''];

/** Composed names per kind, from the training halves' words; deterministic (its own seed). */
export function composedEntities(
  partitions: { readonly [Kind in keyof ComposedKinds]: Partition<string> },
  heldOut: readonly string[],
): ComposedKinds {
  const random = createRandom(0x636f6d70);
  const wordsOf = (names: readonly string[]): string[] => [...new Set(names.flatMap((name) => name.match(/[A-Za-z][a-z]{2,}/g) ?? []).map((word) => word.toLowerCase()))];
  const named = wordsOf([
    ...partitions.restaurants.train,
    ...partitions.songs.train,
    ...partitions.artists.train,
    ...partitions.eventTitles.train,
  ]).filter((word) => !['the', 'and', 'with', 'for', 'of', 'in', 'on'].includes(word));
  const chores = wordsOf(partitions.tasks.train).filter((word) => !TASK_VERBS.includes(word) && !TASK_DETERMINERS.includes(word));
  const heldOutIn = createEntityScanner(heldOut);
  const compose = (make: (random: Random) => string, known: readonly string[]): string[] => {
    const seen = new Set(known.map((name) => name.toLowerCase()));
    const names: string[] = [];
    for (let attempt = 0; names.length < PER_KIND && attempt < PER_KIND * 4; attempt++) {
      const name = make(random);
      if (seen.has(name.toLowerCase()) || heldOutIn(name).length > 0) continue;
      seen.add(name.toLowerCase());
      names.push(name);
    }
    return names;
  };
  const words = (count: number, capital: boolean): string[] => Array.from({ length: count }, () => (capital ? capitalise(random.pick(named)) : random.pick(named)));
  return {
    restaurants: compose(
      (random) =>
        random.pick([
          () => `The ${words(random.integer(1, 3), true).join(' ')}`,
          () => `${words(1, true)} & ${words(1, true)}`,
          () => `${words(random.integer(1, 2), true).join(' ')} ${random.pick(RESTAURANT_ENDINGS)}`,
          () => words(random.integer(1, 2), true).join(' '),
        ])(),
      partitions.restaurants.train,
    ),
    eventTitles: compose(
      (random) => {
        const body = [...words(random.integer(1, 3), false), ...(random.integer(0, 1) === 1 ? [random.pick(EVENT_ENDINGS)] : [])];
        const title = body.join(' ');
        return random.integer(0, 3) === 0 ? title : capitalise(title);
      },
      partitions.eventTitles.train,
    ),
    songs: compose(
      (random) => {
        const count = random.integer(1, 4);
        const title = words(count, true);
        if (count >= 3 && random.integer(0, 2) === 0) title.splice(1, 0, random.pick(['of the', 'in the', 'and', 'on the']));
        return title.join(' ');
      },
      partitions.songs.train,
    ),
    artists: compose(
      (random) => {
        const name = words(random.integer(1, 3), true).join(' ');
        return random.pick([name, `The ${name}`, `${name} ${random.pick(['Band', 'Collective', 'Quartet', 'Trio', 'Choir'])}`]);
      },
      partitions.artists.train,
    ),
    tasks: compose(
      (random) => [random.pick(TASK_VERBS), random.pick(TASK_DETERMINERS), ...Array.from({ length: random.integer(1, 3) }, () => random.pick(chores))].filter(Boolean).join(' '),
      partitions.tasks.train,
    ),
  };
}

/**
 * A training half's names with the composed ones beside them, so that a uniform draw gives a composed name with
 * probability `share`: the hand-written names repeated to fill the rest.
 */
export function withComposed(names: readonly string[], composed: readonly string[], share: number): string[] {
  if (share <= 0 || composed.length === 0) return [...names];
  const repeats = Math.max(1, Math.round((composed.length * (1 - share)) / share / names.length));
  return [...Array.from({ length: repeats }, () => names).flat(), ...composed];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
