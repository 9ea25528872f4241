import type { Random } from '../random.js';

/** How people name a currency: in words (plural, as amounts are), by symbol, or by ISO code. */
export interface Currency {
  readonly code: string;
  /** Plural names; the first is the most explicit. "dollars" alone means US dollars here, by convention. */
  readonly words: readonly string[];
  readonly symbol?: string;
}

export const CURRENCIES: readonly Currency[] = [
  { code: 'USD', words: ['US dollars', 'dollars', 'American dollars', 'bucks'], symbol: '$' },
  { code: 'EUR', words: ['euros', 'euro'], symbol: '€' },
  { code: 'GBP', words: ['British pounds', 'pounds', 'pounds sterling', 'quid'], symbol: '£' },
  { code: 'JPY', words: ['Japanese yen', 'yen'], symbol: '¥' },
  { code: 'CHF', words: ['Swiss francs', 'francs'] },
  { code: 'CAD', words: ['Canadian dollars'] },
  { code: 'AUD', words: ['Australian dollars', 'Aussie dollars'] },
  { code: 'CNY', words: ['Chinese yuan', 'yuan', 'renminbi'] },
  { code: 'INR', words: ['Indian rupees', 'rupees'], symbol: '₹' },
  { code: 'SEK', words: ['Swedish kronor', 'Swedish crowns'] },
  { code: 'NOK', words: ['Norwegian kroner', 'Norwegian crowns'] },
  { code: 'DKK', words: ['Danish kroner', 'Danish crowns'] },
  { code: 'NZD', words: ['New Zealand dollars', 'Kiwi dollars'] },
  { code: 'MXN', words: ['Mexican pesos', 'pesos'] },
  { code: 'BRL', words: ['Brazilian reais', 'reais'] },
  { code: 'KRW', words: ['South Korean won', 'Korean won', 'won'], symbol: '₩' },
  { code: 'SGD', words: ['Singapore dollars'] },
  { code: 'HKD', words: ['Hong Kong dollars'] },
  { code: 'ZAR', words: ['South African rand', 'rand'] },
  { code: 'PLN', words: ['Polish zloty', 'zloty'] },
  { code: 'TRY', words: ['Turkish lira', 'lira'] },
];

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
