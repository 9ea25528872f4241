/**
 * Requests no model trained on this corpus can plan right: a held-out company named without its ticker ("How is
 * Alibaba stock doing?" -> BABA). The entity split keeps the company and its ticker out of training altogether,
 * so the ticker is neither in the request nor anywhere the model learnt from; the evaluation counts these
 * requests apart, so that their misses are not read as the model's.
 */
import { ENTITY_PARTITIONS } from '../corpus/entities/entity-pools.js';
import type { Call } from './score-calls.js';

const HELD_OUT_TICKERS: ReadonlySet<string> = new Set(ENTITY_PARTITIONS.companies.test.map((company) => company.ticker));

/** Whether a call of the plan needs a held-out company's ticker that the request does not state. */
export function needsUnseenTicker(request: string, calls: readonly Call[], heldOutTickers: ReadonlySet<string> = HELD_OUT_TICKERS): boolean {
  return calls.some((call) => {
    const symbol = call.tool === 'get_stock_price' ? call.arguments.symbol : undefined;
    return typeof symbol === 'string' && heldOutTickers.has(symbol) && !new RegExp(`\\b${symbol}\\b`).test(request);
  });
}
