import type { Canvas, RandomSource } from '@lacuna/core';
import type { AnyByteAutomaton } from '../automata/byte-automaton.js';
import { ChoiceAutomaton } from '../automata/choice-automaton.js';
import { withoutExclusions } from '../automata/excluding-automaton.js';
import { LacunaInfillError } from '../errors/lacuna-infill-error.js';
import type { SkeletonItem } from '../skeleton/render-skeleton.js';
import type { TokenLifter } from '../tokens/token-lifter.js';
import { layoutCanvas, type CanvasLayout } from './canvas-layout.js';
import { fillRound, type RoundOptions } from './fill-round.js';
import type { Hole } from './hole.js';
import { KnownWords } from './known-words.js';
import type { FillOptions, FillStats, InfillModel } from './infill-session.js';

/**
 * Runs the model over holes laid out on a canvas: one round fills the given holes; `fillValues` repeats rounds,
 * growing holes that filled their budget without ending (and finishing those that may not grow), until every
 * value hole is complete. Shared by schema infill and text templates.
 */
export class HoleFiller {
  private readonly model: InfillModel;
  private readonly lifter: TokenLifter;
  private readonly random: RandomSource;
  private readonly options: FillOptions;
  private readonly promptIds: readonly number[];
  private readonly endIds: readonly number[];
  private readonly encode: (text: string) => number[];
  private readonly encodeValue: (prefix: string, value: string, suffix: string) => number[];

  constructor(init: {
    model: InfillModel;
    lifter: TokenLifter;
    random: RandomSource;
    options: FillOptions;
    promptIds: readonly number[];
    endIds: readonly number[];
    encode: (text: string) => number[];
    /** A value hole's tokens with the literal text it absorbs; by default `encode(prefix + value + suffix)`. */
    encodeValue?: (prefix: string, value: string, suffix: string) => number[];
  }) {
    this.model = init.model;
    this.lifter = init.lifter;
    this.random = init.random;
    this.options = init.options;
    this.promptIds = init.promptIds;
    this.endIds = init.endIds;
    this.encode = init.encode;
    this.encodeValue = init.encodeValue ?? ((prefix, value, suffix) => init.encode(prefix + value + suffix));
    // Checked here, where schema infill and text templates both pass.
    const { words } = init.options;
    if (words !== undefined && words !== 'any' && words !== 'known') {
      throw new LacunaInfillError({ code: 'INVALID_OPTIONS', message: `words must be 'any' or 'known', got ${JSON.stringify(words)}.` });
    }
    if (words === 'known' && init.model.lexicon === undefined) {
      throw new LacunaInfillError({
        code: 'INVALID_OPTIONS',
        message: "words: 'known' needs a model with a lexicon (the words it learnt to write: `lexicon` in its lacuna-model.json, docs/models.md), and this model has none. Leave `words` out, or pass `words: 'any'`.",
      });
    }
  }

  async round(items: readonly SkeletonItem[], active: readonly Hole[], stats: FillStats): Promise<CanvasLayout> {
    const layout = this.layout(items);
    const timing = { constraintMs: 0 };
    stats.forwardPasses += await fillRound(layout, active, this.roundOptions(timing, layout.canvas));
    stats.constraintMs += timing.constraintMs;
    stats.rounds++;
    return layout;
  }

  /** Fills every value hole of the skeleton `items()` renders; returns the last canvas (undefined: no round ran). */
  async fillValues(items: () => readonly SkeletonItem[], stats: FillStats): Promise<Canvas | undefined> {
    let canvas: Canvas | undefined;
    for (;;) {
      const current = items();
      const pending = current.flatMap((item) => (item.type === 'hole' && !item.hole.isDecision && !item.hole.complete ? [item.hole] : []));
      if (pending.length === 0) return canvas;
      const layout = await this.round(current, pending, stats);
      canvas = layout.canvas;
      let room = this.model.predictor.maxLength - layout.canvas.length;
      for (const hole of pending) {
        if (hole.complete || !hole.full) continue;
        const growth = Math.max(4, hole.budget);
        if (hole.growable && !hole.finishing && hole.grows < (this.options.maxGrows ?? 2) && growth <= room) {
          hole.budget += growth;
          hole.grows++;
          room -= growth;
        } else {
          hole.canStillGrow = false;
          if (!hole.automaton.accepts(hole.state)) this.finishWithin(hole);
        }
      }
    }
  }

  private roundOptions(timing: { constraintMs: number }, canvas: Canvas): RoundOptions {
    const { options } = this;
    const lexicon = this.model.lexicon;
    return {
      ...(options.words === 'known' && lexicon !== undefined ? { knownWords: KnownWords.ofLexicon(lexicon).withTexts(this.fixedTexts(canvas)) } : {}),
      predictor: this.model.predictor,
      lifter: this.lifter,
      padTokenId: this.model.spec.padTokenId,
      random: this.random,
      timing,
      ...(options.sampling === undefined ? {} : { sampling: options.sampling }),
      ...(options.cfgScale === undefined ? {} : { cfgScale: options.cfgScale }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.onStep === undefined ? {} : { onStep: options.onStep }),
      ...(options.parallelThreshold === undefined ? {} : { parallelThreshold: options.parallelThreshold }),
      ...(options.decisions === undefined ? {} : { decisions: options.decisions }),
      ...(options.decisionOrder === undefined ? {} : { decisionOrder: options.decisionOrder }),
      ...(options.groundedValues === undefined ? {} : { groundedValues: options.groundedValues }),
      ...(options.repeatedWords === undefined ? {} : { repeatedWords: options.repeatedWords }),
    };
  }

  /** The canvas's runs of fixed text (the prompt, the skeleton's literal text between holes), as bytes. */
  private *fixedTexts(canvas: Canvas): Generator<Uint8Array> {
    const { tokenBytes } = this.lifter.index;
    let run: number[] = [];
    for (let position = 0; position <= canvas.length; position++) {
      const bytes = position < canvas.length && canvas.stateAt(position) === 'fixed' ? tokenBytes[canvas.tokenAt(position)] : undefined;
      if (bytes !== undefined) {
        for (const byte of bytes) run.push(byte);
      } else if (run.length > 0) {
        yield Uint8Array.from(run);
        run = [];
      }
    }
  }

  layout(items: readonly SkeletonItem[]): CanvasLayout {
    const build = (): CanvasLayout =>
      layoutCanvas({
        items,
        promptIds: this.promptIds,
        endIds: this.endIds,
        maskTokenId: this.model.spec.maskTokenId,
        padTokenId: this.model.spec.padTokenId,
        encode: this.encode,
        encodeValue: this.encodeValue,
        lifter: this.lifter,
        heal: this.options.healBoundaries ?? true,
        spaceStrings: this.model.spec.spacedStringValues === true,
      });
    let layout = build();
    // A hole must be able to finish within its budget (healing may have added absorbed text).
    let grew = false;
    const spare = new Map<Hole, number>();
    for (const item of items) {
      if (item.type !== 'hole') continue;
      const hole = item.hole;
      let needed = this.lifter.tokenDistance(hole.automaton, hole.automaton.start);
      // A hole that may not grow (an enum) must hold its longest value as the tokenizer writes it, absorbed
      // literal text included; the shortest completion alone would make the longest values unwritable.
      const choices = choicesOf(hole.body);
      if (!hole.growable && choices !== undefined) {
        for (const choice of choices) needed = Math.max(needed, this.encode(hole.prefixText + choice + hole.suffixText).length);
      }
      if (hole.tokens.length === 0 && hole.budget < needed) {
        hole.budget = needed;
        grew = true;
      }
      if (hole.tokens.length === 0 && hole.growable && hole.budget > needed) spare.set(hole, hole.budget - needed);
    }
    if (grew) layout = build();
    // Over the model's length: the value holes not begun give up budget they do not need to finish (the most spare
    // first), rather than failing the fill; such a hole may still grow if room is left.
    let excess = layout.canvas.length - this.model.predictor.maxLength;
    if (excess > 0 && spare.size > 0) {
      for (const [hole, tokens] of [...spare].sort((left, right) => right[1] - left[1])) {
        if (excess <= 0) break;
        const cut = Math.min(tokens, excess);
        hole.budget -= cut;
        excess -= cut;
      }
      layout = build();
    }
    if (layout.canvas.length > this.model.predictor.maxLength) {
      throw new LacunaInfillError({
        code: 'CANVAS_TOO_LONG',
        message: `The canvas needs ${layout.canvas.length} positions (prompt ${this.promptIds.length}, skeleton ${layout.canvas.length - this.promptIds.length - this.endIds.length}) but the model reads at most ${this.model.predictor.maxLength}. Shorten the prompt, lower the hole budgets (budgets, arrayExtraItems) or use a model with a longer context.`,
      });
    }
    return layout;
  }

  /**
   * A hole that may not grow and cannot end as it stands: keeps the longest prefix from which the value can
   * still be finished inside the budget, and switches the hole to finishing mode.
   */
  private finishWithin(hole: Hole): void {
    const states: unknown[] = [hole.automaton.start];
    for (const token of hole.tokens) {
      if (token === this.model.spec.padTokenId) break;
      states.push(this.lifter.stepToken(hole.automaton, states.at(-1), token));
    }
    let keep = states.length - 1;
    while (keep > 0 && this.lifter.tokenDistance(hole.automaton, states[keep]) > hole.budget - keep) keep--;
    hole.tokens = hole.tokens.slice(0, keep);
    hole.confidences = hole.confidences.slice(0, keep);
    hole.state = states[keep];
    hole.ended = false;
    hole.finishing = true;
  }
}

/** The values of an enum's language, also once a repair has excluded some (their budget stays the longest's). */
function choicesOf(body: AnyByteAutomaton): readonly string[] | undefined {
  const language = withoutExclusions(body);
  return language instanceof ChoiceAutomaton ? language.choices : undefined;
}
