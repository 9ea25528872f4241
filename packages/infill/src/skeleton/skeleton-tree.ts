import { GroundedAutomaton } from '../automata/grounded-automaton.js';
import type { AnyByteAutomaton } from '../automata/byte-automaton.js';
import { choiceAutomaton, leafAutomaton } from '../constraints/node-automaton.js';
import { LacunaInfillError } from '../errors/lacuna-infill-error.js';
import { Hole, type HoleKind } from '../fill/hole.js';
import { hasFiniteValue } from '../schema/finite-value.js';
import type { JsonPath } from '../schema/json-pointer.js';
import {
  resolveNode,
  type ArrayNode,
  type EnumNode,
  type JsonValue,
  type NumberNode,
  type ObjectNode,
  type PropertyNode,
  type SchemaNode,
  type StringNode,
  type UnionNode,
} from '../schema/schema-node.js';

/**
 * A value being built: structure decided so far, holes where the model writes or decides. The skeleton text is
 * rendered from this tree after every round of decisions.
 */
export type Instance = ObjectInstance | ArrayInstance | UnionInstance | LeafInstance | LiteralInstance;

export interface ObjectInstance {
  readonly kind: 'object';
  readonly node: ObjectNode;
  readonly path: JsonPath;
  readonly members: MemberInstance[];
  /** Properties with generated names (minProperties beyond the declared ones). */
  readonly extras: { readonly key: LeafInstance; readonly value: Instance }[];
}

export interface MemberInstance {
  readonly property: PropertyNode;
  presence: 'present' | 'absent' | 'undecided';
  decision: Hole | undefined;
  /** The decision hole once it decided the presence: kept for its report (how sure the model was). */
  decided?: Hole;
  value: Instance | undefined;
}

export interface ArrayInstance {
  readonly kind: 'array';
  readonly node: ArrayNode;
  readonly path: JsonPath;
  count: number | undefined;
  decision: Hole | undefined;
  /** The decision hole once it decided the count. */
  decided?: Hole;
  items: Instance[];
}

export interface UnionInstance {
  readonly kind: 'union';
  readonly node: UnionNode;
  readonly path: JsonPath;
  branch: number | undefined;
  decision: Hole | undefined;
  /** The decision hole once it decided the branch. */
  decided?: Hole;
  value: Instance | undefined;
  /** Branches the decision may take, in label order (set when there is a decision). */
  allowedBranches?: readonly number[];
  /** Branches a repair rejected: the union, re-masked as a whole, may not take them again. */
  excludedBranches?: readonly number[];
}

export interface LeafInstance {
  readonly kind: 'leaf';
  readonly node: StringNode | NumberNode | EnumNode;
  readonly path: JsonPath;
  readonly hole: Hole;
}

export interface LiteralInstance {
  readonly kind: 'literal';
  readonly path: JsonPath;
  readonly value: JsonValue;
}

/** Token budgets of value holes (before the literal text a hole absorbs). */
export interface HoleBudgets {
  /** Strings without maxLength (default 16). */
  readonly string?: number;
  /** Integers (default 8). */
  readonly integer?: number;
  /** Numbers (default 12). */
  readonly number?: number;
}

export interface SkeletonOptions {
  readonly budgets?: HoleBudgets;
  /** Arrays without maxItems hold at most minItems + arrayExtraItems items (default 4). */
  readonly arrayExtraItems?: number;
  /** Below this nesting depth, recursive structure is cut short: optional absent, fewest items (default 8). */
  readonly maxDepth?: number;
  /**
   * Grounding: for a string or number value, the text its value must be a span of (the agent passes the
   * conversation for names, places and amounts the request states), or undefined for a free value. The hole
   * is then constrained, token by token, to spans of that text; if no span fits the value's schema, the hole
   * stays free when the value is required, and an optional property is left out (absent, no decision). Several
   * texts (an array) ground a value in spans of any one of them, never running from one into the next. An enum
   * is grounded only by `{ values }`: the members it may take.
   */
  readonly ground?: HoleGrounding;
  /**
   * Whether an optional property is there, where the caller knows (an agent: the request names the argument):
   * true writes it, false leaves it out, undefined leaves the presence decision to the model. A property whose
   * grounding leaves no value to write is left out whatever this says.
   */
  readonly present?: PresenceRule;
}

/** The `present` option: an optional property's presence, or undefined for the model to decide. */
export type PresenceRule = (property: { readonly path: JsonPath; readonly pointer: string }) => boolean | undefined;

/**
 * The `ground` option: the text (or texts) a string or number value must be a span of, `{ values }` it must be one
 * of (each copied whole), or undefined for a free value. For an enum, `{ values }` names the members it may take
 * (a string member as itself, any other as its JSON text: `3`, `true`); a text grounds no enum.
 */
export type HoleGrounding = (hole: {
  readonly path: JsonPath;
  readonly pointer: string;
  readonly kind: 'string' | 'number' | 'enum';
}) => string | readonly string[] | { readonly values: readonly string[] } | undefined;

/** Counts tokens of a text as the tokenizer writes it (for budgets of choices). */
export type TokenCounter = (text: string) => number;
/** Fewest tokens an automaton needs from its start (exact for tries). */
export type StartDistance = (automaton: AnyByteAutomaton) => number;

export class SkeletonBuilder {
  private nextId = 0;
  private readonly options: Required<Omit<SkeletonOptions, 'ground' | 'present'>> & { budgets: Required<HoleBudgets> };
  private ground: HoleGrounding | undefined;
  private readonly present: PresenceRule | undefined;
  private readonly countTokens: TokenCounter;
  private readonly startDistance: StartDistance;

  constructor(options: SkeletonOptions, countTokens: TokenCounter, startDistance: StartDistance) {
    this.options = {
      arrayExtraItems: options.arrayExtraItems ?? 4,
      maxDepth: options.maxDepth ?? 8,
      budgets: { string: options.budgets?.string ?? 16, integer: options.budgets?.integer ?? 8, number: options.budgets?.number ?? 12 },
    };
    this.ground = options.ground;
    this.present = options.present;
    this.countTokens = countTokens;
    this.startDistance = startDistance;
  }

  /** A copy that makes and grounds holes by itself from now on (a forked session's). */
  clone(): SkeletonBuilder {
    return Object.assign(Object.create(SkeletonBuilder.prototype) as SkeletonBuilder, this);
  }

  /** Grounds the holes made from now on (a repair's, `RepairOptions.ground`) with another function. */
  reground(ground: HoleGrounding | undefined): void {
    this.ground = ground;
  }

  /**
   * A union again, without the branches a repair rejected, unless none would be left (then the union may take
   * any again, as a value hole with nothing else to write may repeat its rejected value).
   */
  reinstantiateUnion(previous: UnionInstance, excluded: readonly number[], depth = previous.path.length): Instance {
    return this.union(previous.node, previous.path, depth, excluded);
  }

  instantiate(schema: SchemaNode, path: JsonPath, depth = 0): Instance {
    const node = resolveNode(schema);
    switch (node.kind) {
      case 'object':
        return {
          kind: 'object',
          node,
          path,
          members: node.properties.map((property) => this.member(property, path, depth)),
          extras: (node.extra ?? []).map((entry, index) => {
            const keyPath = [...path, `*${index}`];
            return { key: { kind: 'leaf' as const, node: entry.key, path: keyPath, hole: this.valueHole(entry.key, keyPath) }, value: this.instantiate(entry.value, keyPath, depth + 1) };
          }),
        };
      case 'array':
        return this.array(node, path, depth);
      case 'union':
        return this.union(node, path, depth);
      case 'enum':
        if (node.values.length === 1) return { kind: 'literal', path, value: node.values[0] as JsonValue };
        return { kind: 'leaf', node, path, hole: this.valueHole(node, path) };
      case 'string':
      case 'number':
        return { kind: 'leaf', node, path, hole: this.valueHole(node, path) };
    }
  }

  private member(property: PropertyNode, path: JsonPath, depth: number): MemberInstance {
    const childPath = [...path, property.name];
    if (property.required) {
      return { property, presence: 'present', decision: undefined, value: this.instantiate(property.node, childPath, depth + 1) };
    }
    if (depth >= this.options.maxDepth || !this.isFinite(property.node) || this.ungroundable(property.node, childPath)) {
      return { property, presence: 'absent', decision: undefined, value: undefined };
    }
    const known = this.present?.({ path: childPath, pointer: property.node.pointer });
    if (known === true) return { property, presence: 'present', decision: undefined, value: this.instantiate(property.node, childPath, depth + 1) };
    if (known === false) return { property, presence: 'absent', decision: undefined, value: undefined };
    const labels = [`${JSON.stringify(property.name)}:`, ''];
    return { property, presence: 'undecided', decision: this.decisionHole('presence', labels, childPath, property.node.pointer), value: undefined };
  }

  private array(node: ArrayNode, path: JsonPath, depth: number): ArrayInstance {
    const most = this.mostItems(node, depth);
    const instance: ArrayInstance = { kind: 'array', node, path, count: undefined, decision: undefined, items: [] };
    if (most === node.minItems) {
      this.expandArray(instance, node.minItems, depth);
      return instance;
    }
    const labels: string[] = [];
    for (let count = node.minItems; count <= most; count++) labels.push(String(count));
    instance.decision = this.decisionHole('count', labels, path, node.pointer);
    return instance;
  }

  /** The most items an array's count decision offers. */
  private mostItems(node: ArrayNode, depth: number): number {
    let most = node.maxItems ?? Infinity;
    if (node.items === undefined) most = Math.min(most, node.prefixItems.length);
    most = Math.min(most, node.minItems + this.options.arrayExtraItems);
    if (depth >= this.options.maxDepth) most = node.minItems;
    // Items past minItems are only offered when their schema has a finite value (recursion needs a way out).
    for (let index = node.minItems; index < most; index++) {
      const item = itemNodeAt(node, index);
      if (item === undefined || !this.isFinite(item)) {
        most = index;
        break;
      }
    }
    return Math.max(most, node.minItems);
  }

  expandArray(instance: ArrayInstance, count: number, depth = instance.path.length): void {
    instance.count = count;
    instance.decision = undefined;
    instance.items = [];
    for (let index = 0; index < count; index++) {
      const itemNode = itemNodeAt(instance.node, index);
      if (itemNode === undefined) throw new Error(`array at ${instance.node.pointer} has no schema for item ${index}`);
      instance.items.push(this.instantiate(itemNode, [...instance.path, index], depth + 1));
    }
  }

  /**
   * One more item, masked, after the items a decided array holds (which stay as they are), within the count its
   * decision could have taken. False when the array is undecided or holds that many already.
   */
  appendItem(instance: ArrayInstance, depth = instance.path.length): boolean {
    const count = instance.count;
    if (count === undefined || count >= this.mostItems(instance.node, depth)) return false;
    const itemNode = itemNodeAt(instance.node, count);
    if (itemNode === undefined) return false;
    instance.items.push(this.instantiate(itemNode, [...instance.path, count], depth + 1));
    instance.count = count + 1;
    return true;
  }

  private union(node: UnionNode, path: JsonPath, depth: number, excluded: readonly number[] = []): Instance {
    // A union of constants is one enum hole.
    if (node.branches.every((branch) => resolveNode(branch).kind === 'enum')) {
      const values: JsonValue[] = [];
      for (const branch of node.branches) {
        for (const value of (resolveNode(branch) as EnumNode).values) {
          if (!values.some((other) => JSON.stringify(other) === JSON.stringify(value))) values.push(value);
        }
      }
      return this.instantiate({ kind: 'enum', pointer: node.pointer, values }, path, depth);
    }
    const labels = node.branches.map((branch, index) => {
      if (node.discriminator !== undefined) return JSON.stringify(node.discriminator.values[index]);
      const resolved = resolveNode(branch);
      if (resolved.kind === 'enum' && resolved.values.length === 1 && resolved.values[0] === null) return 'null';
      return String(index);
    });
    const instance: UnionInstance = { kind: 'union', node, path, branch: undefined, decision: undefined, value: undefined };
    let allowed = node.branches.map((_, index) => index).filter((index) => this.isFinite(node.branches[index] as SchemaNode));
    if (depth >= this.options.maxDepth) {
      const shallow = allowed.filter((index) => resolveNode(node.branches[index] as SchemaNode).kind !== 'object' && resolveNode(node.branches[index] as SchemaNode).kind !== 'array');
      if (shallow.length > 0) allowed = shallow;
    }
    if (allowed.length === 0) throw new LacunaInfillError({ code: 'INVALID_SCHEMA', message: `No branch of the union at ${node.pointer} has a finite value.`, pointer: node.pointer });
    const remaining = allowed.filter((index) => !excluded.includes(index));
    if (remaining.length > 0 && excluded.length > 0) {
      allowed = remaining;
      instance.excludedBranches = excluded;
    }
    if (allowed.length === 1) {
      this.expandUnion(instance, allowed[0] as number, depth);
      return instance;
    }
    instance.decision = this.decisionHole('branch', allowed.map((index) => labels[index] as string), path, node.pointer);
    instance.allowedBranches = allowed;
    return instance;
  }

  expandUnion(instance: UnionInstance, branch: number, depth = instance.path.length): void {
    instance.branch = branch;
    instance.decision = undefined;
    instance.value = this.instantiate(instance.node.branches[branch] as SchemaNode, instance.path, depth);
  }

  expandMember(member: MemberInstance, present: boolean, parentPath: JsonPath, depth = parentPath.length): void {
    member.decision = undefined;
    member.presence = present ? 'present' : 'absent';
    member.value = present ? this.instantiate(member.property.node, [...parentPath, member.property.name], depth + 1) : undefined;
  }

  /**
   * An optional value that must be a span of a context none of whose spans fits it (no number in its bounds):
   * it cannot be stated there, so it is left out rather than written free, as a required one would be.
   */
  private ungroundable(node: SchemaNode, path: JsonPath): boolean {
    if (node.kind === 'enum') return this.groundedMembers(node, path) === null;
    return (node.kind === 'string' || node.kind === 'number') && this.grounded(node, path, leafAutomaton(node)) === null;
  }

  /**
   * The language of an enum grounded by `options.ground`'s `{ values }`: its members among them. Undefined when the
   * enum is not grounded or every member is allowed, null when none is.
   */
  private groundedMembers(node: EnumNode, path: JsonPath): AnyByteAutomaton | null | undefined {
    if (this.ground === undefined) return undefined;
    const grounding = this.ground({ path, pointer: node.pointer, kind: 'enum' });
    if (grounding === undefined || isTexts(grounding)) return undefined;
    const members = node.values.filter((member) => grounding.values.includes(typeof member === 'string' ? member : JSON.stringify(member)));
    if (members.length === 0) return null;
    if (members.length === node.values.length) return undefined;
    return leafAutomaton({ kind: 'enum', pointer: node.pointer, values: members });
  }

  /**
   * The language of a value grounded by `options.ground`: the spans of its context that `inner` accepts;
   * undefined when the value is not grounded, null when no span fits.
   */
  private grounded(node: StringNode | NumberNode, path: JsonPath, inner: AnyByteAutomaton): GroundedAutomaton | null | undefined {
    if (this.ground === undefined) return undefined;
    const grounding = this.ground({ path, pointer: node.pointer, kind: node.kind });
    if (grounding === undefined) return undefined;
    // Texts to copy a span of, or values to copy whole.
    const texts = isTexts(grounding) ? grounding : grounding.values;
    const whole = texts !== grounding;
    const context = typeof texts === 'string' ? `text:${texts}` : `${whole ? 'values' : 'texts'}:${JSON.stringify(texts)}`;
    // Made once per language and context: an optional member is asked about twice (can it be stated at all,
    // then its hole), and the items of an array share their node.
    let byContext = this.groundedLanguages.get(inner);
    if (byContext === undefined) {
      byContext = new Map();
      this.groundedLanguages.set(inner, byContext);
    }
    let language = byContext.get(context);
    if (language === undefined) {
      language = GroundedAutomaton.create(inner, texts, node.kind, whole) ?? null;
      byContext.set(context, language);
    }
    return language;
  }

  private readonly groundedLanguages = new WeakMap<AnyByteAutomaton, Map<string, GroundedAutomaton | null>>();

  /**
   * A leaf's value grounded by the grounding in force (a repair's new one): undefined when it grounds the value in
   * no text, or in one no span of which fits (the hole then keeps the language it had).
   */
  regrounded(node: StringNode | NumberNode | EnumNode, path: JsonPath): AnyByteAutomaton | undefined {
    return (node.kind === 'enum' ? this.groundedMembers(node, path) : this.grounded(node, path, leafAutomaton(node))) ?? undefined;
  }

  private valueHole(node: StringNode | NumberNode | EnumNode, path: JsonPath): Hole {
    const inner = leafAutomaton(node);
    const body = (node.kind === 'enum' ? this.groundedMembers(node, path) : this.grounded(node, path, inner)) ?? inner;
    let budget: number;
    let growable = true;
    if (node.kind === 'string') {
      budget = Math.min(node.maxLength ?? Infinity, this.options.budgets.string);
      budget = Math.max(budget, 1);
    } else if (node.kind === 'number') {
      budget = node.spec.integer ? this.options.budgets.integer : this.options.budgets.number;
    } else {
      budget = Math.max(...node.values.map((value) => this.countTokens(JSON.stringify(value))));
      growable = false;
    }
    budget = Math.max(budget, this.startDistance(body));
    return new Hole({ id: this.nextId++, kind: 'value', path, pointer: node.pointer, body, budget, growable, quoted: node.kind === 'string' });
  }

  private decisionHole(kind: HoleKind, labels: readonly string[], path: JsonPath, pointer: string): Hole {
    const body = choiceAutomaton(labels, kind) as AnyByteAutomaton;
    const budget = Math.max(1, this.startDistance(body), ...labels.map((label) => this.countTokens(label)));
    return new Hole({ id: this.nextId++, kind, path, pointer, body, budget, labels, growable: false });
  }

  /** Whether a node has a finite value (recursive schemas need a way out). */
  isFinite(schema: SchemaNode): boolean {
    return hasFiniteValue(schema);
  }
}

function isTexts(grounding: string | readonly string[] | { readonly values: readonly string[] }): grounding is string | readonly string[] {
  return typeof grounding === 'string' || Array.isArray(grounding);
}

/** The schema of an array's item at an index: its `prefixItems` entry, past them `items` (undefined when closed). */
function itemNodeAt(node: ArrayNode, index: number): SchemaNode | undefined {
  return index < node.prefixItems.length ? node.prefixItems[index] : node.items;
}

/** A copy of an instance tree whose holes, decisions and items move on by themselves (schema nodes are shared). */
export function cloneInstance(instance: Instance): Instance {
  switch (instance.kind) {
    case 'object':
      return {
        ...instance,
        members: instance.members.map((member) => ({ ...member, ...clonedDecisions(member), value: member.value === undefined ? undefined : cloneInstance(member.value) })),
        extras: instance.extras.map((extra) => ({ key: cloneInstance(extra.key) as LeafInstance, value: cloneInstance(extra.value) })),
      };
    case 'array':
      return { ...instance, ...clonedDecisions(instance), items: instance.items.map(cloneInstance) };
    case 'union':
      return { ...instance, ...clonedDecisions(instance), value: instance.value === undefined ? undefined : cloneInstance(instance.value) };
    case 'leaf':
      return { ...instance, hole: instance.hole.clone() };
    case 'literal':
      return instance;
  }
}

/** A decision hole and the one it decided with, copied (one copy where they are the same hole). */
function clonedDecisions(holder: { readonly decision: Hole | undefined; readonly decided?: Hole }): { decision: Hole | undefined; decided?: Hole } {
  const decision = holder.decision?.clone();
  if (holder.decided === undefined) return { decision };
  return { decision, decided: holder.decided === holder.decision ? decision : holder.decided.clone() };
}

/** Branches a union decision's labels stand for, in label order. */
export function unionBranches(instance: UnionInstance): readonly number[] {
  return instance.allowedBranches ?? instance.node.branches.map((_, index) => index);
}

/**
 * Walks the tree's holes in text order: each place's open decision or value hole (`hole`), and the decision it was
 * built by once made (`decided`; the open hole is then gone, so a place gives one or the other).
 */
function walkHoles(instance: Instance, visit: (hole: Hole, role: 'hole' | 'decided') => void): void {
  const place = (holder: { readonly decision: Hole | undefined; readonly decided?: Hole }): void => {
    if (holder.decision !== undefined) visit(holder.decision, 'hole');
    if (holder.decided !== undefined) visit(holder.decided, 'decided');
  };
  switch (instance.kind) {
    case 'object':
      for (const member of instance.members) {
        place(member);
        if (member.value !== undefined) walkHoles(member.value, visit);
      }
      for (const extra of instance.extras) {
        visit(extra.key.hole, 'hole');
        walkHoles(extra.value, visit);
      }
      break;
    case 'array':
      place(instance);
      for (const item of instance.items) walkHoles(item, visit);
      break;
    case 'union':
      place(instance);
      if (instance.value !== undefined) walkHoles(instance.value, visit);
      break;
    case 'leaf':
      visit(instance.hole, 'hole');
      break;
    case 'literal':
      break;
  }
}

/** Every hole of the tree (decisions still to be made and values), in text order. */
export function collectHoles(instance: Instance): Hole[] {
  const out: Hole[] = [];
  walkHoles(instance, (hole, role) => {
    if (role === 'hole') out.push(hole);
  });
  return out;
}

/** Every decision the tree was built by, in text order. */
export function collectDecisions(instance: Instance): Hole[] {
  const out: Hole[] = [];
  walkHoles(instance, (hole, role) => {
    if (role === 'decided') out.push(hole);
  });
  return out;
}
