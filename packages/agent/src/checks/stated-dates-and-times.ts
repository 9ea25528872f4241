/**
 * The calendar dates and clock times a text states, written the way schemas ask for them (YYYY-MM-DD, 24-hour
 * HH:MM), so that a date or time argument can be grounded in the conversation as a number or a name is: "Nov 18,
 * 2026", "the 17th of December 2025" and "2026-11-18" all state 2026-11-18; "7:15 PM" and "19:15" state 19:15.
 * Relative dates ("tomorrow") and times in words ("quarter past five") are not read.
 */

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
// "7:15 PM", "10:00 p.m.", "14:15", "7pm"
const CLOCK = /\b(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?(?![\w:])/gi;

function two(value: number): string {
  return String(value).padStart(2, '0');
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${two(month)}-${two(day)}`;
}

/** The dates a text states, as YYYY-MM-DD, in order of first mention, without repeats. */
export function datesIn(text: string): string[] {
  const found: { at: number; date: string }[] = [];
  const add = (at: number, date: string | undefined) => (date === undefined ? undefined : found.push({ at, date }));
  for (const match of text.matchAll(ISO_DATE)) add(match.index, isoDate(Number(match[1]), Number(match[2]), Number(match[3])));
  for (const match of text.matchAll(MONTH_FIRST)) add(match.index, isoDate(Number(match[3]), MONTHS[(match[1] as string).toLowerCase()] as number, Number(match[2])));
  for (const match of text.matchAll(DAY_FIRST)) add(match.index, isoDate(Number(match[3]), MONTHS[(match[2] as string).toLowerCase()] as number, Number(match[1])));
  return [...new Set(found.sort((left, right) => left.at - right.at).map((entry) => entry.date))];
}

/**
 * The clock times a text states, as 24-hour HH:MM, in order of first mention, without repeats: "H:MM" with or
 * without am/pm, and "H am/pm". A bare number ("for 3 people") is no time.
 */
export function timesIn(text: string): string[] {
  const times: string[] = [];
  for (const match of text.matchAll(CLOCK)) {
    const [, hourText, minuteText, meridiem] = match;
    if (minuteText === undefined && meridiem === undefined) continue;
    let hour = Number(hourText);
    const minute = minuteText === undefined ? 0 : Number(minuteText);
    if (minute > 59) continue;
    if (meridiem !== undefined) {
      if (hour < 1 || hour > 12) continue;
      const afternoon = meridiem.toLowerCase().startsWith('p');
      hour = (hour % 12) + (afternoon ? 12 : 0);
    } else if (hour > 23) continue;
    times.push(`${two(hour)}:${two(minute)}`);
  }
  return [...new Set(times)];
}
