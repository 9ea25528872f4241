import type { CalendarDate } from '../formats/dates.js';
import { drawCalendarDate, formatIsoDate, speakDate } from '../formats/dates.js';
import { numberInWords, withThousandsSeparators } from '../formats/numbers.js';
import { formatClockTime, speakTime, type ClockTime } from '../formats/times.js';
import { fromPattern } from '../procedural/field-mentions.js';
import type { Random } from '../random.js';
import { copied, normalisedFill, type SlotFill } from '../templates/template.js';
import type { SlotRenderer } from '../tool-arguments.js';

/** Renderers shared by the document types. */

export function dateRenderer(random: Random, date: CalendarDate = drawCalendarDate(random)): SlotRenderer {
  const value = formatIsoDate(date);
  return () => {
    const spoken = speakDate(date, random);
    return spoken.normalised ? normalisedFill(spoken.surface, value) : copied(value);
  };
}

export function timeRenderer(random: Random, time: ClockTime): SlotRenderer {
  const value = formatClockTime(time);
  return () => {
    const spoken = speakTime(time, random);
    return spoken.normalised ? normalisedFill(spoken.surface, value) : copied(value);
  };
}

export function integerRenderer(random: Random, value: number, wordsShare = 0.2): SlotRenderer {
  return () => (value < 20 && random.chance(wordsShare) ? normalisedFill(numberInWords(value), value) : copied(value));
}

export function patternValue(random: Random, patterns: readonly string[]): string {
  return fromPattern(random.pick(patterns), random);
}

const SYMBOLS: Readonly<Record<string, string>> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

/**
 * An amount with its currency, written "$1,299.99", "1299.99 EUR" or "EUR 1299.99". Returns the amount's
 * renderer and the currency's (which states nothing itself and is stated with the amount).
 */
export function moneyRenderers(random: Random, amount: number, currency: string): { readonly amount: SlotRenderer; readonly currency: SlotRenderer } {
  let currencyFill: SlotFill = copied(currency);
  const amountRenderer: SlotRenderer = () => {
    const symbol = SYMBOLS[currency];
    const digits = String(amount);
    const grouped = withThousandsSeparators(amount);
    const style = random.weighted<'symbol' | 'code-after' | 'code-before'>([['symbol', symbol === undefined ? 0 : 4], ['code-after', 3], ['code-before', 1]]);
    const written = amount >= 1000 && random.chance(0.5) ? grouped : digits;
    const amountFill = (surface: string): SlotFill => (written === digits ? copied(amount, [], surface) : normalisedFill(surface, amount));
    if (style === 'symbol') {
      currencyFill = normalisedFill('', currency);
      return amountFill(`${symbol}${written}`);
    }
    currencyFill = copied(currency, [], '');
    return amountFill(style === 'code-after' ? `${written} ${currency}` : `${currency} ${written}`);
  };
  return { amount: amountRenderer, currency: () => currencyFill };
}

export const PHONE_PATTERNS = ['+1 ### 555 ####', '+44 20 7946 ####', '+49 30 #######', '+33 # ## ## ## ##', '+81 3 #### ####', '(###) 555-####', '0### ### ###', '+351 ### ### ###', '+61 2 #### ####'];
