/**
 * Choosing a hole's frontier by the whole fill it begins rather than by the frontier's row alone: a decision
 * (how many calls, which tool, whether an optional property is there) by its whole label, a grounded value by its
 * whole span of the context.
 *
 * A decision's labels are a handful of token sequences ("\"get_weather\"", "\"get_stock_price\""), a grounded
 * value's spans a few dozen, and one forward pass with the hole masked gives the rows of all its positions.
 * Committing the frontier's most probable token decides between fills on their first token alone (where a value
 * ends is then decided by a row that never saw the rest); scoring every fill through all the rows (the sum of
 * each position's log-probability, pads after the fill included) lets every position's prediction vote, at no
 * extra forward pass. Every fill takes one token of every row, so a row's normaliser (its log-sum-exp) is the
 * same for all of them: fills are scored on the logits alone, which rank them and share out the probability
 * exactly as log-probabilities would.
 */

export interface WholeFillChoiceInput {
  /** Rows of the hole's positions from the frontier to its end (logits). */
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

/** Fills followed at once; a hole with more (a long enum of counts, a long context) keeps its best prefixes. */
const MAX_PATHS = 64;

export interface WholeFillChoice {
  /** The first token of the best-scoring way to fill the rest of the hole; -1 when none fits in the rows. */
  readonly token: number;
  /**
   * The share of the fills followed to the end that begin with `token`, each weighted by its probability: how
   * sure the model is of the choice among the fills it allows (the frontier's row alone may give that token little).
   */
  readonly probability: number;
}

/** Follows every fill to the hole's end (up to `MAX_PATHS` at a time) and returns the best one's first token. */
export function chooseWholeFill(input: WholeFillChoiceInput): WholeFillChoice {
  let paths: Path[] = [{ first: -1, state: input.state, ended: false, score: 0 }];
  const depth = input.rows.length;
  for (let index = 0; index < depth; index++) {
    const row = input.rows[index] as Float32Array;
    const next: Path[] = [];
    for (const path of paths) {
      const tokens = path.ended ? [input.padTokenId] : input.allowed(path.state, depth - index);
      for (const token of tokens) {
        const score = path.score + (row[token] as number);
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
    if (paths.length === 0) return { token: -1, probability: 0 };
  }
  const best = paths[0];
  if (best === undefined || best.first < 0) return { token: -1, probability: 0 };
  let total = 0;
  let chosen = 0;
  for (const path of paths) {
    const weight = Math.exp(path.score - best.score);
    total += weight;
    if (path.first === best.first) chosen += weight;
  }
  return { token: best.first, probability: chosen / total };
}
