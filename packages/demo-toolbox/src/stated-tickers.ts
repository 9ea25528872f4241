import { CURRENCY_NAMES } from './currency-names.js';

/**
 * Capitalised words that name no stock in a request: the pronoun, the article, the halves of the clock, and the
 * currency codes the demo converts ("How much is that in EUR?" asks for no share price).
 */
const NOT_TICKERS: ReadonlySet<string> = new Set(['I', 'A', 'AM', 'PM', ...Object.keys(CURRENCY_NAMES)]);

/**
 * The ticker symbols a text states as such ("MSFT", "$LMT"): words of one to five capitals, but currency codes.
 * A company named in words ("Merck") states none, and get_stock_price's symbol is then the model's to write.
 */
export function tickersIn(text: string): string[] {
  const tickers: string[] = [];
  for (const [word] of text.matchAll(/\b[A-Z]{1,5}\b/g)) if (!NOT_TICKERS.has(word) && !tickers.includes(word)) tickers.push(word);
  return tickers;
}
