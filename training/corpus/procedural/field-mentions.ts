import { COMPANIES } from '../entities/companies.js';
import { emailAddress } from '../entities/people.js';
import type { EntityPool } from '../entities/entity-pools.js';
import { drawCalendarDate, formatIsoDate, speakDate } from '../formats/dates.js';
import type { Random } from '../random.js';
import { capitaliseFirst } from '../templates/template.js';
import type { EntitySource, ProceduralField } from './procedural-fields.js';

/** A field's value and the three ways a request can state it. */
export interface FieldMention {
  readonly field: ProceduralField;
  readonly value: unknown;
  readonly normalised: boolean;
  readonly entities: readonly string[];
  /** After the object: "with tracking number 1Z…", "on 2025-03-14". */
  readonly inline: string;
  /** In a list: "tracking number: 1Z…". */
  readonly listItem: string;
  /** A sentence: "The tracking number is 1Z…." */
  readonly sentence: string;
}

/** Tickers are held-out entities: random capitals must not spell one ("9703 MS" is Morgan Stanley's). */
const TICKERS = new Set(COMPANIES.map((company) => company.ticker));

function spellsTicker(code: string): boolean {
  return (code.match(/[A-Z]+/g) ?? []).some((letters) => TICKERS.has(letters));
}

/** Expands `#` to a digit, `^` to a capital letter, `~` to a small one; `\\#` is a literal `#`. */
export function fromPattern(pattern: string, random: Random): string {
  let code = expandPattern(pattern, random);
  for (let attempt = 0; attempt < 100 && spellsTicker(code); attempt++) code = expandPattern(pattern, random);
  return code;
}

function expandPattern(pattern: string, random: Random): string {
  let result = '';
  let escaped = false;
  for (const character of pattern) {
    if (escaped) {
      result += character;
      escaped = false;
    } else if (character === '\\') escaped = true;
    else if (character === '#') result += String(random.integer(0, 9));
    else if (character === '^') result += String.fromCharCode(65 + random.integer(0, 25));
    else if (character === '~') result += String.fromCharCode(97 + random.integer(0, 25));
    else result += character;
  }
  return result;
}

function entityValue(source: EntitySource, random: Random, pool: EntityPool): { value: string; entities: string[] } {
  switch (source) {
    case 'person': {
      const first = random.pick(pool.firstNames);
      const last = random.pick(pool.lastNames);
      return { value: `${first} ${last}`, entities: [first, last] };
    }
    case 'email': {
      const first = random.pick(pool.firstNames);
      const last = random.pick(pool.lastNames);
      const email = emailAddress(random, first, last, random.pick(pool.emailDomains));
      return { value: email, entities: [first, last, email] };
    }
    case 'username': {
      const first = random.pick(pool.firstNames);
      const last = random.pick(pool.lastNames);
      const value = emailAddress(random, first, last, 'x').split('@')[0] as string;
      return { value, entities: [first, last] };
    }
    case 'city': {
      const city = random.pick(pool.cities).name;
      return { value: city, entities: [city] };
    }
    case 'product': {
      const product = random.pick(pool.products).name;
      return { value: product, entities: [product] };
    }
    case 'street': {
      const street = random.pick(pool.streets);
      return { value: `${random.integer(1, 240)} ${street}`, entities: [street] };
    }
    default: {
      const lists: Record<Exclude<EntitySource, 'person' | 'email' | 'username' | 'city' | 'product' | 'street'>, readonly string[]> = {
        employer: pool.employers,
        venue: pool.venues,
        eventTitle: pool.eventTitles,
        jobTitle: pool.jobTitles,
        restaurant: pool.restaurants,
        song: pool.songs,
        artist: pool.artists,
      };
      const value = random.pick(lists[source]);
      return { value, entities: [value] };
    }
  }
}

function numberText(value: number, decimals: number): string {
  return String(Math.round(value * 10 ** decimals) / 10 ** decimals);
}

/** Draws a value for the field and writes it the ways a request might. */
export function mentionField(field: ProceduralField, random: Random, pool: EntityPool): FieldMention {
  const label = field.label;
  const value = field.value;
  const plain = (stated: string, normalised: boolean, fieldValue: unknown, entities: readonly string[] = []): FieldMention => ({
    field,
    value: fieldValue,
    normalised,
    entities,
    inline: random.pick([`with ${label} ${stated}`, `with the ${label} ${stated}`, `for ${label} ${stated}`, `where the ${label} is ${stated}`]),
    listItem: `${label}: ${stated}`,
    sentence: `The ${label} is ${stated}.`,
  });
  switch (value.kind) {
    case 'pattern': {
      const code = fromPattern(random.pick(value.patterns), random);
      return plain(code, false, code);
    }
    case 'entity': {
      const drawn = entityValue(value.entity, random, pool);
      return { ...plain(drawn.value, false, drawn.value, drawn.entities) };
    }
    case 'text': {
      const text = random.pick(value.texts);
      return { ...plain(`"${text}"`, false, text), sentence: `The ${label} is "${text}".` };
    }
    case 'integer': {
      const number = random.integer(value.min, value.max);
      return plain(String(number), false, number);
    }
    case 'number': {
      const raw = value.min + random.next() * (value.max - value.min);
      const number = Number(numberText(raw, random.chance(0.4) ? 0 : value.decimals));
      return plain(String(number), false, number);
    }
    case 'enum': {
      const option = random.pick(value.options);
      // Enum values are not grounded by the SDK, so "wrong item" may stand for `wrong_item`.
      const spoken = option.replaceAll('_', ' ');
      return plain(spoken, spoken !== option, option);
    }
    case 'date': {
      const date = drawCalendarDate(random);
      const spoken = speakDate(date, random);
      return plain(spoken.surface, spoken.normalised, formatIsoDate(date));
    }
    case 'boolean': {
      const on = random.chance(0.7);
      return {
        field,
        value: on,
        normalised: true,
        entities: [],
        inline: on ? random.pick([`with ${label}`, `including ${label}`]) : random.pick([`without ${label}`, `but without ${label}`]),
        listItem: `${label}: ${on ? 'yes' : 'no'}`,
        sentence: on ? random.pick([`I want ${label}.`, `${capitaliseFirst(label)}: yes.`]) : random.pick([`I don't want ${label}.`, `${capitaliseFirst(label)}: no.`]),
      };
    }
  }
}
