import type { Random } from '../random.js';
import { numberInWords } from './numbers.js';

/** A clock time on the 24-hour clock. */
export interface ClockTime {
  readonly hour: number;
  readonly minute: number;
}

/** A time as a request writes it, and whether that text is the HH:MM value verbatim. */
export interface SpokenTime {
  readonly surface: string;
  readonly normalised: boolean;
}

export function formatClockTime(time: ClockTime): string {
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

/** Mostly on the hour or the half hour, like real bookings; hours from 7:00 to 23:55. */
export function drawClockTime(random: Random, earliestHour = 7, latestHour = 22): ClockTime {
  const hour = random.integer(earliestHour, latestHour);
  const minute = random.weighted<number>([[0, 5], [30, 4], [15, 2], [45, 2], [random.integer(1, 11) * 5, 2], [random.integer(1, 58), 0.5]]);
  return { hour, minute };
}

type DayPeriod = 'in the morning' | 'in the afternoon' | 'in the evening' | 'at night';

/** The phrase that pins a 12-hour reading to one half of the day; undefined where none is natural (0-5 h). */
function dayPeriod(hour: number): DayPeriod | undefined {
  if (hour >= 6 && hour < 12) return 'in the morning';
  if (hour >= 12 && hour < 18) return 'in the afternoon';
  if (hour >= 18 && hour < 22) return 'in the evening';
  if (hour >= 22) return 'at night';
  return undefined;
}

function twelveHour(hour: number): number {
  return hour % 12 === 0 ? 12 : hour % 12;
}

const MERIDIEM_STYLES: readonly ((meridiem: 'am' | 'pm') => string)[] = [
  (meridiem) => ` ${meridiem}`,
  (meridiem) => meridiem,
  (meridiem) => ` ${meridiem.toUpperCase()}`,
  (meridiem) => ` ${meridiem[0]}.m.`,
];

const PAST_WORDS: Readonly<Record<number, string>> = { 5: 'five past', 10: 'ten past', 15: 'quarter past', 20: 'twenty past', 25: 'twenty-five past', 30: 'half past' };
const TO_WORDS: Readonly<Record<number, string>> = { 35: 'twenty-five to', 40: 'twenty to', 45: 'quarter to', 50: 'ten to', 55: 'five to' };

/** Every way the corpus writes this time; the first is the verbatim HH:MM. */
export function timeSurfaces(time: ClockTime, random: Random): SpokenTime[] {
  const { hour, minute } = time;
  const meridiem = hour < 12 ? 'am' : 'pm';
  const style = random.pick(MERIDIEM_STYLES)(meridiem);
  const minutes = String(minute).padStart(2, '0');
  const surfaces: SpokenTime[] = [{ surface: formatClockTime(time), normalised: false }];
  surfaces.push({ surface: `${twelveHour(hour)}:${minutes}${style}`, normalised: true });
  if (minute === 0) {
    surfaces.push({ surface: `${twelveHour(hour)}${style}`, normalised: true });
    if (hour === 12) surfaces.push({ surface: random.pick(['noon', 'midday']), normalised: true });
  }
  const period = dayPeriod(hour);
  if (period !== undefined) {
    const hourWord = hour === 12 ? 'twelve' : numberInWords(twelveHour(hour));
    if (minute === 0 && hour !== 12) {
      surfaces.push({ surface: `${hourWord} ${period}`, normalised: true });
      surfaces.push({ surface: `${hourWord} o'clock ${period}`, normalised: true });
    }
    if (PAST_WORDS[minute] !== undefined) surfaces.push({ surface: `${PAST_WORDS[minute]} ${hourWord} ${period}`, normalised: true });
    if (TO_WORDS[minute] !== undefined && hour < 23 && dayPeriod(hour + 1) === period) {
      surfaces.push({ surface: `${TO_WORDS[minute]} ${numberInWords(twelveHour(hour + 1))} ${period}`, normalised: true });
    }
    if (minute !== 0) surfaces.push({ surface: `${twelveHour(hour)}:${minutes} ${period}`, normalised: true });
  }
  return surfaces;
}

/** One way of writing the time, with the verbatim HH:MM form about a third of the time. */
export function speakTime(time: ClockTime, random: Random): SpokenTime {
  const surfaces = timeSurfaces(time, random);
  return random.chance(0.3) ? (surfaces[0] as SpokenTime) : random.pick(surfaces.slice(1));
}
