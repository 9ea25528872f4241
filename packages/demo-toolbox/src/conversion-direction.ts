import { currencyMentions, type CurrencyMention } from './currency-names.js';

/** An amount of money as a request writes it: digits, with thousands separators and decimals. */
const AMOUNT = /\d[\d,]*(?:\.\d+)?/g;

/**
 * Which of the two currencies a conversion request names is converted from and which to, as the request says it;
 * undefined when it names other than two, or does not say. Read in order of how plainly it is said:
 * 1. "from X" names the source, and "to X" or "into X" the target ("convert 66 from NOK to Korean won");
 * 2. the currency written against the amount is the source: by symbol before it ("£41290", "₩219422") or named
 *    right after it ("81 Swiss francs", "157,194 AUD") or right before it ("USD 500"); the other is the target
 *    ("how much yen is ₩219422?" converts KRW to JPY);
 * 3. "in X" names the target ("Are pounds worth more in euros?"): a weaker cue than the amount's currency, as "in"
 *    also says which currency something was paid in ("I paid in euros").
 */
export function conversionDirection(text: string): { readonly from: string; readonly to: string } | undefined {
  const mentions = currencyMentions(text);
  const codes = [...new Set(mentions.map((mention) => mention.code))];
  if (codes.length !== 2) return undefined;
  const [first, second] = codes as [string, string];
  const other = (code: string) => (code === first ? second : first);
  const before = (mention: CurrencyMention) => text.slice(0, mention.at).toLowerCase();
  for (const mention of mentions) {
    if (/\bfrom\s+$/.test(before(mention))) return { from: mention.code, to: other(mention.code) };
  }
  for (const mention of mentions) {
    if (/\b(?:to|into)\s+$/.test(before(mention))) return { from: other(mention.code), to: mention.code };
  }
  for (const amount of text.matchAll(AMOUNT)) {
    const start = amount.index;
    const end = start + amount[0].length;
    const against = mentions.find(
      (mention) => (mention.end <= start && /^\s*$/.test(text.slice(mention.end, start))) || (mention.at >= end && /^\s*$/.test(text.slice(end, mention.at))),
    );
    if (against !== undefined) return { from: against.code, to: other(against.code) };
  }
  for (const mention of mentions) {
    if (/\bin\s+$/.test(before(mention))) return { from: other(mention.code), to: mention.code };
  }
  return undefined;
}
