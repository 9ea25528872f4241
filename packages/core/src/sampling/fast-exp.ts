/**
 * exp(x) for x <= 0, several times faster than Math.exp, with a relative error under 2e-9: a table of
 * exp(-k / 64) times a third-order Taylor term for the remainder. The table (20 KB) is sized to stay in the L1
 * cache: with a finer table the lookups miss and the loop runs three times slower. Softmax over a 126k
 * vocabulary for every masked position is the sampler's hot loop.
 */
const STEPS_PER_UNIT = 64;
const UNIT_PER_STEP = 1 / STEPS_PER_UNIT;
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
  const remainder = (index - scaled) * UNIT_PER_STEP;
  return (TABLE[index] as number) * (1 + remainder * (1 + remainder * (0.5 + remainder * (1 / 6))));
}

/** What softmax needs of a logits row. */
export interface RowSummary {
  /** Index of the largest logit (the first one on ties, as torch.argmax); -1 when every logit is -Infinity. */
  best: number;
  max: number;
  /** Second largest logit (equal to `max` on a tie); -Infinity unless asked for. */
  second: number;
  /** Sum of exp(logit - max). */
  sum: number;
  /** Sum of exp(logit - max) * (logit - max), for the entropy; 0 unless asked for. */
  weighted: number;
}

/**
 * Max, argmax and the softmax normaliser of a row in a single pass (the online softmax: the sum is rescaled
 * whenever a new maximum appears), plus the runner-up or the entropy term when asked. Each combination has its
 * own loop: one pass instead of two, and no per-element branch for what is not needed, is what keeps a 126k
 * vocabulary within the per-step budget.
 */
export function summariseRow(row: Float32Array, needs: { second?: boolean; entropy?: boolean } = {}): RowSummary {
  if (needs.entropy) return summariseWithEntropy(row);
  if (needs.second) return summariseWithSecond(row);
  return summarise(row);
}

function summarise(row: Float32Array): RowSummary {
  const length = row.length;
  let best = -1;
  let max = -Infinity;
  let sum = 0;
  for (let index = 0; index < length; index++) {
    const value = row[index] as number;
    if (value > max) {
      // exp(old max - new max) rescales what was summed so far.
      sum = best < 0 ? 1 : sum * expNonPositive(max - value) + 1;
      max = value;
      best = index;
    } else {
      // Before the first finite logit, value and max are both -Infinity: NaN fails the test below, adding 0.
      let scaled = (max - value) * STEPS_PER_UNIT;
      if (!(scaled <= LAST_INDEX)) scaled = LAST_INDEX;
      const tableIndex = scaled | 0;
      const remainder = (tableIndex - scaled) * UNIT_PER_STEP;
      sum += (TABLE[tableIndex] as number) * (1 + remainder * (1 + remainder * (0.5 + remainder * (1 / 6))));
    }
  }
  return { best, max, second: -Infinity, sum, weighted: 0 };
}

function summariseWithSecond(row: Float32Array): RowSummary {
  const length = row.length;
  let best = -1;
  let max = -Infinity;
  let second = -Infinity;
  let sum = 0;
  for (let index = 0; index < length; index++) {
    const value = row[index] as number;
    if (value > max) {
      sum = best < 0 ? 1 : sum * expNonPositive(max - value) + 1;
      second = max;
      max = value;
      best = index;
    } else {
      if (value > second) second = value;
      let scaled = (max - value) * STEPS_PER_UNIT;
      if (!(scaled <= LAST_INDEX)) scaled = LAST_INDEX;
      const tableIndex = scaled | 0;
      const remainder = (tableIndex - scaled) * UNIT_PER_STEP;
      sum += (TABLE[tableIndex] as number) * (1 + remainder * (1 + remainder * (0.5 + remainder * (1 / 6))));
    }
  }
  return { best, max, second, sum, weighted: 0 };
}

function summariseWithEntropy(row: Float32Array): RowSummary {
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
