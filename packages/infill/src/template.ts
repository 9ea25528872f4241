import { createRandomSource, type ChatMessage } from '@lacuna/core';
import type { AnyByteAutomaton } from './automata/byte-automaton.js';
import { NumberAutomaton } from './automata/number-automaton.js';
import { StringBodyAutomaton } from './automata/string-body-automaton.js';
import { choiceAutomaton } from './constraints/node-automaton.js';
import { LacunaInfillError } from './errors/lacuna-infill-error.js';
import { holeValueText } from './fill/canvas-layout.js';
import { Hole } from './fill/hole.js';
import { HoleFiller } from './fill/hole-filler.js';
import type { FillOptions, FillStats, HoleReport, InfillModel } from './fill/infill-session.js';
import { formatPath } from './schema/json-pointer.js';
import type { StringNode } from './schema/schema-node.js';
import { stringDfa } from './schema/string-constraints.js';
import type { SkeletonItem } from './skeleton/render-skeleton.js';
import { TokenIndex } from './tokens/token-index.js';
import { TokenLifter } from './tokens/token-lifter.js';

/** A typed hole of a text template: its language, token budget, and how its text becomes a value. */
export interface TemplateHole<T> {
  readonly kind: 'template-hole';
  /** Name in `result.named` (holes are also in `result.values`, in order). */
  readonly name: string | undefined;
  readonly description: string;
  readonly automaton: AnyByteAutomaton;
  /** Token budget; with `maxTokens` the budget is hard (the value finishes within it), else it may grow. */
  readonly budget: number;
  readonly growable: boolean;
  parse(text: string): T;
}

interface CommonOptions {
  readonly name?: string;
  /** Most tokens the value may take (a hard limit: the value is made to finish within it). */
  readonly maxTokens?: number;
}

export interface StringHoleOptions extends CommonOptions {
  readonly minLength?: number;
  readonly maxLength?: number;
  /** A regular expression the whole value must match (anchored). */
  readonly pattern?: string;
}

export interface NumberHoleOptions extends CommonOptions {
  readonly minimum?: number;
  readonly maximum?: number;
}

function budgetOf(options: CommonOptions, fallback: number): { budget: number; growable: boolean } {
  if (options.maxTokens !== undefined) {
    if (!Number.isInteger(options.maxTokens) || options.maxTokens < 1) {
      throw new LacunaInfillError({ code: 'INVALID_OPTIONS', message: `maxTokens must be a positive integer, got ${options.maxTokens}.` });
    }
    return { budget: options.maxTokens, growable: false };
  }
  return { budget: fallback, growable: true };
}

/** Builders of template holes: `template\`Name: ${hole.string({ maxTokens: 8 })} Age: ${hole.integer()}\``. */
export const hole = {
  /** Free text (no control characters but tab and newline), optionally bounded or matching a pattern. */
  string(options: StringHoleOptions = {}): TemplateHole<string> {
    const node: StringNode = {
      kind: 'string',
      pointer: '#',
      minLength: options.minLength ?? 0,
      maxLength: options.maxLength,
      patterns: options.pattern === undefined ? [] : [`^(?:${options.pattern})$`],
      format: undefined,
    };
    const automaton = new StringBodyAutomaton(stringDfa(node), 'raw', 'text') as AnyByteAutomaton;
    return { kind: 'template-hole', name: options.name, description: 'string', automaton, ...budgetOf(options, 16), parse: (text) => text };
  },
  integer(options: NumberHoleOptions = {}): TemplateHole<number> {
    const automaton = new NumberAutomaton({ integer: true, ...bounds(options) }) as AnyByteAutomaton;
    return { kind: 'template-hole', name: options.name, description: 'integer', automaton, ...budgetOf(options, 8), parse: Number };
  },
  number(options: NumberHoleOptions = {}): TemplateHole<number> {
    const automaton = new NumberAutomaton({ integer: false, ...bounds(options) }) as AnyByteAutomaton;
    return { kind: 'template-hole', name: options.name, description: 'number', automaton, ...budgetOf(options, 12), parse: Number };
  },
  boolean(options: CommonOptions = {}): TemplateHole<boolean> {
    const automaton = choiceAutomaton(['true', 'false'], 'boolean') as AnyByteAutomaton;
    return { kind: 'template-hole', name: options.name, description: 'boolean', automaton, budget: options.maxTokens ?? 2, growable: false, parse: (text) => text === 'true' };
  },
  /** One of the given strings, written as is. */
  enum<const V extends readonly string[]>(values: V, options: CommonOptions = {}): TemplateHole<V[number]> {
    if (values.length === 0) throw new LacunaInfillError({ code: 'INVALID_OPTIONS', message: 'hole.enum needs at least one value.' });
    const automaton = choiceAutomaton(values, 'enum') as AnyByteAutomaton;
    return { kind: 'template-hole', name: options.name, description: 'enum', automaton, budget: options.maxTokens ?? 0, growable: false, parse: (text) => text as V[number] };
  },
};

function bounds(options: NumberHoleOptions): { minimum?: number; maximum?: number } {
  return { ...(options.minimum !== undefined ? { minimum: options.minimum } : {}), ...(options.maximum !== undefined ? { maximum: options.maximum } : {}) };
}

type HoleValues<H extends readonly TemplateHole<unknown>[]> = { -readonly [K in keyof H]: H[K] extends TemplateHole<infer T> ? T : never };

export interface TemplateFillOptions extends FillOptions {
  readonly model: InfillModel;
  /** Text (or chat messages) before the template; the template is the answer when given. */
  readonly prompt?: string | readonly ChatMessage[];
}

export interface TemplateResult<V extends readonly unknown[]> {
  /** Hole values in order. */
  readonly values: V;
  /** Values of named holes. */
  readonly named: Readonly<Record<string, unknown>>;
  /** The template with its holes filled. */
  readonly text: string;
  readonly holes: readonly HoleReport[];
  readonly forwardPasses: number;
  readonly rounds: number;
  readonly elapsedMs: number;
}

/** A text with typed holes; `fill` runs a model over it. */
export class Template<V extends readonly unknown[]> {
  readonly strings: readonly string[];
  readonly holes: readonly TemplateHole<unknown>[];

  constructor(strings: readonly string[], holes: readonly TemplateHole<unknown>[]) {
    this.strings = strings;
    this.holes = holes;
  }

  async fill(options: TemplateFillOptions): Promise<TemplateResult<V>> {
    const started = performance.now();
    const { model } = options;
    const index = TokenIndex.for(model.tokenizer, model.predictor.vocabularySize);
    if (!index.byteComplete) {
      throw new LacunaInfillError({ code: 'TOKENIZER_UNSUPPORTED', message: 'The tokenizer has no single-byte token for some byte; templates need a byte-level vocabulary (every byte a token).' });
    }
    const lifter = TokenLifter.for(index);
    const holes = this.holes.map(
      (spec, position) =>
        new Hole({
          id: position,
          kind: 'value',
          path: [spec.name ?? position],
          pointer: `#/holes/${position}`,
          body: spec.automaton,
          budget: Math.max(spec.budget, lifter.tokenDistance(spec.automaton, spec.automaton.start), ...(spec.description === 'enum' || spec.description === 'boolean' ? [maxChoiceTokens(spec, model)] : [])),
          growable: spec.growable,
          string: spec.description === 'string',
        }),
    );
    const items: SkeletonItem[] = [];
    this.strings.forEach((text, position) => {
      if (text !== '') items.push({ type: 'text', text });
      const current = holes[position];
      if (current !== undefined) items.push({ type: 'hole', hole: current });
    });
    const { tokenizer, spec } = model;
    let promptIds: number[] = [];
    let endIds: number[] = [];
    if (options.prompt !== undefined) {
      const chat = typeof options.prompt !== 'string' || (options.chat ?? tokenizer.hasChatTemplate);
      const messages: readonly ChatMessage[] = typeof options.prompt === 'string' ? [{ role: 'user', content: options.prompt }] : options.prompt;
      promptIds = chat && tokenizer.hasChatTemplate ? tokenizer.encode(tokenizer.applyChatTemplate(messages, { addGenerationPrompt: true })) : tokenizer.encode(options.prompt as string);
      endIds = [chat && spec.endOfTurnTokenId !== undefined ? spec.endOfTurnTokenId : spec.eosTokenId];
    }
    const encodeCache = new Map<string, number[]>();
    const filler = new HoleFiller({
      model,
      lifter,
      random: options.random ?? createRandomSource(options.seed),
      options,
      promptIds,
      endIds,
      encode: (text) => {
        let tokens = encodeCache.get(text);
        if (tokens === undefined) {
          tokens = tokenizer.encode(text);
          encodeCache.set(text, tokens);
        }
        return tokens;
      },
    });
    const stats: FillStats = { forwardPasses: 0, rounds: 0, constraintMs: 0 };
    await filler.fillValues(() => items, stats);
    const texts = holes.map((current) => holeValueText(current, spec.padTokenId, lifter));
    const values = texts.map((text, position) => (this.holes[position] as TemplateHole<unknown>).parse(text)) as unknown as V;
    const named: Record<string, unknown> = {};
    this.holes.forEach((spec, position) => {
      if (spec.name !== undefined) named[spec.name] = values[position];
    });
    return {
      values,
      named,
      text: this.strings.map((text, position) => text + (texts[position] ?? '')).join(''),
      holes: holes.map((current, position) => ({
        id: current.id,
        kind: current.kind,
        path: current.path,
        jsonPath: formatPath(current.path),
        pointer: current.pointer,
        text: texts[position] as string,
        tokens: [...current.tokens],
        confidences: [...current.confidences],
        budget: current.budget,
        grows: current.grows,
      })),
      forwardPasses: stats.forwardPasses,
      rounds: stats.rounds,
      elapsedMs: performance.now() - started,
    };
  }
}

function maxChoiceTokens(spec: TemplateHole<unknown>, model: InfillModel): number {
  const choices = (spec.automaton as unknown as { choices?: readonly string[] }).choices ?? [];
  return Math.max(1, ...choices.map((choice) => model.tokenizer.encode(choice).length));
}

/**
 * A text template with typed holes: literal text is written, the model fills only the holes, each under its
 * token constraint. `template\`Name: ${hole.string({ maxTokens: 8 })} Age: ${hole.integer()}\``
 */
export function template<const H extends readonly TemplateHole<unknown>[]>(strings: TemplateStringsArray, ...holes: H): Template<HoleValues<H>> {
  for (const [position, value] of holes.entries()) {
    if ((value as { kind?: unknown } | undefined)?.kind !== 'template-hole') {
      throw new LacunaInfillError({
        code: 'INVALID_OPTIONS',
        message: `Template value ${position} is not a hole; interpolate hole.string(), hole.integer(), ... (write literal text into the template itself).`,
      });
    }
  }
  return new Template<HoleValues<H>>([...strings], holes);
}
