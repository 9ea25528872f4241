/**
 * The calendar dates and clock times a text states, written the way schemas ask for them (YYYY-MM-DD, 24-hour
 * HH:MM), so that a date or time argument can be grounded in the conversation as a number or a name is: "Nov 18,
 * 2026", "the 17th of December 2025" and "2026-11-18" all state 2026-11-18; "7:15 PM" and "19:15" state 19:15.
 * Dates relative to today ("tomorrow", "on Friday", "in 3 days", "March 5" without a year) are read when today's
 * date is given. Times in words without a part of the day ("quarter past five") are not read.
 */

/** What the dates of a text are read against. */
export interface DateReading {
  /**
   * Today's date, YYYY-MM-DD. With it, "today", "tomorrow", "the day after tomorrow", "yesterday", "in 3 days",
   * "in two weeks", weekdays ("on Friday", "next Friday") and dates without a year ("March 5": the next one) are
   * dates too; without it they are not read.
   */
  readonly today?: string;
}

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const MONTH = `(${Object.keys(MONTHS).join('|')})\\.?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
// "Nov 18, 2026", "March 5th 2027"
const MONTH_FIRST = new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'gi');
// "14 September 2027", "the 17th of December, 2025"
const DAY_FIRST = new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b`, 'gi');
// "7:15 PM", "10:00 p.m.", "14:15", "7pm", "7:15 in the evening"
const PERIOD = '\\s+(in the morning|in the afternoon|in the evening|at night|tonight)';
const CLOCK = new RegExp(`\\b(\\d{1,2})(?::(\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)?(?![\\w:])(?:${PERIOD})?`, 'gi');
// "8 o'clock", "8 o'clock in the evening": an hour on the dot, morning or evening unless the part of the day is said.
const OCLOCK = new RegExp(`\\b(\\d{1,2})\\s*o'clock\\b(?:${PERIOD})?`, 'gi');
// "tonight at 8", "this afternoon at 3:30": the part of the day said before the hour.
const PERIOD_AT = '(tonight|this evening|this afternoon|this morning)\\s+at\\s+';
const PERIOD_FIRST = new RegExp(`\\b${PERIOD_AT}(\\d{1,2})(?::(\\d{2}))?(?![\\w:])`, 'gi');
const PERIOD_BEFORE = new RegExp(`\\b${PERIOD_AT}$`, 'i');
const HOUR_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
const COUNT_WORDS: Readonly<Record<string, number>> = { a: 1, an: 1, ...HOUR_WORDS };

const DAYS_FROM_TODAY: Readonly<Record<string, number>> = { yesterday: -1, today: 0, tomorrow: 1, 'day after tomorrow': 2 };
const RELATIVE_DAY = /\b(?:the\s+)?(day\s+after\s+tomorrow|tomorrow|today|yesterday)\b/gi;
const IN_DAYS = new RegExp(`\\bin\\s+(\\d{1,3}|${Object.keys(COUNT_WORDS).join('|')})\\s+(day|week)s?\\b`, 'gi');
// Sunday first, as Date.getUTCDay counts.
const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY = new RegExp(`\\b(?:(this|next|coming|this\\s+coming)\\s+)?(${WEEKDAY_NAMES.join('|')})\\b`, 'gi');
// "March 5", "the 17th of December": no year after them (those are read as whole dates).
const NO_YEAR = '(?!,?\\s*\\d{4}\\b)';
const MONTH_FIRST_NO_YEAR = new RegExp(`\\b${MONTH}\\s+${DAY}\\b${NO_YEAR}`, 'gi');
const DAY_FIRST_NO_YEAR = new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}\\b${NO_YEAR}`, 'gi');
const PAST: Readonly<Record<string, number>> = { five: 5, ten: 10, quarter: 15, twenty: 20, 'twenty-five': 25, half: 30 };
// "three in the afternoon", "seven o'clock in the evening", "quarter past five in the afternoon", "ten to nine at night"
const WORD_CLOCK = new RegExp(
  `\\b(?:(five|ten|quarter|twenty-five|twenty|half)\\s+(past|to)\\s+)?(${Object.keys(HOUR_WORDS).join('|')})(?:\\s+o'clock)?${PERIOD}`,
  'gi',
);

function two(value: number): string {
  return String(value).padStart(2, '0');
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${two(month)}-${two(day)}`;
}

/** Where a date or time is stated, and what it states. */
interface Mention {
  readonly at: number;
  readonly end: number;
  readonly value: string;
}

function inOrder(mentions: Mention[]): string[] {
  return [...new Set(mentions.sort((left, right) => left.at - right.at).map((mention) => mention.value))];
}

function dateMentions(text: string, reading: DateReading = {}): Mention[] {
  const found: Mention[] = [];
  const add = (match: RegExpMatchArray, value: string | undefined) => {
    if (value !== undefined) found.push({ at: match.index as number, end: (match.index as number) + match[0].length, value });
  };
  for (const match of text.matchAll(ISO_DATE)) add(match, isoDate(Number(match[1]), Number(match[2]), Number(match[3])));
  for (const match of text.matchAll(MONTH_FIRST)) add(match, isoDate(Number(match[3]), MONTHS[(match[1] as string).toLowerCase()] as number, Number(match[2])));
  for (const match of text.matchAll(DAY_FIRST)) add(match, isoDate(Number(match[3]), MONTHS[(match[2] as string).toLowerCase()] as number, Number(match[1])));
  const today = reading.today === undefined ? undefined : dayNumber(reading.today);
  return today === undefined ? found : [...found, ...relativeDateMentions(text, today, found)];
}

/** Days since 1970-01-01 of a YYYY-MM-DD date, or undefined when it is not one. */
function dayNumber(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null || isoDate(Number(match[1]), Number(match[2]), Number(match[3])) === undefined) return undefined;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

/** The local calendar day of a moment, as YYYY-MM-DD. */
export function calendarDateOf(moment: Date): string {
  return `${moment.getFullYear()}-${two(moment.getMonth() + 1)}-${two(moment.getDate())}`;
}

/** Whether a text is a day that exists, written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  return dayNumber(text) !== undefined;
}

function dateOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The dates a text states relative to today (a day number). A weekday or a date without its year that is part
 * of a whole date ("Sunday, September 27, 2026") is that date, already read.
 */
function relativeDateMentions(text: string, today: number, whole: readonly Mention[]): Mention[] {
  const found: Mention[] = [];
  const add = (match: RegExpMatchArray, ...days: number[]) => {
    const at = match.index as number;
    const end = at + match[0].length;
    const partOfWhole = whole.some((mention) => at < mention.end && mention.at < end) || whole.some((mention) => mention.at >= end && /^[\s,]*$/.test(text.slice(end, mention.at)));
    if (!partOfWhole) for (const day of days) found.push({ at, end, value: dateOfDay(day) });
  };
  for (const match of text.matchAll(RELATIVE_DAY)) add(match, today + (DAYS_FROM_TODAY[(match[1] as string).toLowerCase().replace(/\s+/g, ' ')] as number));
  for (const match of text.matchAll(IN_DAYS)) {
    const count = /\d/.test(match[1] as string) ? Number(match[1]) : (COUNT_WORDS[(match[1] as string).toLowerCase()] as number);
    add(match, today + count * ((match[2] as string).toLowerCase() === 'week' ? 7 : 1));
  }
  for (const match of text.matchAll(WEEKDAY)) {
    // 1970-01-01 was a Thursday (weekday 4).
    const ahead = (WEEKDAY_NAMES.indexOf((match[2] as string).toLowerCase()) - ((today + 4) % 7) + 7) % 7;
    // "Friday" said on a Friday may be today or a week on; "next Friday" may be the coming one or the one after.
    if (match[1]?.toLowerCase() === 'next') add(match, ...(ahead === 0 ? [today + 7] : [today + ahead, today + ahead + 7]));
    else add(match, ...(ahead === 0 ? [today, today + 7] : [today + ahead]));
  }
  const year = Number(dateOfDay(today).slice(0, 4));
  const next = (month: number, day: number): number[] => {
    // The first one from today on: this year's, or next year's when this year's has passed (or does not exist).
    for (const candidate of [year, year + 1]) {
      const date = isoDate(candidate, month, day);
      const number = date === undefined ? undefined : dayNumber(date);
      if (number !== undefined && number >= today) return [number];
    }
    return [];
  };
  for (const match of text.matchAll(MONTH_FIRST_NO_YEAR)) add(match, ...next(MONTHS[(match[1] as string).toLowerCase()] as number, Number(match[2])));
  for (const match of text.matchAll(DAY_FIRST_NO_YEAR)) add(match, ...next(MONTHS[(match[2] as string).toLowerCase()] as number, Number(match[1])));
  return found;
}

/**
 * The dates a text states, as YYYY-MM-DD, in order of first mention, without repeats; dates relative to today
 * too when `reading.today` is given.
 */
export function datesIn(text: string, reading: DateReading = {}): string[] {
  return inOrder(dateMentions(text, reading));
}

/**
 * The clock times a text states, as 24-hour HH:MM, in order of first mention, without repeats: "H:MM" with or
 * without am/pm (a one-digit hour without either may be morning or evening: both are offered), "H am/pm",
 * "noon", and hours in words with a part of the day ("quarter past five in the afternoon"). A bare number
 * ("for 3 people") is no time.
 */
export function timesIn(text: string): string[] {
  return inOrder(timeMentions(text));
}

/** Where the text states each date and time (UTF-16 offsets), with the value it states (YYYY-MM-DD, HH:MM). */
export function dateAndTimeMentions(text: string, reading: DateReading = {}): { readonly at: number; readonly end: number; readonly value: string }[] {
  return [...dateMentions(text, reading), ...timeMentions(text)];
}

/**
 * The text with every date and time it states blanked out (same length): the numbers left in it are quantities,
 * not the day of a date ("Apr 2, 2027") or the hour of a time ("at 7:15"), which a count must not be copied from.
 */
export function withoutDatesAndTimes(text: string, reading: DateReading = {}): string {
  // Offsets are UTF-16 code units (the mentions are ASCII); blanking them one by one keeps every other offset.
  const units = text.split('');
  for (const mention of dateAndTimeMentions(text, reading)) for (let index = mention.at; index < mention.end; index++) units[index] = ' ';
  return units.join('');
}

function timeMentions(text: string): Mention[] {
  const found: Mention[] = [];
  const add = (match: RegExpMatchArray, value: string) => found.push({ at: match.index as number, end: (match.index as number) + match[0].length, value });
  for (const match of text.matchAll(CLOCK)) {
    const [, hourText, minuteText, meridiem, period] = match;
    if (minuteText === undefined && meridiem === undefined && period === undefined) continue;
    // "this morning at 9:30" is read with its part of the day (PERIOD_FIRST), not as either.
    if (meridiem === undefined && period === undefined && PERIOD_BEFORE.test(text.slice(0, match.index))) continue;
    const hour = Number(hourText);
    const minute = minuteText === undefined ? 0 : Number(minuteText);
    if (minute > 59) continue;
    if (meridiem !== undefined || period !== undefined) {
      if (hour < 1 || hour > 12) continue;
      add(match, meridiem === undefined ? clockIn(period as string, hour, minute) : clock((hour % 12) + (meridiem.toLowerCase().startsWith('p') ? 12 : 0), minute));
    } else if (hour <= 23) {
      add(match, clock(hour, minute));
      // "7:15" alone may be either; a 24-hour clock would have said 19:15.
      if (hour >= 1 && hour < 12 && hourText?.length === 1) add(match, clock(hour + 12, minute));
    }
  }
  for (const match of text.matchAll(/\b(noon|midday)\b/gi)) add(match, '12:00');
  for (const match of text.matchAll(OCLOCK)) {
    const [, hourText, period] = match;
    const hour = Number(hourText);
    if (hour < 1 || hour > 12) continue;
    if (period !== undefined) add(match, clockIn(period, hour, 0));
    else {
      add(match, clock(hour % 12, 0));
      add(match, clock((hour % 12) + 12, 0));
    }
  }
  for (const match of text.matchAll(PERIOD_FIRST)) {
    const [, period, hourText, minuteText] = match;
    const hour = Number(hourText);
    const minute = minuteText === undefined ? 0 : Number(minuteText);
    if (hour < 1 || hour > 12 || minute > 59) continue;
    add(match, clockIn(period as string, hour, minute));
  }
  for (const match of text.matchAll(WORD_CLOCK)) {
    const [, minuteWord, direction, hourWord, period] = match;
    let hour = HOUR_WORDS[(hourWord as string).toLowerCase()] as number;
    let minute = minuteWord === undefined ? 0 : (PAST[minuteWord.toLowerCase()] as number);
    if (direction?.toLowerCase() === 'to') {
      hour -= 1;
      minute = 60 - minute;
    }
    add(match, clockIn(period as string, hour, minute));
  }
  return found;
}

function clock(hour: number, minute: number): string {
  return `${two(hour)}:${two(minute)}`;
}

/** An hour of a 12-hour clock in the part of the day a text says ("in the morning", "tonight"), as HH:MM. */
function clockIn(period: string, hour: number, minute: number): string {
  return clock((hour % 12) + (/morning/i.test(period) ? 0 : 12), minute);
}
