import { describe, expect, it } from 'vitest';
import { tickersIn } from './stated-tickers.js';

describe('tickersIn', () => {
  it('reads the symbols a request states, not its pronouns, articles or clock times', () => {
    expect(tickersIn('Find the current price of MSFT stock thank you')).toEqual(['MSFT']);
    expect(tickersIn('Can I check $LMT and F at 3 PM? A quick look at LMT')).toEqual(['LMT', 'F']);
    expect(tickersIn('convert 193621 USD to EUR for me')).toEqual([]);
    expect(tickersIn("What's the temperature in Pokhara in °F? And in °C?")).toEqual([]);
    expect(tickersIn('email HR the PDF ASAP, the call is at 3 PM GMT')).toEqual([]);
  });

  it('reads a listed company named in words as its ticker, in the order the request names them', () => {
    expect(tickersIn('look up the share price of Merck, please')).toEqual(['MRK']);
    expect(tickersIn('Tell me how Goldman Sachs stock is doing')).toEqual(['GS']);
    expect(tickersIn('Compare NVDA with McDonald’s and Meta Platforms')).toEqual(['NVDA', 'MCD', 'META']);
    expect(tickersIn("What's Johnson & Johnson's share price?")).toEqual(['JNJ']);
    // A capitalised name is its company's ticker, not a symbol of its own.
    expect(tickersIn('how is TSMC doing')).toEqual(['TSM']);
  });

  it('reads no company from a common word written in lower case or inside a longer name', () => {
    expect(tickersIn('bake an apple pie and play some music on amazon')).toEqual([]);
    expect(tickersIn('Tell me how Acme Metalworks stock is doing')).toEqual([]);
  });
});
