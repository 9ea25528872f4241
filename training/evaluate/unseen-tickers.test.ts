import { describe, expect, it } from 'vitest';
import { ENTITY_PARTITIONS } from '../corpus/entities/entity-pools.js';
import { needsUnseenTicker } from './unseen-tickers.js';

const quote = (symbol: string) => ({ tool: 'get_stock_price', arguments: { symbol } });

describe('needsUnseenTicker', () => {
  it("flags a held-out company named without its ticker, not one whose ticker the request states or one that trains", () => {
    const heldOut = ENTITY_PARTITIONS.companies.test[0];
    const trained = ENTITY_PARTITIONS.companies.train[0];
    if (heldOut === undefined || trained === undefined) throw new Error('the company split is empty');
    expect(needsUnseenTicker(`How is ${heldOut.name} stock doing?`, [quote(heldOut.ticker)])).toBe(true);
    expect(needsUnseenTicker(`Quote ${heldOut.ticker}, please`, [quote(heldOut.ticker)])).toBe(false);
    expect(needsUnseenTicker(`How is ${trained.name} stock doing?`, [quote(trained.ticker)])).toBe(false);
    expect(needsUnseenTicker('Weather in Oslo?', [{ tool: 'get_weather', arguments: { city: 'Oslo' } }])).toBe(false);
  });

  it('reads a ticker inside a longer word as not stated', () => {
    expect(needsUnseenTicker('Check the SNOWY index and Snowflake', [quote('SNOW')], new Set(['SNOW']))).toBe(true);
    expect(needsUnseenTicker('Check $SNOW and Snowflake', [quote('SNOW')], new Set(['SNOW']))).toBe(false);
  });
});
