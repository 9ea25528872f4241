import { describe, expect, it } from 'vitest';
import { evaluateArithmetic } from '../../packages/demo-toolbox/src/index.js';
import { USD_PER_UNIT } from './demo-toolbox.js';
import { CODE_BY_CURRENCY_WORD, CURRENCIES } from './formats/currencies.js';
import { dateSurfaces, formatIsoDate, MONTH_NAMES, WEEKDAY_NAMES } from './formats/dates.js';
import { durationSurfaces } from './formats/durations.js';
import { drawExpression, formatResult } from './formats/expressions.js';
import { containsNumber, numberInWords, withThousandsSeparators, wordsToNumber } from './formats/numbers.js';
import { formatClockTime, timeSurfaces } from './formats/times.js';
import { createRandom } from './random.js';

// Independent readers of what the renderers write: if a renderer and its claimed value disagree, these catch it.

const HOUR_WORDS = ['twelve', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven'];
const PERIODS: Record<string, 'am' | 'pm'> = { 'in the morning': 'am', 'in the afternoon': 'pm', 'in the evening': 'pm', 'at night': 'pm' };
const PAST: Record<string, number> = { five: 5, ten: 10, quarter: 15, twenty: 20, 'twenty-five': 25, half: 30 };

function to24(hour12: number, meridiem: 'am' | 'pm'): number {
  return meridiem === 'am' ? hour12 % 12 : (hour12 % 12) + 12;
}

function pad(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

export function readSpokenTime(text: string): string | undefined {
  if (/^\d{2}:\d{2}$/.test(text)) return text;
  if (text === 'noon' || text === 'midday') return '12:00';
  const meridiem = /^(\d{1,2})(?::(\d{2}))? ?(am|pm|AM|PM|a\.m\.|p\.m\.)$/.exec(text);
  if (meridiem) return pad(to24(Number(meridiem[1]), meridiem[3]!.toLowerCase().startsWith('a') ? 'am' : 'pm'), Number(meridiem[2] ?? 0));
  const periodMatch = /^(.*) (in the morning|in the afternoon|in the evening|at night)$/.exec(text);
  if (!periodMatch) return undefined;
  const [, rest, periodText] = periodMatch as unknown as [string, string, string];
  const period = PERIODS[periodText] as 'am' | 'pm';
  const clock = /^(\d{1,2}):(\d{2})$/.exec(rest);
  if (clock) return pad(to24(Number(clock[1]), period), Number(clock[2]));
  const hourOnly = /^(\w+)(?: o'clock)?$/.exec(rest);
  if (hourOnly && HOUR_WORDS.includes(hourOnly[1]!)) return pad(to24(HOUR_WORDS.indexOf(hourOnly[1]!), period), 0);
  const past = /^([\w-]+) past (\w+)$/.exec(rest);
  if (past && PAST[past[1]!] !== undefined) return pad(to24(HOUR_WORDS.indexOf(past[2]!), period), PAST[past[1]!]!);
  const to = /^([\w-]+) to (\w+)$/.exec(rest);
  if (to && PAST[to[1]!] !== undefined) {
    const next = to24(HOUR_WORDS.indexOf(to[2]!), period);
    return pad(next - 1, 60 - PAST[to[1]!]!);
  }
  return undefined;
}

const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

export function readSpokenDate(text: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const words = text.replace(/,/g, '').split(' ').filter((word) => word !== 'the' && word !== 'of');
  let weekday: string | undefined;
  if (WEEKDAY_NAMES.includes(words[0] as (typeof WEEKDAY_NAMES)[number])) weekday = words.shift();
  let month = -1;
  let day = -1;
  let year = -1;
  for (const word of words) {
    const monthIndex = MONTH_NAMES.indexOf(word as (typeof MONTH_NAMES)[number]);
    const shortIndex = MONTH_ABBREVIATIONS.indexOf(word);
    if (monthIndex >= 0) month = monthIndex + 1;
    else if (shortIndex >= 0) month = shortIndex + 1;
    else if (/^\d{4}$/.test(word)) year = Number(word);
    else if (/^\d{1,2}(st|nd|rd|th)?$/.test(word)) day = Number.parseInt(word, 10);
    else return undefined;
  }
  if (month < 0 || day < 0 || year < 0) return undefined;
  const iso = formatIsoDate({ year, month, day });
  if (weekday !== undefined && WEEKDAY_NAMES[new Date(`${iso}T00:00:00Z`).getUTCDay()] !== weekday) return undefined;
  return iso;
}

export function readDuration(text: string): number | undefined {
  const fixed: Record<string, number> = {
    'a minute': 1, 'half an hour': 30, 'half-hour': 30, 'three quarters of an hour': 45, 'an hour': 60, 'one hour': 60, '1 hour': 60,
    'one-hour': 60, '1-hour': 60, 'two-hour': 120, '2-hour': 120, 'an hour and a half': 90, '1.5 hours': 90, 'one and a half hours': 90,
    'a quarter of an hour': 15,
  };
  if (fixed[text] !== undefined) return fixed[text];
  const minutes = /^([\w-]+?)(?:-| )(?:minutes?|mins?|minute)$/.exec(text);
  if (minutes) return /^\d+$/.test(minutes[1]!) ? Number(minutes[1]) : wordsToNumber(minutes[1]!);
  const hours = /^([\w]+) hours$/.exec(text);
  if (hours) return 60 * (/^\d+$/.test(hours[1]!) ? Number(hours[1]) : (wordsToNumber(hours[1]!) ?? Number.NaN));
  return undefined;
}

describe('times', () => {
  it('writes every time in forms that read back to its HH:MM', () => {
    const random = createRandom(7);
    for (let hour = 7; hour <= 23; hour++) {
      for (let minute = 0; minute < 60; minute += 5) {
        const surfaces = timeSurfaces({ hour, minute }, random);
        expect(surfaces[0]).toEqual({ surface: formatClockTime({ hour, minute }), normalised: false });
        for (const surface of surfaces) expect(readSpokenTime(surface.surface), surface.surface).toBe(formatClockTime({ hour, minute }));
      }
    }
  });

  it('normalises the usual spoken forms to the 24-hour clock', () => {
    const all = (hour: number, minute: number) => new Set(Array.from({ length: 40 }, (_, seed) => timeSurfaces({ hour, minute }, createRandom(seed)).map((s) => s.surface)).flat());
    expect(all(14, 30)).toContain('half past two in the afternoon');
    expect([...all(14, 30)].some((surface) => /^2:30 ?pm$/i.test(surface))).toBe(true);
    expect(all(12, 0)).toContain('noon');
    expect(all(19, 45)).toContain('quarter to eight in the evening');
    expect(readSpokenTime('2:30pm')).toBe('14:30');
    expect(readSpokenTime('2:30 pm')).toBe('14:30');
    expect(readSpokenTime('half past two in the afternoon')).toBe('14:30');
  });
});

describe('dates', () => {
  it('writes dates in forms that read back to YYYY-MM-DD, weekdays included', () => {
    for (const date of [{ year: 2025, month: 3, day: 14 }, { year: 2026, month: 12, day: 31 }, { year: 2027, month: 2, day: 1 }, { year: 2025, month: 6, day: 22 }]) {
      const surfaces = dateSurfaces(date);
      expect(surfaces[0]).toEqual({ surface: formatIsoDate(date), normalised: false });
      for (const surface of surfaces) expect(readSpokenDate(surface.surface), surface.surface).toBe(formatIsoDate(date));
    }
    expect(dateSurfaces({ year: 2025, month: 3, day: 14 }).map((s) => s.surface)).toContain('Friday, March 14, 2025');
  });
});

describe('durations', () => {
  it('writes minutes in forms that read back to the same number, copied only when the digits are there', () => {
    for (let minutes = 1; minutes <= 240; minutes++) {
      for (const adjective of [false, true]) {
        for (const form of durationSurfaces(minutes, adjective)) {
          expect(readDuration(form.surface), form.surface).toBe(minutes);
          if (!form.normalised) expect(containsNumber(form.surface, minutes)).toBe(true);
        }
      }
    }
  });
});

describe('currencies', () => {
  it('names every currency the toolbox knows, and each word names one currency', () => {
    expect(new Set(CURRENCIES.map((currency) => currency.code))).toEqual(new Set(Object.keys(USD_PER_UNIT)));
    const words = CURRENCIES.flatMap((currency) => currency.words);
    expect(new Set(words).size).toBe(words.length);
  });

  it('maps currency words to ISO codes', () => {
    const expected: Record<string, string> = { dollars: 'USD', euros: 'EUR', pounds: 'GBP', yen: 'JPY', 'Swiss francs': 'CHF', rupees: 'INR', 'Canadian dollars': 'CAD', 'Australian dollars': 'AUD', yuan: 'CNY' };
    for (const [word, code] of Object.entries(expected)) expect(CODE_BY_CURRENCY_WORD.get(word), word).toBe(code);
  });
});

describe('numbers and arithmetic', () => {
  it('reads back small numbers in words', () => {
    for (let value = 0; value < 100; value++) expect(wordsToNumber(numberInWords(value))).toBe(value);
    expect(numberInWords(2)).toBe('two');
    expect(withThousandsSeparators(1250000.5)).toBe('1,250,000.5');
  });

  it('finds numbers only as whole tokens', () => {
    expect(containsNumber('book for 2 people', 2)).toBe(true);
    expect(containsNumber('on 2025-03-12', 2)).toBe(false);
    expect(containsNumber('12.50 EUR', 12.5)).toBe(false);
    expect(containsNumber('12.5 EUR', 12.5)).toBe(true);
  });

  it('draws expressions the calculator can evaluate', () => {
    const random = createRandom(3);
    for (let index = 0; index < 3000; index++) {
      const drawn = drawExpression(random);
      expect(Number.isFinite(evaluateArithmetic(drawn.expression)), drawn.expression).toBe(true);
      if (!drawn.normalised) expect(drawn.surface).toBe(drawn.expression);
    }
    expect(formatResult(0.1 + 0.2)).toEqual({ text: '0.3', approximate: false });
    expect(formatResult(2 / 3)).toEqual({ text: '0.6667', approximate: true });
  });
});
