import type { ChatMessage } from '@lacuna/core';
import { LacunaInfillError } from '../errors/lacuna-infill-error.js';
import { compileSchema, type SchemaInput } from '../schema/compile-schema.js';
import { formatPath } from '../schema/json-pointer.js';
import type { JsonValue, SchemaNode } from '../schema/schema-node.js';
import { renderSkeleton } from '../skeleton/render-skeleton.js';
import { matches } from '../skeleton/serialize-value.js';
import { collectHoles, unionBranches, type Instance } from '../skeleton/skeleton-tree.js';
import type { Hole } from './hole.js';
import { InfillSession, type FillOptions, type InfillModel } from './infill-session.js';

export interface TrainingCanvas {
  /** Prompt, skeleton with the value's tokens in its holes, pads up to each hole's budget, end token. */
  readonly inputIds: readonly number[];
  /** True at the positions the model fills at inference (value holes, pads included). */
  readonly holeMask: readonly boolean[];
  /**
   * Per position, the roles of the `lacuna-dataset/1` training format (training/README.md): 0 prompt, 1 structure
   * (skeleton text and the end token), 2 hole.
   */
  readonly roles: readonly number[];
  readonly promptLength: number;
  /** The value as the skeleton writes it (compact, keys in schema order). */
  readonly text: string;
  /** Each hole: where it is on the canvas and in the value. */
  readonly holes: readonly { readonly jsonPath: string; readonly start: number; readonly length: number }[];
}

/**
 * The canvas infill would end with if the model wrote `value`: the same prompt rendering, skeleton, literal
 * tokenisation, boundary healing, budgets and pads. Train on these (mask the hole positions) so that the
 * model learns exactly what inference asks of it. The model only needs `tokenizer`, `spec` and the
 * predictor's `maxLength`/`vocabularySize` (a stub predictor is fine).
 */
export function renderTrainingCanvas(options: FillOptions & { model: InfillModel; schema: SchemaInput; value: unknown; prompt?: string | readonly ChatMessage[] }): TrainingCanvas {
  const compiled = compileSchema(options.schema);
  const outcome = compiled.validate(options.value);
  if (!outcome.ok) {
    throw new LacunaInfillError({ code: 'INVALID_OPTIONS', message: `The value does not validate: ${outcome.issues.map((issue) => issue.message).join('; ')}` });
  }
  const session = new InfillSession(options.model, compiled, options.prompt ?? '', options);
  decide(session, session.tree, options.value as JsonValue);
  const filler = session.filler();
  const items = renderSkeleton(session.tree);
  const layout = filler.layout(items);
  const { padTokenId } = options.model.spec;
  const ids = layout.canvas.toArray();
  const holeMask = ids.map((_, position) => layout.holeAt[position] !== undefined);
  const holes = collectHoles(session.tree).map((hole) => {
    const start = layout.holeStart.get(hole) as number;
    for (let offset = hole.tokens.length; offset < hole.budget; offset++) ids[start + offset] = padTokenId;
    return { jsonPath: formatPath(hole.path), start, length: hole.budget };
  });
  const roles = ids.map((_, position) => (position < layout.skeletonStart ? 0 : holeMask[position] ? 2 : 1));
  return { inputIds: ids, holeMask, roles, promptLength: layout.skeletonStart, text: session.text(), holes };
}

/** Makes every decision of the tree the way `value` has it, and writes leaf values into their holes. */
function decide(session: InfillSession, instance: Instance, value: JsonValue): void {
  const fail = (why: string): never => {
    throw new LacunaInfillError({ code: 'INVALID_OPTIONS', message: `The value at ${formatPath(instance.path)} cannot be written by the skeleton: ${why}.`, path: formatPath(instance.path) });
  };
  switch (instance.kind) {
    case 'object': {
      const object = value as { [key: string]: JsonValue };
      for (const member of instance.members) {
        const present = Object.hasOwn(object, member.property.name);
        if (member.presence === 'undecided') session.builder.expandMember(member, present, instance.path);
        else if (present !== (member.presence === 'present')) fail(`property "${member.property.name}" is ${present ? 'present' : 'absent'}, which the skeleton does not allow here`);
        if (member.value !== undefined) decide(session, member.value, object[member.property.name] as JsonValue);
      }
      const declared = new Set(instance.members.map((member) => member.property.name));
      const others = Object.keys(object).filter((key) => !declared.has(key));
      if (others.length !== instance.extras.length) fail(`${others.length} undeclared properties, the skeleton writes ${instance.extras.length}`);
      instance.extras.forEach((extra, index) => {
        const key = others[index] as string;
        writeLeaf(session, extra.key.hole, JSON.stringify(key).slice(1, -1));
        decide(session, extra.value, object[key] as JsonValue);
      });
      break;
    }
    case 'array': {
      const items = value as JsonValue[];
      if (instance.decision !== undefined) {
        const labels = instance.decision.labels ?? [];
        if (!labels.includes(String(items.length))) fail(`${items.length} items; the skeleton offers ${labels.join(', ')}`);
        session.builder.expandArray(instance, items.length);
      } else if (instance.items.length !== items.length) fail(`${items.length} items where the skeleton has ${instance.items.length}`);
      instance.items.forEach((item, index) => decide(session, item, items[index] as JsonValue));
      break;
    }
    case 'union': {
      if (instance.decision !== undefined) {
        const allowed = unionBranches(instance);
        const branch = allowed.find((index) => matches(instance.node.branches[index] as SchemaNode, value));
        if (branch === undefined) fail('no branch of the union fits it');
        session.builder.expandUnion(instance, branch as number);
      }
      decide(session, instance.value as Instance, value);
      break;
    }
    case 'leaf':
      writeLeaf(session, instance.hole, instance.node.kind === 'string' ? JSON.stringify(value).slice(1, -1) : JSON.stringify(value));
      break;
    case 'literal':
      break;
  }
}

function writeLeaf(session: InfillSession, hole: Hole, text: string): void {
  // Absorbed literal text is added when the canvas is laid out (which re-tokenises the value with it).
  const tokens = session.encode(text);
  let state: unknown = hole.body.start;
  for (const token of tokens) state = state === undefined ? undefined : session.lifter.stepToken(hole.body, state, token);
  if (state === undefined || !hole.body.accepts(state)) {
    throw new LacunaInfillError({ code: 'INVALID_OPTIONS', message: `The value ${JSON.stringify(text)} at ${formatPath(hole.path)} is outside what the skeleton generates there (see docs/infill.md on format subsets).`, path: formatPath(hole.path) });
  }
  // A copy: `encode` returns its cached array, and the pad is pushed onto the hole's tokens below.
  hole.tokens = [...tokens];
  hole.confidences = tokens.map(() => 1);
  hole.state = state;
  hole.automaton = hole.body;
  hole.prefixText = '';
  hole.suffixText = '';
  hole.ended = true;
  hole.budget = Math.max(hole.budget, tokens.length + 1);
  hole.tokens.push(session.model.spec.padTokenId);
  hole.confidences.push(1);
}

