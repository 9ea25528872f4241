import { CURRENCY_NAMES } from './currency-names.js';
import { companyMentions } from './listed-companies.js';
import { inTextOrder } from './in-text-order.js';

/**
 * Capitalised words that name no stock in a request: the pronoun, the article, the halves of the clock, the
 * currency codes the demo converts ("How much is that in EUR?" asks for no share price), and abbreviations a
 * request writes in capitals for other things ("ASAP", "FYI", "NYC", "GMT").
 */
const NOT_TICKERS: ReadonlySet<string> = new Set([
  'I', 'A', 'AM', 'PM', ...Object.keys(CURRENCY_NAMES),
  'ASAP', 'FYI', 'BTW', 'OK', 'TBD', 'ETA', 'RSVP', 'FAQ', 'PS', 'CC', 'BCC', 'RE', 'FW', 'FWD',
  'US', 'USA', 'UK', 'EU', 'UN', 'UAE', 'NYC', 'LA', 'SF', 'DC',
  'GMT', 'UTC', 'EST', 'EDT', 'PST', 'PDT', 'CET', 'CEST', 'BST', 'IST',
  'CEO', 'CFO', 'CTO', 'HR', 'IT', 'PR', 'QA', 'ID', 'PIN', 'PDF', 'URL', 'CV', 'TV', 'PC', 'AI', 'API', 'SMS',
]);

/**
 * The ticker symbols a text states, in the order it states them: as symbols ("MSFT", "$LMT": words of one to
 * five capitals, but currency codes and the unit of "°F") and by the name of a listed company ("Merck" is MRK, `LISTED_COMPANIES`).
 * A capitalised name ("TSMC") is its company's ticker, not a symbol of its own. A company the directory does not
 * list, named in words, states none: get_stock_price's symbol is then the model's to write.
 */
export function tickersIn(text: string): string[] {
  const companies = companyMentions(text);
  // A letter after a degree sign is a temperature unit ("°F"), not a symbol.
  const symbols = [...text.matchAll(/(?<!°)\b[A-Z]{1,5}\b/g)].flatMap((match) =>
    NOT_TICKERS.has(match[0]) || companies.some((company) => company.at <= match.index && match.index < company.end) ? [] : [{ value: match[0], at: match.index }],
  );
  return inTextOrder([...companies.map(({ ticker, at }) => ({ value: ticker, at })), ...symbols]);
}
