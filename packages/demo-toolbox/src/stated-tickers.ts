import { CURRENCY_NAMES } from './currency-names.js';
import { companyMentions } from './listed-companies.js';

/**
 * Capitalised words that name no stock in a request: the pronoun, the article, the halves of the clock, and the
 * currency codes the demo converts ("How much is that in EUR?" asks for no share price).
 */
const NOT_TICKERS: ReadonlySet<string> = new Set(['I', 'A', 'AM', 'PM', ...Object.keys(CURRENCY_NAMES)]);

/**
 * The ticker symbols a text states, in the order it states them: as symbols ("MSFT", "$LMT": words of one to
 * five capitals, but currency codes) and by the name of a listed company ("Merck" is MRK, `LISTED_COMPANIES`).
 * A capitalised name ("TSMC") is its company's ticker, not a symbol of its own. A company the directory does not
 * list, named in words, states none: get_stock_price's symbol is then the model's to write.
 */
export function tickersIn(text: string): string[] {
  const companies = companyMentions(text);
  const symbols = [...text.matchAll(/\b[A-Z]{1,5}\b/g)].flatMap((match) =>
    NOT_TICKERS.has(match[0]) || companies.some((company) => company.at <= match.index && match.index < company.end) ? [] : [{ ticker: match[0], at: match.index }],
  );
  const tickers: string[] = [];
  for (const { ticker } of [...companies, ...symbols].sort((left, right) => left.at - right.at)) if (!tickers.includes(ticker)) tickers.push(ticker);
  return tickers;
}
