/**
 * Deciding a structural hole (how many calls, which tool, whether an optional property is there) by its whole
 * label rather than token by token.
 *
 * A decision's labels are a handful of token sequences ("\"get_weather\"", "\"get_stock_price\""), and one
 * forward pass with the hole masked gives the rows of all its positions. Committing the frontier's most
 * probable token decides between labels on their first differing token alone; scoring every label through all
 * the rows (the sum of each position's log-probability, pads after the label included) lets every position's
 * prediction vote, at no extra forward pass.
 */

export interface LabelChoiceInput {
  /** Rows of the hole's positions from the frontier to its end (log-softmax is taken here). */
  readonly rows: readonly Float32Array[];
  /** The hole's automaton state at the frontier. */
  readonly state: unknown;
  /** Tokens allowed after `state` at a position with `remaining` positions left in the hole (this one included). */
  readonly allowed: (state: unknown, remaining: number) => Int32Array;
  /** The state after `token`, or undefined when it is not allowed. */
  readonly step: (state: unknown, token: number) => unknown;
  readonly padTokenId: number;
}

interface Path {
  readonly first: number;
  readonly state: unknown;
  readonly ended: boolean;
  readonly score: number;
}

/** Labels followed at once; a decision with more (a long enum of counts) keeps its best prefixes. */
const MAX_PATHS = 64;

/**
 * The first token of the best-scoring way to fill the rest of the hole, or -1 when none fits in the rows.
 * Every label is followed to the hole's end (up to `MAX_PATHS` at a time): the result is the first token of the
 * best whole label.
 */
export function bestLabelFirstToken(input: LabelChoiceInput): number {
  let paths: Path[] = [{ first: -1, state: input.state, ended: false, score: 0 }];
  const depth = input.rows.length;
  for (let index = 0; index < depth; index++) {
    const row = input.rows[index] as Float32Array;
    const normaliser = logSumExp(row);
    const next: Path[] = [];
    for (const path of paths) {
      const tokens = path.ended ? [input.padTokenId] : input.allowed(path.state, depth - index);
      for (const token of tokens) {
        const score = path.score + (row[token] as number) - normaliser;
        const first = path.first < 0 ? token : path.first;
        if (path.ended || token === input.padTokenId) {
          next.push({ first, state: path.state, ended: true, score });
          continue;
        }
        const state = input.step(path.state, token);
        if (state !== undefined) next.push({ first, state, ended: false, score });
      }
    }
    next.sort((left, right) => right.score - left.score);
    paths = next.slice(0, MAX_PATHS);
    if (paths.length === 0) return -1;
  }
  return paths[0]?.first ?? -1;
}

function logSumExp(row: Float32Array): number {
  let max = -Infinity;
  for (const value of row) if (value > max) max = value;
  let sum = 0;
  for (const value of row) sum += Math.exp(value - max);
  return max + Math.log(sum);
}
