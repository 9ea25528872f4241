import { describe, expect, it } from 'vitest';
import { tickersIn } from './stated-tickers.js';

describe('tickersIn', () => {
  it('reads the symbols a request states, not its pronouns, articles or clock times', () => {
    expect(tickersIn('Find the current price of MSFT stock thank you')).toEqual(['MSFT']);
    expect(tickersIn('Can I check $LMT and F at 3 PM? A quick look at LMT')).toEqual(['LMT', 'F']);
    expect(tickersIn('convert 193621 USD to EUR for me')).toEqual([]);
  });

  it('reads none where the company is named in words or a word is capitalised only at its start', () => {
    expect(tickersIn('look up the share price of Merck, please')).toEqual([]);
    expect(tickersIn('Tell me how Goldman Sachs stock is doing')).toEqual([]);
  });
});
