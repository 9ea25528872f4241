import type { ChatMessage } from '@lacuna/core';
import { LacunaInfillError } from '../errors/lacuna-infill-error.js';
import { compileSchema, type CompiledSchema, type SchemaInput } from '../schema/compile-schema.js';
import { formatPath } from '../schema/json-pointer.js';
import { deepEqual } from '../schema/json-value.js';
import { valueMatchesNode } from '../schema/schema-facts.js';
import { resolveNode, type JsonValue, type SchemaNode } from '../schema/schema-node.js';
import { renderSkeleton, type SkeletonItem } from '../skeleton/render-skeleton.js';
import { unionBranches, type Instance } from '../skeleton/skeleton-tree.js';
import type { CanvasLayout } from './canvas-layout.js';
import type { HoleFiller } from './hole-filler.js';
import type { Hole, HoleKind } from './hole.js';
import { InfillSession, type FillOptions, type InfillModel } from './infill-session.js';
import { PromptSegmentation } from './prompt-segmentation.js';
import type { TrainingCanvas } from './training-canvas.js';

/**
 * Role of a value hole on a decision canvas in `valueHoles: 'masked'` mode: the mask token stands there (as at
 * inference, where values are filled after the structure) and is never a target. The `lacuna-dataset/1`
 * trainer knows only roles 0-2 and refuses mask tokens in its data, so this mode needs a trainer that
 * writes the mask token at these positions itself.
 */
export const FIXED_MASK_ROLE = 3;

/** How value holes appear on decision canvases. */
export type DecisionValueHoles = 'filled' | 'masked';

export interface DecisionCanvas {
  /** Prompt, skeleton with every visible decision hole written as the value has it (then pads), end token. */
  readonly inputIds: readonly number[];
  /**
   * Per position: 0 prompt, 1 structure, 2 target (the decision holes; in `'filled'` mode the value holes
   * too), 3 fixed mask (value holes in `'masked'` mode).
   */
  readonly roles: readonly number[];
  /** True at the decision holes' positions: what the model fills in this round at inference. */
  readonly decisionMask: readonly boolean[];
  readonly promptLength: number;
  /** Every hole on this canvas, decisions and values. */
  readonly holes: readonly { readonly jsonPath: string; readonly kind: HoleKind; readonly start: number; readonly length: number }[];
}

/** A round of value filling: every value hole as the model leaves it at the end of the round. */
export interface ValueCanvas {
  /** Prompt, skeleton, each value hole holding what it has written by the end of the round, end token. */
  readonly inputIds: readonly number[];
  /** 0 prompt, 1 structure, 2 value holes (tokens and pads). */
  readonly roles: readonly number[];
  readonly promptLength: number;
  readonly holes: readonly { readonly jsonPath: string; readonly kind: HoleKind; readonly start: number; readonly length: number }[];
}

export interface TrainingCanvases {
  /** One canvas per round of structural decisions, in the order infill decides them. */
  readonly decisions: readonly DecisionCanvas[];
  /**
   * One canvas per round of value filling, as inference lays them out: a value longer than its hole's budget
   * fills the budget without a pad in one round (which tells infill to grow the hole) and goes on in the
   * next; an enum that fills its budget exactly has no pad. The last one is the canvas infill ends with.
   */
  readonly values: readonly ValueCanvas[];
  /**
   * The value in the serialised layout of `renderTrainingCanvas` (every value hole as long as the value plus
   * one pad, at least its first budget). It equals the last value round unless a value needed growing or an
   * enum fills its budget exactly.
   */
  readonly final: TrainingCanvas;
}

export interface TrainingCanvasesOptions extends FillOptions {
  readonly model: InfillModel;
  readonly schema: SchemaInput;
  readonly value: unknown;
  readonly prompt?: string | readonly ChatMessage[];
  /**
   * `'filled'` (default): value holes on decision canvases hold what the first value round would write there
   * (the value's tokens, cut at the hole's budget) and are targets like the decision holes, so every sequence
   * is a plain `lacuna-dataset/1` one (no mask token); training masks them at random, and at high noise
   * levels the model sees what inference shows, values all masked. `'masked'`: value holes as fixed masks
   * (`FIXED_MASK_ROLE`). The layout is inference's in both modes.
   */
  readonly valueHoles?: DecisionValueHoles;
  /**
   * Validate the value with the schema's validator first (default true). Without it, the value is still
   * checked: every leaf against its hole's automaton, the structure against the skeleton, and the rendered
   * text against the value.
   */
  readonly validate?: boolean;
  /**
   * How a value's tokens are cut. `'canonical'` (default): as the tokenizer cuts the value (with the literal
   * text its hole absorbs). `'as-in-prompt'`: a value that a prompt message states (the latest first) is written
   * with the tokens the message has there, its first token without the space before it, so that a model learns
   * to copy it token for token (`PromptSegmentation`); other values as the tokenizer cuts them. Inference keeps
   * whatever cut the model writes, so both lay out as infill does.
   */
  readonly valueTokens?: 'canonical' | 'as-in-prompt';
}

/**
 * Teacher-forced infill: the canvases infill lays out when the model writes `value`. Infill decides optional
 * properties, array lengths and union branches in rounds of decision holes before any value exists
 * (docs/infill.md, "Decision holes"), then fills values in rounds, growing the holes of values longer than
 * their budget; a model trained only on final canvases never sees a decision hole, nor a value that must not
 * end inside its first budget. Each round here is laid out by the same session, skeleton rendering and canvas
 * layout as inference, the structure grows by the same builder calls, and holes grow by infill's rule; the
 * decision holes hold the chosen label's tokens (then pads), the value holes the value's tokens as the
 * tokenizer writes them with the literal text they absorb.
 */
export function renderTrainingCanvases(options: TrainingCanvasesOptions): TrainingCanvases {
  const compiled = compileSchema(options.schema);
  if (options.validate !== false) {
    const outcome = compiled.validate(options.value);
    if (!outcome.ok) throw invalid(`The value does not validate: ${outcome.issues.map((issue) => issue.message).join('; ')}`);
  }
  const mode = options.valueHoles ?? 'filled';
  const value = options.value as JsonValue;
  if (options.valueTokens !== undefined && options.valueTokens !== 'canonical' && options.valueTokens !== 'as-in-prompt') {
    throw invalid(`valueTokens must be 'canonical' or 'as-in-prompt', got ${JSON.stringify(options.valueTokens)}.`);
  }
  const session = new TeacherForcedSession(options.model, compiled, options.prompt ?? '', options);
  const filler = session.filler();
  const decisions: DecisionCanvas[] = [];
  const texts = new Map<Hole, string>();
  for (;;) {
    const items = renderSkeleton(session.tree);
    const choices: Choice[] = [];
    walk(session, session.tree, value, { choices, texts });
    if (choices.length === 0) break;
    decisions.push(decisionCanvas(session, filler, items, choices, texts, mode));
    // Every visible decision is made in the round; what they open up is decided in the next one.
    for (const choice of choices) choice.apply();
  }
  const values = valueRounds(session, filler, texts);
  for (const [hole, text] of texts) writeValue(session, hole, text);
  const final = finalCanvas(session, filler);
  if (!deepEqual(JSON.parse(final.text), value)) throw invalid(`The skeleton wrote ${final.text}, which is not the value`);
  return { decisions, values, final };
}

/**
 * Encodings are copied: the layout and the value writer append pads to the arrays they are given. With
 * `valueTokens: 'as-in-prompt'`, a value the prompt states keeps the prompt's tokens.
 */
class TeacherForcedSession extends InfillSession {
  private readonly segmentation: PromptSegmentation | undefined;

  constructor(model: InfillModel, schema: CompiledSchema, prompt: string | readonly ChatMessage[], options: TrainingCanvasesOptions) {
    super(model, schema, prompt, options);
    const texts = typeof prompt === 'string' ? [prompt] : prompt.map((message) => message.content).reverse();
    this.segmentation = options.valueTokens === 'as-in-prompt' ? new PromptSegmentation(texts, (text) => this.encode(text), this.lifter.index) : undefined;
  }

  override encode(text: string): number[] {
    return [...super.encode(text)];
  }

  override encodeValue(prefix: string, value: string, suffix: string): number[] {
    const whole = super.encodeValue(prefix, value, suffix);
    if (this.segmentation === undefined || value === '') return whole;
    // Only where the tokenizer cuts at the value's edges: a value merged with its quote or sign stays as cut.
    const before = this.encode(prefix);
    const after = this.encode(suffix);
    const alone = this.encode(value);
    if (!deepEqual(whole, [...before, ...alone, ...after])) return whole;
    const copied = this.segmentation.tokensOf(value);
    return copied === undefined ? whole : [...before, ...copied, ...after];
  }
}

interface Choice {
  readonly hole: Hole;
  /** Index into the hole's labels. */
  readonly label: number;
  readonly apply: () => void;
}

/**
 * Walks the tree alongside the value: records the choice of every undecided structure (without changing the
 * tree yet), checks the decided structure against the value, and records the text of every leaf's value.
 */
function walk(session: InfillSession, instance: Instance, value: JsonValue, state: { choices: Choice[]; texts: Map<Hole, string> }): void {
  const fail = (why: string): never => {
    throw invalid(`The value at ${formatPath(instance.path)} cannot be written by the skeleton: ${why}.`, formatPath(instance.path));
  };
  switch (instance.kind) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('an object was expected');
      for (const member of instance.members) {
        const present = Object.hasOwn(value, member.property.name);
        if (member.presence === 'undecided') {
          const hole = member.decision as Hole;
          state.choices.push({ hole, label: present ? 0 : 1, apply: () => session.builder.expandMember(member, present, instance.path) });
        } else if (present !== (member.presence === 'present')) {
          fail(`property "${member.property.name}" is ${present ? 'present' : 'absent'}, which the skeleton does not allow here`);
        } else if (member.value !== undefined) walk(session, member.value, value[member.property.name] as JsonValue, state);
      }
      const declared = new Set(instance.members.map((member) => member.property.name));
      const others = Object.keys(value).filter((key) => !declared.has(key));
      if (others.length !== instance.extras.length) fail(`${others.length} undeclared properties, the skeleton writes ${instance.extras.length}`);
      instance.extras.forEach((extra, index) => {
        const key = others[index] as string;
        state.texts.set(extra.key.hole, JSON.stringify(key).slice(1, -1));
        walk(session, extra.value, value[key] as JsonValue, state);
      });
      return;
    }
    case 'array': {
      if (!Array.isArray(value)) return fail('an array was expected');
      if (instance.decision !== undefined) {
        const hole = instance.decision;
        const label = (hole.labels ?? []).indexOf(String(value.length));
        if (label < 0) fail(`${value.length} items; the skeleton offers ${(hole.labels ?? []).join(', ')}`);
        state.choices.push({ hole, label, apply: () => session.builder.expandArray(instance, value.length) });
        return;
      }
      if (instance.items.length !== value.length) fail(`${value.length} items where the skeleton has ${instance.items.length}`);
      instance.items.forEach((item, index) => walk(session, item, value[index] as JsonValue, state));
      return;
    }
    case 'union': {
      if (instance.decision !== undefined) {
        const hole = instance.decision;
        const allowed = unionBranches(instance);
        const label = allowed.findIndex((branch) => fits(instance.node.branches[branch] as SchemaNode, value));
        if (label < 0) fail('no branch of the union fits it');
        state.choices.push({ hole, label, apply: () => session.builder.expandUnion(instance, allowed[label] as number) });
        return;
      }
      walk(session, instance.value as Instance, value, state);
      return;
    }
    case 'leaf':
      state.texts.set(instance.hole, instance.node.kind === 'string' ? JSON.stringify(value).slice(1, -1) : JSON.stringify(value));
      return;
    case 'literal':
      if (!deepEqual(value, instance.value)) fail(`the skeleton writes the constant ${JSON.stringify(instance.value)} here`);
      return;
  }
}

/**
 * Writes a value into a value hole in `renderTrainingCanvas`'s layout: its tokens, one pad, a budget that
 * holds them.
 */
function writeValue(session: InfillSession, hole: Hole, text: string): void {
  // From a fresh hole, as renderTrainingCanvas writes it: the value rounds have grown budgets and healed.
  hole.reset();
  const tokens = session.encodeValue('', text, '');
  let state: unknown = hole.body.start;
  for (const token of tokens) state = state === undefined ? undefined : session.lifter.stepToken(hole.body, state, token);
  if (state === undefined || !hole.body.accepts(state)) {
    throw invalid(`The value ${JSON.stringify(text)} at ${formatPath(hole.path)} is outside what the skeleton generates there (see docs/infill.md on format subsets).`, formatPath(hole.path));
  }
  hole.automaton = hole.body;
  hole.prefixText = '';
  hole.suffixText = '';
  hole.state = state;
  hole.tokens = [...tokens, session.model.spec.padTokenId];
  hole.confidences = hole.tokens.map(() => 1);
  hole.ended = true;
  hole.budget = Math.max(hole.budget, hole.tokens.length);
}

function decisionCanvas(
  session: InfillSession,
  filler: HoleFiller,
  items: readonly SkeletonItem[],
  choices: readonly Choice[],
  texts: ReadonlyMap<Hole, string>,
  mode: DecisionValueHoles,
): DecisionCanvas {
  const layout = filler.layout(items);
  const { padTokenId } = session.model.spec;
  const ids = layout.canvas.toArray();
  if (mode === 'filled') {
    // What the first value round would write: the holes are not touched, so that the value rounds start from
    // the budgets inference has at that point.
    for (const [hole, start] of layout.holeStart) {
      if (hole.isDecision) continue;
      const tokens = targetTokens(session, hole, texts);
      for (let offset = 0; offset < hole.budget; offset++) ids[start + offset] = tokens[offset] ?? padTokenId;
    }
  }
  const decisionMask = ids.map(() => false);
  for (const choice of choices) {
    const start = layout.holeStart.get(choice.hole) as number;
    const label = (choice.hole.labels as readonly string[])[choice.label] as string;
    const tokens = label === '' ? [] : session.encode(label);
    for (let offset = 0; offset < choice.hole.budget; offset++) {
      ids[start + offset] = tokens[offset] ?? padTokenId;
      decisionMask[start + offset] = true;
    }
  }
  const roles = ids.map((_, position) => {
    if (position < layout.skeletonStart) return 0;
    const hole = layout.holeAt[position];
    if (hole === undefined) return 1;
    return hole.isDecision || mode === 'filled' ? 2 : FIXED_MASK_ROLE;
  });
  return { inputIds: ids, roles, decisionMask, promptLength: layout.skeletonStart, holes: holeSpans(layout) };
}

/**
 * The value rounds of infill (`HoleFiller.fillValues`) with the model writing the value: in each round every
 * unfinished value hole writes the value's tokens up to its budget; a hole that filled its budget without
 * ending grows by the same rule, and room, as at inference. A value that infill could only cut short is
 * refused.
 */
function valueRounds(session: InfillSession, filler: HoleFiller, texts: ReadonlyMap<Hole, string>): ValueCanvas[] {
  const { padTokenId } = session.model.spec;
  const maxGrows = session.options.maxGrows ?? 2;
  const rounds: ValueCanvas[] = [];
  for (;;) {
    const items = renderSkeleton(session.tree);
    const pending = items.flatMap((item) => (item.type === 'hole' && !item.hole.isDecision && !item.hole.complete ? [item.hole] : []));
    if (pending.length === 0) return rounds;
    const layout = filler.layout(items);
    const ids = layout.canvas.toArray();
    for (const hole of pending) {
      const target = targetTokens(session, hole, texts);
      const written = target.slice(0, hole.budget);
      const ended = written.length === target.length;
      let state: unknown = hole.automaton.start;
      for (const token of ended ? written.slice(0, -1) : written) state = state === undefined ? undefined : session.lifter.stepToken(hole.automaton, state, token);
      if (state === undefined) throw invalid(`The value at ${formatPath(hole.path)} is outside what the skeleton generates there.`, formatPath(hole.path));
      // After its pad a hole holds pads to the end of its budget, which infill commits without asking the model.
      while (ended && written.length < hole.budget) written.push(padTokenId);
      hole.tokens = written;
      hole.confidences = written.map(() => 1);
      hole.state = state;
      hole.ended = ended;
      const start = layout.holeStart.get(hole) as number;
      written.forEach((token, offset) => (ids[start + offset] = token));
    }
    const roles = ids.map((_, position) => (position < layout.skeletonStart ? 0 : layout.holeAt[position] === undefined ? 1 : 2));
    rounds.push({ inputIds: ids, roles, promptLength: layout.skeletonStart, holes: holeSpans(layout) });
    let room = session.model.predictor.maxLength - layout.canvas.length;
    for (const hole of pending) {
      if (hole.complete || !hole.full) continue;
      const growth = Math.max(4, hole.budget);
      if (hole.growable && !hole.finishing && hole.grows < maxGrows && growth <= room) {
        hole.budget += growth;
        hole.grows++;
        room -= growth;
        continue;
      }
      hole.canStillGrow = false;
      if (!hole.complete || hole.tokens.length < targetTokens(session, hole, texts).length - 1) {
        throw new LacunaInfillError({
          code: 'CANVAS_TOO_LONG',
          message: `The value at ${formatPath(hole.path)} needs more tokens than its hole may grow to (budget ${hole.budget}, ${hole.grows} grows); infill would cut it short.`,
          path: formatPath(hole.path),
        });
      }
    }
  }
}

/** The value's tokens in a hole as the layout healed it (with the literal text it absorbs), then one pad. */
function targetTokens(session: InfillSession, hole: Hole, texts: ReadonlyMap<Hole, string>): number[] {
  const text = texts.get(hole);
  if (text === undefined) throw invalid(`No value for the hole at ${formatPath(hole.path)} (internal error).`, formatPath(hole.path));
  return [...session.encodeValue(hole.prefixText, text, hole.suffixText), session.model.spec.padTokenId];
}

function finalCanvas(session: InfillSession, filler: HoleFiller): TrainingCanvas {
  const layout = filler.layout(renderSkeleton(session.tree));
  const ids = layout.canvas.toArray();
  padValueHoles(layout, ids, session.model.spec.padTokenId);
  const holeMask = ids.map((_, position) => layout.holeAt[position] !== undefined);
  const roles = ids.map((_, position) => (position < layout.skeletonStart ? 0 : holeMask[position] ? 2 : 1));
  if (ids.includes(session.model.spec.maskTokenId)) throw invalid('A value hole was left unwritten on the final canvas (internal error).');
  const holes = holeSpans(layout).map(({ jsonPath, start, length }) => ({ jsonPath, start, length }));
  return { inputIds: ids, holeMask, roles, promptLength: layout.skeletonStart, text: session.text(), holes };
}

/** A written value leaves the rest of its budget to pads, which the layout shows as masks. */
function padValueHoles(layout: CanvasLayout, ids: number[], padTokenId: number): void {
  for (const [hole, start] of layout.holeStart) {
    if (hole.tokens.length === 0) continue;
    for (let offset = hole.tokens.length; offset < hole.budget; offset++) ids[start + offset] = padTokenId;
  }
}

function holeSpans(layout: CanvasLayout): { jsonPath: string; kind: HoleKind; start: number; length: number }[] {
  return [...layout.holeStart].map(([hole, start]) => ({ jsonPath: formatPath(hole.path), kind: hole.kind, start, length: hole.budget }));
}

/**
 * Whether a value can be written by a union branch: what a validator would check, as far as the branch choice
 * depends on it (types, constants, required and declared properties, item schemas, lengths).
 */
function fits(schema: SchemaNode, value: JsonValue): boolean {
  const node = resolveNode(schema);
  switch (node.kind) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      for (const property of node.properties) {
        const present = Object.hasOwn(value, property.name);
        if (property.required && !present) return false;
        if (present && !fits(property.node, value[property.name] as JsonValue)) return false;
      }
      const undeclared = Object.keys(value).filter((key) => !node.properties.some((property) => property.name === key)).length;
      return undeclared === (node.extra?.length ?? 0);
    }
    case 'array':
      return (
        Array.isArray(value) &&
        value.length >= node.minItems &&
        (node.maxItems === undefined || value.length <= node.maxItems) &&
        value.every((item, index) => {
          const itemNode = index < node.prefixItems.length ? node.prefixItems[index] : node.items;
          return itemNode !== undefined && fits(itemNode, item);
        })
      );
    case 'union':
      return node.branches.some((branch) => fits(branch, value));
    default:
      return valueMatchesNode(value, node);
  }
}

function invalid(message: string, path?: string): LacunaInfillError {
  return new LacunaInfillError({ code: 'INVALID_OPTIONS', message, ...(path === undefined ? {} : { path }) });
}
