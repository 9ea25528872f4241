import { denoiseSteps, type DenoiseStepEvent, type Predictor, type RandomSource, type SamplingOptions, type TokenChange, type UnmaskingStrategy } from '@lacuna/core';
import { LacunaInfillError } from '../errors/lacuna-infill-error.js';
import type { TokenLifter } from '../tokens/token-lifter.js';
import type { CanvasLayout } from './canvas-layout.js';
import type { Hole } from './hole.js';
import { allowedProbability, bestAllowedToken, LookaheadPredictor } from './lookahead-predictor.js';
import { withKnownWords, type KnownWords } from './known-words.js';
import { withoutRepeatedWord } from './repeated-words.js';
import { chooseWholeFill } from './whole-fill-choice.js';

/** Placeholders after a hole's frontier whose rows are asked for when parallel commits are on. */
const LOOKAHEAD = 8;

export interface RoundOptions {
  readonly predictor: Predictor;
  readonly lifter: TokenLifter;
  readonly padTokenId: number;
  readonly sampling?: SamplingOptions;
  readonly random: RandomSource;
  readonly cfgScale?: number;
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  readonly onStep?: (event: DenoiseStepEvent) => void;
  /** Fast-dLLM's threshold rule inside holes (see FillOptions.parallelThreshold). */
  readonly parallelThreshold?: number;
  /** How decision holes are decided (see FillOptions.decisions). */
  readonly decisions?: 'label' | 'token';
  /** How grounded values are written (see FillOptions.groundedValues). */
  readonly groundedValues?: 'span' | 'token';
  /** Whether a free value may take the word token it just wrote again (see FillOptions.repeatedWords). */
  readonly repeatedWords?: 'allow' | 'forbid';
  /** The words a free string value may spell (FillOptions.words: 'known'); undefined: any. */
  readonly knownWords?: KnownWords;
  /** Whether a round's decisions are begun together or one per forward pass (see FillOptions.decisionOrder). */
  readonly decisionOrder?: 'together' | 'confidence';
  /** Milliseconds spent computing token constraints (accumulated, for benchmarks). */
  readonly timing?: { constraintMs: number };
}

/**
 * Commits the masked positions it is shown: the driver only ever unmasks the frontier (next position) of each
 * active hole, so every candidate was constrained by the hole's automaton given everything to its left. With
 * `oneDecisionAtATime`, of the decisions not yet begun only the most confident is committed (values and begun
 * decisions all are): the others are predicted again with it in view.
 */
function frontierStrategy(oneDecisionAtATime: boolean, isUnbegunDecision: (position: number) => boolean): UnmaskingStrategy {
  return {
    name: oneDecisionAtATime ? 'hole-frontiers, one decision at a time' : 'hole-frontiers',
    dynamic: true,
    select: ({ candidates }) => {
      const all = Array.from(candidates.positions, (_, index) => index);
      if (!oneDecisionAtATime) return all;
      const fresh = all.filter((index) => isUnbegunDecision(candidates.positions[index] as number));
      if (fresh.length <= 1) return all;
      const best = fresh.reduce((left, right) => ((candidates.probability[right] as number) > (candidates.probability[left] as number) ? right : left));
      return all.filter((index) => index === best || !fresh.includes(index));
    },
  };
}

/**
 * Fills the active holes of a canvas: each forward pass commits the frontier of every hole, under the hole's
 * token constraint (a logit mask applied before sampling, so no step can commit an invalid token). Forced
 * tokens (a single allowed token, pads after the end) are committed without a forward pass. Returns the
 * forward passes used.
 */
export async function fillRound(layout: CanvasLayout, active: readonly Hole[], options: RoundOptions): Promise<number> {
  const { canvas, holeStart, holeAt } = layout;
  const timing = options.timing;
  const advance = (hole: Hole, timed = true): void => {
    const started = timing === undefined || !timed ? 0 : performance.now();
    const start = holeStart.get(hole) as number;
    for (;;) {
      if (hole.full) break;
      const position = start + hole.tokens.length;
      let allowed: Int32Array;
      if (hole.ended) allowed = Int32Array.of(options.padTokenId);
      else {
        const remaining = hole.budget - hole.tokens.length;
        allowed = options.lifter.allowed(hole.automaton, hole.state, options.padTokenId, hole.finishing ? remaining : undefined);
        if (options.repeatedWords === 'forbid') allowed = withoutRepeatedWord(allowed, hole, options.lifter.index.tokenBytes);
        if (options.knownWords !== undefined) allowed = withKnownWords(allowed, hole, options.lifter.index.tokenBytes, options.knownWords, options.padTokenId);
      }
      if (allowed.length === 0) {
        throw new LacunaInfillError({
          code: 'OUTPUT_INVALID',
          message: `No token can continue the ${hole.kind} hole at ${hole.pointer} (internal error: the automaton reached a dead state). Please report it with the schema.`,
          pointer: hole.pointer,
        });
      }
      if (allowed.length === 1) {
        const token = allowed[0] as number;
        canvas.mask(position);
        canvas.commit(position, token, 1, -1);
        record(hole, token, 1, options);
        continue;
      }
      canvas.mask(position, { kind: 'allowed-tokens', tokens: allowed });
      break;
    }
    if (timing !== undefined && timed) timing.constraintMs += performance.now() - started;
  };
  for (const hole of active) advance(hole);
  if (canvas.countMasked() === 0) return 0;
  const frontier = (hole: Hole): number => (holeStart.get(hole) as number) + hole.tokens.length;
  const holeEnd = (hole: Hole): number => (holeStart.get(hole) as number) + hole.budget;
  const threshold = options.parallelThreshold;
  const greedy = (options.sampling?.temperature ?? 0) === 0 && options.cfgScale === undefined;
  const byLabel = greedy && options.decisions === 'label';
  const bySpan = greedy && options.groundedValues === 'span';
  // Holes whose frontier takes the first token of the best whole fill of the hole (whole-fill-choice.ts).
  const byWhole = (hole: Hole): boolean => (byLabel && hole.isDecision) || (bySpan && hole.grounded);
  // The rows asked for beyond each frontier: the whole rest of a hole chosen whole, a value's next few positions
  // for the threshold rule.
  const lookahead =
    !greedy || (threshold === undefined && !byLabel && !bySpan)
      ? undefined
      : new LookaheadPredictor(
          options.predictor,
          () =>
            active.flatMap((hole) => {
              if (hole.ended || hole.full) return [];
              const next = frontier(hole) + 1;
              const end = byWhole(hole) ? holeEnd(hole) : threshold === undefined ? next : Math.min(holeEnd(hole), next + LOOKAHEAD);
              return Array.from({ length: Math.max(0, end - next) }, (_, index) => next + index);
            }),
          // The whole choice reads the frontier's row too.
          { keepAsked: byLabel || bySpan },
        );
  const oneDecisionAtATime = options.decisionOrder === 'confidence';
  const isUnbegunDecision = (hole: Hole): boolean => {
    if (!hole.isDecision) return false;
    // Tokens the hole's automaton forced (absorbed literal text) were committed without a step.
    const start = holeStart.get(hole) as number;
    for (let offset = 0; offset < hole.tokens.length; offset++) if (canvas.committedAtStep(start + offset) >= 0) return false;
    return true;
  };
  // After the step's frontier commits: each hole's next positions, predicted in the same pass, committed left
  // to right while the best token its automaton allows (given the tokens just committed) is at least as likely
  // as the threshold. Their rows were computed with the frontier still masked, as in Fast-dLLM.
  const commitAhead = (step: number): TokenChange[] => {
    const changes: TokenChange[] = [];
    if (lookahead === undefined || threshold === undefined) return changes;
    for (const hole of active) {
      // A decision held back this step waits for the next pass, which sees the one begun now.
      if (oneDecisionAtATime && isUnbegunDecision(hole)) continue;
      for (;;) {
        if (hole.ended || hole.full) break;
        const position = frontier(hole);
        const row = lookahead.rowAt(position);
        const constraint = canvas.constraintAt(position);
        if (row === undefined || constraint?.kind !== 'allowed-tokens') break;
        const { token, probability } = bestAllowedToken(row, constraint.tokens);
        if (token < 0 || probability < threshold) break;
        canvas.commit(position, token, probability, step);
        record(hole, token, probability, options);
        changes.push({ position, token, confidence: probability });
        advance(hole, false);
      }
    }
    return changes;
  };
  const steps = denoiseSteps(lookahead ?? options.predictor, [canvas], {
    steps: 1,
    strategy: frontierStrategy(oneDecisionAtATime, (position) => {
      const hole = holeAt[position];
      return hole !== undefined && isUnbegunDecision(hole);
    }),
    random: options.random,
    ...(options.sampling === undefined ? {} : { sampling: options.sampling }),
    ...(options.cfgScale === undefined ? {} : { cfgScale: options.cfgScale }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  // A decision's frontier takes the first token of its best whole label, a grounded value's that of its best whole
  // span (whole-fill-choice.ts), from the rows of every position left in the hole, which the same pass computed.
  const wholeChoice = (hole: Hole, change: TokenChange, step: number): TokenChange => {
    if (lookahead === undefined || !byWhole(hole)) return change;
    const rows: Float32Array[] = [];
    for (let position = change.position, end = holeEnd(hole); position < end; position++) {
      const row = lookahead.rowAt(position);
      if (row === undefined) return change;
      rows.push(row);
    }
    const constraint = canvas.constraintAt(change.position);
    if (constraint?.kind !== 'allowed-tokens') return change;
    const best = chooseWholeFill({
      rows,
      state: hole.state,
      allowed: (state, remaining) => options.lifter.allowed(hole.automaton, state, options.padTokenId, hole.finishing ? remaining : undefined),
      step: (state, token) => options.lifter.stepToken(hole.automaton, state, token),
      padTokenId: options.padTokenId,
    });
    if (best.token < 0) return change;
    // A value's token is as sure as its span is among the spans it allows (what the agent's confidence check
    // reads); a decision keeps its frontier row's probability.
    if (!hole.isDecision) {
      canvas.commit(change.position, best.token, best.probability, step);
      return { position: change.position, token: best.token, confidence: best.probability };
    }
    if (best.token === change.token) return change;
    const confidence = allowedProbability(rows[0] as Float32Array, constraint.tokens, best.token);
    canvas.commit(change.position, best.token, confidence, step);
    return { position: change.position, token: best.token, confidence };
  };
  for (;;) {
    const next = await steps.next();
    if (next.done) return next.value.forwardPasses[0] ?? 0;
    let event = next.value;
    const started = timing === undefined ? 0 : performance.now();
    const committed: TokenChange[] = [];
    for (const change of event.committed) {
      const hole = holeAt[change.position];
      const chosen = hole === undefined ? change : wholeChoice(hole, change, event.step);
      committed.push(chosen);
      if (hole === undefined) continue;
      record(hole, chosen.token, chosen.confidence, options);
      advance(hole, false);
    }
    event = { ...event, committed };
    const ahead = commitAhead(event.step);
    if (timing !== undefined) timing.constraintMs += performance.now() - started;
    options.onStep?.(ahead.length === 0 ? event : { ...event, committed: [...event.committed, ...ahead], maskedRemaining: canvas.countMasked() });
  }
}

function record(hole: Hole, token: number, confidence: number, options: RoundOptions): void {
  hole.tokens.push(token);
  hole.confidences.push(confidence);
  if (token === options.padTokenId) {
    hole.ended = true;
    return;
  }
  const next = options.lifter.stepToken(hole.automaton, hole.state, token);
  if (next === undefined) {
    throw new LacunaInfillError({
      code: 'OUTPUT_INVALID',
      message: `Token ${token} was committed in the ${hole.kind} hole at ${hole.pointer} although its constraint forbids it (internal error). Please report it with the schema.`,
      pointer: hole.pointer,
    });
  }
  hole.state = next;
}
