/**
 * exp(x) for x <= 0, about four times faster than Math.exp with a relative error under 1e-8: a table of
 * exp(-k / 256) times a second-order Taylor term for the remainder. Softmax over a 126k vocabulary for every
 * masked position is the sampler's hot loop, and Math.exp alone would exceed the per-step budget there.
 */
const STEPS_PER_UNIT = 256;
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
  return (TABLE[index] as number) * (1 + remainder * (1 + remainder * 0.5));
}

/** Sum of exp(row[i] - max) over the row, and optionally sum of exp(row[i] - max) * (row[i] - max). */
export function sumExpShifted(row: Float32Array, max: number, withEntropyTerm: boolean): { sum: number; weighted: number } {
  let sum = 0;
  let weighted = 0;
  const length = row.length;
  if (withEntropyTerm) {
    for (let index = 0; index < length; index++) {
      const shifted = (row[index] as number) - max;
      let scaled = -shifted * STEPS_PER_UNIT;
      if (scaled > LAST_INDEX) scaled = LAST_INDEX;
      const tableIndex = scaled | 0;
      const remainder = (tableIndex - scaled) / STEPS_PER_UNIT;
      const term = (TABLE[tableIndex] as number) * (1 + remainder * (1 + remainder * 0.5));
      sum += term;
      if (shifted > -Infinity) weighted += term * shifted;
    }
  } else {
    for (let index = 0; index < length; index++) {
      let scaled = (max - (row[index] as number)) * STEPS_PER_UNIT;
      if (scaled > LAST_INDEX) scaled = LAST_INDEX;
      const tableIndex = scaled | 0;
      const remainder = (tableIndex - scaled) / STEPS_PER_UNIT;
      sum += (TABLE[tableIndex] as number) * (1 + remainder * (1 + remainder * 0.5));
    }
  }
  return { sum, weighted };
}
