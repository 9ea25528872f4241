import { createRandomSource, type ChatMessage, type DenoiseStepEvent, type ModelSpec, type Predictor, type RandomSource, type SamplingOptions, type TextTokenizer } from '@lacuna/core';
import type { Canvas } from '@lacuna/core';
import { LacunaInfillError } from '../errors/lacuna-infill-error.js';
import { formatPath, isPathPrefix, type JsonPath } from '../schema/json-pointer.js';
import type { CompiledSchema } from '../schema/compile-schema.js';
import type { JsonValue, UnionNode } from '../schema/schema-node.js';
import type { ValidationIssue } from '../schema/validate-json-schema.js';
import { renderSkeleton, type SkeletonItem } from '../skeleton/render-skeleton.js';
import { cloneInstance, collectDecisions, collectHoles, SkeletonBuilder, unionBranches, type Instance, type MemberInstance, type ObjectInstance, type SkeletonOptions } from '../skeleton/skeleton-tree.js';
import { TokenIndex } from '../tokens/token-index.js';
import { TokenLifter } from '../tokens/token-lifter.js';
import type { ChoiceAutomaton } from '../automata/choice-automaton.js';
import { ExcludingAutomaton, withExclusionsOver } from '../automata/excluding-automaton.js';
import { holeValueText } from './canvas-layout.js';
import { HoleFiller } from './hole-filler.js';
import type { Hole, HoleKind } from './hole.js';

/** What infill needs of a model: `loadModel`'s result fits. */
export interface InfillModel {
  readonly predictor: Predictor;
  readonly tokenizer: TextTokenizer;
  readonly spec: ModelSpec;
  /** The words the model learnt to write (`loadModel` reads them from its folder), for `words: 'known'`. */
  readonly lexicon?: readonly string[];
}

export interface FillOptions extends SkeletonOptions {
  readonly sampling?: SamplingOptions;
  /** Seed for temperature sampling; the same seed reproduces a run. */
  readonly seed?: number;
  readonly random?: RandomSource;
  readonly cfgScale?: number;
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  /** How often a hole that fills its budget without ending is grown (doubled) before it must finish (default 2). */
  readonly maxGrows?: number;
  /** Absorb neighbouring literal tokens into value holes so the model can merge across the boundary (default true). */
  readonly healBoundaries?: boolean;
  /** Write the prompt with the model's chat template (default: when the tokenizer has one). */
  readonly chat?: boolean;
  readonly onStep?: (event: DenoiseStepEvent) => void;
  /**
   * Fast-dLLM's threshold rule inside holes. Each forward pass commits the frontier of every hole; with this
   * set (0.9 is Fast-dLLM's), the positions after a frontier, predicted in the same pass, are committed too,
   * left to right, while the most likely token the hole's constraint allows has at least this probability.
   * Fewer forward passes for values the model is sure of. Greedy decoding only: ignored with a temperature
   * above 0 or with `cfgScale`. Default: off, one token per hole per forward pass.
   */
  readonly parallelThreshold?: number;
  /**
   * How a decision hole (how many items, which branch of a union, whether an optional property is there) is
   * decided. `'label'`: every label it allows is scored through all the hole's positions, from the
   * rows of the one forward pass that predicts its frontier (the sum of their log-probabilities, the pads after
   * the label included), and the frontier takes the best label's token (the next pass decides the rest the same
   * way): a tool is chosen on all the tokens of its name, not on the first alone. `'token'` (default): the
   * frontier's most likely token, as values are written. Greedy decoding only: with a temperature above 0 or
   * `cfgScale`, token by token.
   */
  readonly decisions?: 'label' | 'token';
  /**
   * How a grounded value (one the `ground` option ties to spans of a text) is written. `'span'`: every span it
   * may still become is scored through all the hole's positions, as `decisions: 'label'` scores labels, and the
   * frontier takes the best span's token: where a value starts and where it ends are chosen on the whole span.
   * `'token'` (default): the frontier's most likely allowed token. Greedy decoding only.
   */
  readonly groundedValues?: 'span' | 'token';
  /**
   * Whether a free value (not grounded, not an enum) may take the word token it just wrote again: `'allow'`
   * (default) or `'forbid'`, against the stutter of a small model's free text ("90 minutes minutes"), a double
   * space included. Digits may repeat (repeated-words.ts).
   */
  readonly repeatedWords?: 'allow' | 'forbid';
  /**
   * Which words a free string value (not grounded, not an enum) may spell: `'any'` (default), or `'known'`, only
   * words of the model's lexicon (`InfillModel.lexicon`, the words it learnt to write) and of the canvas's fixed text
   * (the prompt and the skeleton), never a word glued from stray pieces ("The weatherrenobleob"). A word is a run of
   * letters; digits, spaces and punctuation stay free. Needs a model with a lexicon (known-words.ts).
   */
  readonly words?: 'any' | 'known';
  /**
   * When a round holds several decisions (the tools of a plan's calls, the optional arguments present): `'together'`
   * (default) begins them all in the same forward pass, each from its own prediction with the others masked, so two
   * calls can pick the same likeliest tool; `'confidence'` begins only the most confident one per pass and predicts
   * the rest again with it in view, as LLaDA's low-confidence remasking orders tokens. One more forward pass per
   * further decision of a round.
   */
  readonly decisionOrder?: 'together' | 'confidence';
}

/** Per hole: where it is, what it wrote, and how sure the model was of each token. */
export interface HoleReport {
  readonly id: number;
  readonly kind: HoleKind;
  /** Location in the value, as segments and as `$.a[0].b`. */
  readonly path: JsonPath;
  readonly jsonPath: string;
  /** Location in the schema. */
  readonly pointer: string;
  /** The value text (or decision label) the hole wrote, without pads and absorbed literal text. */
  readonly text: string;
  readonly tokens: readonly number[];
  /** Probability each token was committed with (1 for forced tokens, NaN where unknown). */
  readonly confidences: readonly number[];
  readonly budget: number;
  readonly grows: number;
}

export interface FillStats {
  forwardPasses: number;
  rounds: number;
  constraintMs: number;
}

/**
 * The state of one infill: the instance tree (structure decided so far), its holes, and how to run the model
 * over them. `run` decides structure round by round, then fills values; `reset` re-masks the holes under some
 * paths so that `run` fills them again with everything else kept (repair).
 */
export class InfillSession<T = unknown> {
  readonly schema: CompiledSchema<T>;
  readonly model: InfillModel;
  readonly options: FillOptions;
  readonly lifter: TokenLifter;
  readonly builder: SkeletonBuilder;
  tree: Instance;
  prompt: string | readonly ChatMessage[];
  lastCanvas: Canvas | undefined;
  private readonly random: RandomSource;
  private readonly encodeCache = new Map<string, number[]>();

  constructor(model: InfillModel, schema: CompiledSchema<T>, prompt: string | readonly ChatMessage[], options: FillOptions) {
    this.model = model;
    this.schema = schema;
    this.prompt = prompt;
    this.options = options;
    const threshold = options.parallelThreshold;
    if (threshold !== undefined && !(threshold > 0 && threshold <= 1)) {
      throw new LacunaInfillError({ code: 'INVALID_OPTIONS', message: `parallelThreshold must be a probability in (0, 1] (0.9 is Fast-dLLM's), got ${threshold}.` });
    }
    if (options.decisionOrder !== undefined && options.decisionOrder !== 'together' && options.decisionOrder !== 'confidence') {
      throw new LacunaInfillError({ code: 'INVALID_OPTIONS', message: `decisionOrder must be 'together' or 'confidence', got ${JSON.stringify(options.decisionOrder)}.` });
    }
    if (options.groundedValues !== undefined && options.groundedValues !== 'span' && options.groundedValues !== 'token') {
      throw new LacunaInfillError({ code: 'INVALID_OPTIONS', message: `groundedValues must be 'span' or 'token', got ${JSON.stringify(options.groundedValues)}.` });
    }
    if (options.repeatedWords !== undefined && options.repeatedWords !== 'allow' && options.repeatedWords !== 'forbid') {
      throw new LacunaInfillError({ code: 'INVALID_OPTIONS', message: `repeatedWords must be 'allow' or 'forbid', got ${JSON.stringify(options.repeatedWords)}.` });
    }
    if (options.decisions !== undefined && options.decisions !== 'label' && options.decisions !== 'token') {
      throw new LacunaInfillError({ code: 'INVALID_OPTIONS', message: `decisions must be 'label' or 'token', got ${JSON.stringify(options.decisions)}.` });
    }
    const index = TokenIndex.for(model.tokenizer, model.predictor.vocabularySize);
    if (!index.byteComplete) {
      throw new LacunaInfillError({
        code: 'TOKENIZER_UNSUPPORTED',
        message: 'The tokenizer has no single-byte token for some byte; infill needs a byte-level vocabulary (every byte a token) to guarantee that constrained values can always be finished.',
      });
    }
    this.lifter = TokenLifter.for(index);
    this.random = options.random ?? createRandomSource(options.seed);
    this.builder = new SkeletonBuilder(options, (text) => this.encode(text).length, (automaton) => this.lifter.tokenDistance(automaton, automaton.start));
    this.tree = this.builder.instantiate(schema.root, []);
  }

  encode(text: string): number[] {
    let tokens = this.encodeCache.get(text);
    if (tokens === undefined) {
      tokens = this.model.tokenizer.encode(text);
      this.encodeCache.set(text, tokens);
    }
    return tokens;
  }

  /** A value hole's tokens when it holds `value` and absorbs `prefix` and `suffix`: as the tokenizer writes them. */
  encodeValue(prefix: string, value: string, suffix: string): number[] {
    return this.encode(prefix + value + suffix);
  }

  promptIds(): number[] {
    const { tokenizer } = this.model;
    const chat = this.options.chat ?? tokenizer.hasChatTemplate;
    if (typeof this.prompt !== 'string') return tokenizer.encode(tokenizer.applyChatTemplate(this.prompt, { addGenerationPrompt: true }));
    if (chat && tokenizer.hasChatTemplate) {
      return tokenizer.encode(tokenizer.applyChatTemplate([{ role: 'user', content: this.prompt }], { addGenerationPrompt: true }));
    }
    return tokenizer.encode(this.prompt);
  }

  endIds(): number[] {
    const { spec, tokenizer } = this.model;
    const chat = typeof this.prompt !== 'string' || (this.options.chat ?? tokenizer.hasChatTemplate);
    return [chat && spec.endOfTurnTokenId !== undefined ? spec.endOfTurnTokenId : spec.eosTokenId];
  }

  /** Decides every structural hole, then fills every value hole. */
  async run(stats: FillStats = { forwardPasses: 0, rounds: 0, constraintMs: 0 }): Promise<FillStats> {
    const filler = this.filler();
    // Structure: one round per level of decisions (all visible decisions at once).
    for (;;) {
      const items = renderSkeleton(this.tree);
      const pending = holesOf(items).filter((hole) => hole.isDecision && !hole.complete);
      if (pending.length === 0) break;
      this.lastCanvas = (await filler.round(items, pending, stats)).canvas;
      this.applyDecisions(this.tree);
    }
    // Values: fill, grow the holes that filled their budget without ending, until every hole is complete.
    const canvas = await filler.fillValues(() => renderSkeleton(this.tree), stats);
    if (canvas !== undefined || this.lastCanvas === undefined) this.lastCanvas = canvas ?? filler.layout(renderSkeleton(this.tree)).canvas;
    return stats;
  }

  filler(): HoleFiller {
    return new HoleFiller({
      model: this.model,
      lifter: this.lifter,
      random: this.random,
      options: this.options,
      promptIds: this.promptIds(),
      endIds: this.endIds(),
      encode: (text) => this.encode(text),
      encodeValue: (prefix, value, suffix) => this.encodeValue(prefix, value, suffix),
    });
  }

  /**
   * A copy of this session that moves on by itself: its canvas (the tree of holes and decisions), prompt and
   * grounding are its own; the model, schema, options and random source are shared.
   */
  fork(): InfillSession<T> {
    const copy = Object.assign(Object.create(InfillSession.prototype) as InfillSession<T>, this);
    copy.tree = cloneInstance(this.tree);
    (copy as { builder: SkeletonBuilder }).builder = this.builder.clone();
    return copy;
  }

  private applyDecisions(instance: Instance): void {
    switch (instance.kind) {
      case 'object':
        for (const member of instance.members) {
          if (member.presence === 'undecided' && member.decision?.complete) {
            member.decided = member.decision;
            const choice = this.choiceOf(member.decision);
            this.builder.expandMember(member, choice === 0, instance.path);
          }
          if (member.value !== undefined) this.applyDecisions(member.value);
        }
        for (const extra of instance.extras) this.applyDecisions(extra.value);
        break;
      case 'array':
        if (instance.decision?.complete) {
          instance.decided = instance.decision;
          const labels = instance.decision.labels as readonly string[];
          this.builder.expandArray(instance, Number(labels[this.choiceOf(instance.decision)]));
        }
        for (const item of instance.items) this.applyDecisions(item);
        break;
      case 'union':
        if (instance.decision?.complete) {
          instance.decided = instance.decision;
          const branches = unionBranches(instance);
          this.builder.expandUnion(instance, branches[this.choiceOf(instance.decision)] as number);
        }
        if (instance.value !== undefined) this.applyDecisions(instance.value);
        break;
      default:
        break;
    }
  }

  private choiceOf(hole: Hole): number {
    const choice = (hole.body as unknown as ChoiceAutomaton).choiceAt(hole.state as number);
    if (choice < 0) throw new LacunaInfillError({ code: 'OUTPUT_INVALID', message: `The decision at ${hole.pointer} ended without a complete choice (internal error).`, pointer: hole.pointer });
    return choice;
  }

  /** The value as JSON, from the tree. */
  value(instance: Instance = this.tree): JsonValue {
    switch (instance.kind) {
      case 'object': {
        const out: { [key: string]: JsonValue } = {};
        for (const member of instance.members) if (member.presence === 'present') out[member.property.name] = this.value(member.value as Instance);
        for (const extra of instance.extras) out[this.value(extra.key) as string] = this.value(extra.value);
        return out;
      }
      case 'array':
        return instance.items.map((item) => this.value(item));
      case 'union':
        return this.value(instance.value as Instance);
      case 'literal':
        return instance.value;
      case 'leaf': {
        const text = holeValueText(instance.hole, this.model.spec.padTokenId, this.lifter);
        return JSON.parse(instance.node.kind === 'string' ? `"${text}"` : text) as JsonValue;
      }
    }
  }

  /** The skeleton with its values: compact canonical JSON. */
  text(): string {
    return renderSkeleton(this.tree)
      .map((item) => (item.type === 'text' ? item.text : holeValueText(item.hole, this.model.spec.padTokenId, this.lifter)))
      .join('');
  }

  holes(): Hole[] {
    return collectHoles(this.tree);
  }

  reports(): HoleReport[] {
    // Decision holes vanish once decided; reports cover the holes of the final skeleton.
    return this.holes().map((hole) => this.report(hole));
  }

  /** The decisions the value was built by (how many items, which branch, which optional properties), in text order. */
  decisionReports(): HoleReport[] {
    return collectDecisions(this.tree).map((hole) => this.report(hole));
  }

  private report(hole: Hole): HoleReport {
    return {
      id: hole.id,
      kind: hole.kind,
      path: hole.path,
      jsonPath: formatPath(hole.path),
      pointer: hole.pointer,
      text: holeValueText(hole, this.model.spec.padTokenId, this.lifter),
      tokens: [...hole.tokens],
      confidences: [...hole.confidences],
      budget: hole.budget,
      grows: hole.grows,
    };
  }

  /**
   * Re-masks everything under the given value paths: value holes are cleared; structure at or under a path is
   * decided again. Returns the number of paths that matched something.
   */
  reset(paths: readonly JsonPath[], options: { excludeRejected?: boolean; reground?: boolean } = {}): number {
    let matched = 0;
    for (const path of paths) if (this.resetPath(this.tree, path, (fresh) => (this.tree = fresh), options)) matched++;
    return matched;
  }

  /**
   * Decides each union at the paths again among only the branches given (a number is an index into its branches,
   * any other value a value of its discriminator), its value masked; everything else is kept. Returns the number of
   * paths that matched.
   */
  choose(choices: readonly { readonly path: JsonPath; readonly branches: readonly JsonValue[] }[]): number {
    let matched = 0;
    for (const { path, branches } of choices) if (this.resetPath(this.tree, path, (fresh) => (this.tree = fresh), { only: branches })) matched++;
    return matched;
  }

  /**
   * Clears a value hole; with `excludeRejected`, the value it held may not be written again (unless nothing else
   * could be: then it may). The next layout heals the new body, as it does any body its automaton was not made from.
   */
  private resetHole(hole: Hole, excludeRejected: boolean): void {
    // A value that filled its budget exactly is not `complete` while the hole could still grow, but the fill is
    // over: it is the value the caller rejects (a currency code of one token in a hole of one).
    const written = hole.complete || (hole.full && hole.automaton.accepts(hole.state));
    const rejected = excludeRejected && written ? holeValueText(hole, this.model.spec.padTokenId, this.lifter) : undefined;
    hole.reset();
    if (rejected !== undefined) hole.body = ExcludingAutomaton.create(hole.body, [rejected]) ?? hole.body;
  }

  /**
   * Leaves optional properties out: each path names a property whose member is set absent (its key and value
   * leave the canvas), everything else kept. Returns the number of paths that named a present or undecided
   * optional property; a required one is refused.
   */
  omit(paths: readonly JsonPath[]): number {
    let matched = 0;
    for (const path of paths) {
      const found = this.memberAt(path);
      if (found === undefined || found.member.presence === 'absent') continue;
      const { parent, member } = found;
      if (member.property.required) {
        throw new LacunaInfillError({ code: 'INVALID_OPTIONS', message: `${formatPath(path)} is a required property; only optional ones can be omitted.`, path: formatPath(path) });
      }
      this.builder.expandMember(member, false, parent.path);
      matched++;
    }
    return matched;
  }

  /**
   * Makes each optional property at the paths present, its value masked, where it was left out; everything else
   * is kept. Returns the number of paths that named such a property; one that holds a value already is refused.
   */
  include(paths: readonly JsonPath[]): number {
    let matched = 0;
    for (const path of paths) {
      const found = this.memberAt(path);
      if (found === undefined) continue;
      const { parent, member } = found;
      if (member.presence === 'present') {
        throw new LacunaInfillError({
          code: 'INVALID_OPTIONS',
          message: `${formatPath(path)} holds a value already; re-mask it with \`paths\` to have it written again.`,
          path: formatPath(path),
        });
      }
      this.builder.expandMember(member, true, parent.path);
      matched++;
    }
    return matched;
  }

  /**
   * Gives each array at the paths one more item, masked, after the items it holds; everything else is kept. Returns
   * the number of paths that named an array; one that holds the most items its count decision offered is refused.
   */
  append(paths: readonly JsonPath[]): number {
    let matched = 0;
    for (const path of paths) {
      const instance = this.instanceAt(this.tree, path);
      if (instance?.kind !== 'array') continue;
      if (!this.builder.appendItem(instance)) {
        throw new LacunaInfillError({
          code: 'INVALID_OPTIONS',
          message: `${formatPath(path)} holds ${instance.count ?? 'an undecided number of'} items, the most it may hold here; it cannot take another.`,
          path: formatPath(path),
        });
      }
      matched++;
    }
    return matched;
  }

  /** The property a path names and the object holding it, or undefined when the path names none. */
  private memberAt(path: JsonPath): { parent: ObjectInstance; member: MemberInstance } | undefined {
    const parent = this.instanceAt(this.tree, path.slice(0, -1));
    if (parent?.kind !== 'object') return undefined;
    const member = parent.members.find((candidate) => String(candidate.property.name) === String(path.at(-1)));
    return member === undefined ? undefined : { parent, member };
  }

  private instanceAt(instance: Instance, path: JsonPath): Instance | undefined {
    if (!isPathPrefix(instance.path, path)) return undefined;
    if (instance.path.length === path.length) return instance;
    const segment = path[instance.path.length];
    switch (instance.kind) {
      case 'object': {
        const member = instance.members.find((candidate) => String(candidate.property.name) === String(segment));
        return member?.value === undefined ? undefined : this.instanceAt(member.value, path);
      }
      case 'array': {
        const item = instance.items[Number(segment)];
        return item === undefined ? undefined : this.instanceAt(item, path);
      }
      case 'union':
        return instance.value === undefined ? undefined : this.instanceAt(instance.value, path);
      default:
        return undefined;
    }
  }

  /**
   * Re-masks what lies at `path` under `instance` (`reset`), or with `only` decides the union there again among those
   * branches (`choose`).
   */
  private resetPath(
    instance: Instance,
    path: JsonPath,
    replace: (fresh: Instance) => void,
    options: { readonly excludeRejected?: boolean; readonly reground?: boolean; readonly only?: readonly JsonValue[] },
  ): boolean {
    if (!isPathPrefix(instance.path, path)) return false;
    const { excludeRejected = false, reground = false, only } = options;
    const depth = instance.path.length;
    if (path.length === depth) {
      if (only !== undefined) {
        if (instance.kind !== 'union') {
          throw new LacunaInfillError({ code: 'INVALID_OPTIONS', message: `${formatPath(path)} holds no union; only a union's branches can be chosen.`, path: formatPath(path) });
        }
        const chosen = only.map((branch) => branchIndex(instance.node, branch, path));
        replace(this.builder.reinstantiateUnion(instance, instance.node.branches.map((_, index) => index).filter((index) => !chosen.includes(index))));
        return true;
      }
      if (instance.kind === 'leaf') {
        // A new grounding (repair's `ground`) gives the value a new language; the values rejected stay excluded.
        const grounded = reground ? this.builder.regrounded(instance.node, instance.path) : undefined;
        if (grounded !== undefined) instance.hole.body = withExclusionsOver(instance.hole.body, grounded);
        this.resetHole(instance.hole, excludeRejected);
        instance.hole.automaton = instance.hole.body;
        instance.hole.prefixText = '';
        instance.hole.suffixText = '';
        instance.hole.state = instance.hole.body.start;
      } else if (instance.kind === 'union' && excludeRejected && instance.branch !== undefined) {
        // The branch is what the caller rejects (a plan's call that named the wrong tool): decided again without it.
        replace(this.builder.reinstantiateUnion(instance, [...(instance.excludedBranches ?? []), instance.branch]));
      } else {
        replace(this.builder.instantiate(nodeOf(instance, this.schema), instance.path, instance.path.length));
      }
      return true;
    }
    switch (instance.kind) {
      case 'object': {
        const member = instance.members.find((candidate) => String(candidate.property.name) === String(path[depth]));
        if (member?.value === undefined) {
          // A union to choose among is not there yet: nothing to choose.
          if (only !== undefined) return false;
          replace(this.builder.instantiate(instance.node, instance.path, instance.path.length));
          return true;
        }
        return this.resetPath(member.value, path, (fresh) => (member.value = fresh), options);
      }
      case 'array': {
        const index = Number(path[depth]);
        const item = instance.items[index];
        if (item === undefined) {
          if (only !== undefined) return false;
          replace(this.builder.instantiate(instance.node, instance.path, instance.path.length));
          return true;
        }
        return this.resetPath(item, path, (fresh) => (instance.items[index] = fresh), options);
      }
      case 'union':
        if (instance.value === undefined) return false;
        return this.resetPath(instance.value, path, (fresh) => (instance.value = fresh), options);
      default:
        if (instance.kind === 'leaf') {
          this.resetHole(instance.hole, excludeRejected);
          return true;
        }
        return false;
    }
  }

  validate(): { value: JsonValue; issues: readonly ValidationIssue[] } {
    const value = this.value();
    const outcome = this.schema.validate(value);
    return { value, issues: outcome.ok ? [] : outcome.issues };
  }
}

function holesOf(items: readonly SkeletonItem[]): Hole[] {
  return items.flatMap((item) => (item.type === 'hole' ? [item.hole] : []));
}

function nodeOf(instance: Instance, schema: CompiledSchema<unknown>) {
  switch (instance.kind) {
    case 'object':
    case 'array':
    case 'union':
    case 'leaf':
      return instance.node;
    case 'literal':
      return { kind: 'enum' as const, pointer: schema.root.pointer, values: [instance.value] };
  }
}

/** A union's branch by its index (a number) or its discriminator's value (any other); a clear error for one it does not have. */
function branchIndex(node: UnionNode, branch: JsonValue, path: JsonPath): number {
  const index =
    typeof branch === 'number'
      ? Number.isInteger(branch) && branch >= 0 && branch < node.branches.length
        ? branch
        : -1
      : (node.discriminator?.values.findIndex((value) => JSON.stringify(value) === JSON.stringify(branch)) ?? -1);
  if (index < 0) {
    const named = node.discriminator === undefined ? `indices 0 to ${node.branches.length - 1}` : `indices 0 to ${node.branches.length - 1} or ${node.discriminator.property} ${node.discriminator.values.map((value) => JSON.stringify(value)).join(', ')}`;
    throw new LacunaInfillError({ code: 'INVALID_OPTIONS', message: `The union at ${formatPath(path)} has no branch ${JSON.stringify(branch)}; name one by ${named}.`, path: formatPath(path) });
  }
  return index;
}
