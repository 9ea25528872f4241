import { CURRENCY_NAMES, type CurrencyName } from '../../../packages/demo-toolbox/src/index.js';
import type { Random } from '../random.js';

/** A currency as requests name it: its ISO code, plural names and symbol (the demo toolbox's table). */
export interface Currency extends CurrencyName {
  readonly code: string;
}

/** In the table's order, the common ones first (`drawCurrency` relies on it). */
export const CURRENCIES: readonly Currency[] = Object.entries(CURRENCY_NAMES).map(([code, name]) => ({ code, ...name }));

export const CURRENCY_BY_CODE: ReadonlyMap<string, Currency> = new Map(CURRENCIES.map((currency) => [currency.code, currency]));

/** Every word form → ISO code; the tests check the table is a function (no word names two currencies). */
export const CODE_BY_CURRENCY_WORD: ReadonlyMap<string, string> = new Map(
  CURRENCIES.flatMap((currency) => currency.words.map((word) => [word, currency.code] as const)),
);

/** The common ones dominate real requests, as they should the corpus. */
export function drawCurrency(random: Random, excluding?: string): Currency {
  const common = CURRENCIES.slice(0, 9);
  for (;;) {
    const currency = random.chance(0.7) ? random.pick(common) : random.pick(CURRENCIES);
    if (currency.code !== excluding) return currency;
  }
}

export interface SpokenCurrency {
  readonly surface: string;
  readonly normalised: boolean;
}

export function speakCurrency(currency: Currency, random: Random): SpokenCurrency {
  if (random.chance(0.45)) return { surface: currency.code, normalised: false };
  return { surface: random.pick(currency.words), normalised: true };
}
