/** Capitalised words that name no stock in a request: the pronoun, the article, and the halves of the clock. */
const NOT_TICKERS: ReadonlySet<string> = new Set(['I', 'A', 'AM', 'PM']);

/**
 * The ticker symbols a text states as such ("MSFT", "$LMT"): words of one to five capitals. A company named
 * in words ("Merck") states none, and get_stock_price's symbol is then the model's to write.
 */
export function tickersIn(text: string): string[] {
  const tickers: string[] = [];
  for (const [word] of text.matchAll(/\b[A-Z]{1,5}\b/g)) if (!NOT_TICKERS.has(word) && !tickers.includes(word)) tickers.push(word);
  return tickers;
}
