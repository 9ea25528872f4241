import { HELD_OUT_FRACTION, partition, type Partition, type Side } from '../splits.js';
import { CURRENCIES } from '../formats/currencies.js';
import { CITIES, type City } from './cities.js';
import { COMPANIES, type Company } from './companies.js';
import { composedEntities, withComposed, type ComposedKinds } from './composed-entities.js';
import { EMAIL_DOMAINS } from './email-domains.js';
import { EMAIL_MESSAGES, type EmailMessage } from './email-messages.js';
import { EVENT_TITLES } from './event-titles.js';
import { LANGUAGES, PHRASEBOOK_LANGUAGES } from './languages.js';
import { ARTISTS, GENRES, SONGS } from './music.js';
import { FIRST_NAMES, LAST_NAMES } from './person-names.js';
import { PHRASEBOOK_PHRASES, PHRASES } from './phrases.js';
import { EMPLOYERS, JOB_TITLES, STREETS, VENUES } from './places-and-organisations.js';
import { PRODUCTS, type Product } from './products.js';
import { RESTAURANTS } from './restaurants.js';
import { TASKS, TIMER_LABELS } from './tasks.js';

/**
 * The entities one side of the split may use. Every list of names is partitioned, so a held-out entity
 * never occurs in a training example. Genres and timer labels are everyday nouns ("jazz", "pasta") that
 * other text cannot avoid, so they are shared rather than held out.
 */
export interface EntityPool {
  readonly cities: readonly City[];
  readonly firstNames: readonly string[];
  readonly lastNames: readonly string[];
  readonly emailDomains: readonly string[];
  readonly companies: readonly Company[];
  readonly restaurants: readonly string[];
  readonly eventTitles: readonly string[];
  readonly songs: readonly string[];
  readonly artists: readonly string[];
  readonly tasks: readonly string[];
  readonly languages: readonly string[];
  readonly phrases: readonly string[];
  readonly emailMessages: readonly EmailMessage[];
  readonly streets: readonly string[];
  readonly employers: readonly string[];
  readonly jobTitles: readonly string[];
  readonly venues: readonly string[];
  readonly products: readonly Product[];
  readonly genres: readonly string[];
  readonly timerLabels: readonly string[];
}

const fraction = HELD_OUT_FRACTION.entities;
const CURRENCY_ADJECTIVES = LANGUAGES.filter((language) => CURRENCIES.some((currency) => currency.words.some((word) => word.split(' ').includes(language))));
const byItself = (item: string): string => item;

/** Every partitioned list, by name: the tests walk them to check that held-out entities never train. */
export const ENTITY_PARTITIONS = {
  cities: partition('cities', CITIES, (city) => city.name, fraction),
  firstNames: partition('first-names', FIRST_NAMES, byItself, fraction),
  lastNames: partition('last-names', LAST_NAMES, byItself, fraction),
  emailDomains: partition('email-domains', EMAIL_DOMAINS, byItself, fraction),
  companies: partition('companies', COMPANIES, (company) => company.ticker, fraction),
  restaurants: partition('restaurants', RESTAURANTS, byItself, fraction),
  eventTitles: partition('event-titles', EVENT_TITLES, byItself, fraction),
  songs: partition('songs', SONGS, byItself, fraction),
  artists: partition('artists', ARTISTS, byItself, fraction),
  tasks: partition('tasks', TASKS, byItself, fraction),
  // The phrasebook's languages and phrases train: without them no translation result has a translation.
  // So do languages that name a currency ("Japanese yen"): currency words are in every half of the corpus.
  languages: partition('languages', LANGUAGES, byItself, fraction, new Set([...PHRASEBOOK_LANGUAGES, ...CURRENCY_ADJECTIVES])),
  phrases: partition('phrases', PHRASES, byItself, fraction, new Set(PHRASEBOOK_PHRASES)),
  emailMessages: partition('email-messages', EMAIL_MESSAGES, (message) => message.subject, fraction),
  streets: partition('streets', STREETS, byItself, fraction),
  employers: partition('employers', EMPLOYERS, byItself, fraction),
  jobTitles: partition('job-titles', JOB_TITLES, byItself, fraction),
  venues: partition('venues', VENUES, byItself, fraction),
  products: partition('products', PRODUCTS, (product) => product.name, fraction),
} satisfies Record<string, Partition<unknown>>;

function pool(side: Side): EntityPool {
  const pick = <Item>(partitioned: Partition<Item>): readonly Item[] => (side === 'train' ? partitioned.train : partitioned.test);
  const partitions = ENTITY_PARTITIONS;
  return {
    cities: pick(partitions.cities),
    firstNames: pick(partitions.firstNames),
    lastNames: pick(partitions.lastNames),
    emailDomains: pick(partitions.emailDomains),
    companies: pick(partitions.companies),
    restaurants: pick(partitions.restaurants),
    eventTitles: pick(partitions.eventTitles),
    songs: pick(partitions.songs),
    artists: pick(partitions.artists),
    tasks: pick(partitions.tasks),
    languages: pick(partitions.languages),
    phrases: pick(partitions.phrases),
    emailMessages: pick(partitions.emailMessages),
    streets: pick(partitions.streets),
    employers: pick(partitions.employers),
    jobTitles: pick(partitions.jobTitles),
    venues: pick(partitions.venues),
    products: pick(partitions.products),
    genres: GENRES,
    timerLabels: TIMER_LABELS,
  };
}

export const ENTITY_POOLS: Readonly<Record<Side, EntityPool>> = { train: pool('train'), test: pool('test') };

let composedShare = 0;
let composedPool: EntityPool | undefined;
let composed: ComposedKinds | undefined;

/**
 * `generate-corpus.ts --composed-entities SHARE`: the training side's restaurants, event titles, songs, artists
 * and tasks are then a composed name (composed-entities.ts) in `share` of the draws. 0 turns it off.
 */
export function useComposedEntities(share: number): void {
  if (!(share >= 0 && share < 1)) throw new RangeError(`--composed-entities takes a share in [0, 1), got ${share}.`);
  composedShare = share;
  composedPool = undefined;
}

/** The entities one side draws from: `ENTITY_POOLS`, with composed names on the training side when asked for. */
export function entityPool(side: Side): EntityPool {
  if (side === 'test' || composedShare === 0) return ENTITY_POOLS[side];
  if (composedPool === undefined) {
    const partitions = ENTITY_PARTITIONS;
    composed ??= composedEntities(
      { restaurants: partitions.restaurants, eventTitles: partitions.eventTitles, songs: partitions.songs, artists: partitions.artists, tasks: partitions.tasks },
      entityStrings('test'),
    );
    const train = ENTITY_POOLS.train;
    composedPool = {
      ...train,
      restaurants: withComposed(train.restaurants, composed.restaurants, composedShare),
      eventTitles: withComposed(train.eventTitles, composed.eventTitles, composedShare),
      songs: withComposed(train.songs, composed.songs, composedShare),
      artists: withComposed(train.artists, composed.artists, composedShare),
      tasks: withComposed(train.tasks, composed.tasks, composedShare),
    };
  }
  return composedPool;
}

/** The strings of one side that identify its entities, for the held-out checks. */
export function entityStrings(side: Side): string[] {
  const partitions = ENTITY_PARTITIONS;
  const pick = <Item>(partitioned: Partition<Item>): readonly Item[] => (side === 'train' ? partitioned.train : partitioned.test);
  return [
    ...pick(partitions.cities).map((city) => city.name),
    ...pick(partitions.firstNames),
    ...pick(partitions.lastNames),
    ...pick(partitions.emailDomains),
    ...pick(partitions.companies).flatMap((company) => [company.name, company.ticker]),
    ...pick(partitions.restaurants),
    ...pick(partitions.eventTitles),
    ...pick(partitions.songs),
    ...pick(partitions.artists),
    ...pick(partitions.tasks),
    ...pick(partitions.languages),
    ...pick(partitions.phrases),
    ...pick(partitions.emailMessages).flatMap((message) => [message.subject, message.body]),
    ...pick(partitions.streets),
    ...pick(partitions.employers),
    ...pick(partitions.jobTitles),
    ...pick(partitions.venues),
    ...pick(partitions.products).map((product) => product.name),
  ];
}
