import { inTextOrder } from './in-text-order.js';

/** How people name a currency besides its ISO code: in words (plural, as amounts are) and by symbol. */
export interface CurrencyName {
  /** Plural names, the most explicit first. "dollars" alone means US dollars, by convention. */
  readonly words: readonly string[];
  readonly symbol?: string;
}

/** The names of the currencies the demo converts (`USD_PER_UNIT`), by ISO code; the common ones first. */
export const CURRENCY_NAMES: Readonly<Record<string, CurrencyName>> = {
  USD: { words: ['US dollars', 'dollars', 'American dollars', 'bucks'], symbol: '$' },
  EUR: { words: ['euros', 'euro'], symbol: '€' },
  GBP: { words: ['British pounds', 'pounds', 'pounds sterling', 'quid'], symbol: '£' },
  JPY: { words: ['Japanese yen', 'yen'], symbol: '¥' },
  CHF: { words: ['Swiss francs', 'francs'] },
  CAD: { words: ['Canadian dollars'] },
  AUD: { words: ['Australian dollars', 'Aussie dollars'] },
  CNY: { words: ['Chinese yuan', 'yuan', 'renminbi'] },
  INR: { words: ['Indian rupees', 'rupees'], symbol: '₹' },
  SEK: { words: ['Swedish kronor', 'Swedish crowns'] },
  NOK: { words: ['Norwegian kroner', 'Norwegian crowns'] },
  DKK: { words: ['Danish kroner', 'Danish crowns'] },
  NZD: { words: ['New Zealand dollars', 'Kiwi dollars'] },
  MXN: { words: ['Mexican pesos', 'pesos'] },
  BRL: { words: ['Brazilian reais', 'reais'] },
  KRW: { words: ['South Korean won', 'Korean won', 'won'], symbol: '₩' },
  SGD: { words: ['Singapore dollars'] },
  HKD: { words: ['Hong Kong dollars'] },
  ZAR: { words: ['South African rand', 'rand'] },
  PLN: { words: ['Polish zloty', 'zloty'] },
  TRY: { words: ['Turkish lira', 'lira'] },
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every way the table names a currency, mapped to its code. A plural also matches its singular ("1 dollar"),
 * and names are tried longest first, so "Canadian dollars" is CAD and not the USD of "dollars".
 */
const CODE_BY_NAME: ReadonlyMap<string, string> = new Map(
  Object.entries(CURRENCY_NAMES).flatMap(([code, name]) => name.words.map((word) => [word.toLowerCase(), code] as const)),
);
const CODE_BY_SYMBOL: ReadonlyMap<string, string> = new Map(
  Object.entries(CURRENCY_NAMES).flatMap(([code, name]) => (name.symbol === undefined ? [] : [[name.symbol, code] as const])),
);
const NAME_PATTERN = new RegExp(
  [
    ...[...CODE_BY_NAME.keys()].sort((left, right) => right.length - left.length).map((word) => `\\b${escape(word).replace(/s$/, 's?')}\\b`),
    // A symbol before a word is a cashtag ("$AZN" names a stock), not a currency.
    ...[...CODE_BY_SYMBOL.keys()].map((symbol) => `${escape(symbol)}(?!\\p{L})`),
  ].join('|'),
  'giu',
);
/**
 * Any three capital letters: a code the demo cannot convert still reaches the tool, which then says so. Not a
 * cashtag's ("$AZN" names a stock).
 */
const CODE_PATTERN = /(?<!\$)\b[A-Z]{3}\b/gu;

/** Where a text names a currency: the code it names, and the offsets of the words or symbol that name it. */
export interface CurrencyMention {
  readonly code: string;
  readonly at: number;
  readonly end: number;
}

/** Every mention of a currency in a text, in order: by code ("USD"), in words ("quid", "1 euro") or by symbol ("£"). */
export function currencyMentions(text: string): CurrencyMention[] {
  const named = [...text.matchAll(NAME_PATTERN)].flatMap((match) => {
    const code = CODE_BY_SYMBOL.get(match[0]) ?? CODE_BY_NAME.get(match[0].toLowerCase()) ?? CODE_BY_NAME.get(`${match[0].toLowerCase()}s`);
    return code === undefined ? [] : [{ code, at: match.index, end: match.index + match[0].length }];
  });
  const coded = [...text.matchAll(CODE_PATTERN)].map((match) => ({ code: match[0], at: match.index, end: match.index + match[0].length }));
  return [...named, ...coded].sort((left, right) => left.at - right.at);
}

/**
 * The currencies a text names, as ISO codes, in the order it names them: by code ("USD"), in words ("quid",
 * "Canadian dollars", "1 euro") or by symbol ("£40"). The reader behind convert_currency's `from` and `to`.
 */
export function currenciesIn(text: string): string[] {
  return inTextOrder(currencyMentions(text).map(({ code, at }) => ({ value: code, at })));
}
