import type { Random } from '../random.js';

export interface CalendarDate {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  readonly day: number;
}

export interface SpokenDate {
  readonly surface: string;
  readonly normalised: boolean;
}

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'] as const;
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export function formatIsoDate(date: CalendarDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A date in 2025-2027. Requests always name the year: a relative date ("next Friday") needs today's date,
 * which the prompt does not carry, so the model could only guess it.
 */
export function drawCalendarDate(random: Random): CalendarDate {
  const year = random.integer(2025, 2027);
  const month = random.integer(1, 12);
  return { year, month, day: random.integer(1, daysInMonth(year, month)) };
}

export function ordinal(day: number): string {
  const suffix = day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th';
  return `${day}${suffix}`;
}

export function weekdayOf(date: CalendarDate): string {
  return WEEKDAY_NAMES[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()] as string;
}

/** "March 14, 2025"-style, for answers that read better than ISO. */
export function longDate(date: CalendarDate): string {
  return `${MONTH_NAMES[date.month - 1] as string} ${date.day}, ${date.year}`;
}

export function parseIsoDate(text: string): CalendarDate {
  const [year, month, day] = text.split('-').map(Number);
  return { year: year as number, month: month as number, day: day as number };
}

/** Every way the corpus writes this date; the first is the verbatim YYYY-MM-DD. */
export function dateSurfaces(date: CalendarDate): SpokenDate[] {
  const month = MONTH_NAMES[date.month - 1] as string;
  const short = MONTH_ABBREVIATIONS[date.month - 1] as string;
  const weekday = weekdayOf(date);
  const spoken = (surface: string): SpokenDate => ({ surface, normalised: true });
  return [
    { surface: formatIsoDate(date), normalised: false },
    spoken(`${month} ${date.day}, ${date.year}`),
    spoken(`${month} ${ordinal(date.day)}, ${date.year}`),
    spoken(`${date.day} ${month} ${date.year}`),
    spoken(`${ordinal(date.day)} ${month} ${date.year}`),
    spoken(`the ${ordinal(date.day)} of ${month} ${date.year}`),
    spoken(`${short} ${date.day}, ${date.year}`),
    spoken(`${weekday}, ${month} ${date.day}, ${date.year}`),
    spoken(`${weekday} ${date.day} ${month} ${date.year}`),
  ];
}

export function speakDate(date: CalendarDate, random: Random): SpokenDate {
  const surfaces = dateSurfaces(date);
  return random.chance(0.3) ? (surfaces[0] as SpokenDate) : random.pick(surfaces.slice(1));
}
