import { describe, expect, it } from 'vitest';
import { CURRENCY_NAMES, currenciesIn } from './currency-names.js';
import { USD_PER_UNIT } from './formats.js';

describe('currenciesIn', () => {
  it('reads codes, words and symbols as ISO codes, in the order the text names them', () => {
    expect(currenciesIn('Convert 250 USD to GBP')).toEqual(['USD', 'GBP']);
    expect(currenciesIn('how many euros is 50 quid?')).toEqual(['EUR', 'GBP']);
    expect(currenciesIn('£40 in yen please')).toEqual(['GBP', 'JPY']);
    // A cashtag names a stock, not dollars.
    expect(currenciesIn('check how $AZN is trading, then convert 40 EUR')).toEqual(['EUR']);
    expect(currenciesIn('What is 1 euro in Swiss francs')).toEqual(['EUR', 'CHF']);
  });

  it('takes the longest name, so a named dollar is not the US one', () => {
    expect(currenciesIn('200 Canadian dollars to US dollars')).toEqual(['CAD', 'USD']);
    expect(currenciesIn('1 New Zealand dollar in Australian dollars')).toEqual(['NZD', 'AUD']);
  });

  it('keeps a code it cannot convert, so that the tool says it does not know it; lower-case words are not codes', () => {
    expect(currenciesIn('convert 100 USD to THB for the trip')).toEqual(['USD', 'THB']);
    expect(currenciesIn('set a timer for ten minutes')).toEqual([]);
  });

  it('names only currencies the demo converts', () => {
    expect(Object.keys(CURRENCY_NAMES).sort()).toEqual(Object.keys(USD_PER_UNIT).sort());
  });
});
