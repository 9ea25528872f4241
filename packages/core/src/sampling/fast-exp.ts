/**
 * exp(x) for x <= 0, about four times faster than Math.exp with a relative error under 1e-8: a table of
 * exp(-k / 64) times a third-order Taylor term for the remainder. The table (20 KB) is sized to stay in the L1
 * cache: with a finer table the lookups miss and the loop runs three times slower. Softmax over a 126k vocabulary for every
 * masked position is the sampler's hot loop, and Math.exp alone would exceed the per-step budget there.
 */
const STEPS_PER_UNIT = 64;
/** Below exp(-40) a term cannot change a float64 sum of terms that includes 1. */
const RANGE = 40;
const TABLE = new Float64Array(RANGE * STEPS_PER_UNIT + 2);
const LAST_INDEX = TABLE.length - 2;
// The last entries stay 0 so that -Infinity (a forbidden token) contributes exactly nothing.
for (let index = 0; index < LAST_INDEX; index++) TABLE[index] = Math.exp(-index / STEPS_PER_UNIT);

export function expNonPositive(x: number): number {
  let scaled = -x * STEPS_PER_UNIT;
  if (scaled > LAST_INDEX) scaled = LAST_INDEX;
  const index = scaled | 0;
  const remainder = (index - scaled) / STEPS_PER_UNIT;
  return (TABLE[index] as number) * (1 + remainder * (1 + remainder * (0.5 + remainder * (1 / 6))));
}

/** What softmax needs of a logits row, gathered in one pass. */
export interface RowSummary {
  /** Index of the largest logit (the first one on ties, as torch.argmax); -1 when every logit is -Infinity. */
  best: number;
  max: number;
  /** Second largest logit (equal to `max` on a tie). */
  second: number;
  /** Sum of exp(logit - max). */
  sum: number;
  /** Sum of exp(logit - max) * (logit - max), for the entropy; 0 unless asked for. */
  weighted: number;
}

/**
 * Max, argmax, runner-up and the softmax normaliser of a row in a single pass (the online softmax: the sum is
 * rescaled whenever a new maximum appears). One pass instead of two matters at a 126k vocabulary; the loop
 * without the entropy term is kept separate because the branch alone costs a third of its time.
 */
export function summariseRow(row: Float32Array, withEntropyTerm: boolean): RowSummary {
  return withEntropyTerm ? summariseRowWithEntropy(row) : summariseRowWithoutEntropy(row);
}

function summariseRowWithoutEntropy(row: Float32Array): RowSummary {
  const length = row.length;
  let best = -1;
  let max = -Infinity;
  let second = -Infinity;
  let sum = 0;
  for (let index = 0; index < length; index++) {
    const value = row[index] as number;
    if (value > max) {
      // exp(old max - new max) rescales what was summed so far.
      sum = best < 0 ? 1 : sum * expNonPositive(max - value) + 1;
      second = max;
      max = value;
      best = index;
    } else if (best >= 0) {
      // (Before the first finite logit there is nothing to add: the value is -Infinity.)
      if (value > second) second = value;
      let scaled = (max - value) * STEPS_PER_UNIT;
      if (scaled > LAST_INDEX) scaled = LAST_INDEX;
      const tableIndex = scaled | 0;
      const remainder = (tableIndex - scaled) / STEPS_PER_UNIT;
      sum += (TABLE[tableIndex] as number) * (1 + remainder * (1 + remainder * (0.5 + remainder * (1 / 6))));
    }
  }
  return { best, max, second, sum, weighted: 0 };
}

function summariseRowWithEntropy(row: Float32Array): RowSummary {
  const length = row.length;
  let best = -1;
  let max = -Infinity;
  let second = -Infinity;
  let sum = 0;
  let weighted = 0;
  for (let index = 0; index < length; index++) {
    const value = row[index] as number;
    if (value > max) {
      if (best < 0) sum = 1;
      else {
        // Terms shift by (new max - old max) in the exponent: rescale both sums.
        const factor = expNonPositive(max - value);
        weighted = factor * (weighted - (value - max) * sum);
        sum = sum * factor + 1;
      }
      second = max;
      max = value;
      best = index;
    } else if (best >= 0) {
      if (value > second) second = value;
      const shifted = value - max;
      if (shifted === -Infinity) continue;
      const term = expNonPositive(shifted);
      sum += term;
      weighted += term * shifted;
    }
  }
  return { best, max, second, sum, weighted };
}
