import type { Random } from '../random.js';
import { numberInWords } from './numbers.js';

export interface SpokenDuration {
  readonly surface: string;
  readonly normalised: boolean;
}

/** Timer lengths: mostly short kitchen and focus timers, some up to two hours. */
export function drawTimerMinutes(random: Random): number {
  return random.weighted<number>([
    [random.integer(1, 15), 4],
    [random.pick([20, 25, 30, 40, 45, 50]), 3],
    [random.pick([60, 90, 120]), 2],
    [random.integer(16, 119), 1],
  ]);
}

/** Event lengths: the round numbers calendars use. */
export function drawEventMinutes(random: Random): number {
  return random.pick([15, 20, 30, 30, 45, 45, 60, 60, 60, 75, 90, 90, 120, 120, 150, 180, 240]);
}

/**
 * Ways to say a length in minutes. `adjective` forms ("10-minute") go before a noun. Hours and words are
 * normalised (the minutes value is not in the text); plain digits are copied.
 */
export function durationSurfaces(minutes: number, adjective: boolean): SpokenDuration[] {
  const copied = (surface: string): SpokenDuration => ({ surface, normalised: false });
  const spoken = (surface: string): SpokenDuration => ({ surface, normalised: true });
  if (adjective) {
    const forms = [copied(`${minutes}-minute`), copied(`${minutes} minute`)];
    if (minutes < 21 || (minutes < 100 && minutes % 5 === 0)) forms.push(spoken(`${numberInWords(minutes)}-minute`));
    if (minutes === 60) forms.push(spoken('one-hour'), spoken('1-hour'));
    if (minutes === 120) forms.push(spoken('two-hour'), spoken('2-hour'));
    if (minutes === 30) forms.push(spoken('half-hour'));
    return forms;
  }
  const unit = minutes === 1 ? 'minute' : 'minutes';
  const forms = [copied(`${minutes} ${unit}`)];
  if (minutes > 1) forms.push(copied(`${minutes} min`), copied(`${minutes} mins`));
  if (minutes < 21 || (minutes < 100 && minutes % 5 === 0)) forms.push(spoken(`${numberInWords(minutes)} ${unit}`));
  if (minutes === 1) forms.push(spoken('a minute'));
  if (minutes === 30) forms.push(spoken('half an hour'));
  if (minutes === 45) forms.push(spoken('three quarters of an hour'));
  if (minutes === 60) forms.push(spoken('an hour'), spoken('one hour'), spoken('1 hour'));
  if (minutes === 90) forms.push(spoken('an hour and a half'), spoken('1.5 hours'), spoken('one and a half hours'));
  if (minutes === 15) forms.push(spoken('a quarter of an hour'));
  if (minutes % 60 === 0 && minutes > 60) {
    forms.push(spoken(`${minutes / 60} hours`), spoken(`${numberInWords(minutes / 60)} hours`));
  }
  return forms;
}

/** Copied digits about half the time, so both reading and converting are learned. */
export function speakDuration(minutes: number, adjective: boolean, random: Random): SpokenDuration {
  const forms = durationSurfaces(minutes, adjective);
  const copied = forms.filter((form) => !form.normalised);
  const spoken = forms.filter((form) => form.normalised);
  return spoken.length > 0 && random.chance(0.5) ? random.pick(spoken) : random.pick(copied);
}
