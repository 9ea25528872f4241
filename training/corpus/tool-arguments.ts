import type { DemoToolName } from './demo-toolbox.js';
import type { EntityPool } from './entities/entity-pools.js';
import { drawPerson, personEntities } from './entities/people.js';
import { CURRENCIES, drawCurrency, speakCurrency } from './formats/currencies.js';
import { drawCalendarDate, formatIsoDate, speakDate } from './formats/dates.js';
import { drawEventMinutes, drawTimerMinutes, speakDuration } from './formats/durations.js';
import { drawExpression } from './formats/expressions.js';
import { numberInWords, withThousandsSeparators } from './formats/numbers.js';
import { drawClockTime, formatClockTime, speakTime } from './formats/times.js';
import type { Random } from './random.js';
import { copied, normalisedFill, type SlotFill, type SlotReference } from './templates/template.js';

export interface DrawContext {
  readonly random: Random;
  readonly pool: EntityPool;
}

/** Renders one slot; the variant is the template's `{slot:variant}`. */
export type SlotRenderer = (variant: string | undefined) => SlotFill;

/**
 * Draws one set of argument values for a tool, knowing which slots (and variants) the template uses: a
 * `{from:symbol}` needs a currency that has a symbol, a `{party_size:group}` at least two people.
 */
export type ArgumentDraw = (context: DrawContext, slots: ReadonlyMap<string, string | undefined>) => Readonly<Record<string, SlotRenderer>>;

function date(random: Random): SlotRenderer {
  const calendar = drawCalendarDate(random);
  const value = formatIsoDate(calendar);
  return () => {
    const spoken = speakDate(calendar, random);
    return spoken.normalised ? normalisedFill(spoken.surface, value) : copied(value);
  };
}

function time(random: Random, earliestHour?: number, latestHour?: number): SlotRenderer {
  const clock = drawClockTime(random, earliestHour, latestHour);
  const value = formatClockTime(clock);
  return () => {
    const spoken = speakTime(clock, random);
    return spoken.normalised ? normalisedFill(spoken.surface, value) : copied(value);
  };
}

/** A count of people: digits are copied, words ("two people") normalised. */
function countOfPeople(random: Random, count: number, nouns: readonly string[]): SlotRenderer {
  return (variant) => {
    const inWords = random.chance(0.35);
    const number = inWords ? numberInWords(count) : String(count);
    const make = (surface: string): SlotFill => (inWords ? normalisedFill(surface, count) : copied(count, [], surface));
    if (variant === 'count' || variant === 'group') return make(number);
    const noun = random.pick(nouns);
    return make(`${number} ${count === 1 ? noun.replace(/people$/, 'person').replace(/s$/, '') : noun}`);
  };
}

function amountOfMoney(random: Random): number {
  return random.weighted<number>([
    [random.integer(2, 100), 4],
    [random.integer(1, 100) * 5, 3],
    [random.integer(1, 200) * 50, 2],
    [random.integer(1000, 250000), 1],
    [random.integer(2, 999) + random.pick([0.5, 0.25, 0.99, 0.75, 0.1]), 2],
  ]);
}

const UNIT_WORDS = {
  celsius: ['celsius', 'Celsius', 'degrees Celsius', '°C', 'centigrade'],
  fahrenheit: ['fahrenheit', 'Fahrenheit', 'degrees Fahrenheit', '°F'],
} as const;

const PRIORITY_WORDS = {
  phrase: { high: ['high priority', 'urgent', 'top priority'], medium: ['medium priority', 'normal priority'], low: ['low priority', 'not urgent'] },
  adjective: { high: ['high-priority', 'urgent'], medium: ['medium-priority'], low: ['low-priority'] },
  level: { high: ['high'], medium: ['medium'], low: ['low'] },
} as const;

const SHUFFLE_WORDS = {
  on: ['on shuffle', 'shuffled', 'with shuffle on', 'in random order', 'on shuffle mode'],
  off: ['in order', 'without shuffle', 'with shuffle off', 'not shuffled'],
} as const;

/** A word-form value is copied when the enum value itself occurs in it ("high priority" holds "high"). */
function enumFill(surface: string, value: string): SlotFill {
  return new RegExp(`\\b${value}\\b`).test(surface) ? copied(value, [], surface) : normalisedFill(surface, value);
}

/** Titles and tasks are copied as written; people often type them in lower case. */
function casual(text: string, random: Random): string {
  return random.chance(0.25) && /^[A-Z][a-z]/.test(text) ? (text[0] as string).toLowerCase() + text.slice(1) : text;
}

export const ARGUMENT_DRAWS: { readonly [Name in DemoToolName]: ArgumentDraw } = {
  get_weather: ({ random, pool }) => {
    const city = random.pick(pool.cities).name;
    const unit = random.pick(['celsius', 'fahrenheit'] as const);
    return {
      city: () => copied(city, [city]),
      unit: () => enumFill(random.pick(UNIT_WORDS[unit]), unit),
    };
  },

  convert_currency: ({ random }, slots) => {
    const withSymbol = CURRENCIES.filter((currency) => currency.symbol !== undefined);
    const from = slots.get('from') === 'symbol' ? random.pick(withSymbol) : drawCurrency(random);
    const to = drawCurrency(random, from.code);
    const amount = amountOfMoney(random);
    return {
      amount: () => (amount >= 1000 && random.chance(0.4) ? normalisedFill(withThousandsSeparators(amount), amount) : copied(amount)),
      from: (variant) => {
        if (variant === 'symbol') return normalisedFill(from.symbol ?? '$', from.code);
        const spoken = speakCurrency(from, random);
        return spoken.normalised ? normalisedFill(spoken.surface, from.code) : copied(from.code);
      },
      to: () => {
        const spoken = speakCurrency(to, random);
        return spoken.normalised ? normalisedFill(spoken.surface, to.code) : copied(to.code);
      },
    };
  },

  create_event: ({ random, pool }) => {
    const title = random.pick(pool.eventTitles);
    const minutes = drawEventMinutes(random);
    return {
      title: () => copied(casual(title, random), [title]),
      date: date(random),
      time: time(random),
      duration_minutes: (variant) => {
        const spoken = speakDuration(minutes, variant === 'adjective', random);
        return spoken.normalised ? normalisedFill(spoken.surface, minutes) : copied(minutes, [], spoken.surface);
      },
    };
  },

  send_email: ({ random, pool }) => {
    const person = drawPerson(random, pool);
    const message = random.pick(pool.emailMessages);
    return {
      to: () => copied(person.email, personEntities(person, true)),
      subject: () => copied(message.subject, [message.subject]),
      body: () => copied(message.body, [message.body]),
      _first_name: () => copied(person.firstName, [person.firstName]),
    };
  },

  search_flights: ({ random, pool }, slots) => {
    const origin = random.pick(pool.cities).name;
    let destination = random.pick(pool.cities).name;
    while (destination === origin) destination = random.pick(pool.cities).name;
    const passengers = slots.get('passengers') === 'group' ? random.integer(2, 6) : random.weighted<number>([[1, 2], [random.integer(2, 4), 4], [random.integer(5, 9), 1]]);
    return {
      origin: () => copied(origin, [origin]),
      destination: () => copied(destination, [destination]),
      date: date(random),
      passengers: countOfPeople(random, passengers, ['passengers', 'people', 'adults', 'travellers']),
    };
  },

  set_timer: ({ random, pool }) => {
    const minutes = drawTimerMinutes(random);
    const label = random.pick(pool.timerLabels);
    return {
      minutes: (variant) => {
        const spoken = speakDuration(minutes, variant === 'adjective', random);
        return spoken.normalised ? normalisedFill(spoken.surface, minutes) : copied(minutes, [], spoken.surface);
      },
      label: () => copied(label),
    };
  },

  calculate: ({ random }) => {
    const spoken = drawExpression(random);
    return {
      expression: () => (spoken.normalised ? normalisedFill(spoken.surface, spoken.expression) : copied(spoken.expression)),
    };
  },

  get_stock_price: ({ random, pool }) => {
    const company = random.pick(pool.companies);
    const entities = [company.name, company.ticker];
    return {
      symbol: (variant) => {
        const style = variant ?? random.pick(['company', 'ticker']);
        if (style === 'company') return normalisedFill(company.name, company.ticker, entities);
        if (style === 'cashtag') return copied(company.ticker, entities, `$${company.ticker}`);
        return copied(company.ticker, entities);
      },
    };
  },

  translate_text: ({ random, pool }) => {
    const text = random.pick(pool.phrases);
    const language = random.pick(pool.languages);
    return {
      text: () => copied(text, [text]),
      target_language: () => {
        const written = random.chance(0.1) ? language.toLowerCase() : language;
        return copied(written, [language]);
      },
    };
  },

  add_todo: ({ random, pool }) => {
    const task = random.pick(pool.tasks);
    const priority = random.weighted<'low' | 'medium' | 'high'>([['high', 3], ['medium', 1], ['low', 2]]);
    return {
      task: () => copied(task, [task]),
      priority: (variant) => {
        const style = variant === 'adjective' || variant === 'level' ? variant : 'phrase';
        return enumFill(random.pick(PRIORITY_WORDS[style][priority]), priority);
      },
      due_date: date(random),
    };
  },

  book_table: ({ random, pool }, slots) => {
    const restaurant = random.pick(pool.restaurants);
    const partySize = slots.get('party_size') === 'group' ? random.integer(2, 8) : random.weighted<number>([[2, 5], [random.integer(3, 6), 5], [random.integer(7, 12), 1], [1, 1]]);
    return {
      restaurant: () => copied(restaurant, [restaurant]),
      party_size: countOfPeople(random, partySize, ['people', 'guests']),
      // Restaurants take bookings for lunch and dinner, not breakfast at seven.
      time: time(random, 11, 22),
      date: date(random),
    };
  },

  play_music: ({ random, pool }) => {
    const song = random.pick(pool.songs);
    const artist = random.pick(pool.artists);
    const genre = random.pick(pool.genres);
    const shuffle = random.chance(0.75);
    return {
      query: (variant) => {
        const style = variant ?? random.pick(['song', 'artist', 'song_by_artist']);
        if (style === 'genre') return copied(genre);
        if (style === 'artist') return copied(artist, [artist]);
        if (style === 'song_by_artist') return copied(`${song} by ${artist}`, [song, artist]);
        return copied(song, [song]);
      },
      shuffle: (variant) => {
        if (variant === 'verb') return normalisedFill('shuffle', true);
        return normalisedFill(random.pick(SHUFFLE_WORDS[shuffle ? 'on' : 'off']), shuffle);
      },
    };
  },
};

/** Slot variants each tool understands, for the template checks. */
export const SLOT_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  'convert_currency.from': ['symbol'],
  'create_event.duration_minutes': ['adjective'],
  'search_flights.passengers': ['count', 'group'],
  'set_timer.minutes': ['adjective'],
  'get_stock_price.symbol': ['company', 'ticker', 'cashtag'],
  'add_todo.priority': ['adjective', 'level'],
  'book_table.party_size': ['count', 'group'],
  'play_music.query': ['song', 'artist', 'song_by_artist', 'genre'],
  'play_music.shuffle': ['verb'],
};

export function slotVariants(slots: readonly SlotReference[]): Map<string, string | undefined> {
  return new Map(slots.map((slot) => [slot.name, slot.variant]));
}
