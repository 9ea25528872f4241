import { isKnownFormat } from '../automata/formats.js';
import { decimalsOf, NumberAutomaton, type NumberSpec } from '../automata/number-automaton.js';
import { invalidSchema, LacunaInfillError, unsupported } from '../errors/lacuna-infill-error.js';
import { hasFiniteValue } from './finite-value.js';
import { childPointer, resolvePointer } from './json-pointer.js';
import { deepEqual, jsonType, TYPES, type TypeName } from './json-value.js';
import { Merged, UnsatisfiableError, type RawPart, type RawSchema } from './merged-schema.js';
import { excludeFrom, valueMatchesNode, type Facts } from './schema-facts.js';
import type { EnumNode, ExtraEntry, JsonValue, ObjectNode, PropertyNode, SchemaNode, StringNode, UnionNode } from './schema-node.js';
import { stringValueMatches } from './string-constraints.js';

export type SchemaDraft = 'draft-04' | 'draft-06' | 'draft-07' | '2019-09' | '2020-12';

export interface NormalizedSchema {
  readonly root: SchemaNode;
  readonly draft: SchemaDraft;
  /** Things the compiler did not enforce because they are annotations (unknown formats and the like). */
  readonly warnings: readonly string[];
}

export interface NormalizeOptions {
  /** Draft to read the schema with when it has no `$schema` (default: 2020-12). */
  readonly defaultDraft?: SchemaDraft;
  /** Most union branches a schema may expand to (anyOf/oneOf distributed over allOf). */
  readonly maxBranches?: number;
}



interface Union {
  readonly kind: 'anyOf' | 'oneOf';
  readonly pointer: string;
  readonly branches: readonly RawPart[];
}

interface Conjunction {
  readonly parts: RawPart[];
  readonly unions: Union[];
  readonly nots: RawPart[];
  /** Reference targets expanded into the parts: being built while the conjunction is. */
  readonly refs: string[];
}

/** Keywords with no effect on validation. */
const ANNOTATIONS = new Set([
  'title', 'description', 'default', 'examples', 'example', '$comment', '$schema', '$id', 'id', 'deprecated', 'readOnly',
  'writeOnly', 'definitions', '$defs', 'contentEncoding', 'contentMediaType', 'contentSchema', '$anchor', 'nullable',
  'discriminator', 'xml', 'externalDocs', '$vocabulary',
]);

/** Keywords this compiler enforces. */
const HANDLED = new Set([
  'type', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'patternProperties', 'items', 'prefixItems',
  'additionalItems', 'minItems', 'maxItems', 'uniqueItems', 'minLength', 'maxLength', 'pattern', 'format', 'minimum',
  'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'anyOf', 'oneOf', 'allOf', '$ref', 'minProperties',
  'maxProperties', 'propertyNames', 'dependencies', 'dependentRequired', 'dependentSchemas', 'not',
  'unevaluatedProperties', 'unevaluatedItems',
]);

/** Standard keywords that are refused. */
const REFUSED: Readonly<Record<string, string>> = {
  contains: 'arrays that must contain a matching item are not generated',
  minContains: 'arrays that must contain matching items are not generated',
  maxContains: 'arrays that must contain matching items are not generated',
  $dynamicRef: 'dynamic references are not resolved',
  $recursiveRef: 'recursive references of draft 2019-09 are not resolved',
};

export function detectDraft(schema: unknown, fallback: SchemaDraft = '2020-12'): SchemaDraft {
  const uri = typeof schema === 'object' && schema !== null ? (schema as RawSchema).$schema : undefined;
  if (typeof uri !== 'string') return guessDraft(schema) ?? fallback;
  if (uri.includes('draft-04') || uri.includes('draft-03')) return 'draft-04';
  if (uri.includes('draft-06')) return 'draft-06';
  if (uri.includes('draft-07')) return 'draft-07';
  if (uri.includes('2019-09')) return '2019-09';
  return '2020-12';
}

/**
 * A schema without `$schema` that uses draft-04 idioms (`id`, boolean exclusive bounds) is read as draft-04;
 * one with `definitions` (and no 2019+ keyword) as draft-07.
 */
function guessDraft(document: unknown): SchemaDraft | undefined {
  let draft04 = false;
  let modern = false;
  let definitions = false;
  const visit = (value: unknown, depth: number): void => {
    if (depth > 64 || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const raw = value as RawSchema;
    if (typeof raw.id === 'string' || typeof raw.exclusiveMinimum === 'boolean' || typeof raw.exclusiveMaximum === 'boolean') draft04 = true;
    if ('$defs' in raw || 'prefixItems' in raw || 'dependentRequired' in raw || 'dependentSchemas' in raw || 'unevaluatedProperties' in raw) modern = true;
    if ('definitions' in raw) definitions = true;
    for (const [key, child] of Object.entries(raw)) {
      if (key === 'enum' || key === 'const' || key === 'default' || key === 'examples') continue;
      if (key === 'properties' || key === 'definitions' || key === '$defs' || key === 'patternProperties') {
        if (typeof child === 'object' && child !== null) for (const sub of Object.values(child)) visit(sub, depth + 1);
      } else visit(child, depth + 1);
    }
  };
  visit(document, 0);
  if (modern) return undefined;
  if (draft04) return 'draft-04';
  return definitions ? 'draft-07' : undefined;
}

/** Normalises a JSON Schema document into the internal schema. Throws LacunaInfillError on refusal. */
export function normalizeJsonSchema(document: unknown, options: NormalizeOptions = {}): NormalizedSchema {
  const normalizer = new Normalizer(document, detectDraft(document, options.defaultDraft), options.maxBranches ?? 64);
  const root = normalizer.normalize(document, '#');
  resolveAll(root);
  if (!hasFiniteValue(root)) throw invalidSchema('#', 'every value would be infinite (a recursive $ref is required at every level); make the recursion optional');
  return { root, draft: normalizer.draft, warnings: normalizer.warnings };
}

/** Resolves every reference once, so that anything refused behind a recursive reference is refused now. */
function resolveAll(root: SchemaNode): void {
  const seen = new Set<SchemaNode>();
  const stack: SchemaNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as SchemaNode;
    if (seen.has(node)) continue;
    seen.add(node);
    switch (node.kind) {
      case 'ref':
        stack.push(node.resolve());
        break;
      case 'object':
        for (const property of node.properties) stack.push(property.node);
        for (const entry of node.extra ?? []) stack.push(entry.value);
        break;
      case 'array':
        stack.push(...node.prefixItems);
        if (node.items !== undefined) stack.push(node.items);
        break;
      case 'union':
        stack.push(...node.branches);
        break;
      default:
        break;
    }
  }
}

class Normalizer {
  readonly document: unknown;
  readonly draft: SchemaDraft;
  readonly warnings: string[] = [];
  private readonly maxBranches: number;
  private readonly memo = new Map<string, SchemaNode>();
  private readonly building = new Set<string>();

  constructor(document: unknown, draft: SchemaDraft, maxBranches: number) {
    this.document = document;
    this.draft = draft;
    this.maxBranches = maxBranches;
  }

  normalize(schema: unknown, pointer: string): SchemaNode {
    try {
      return this.normalizeInner(schema, pointer);
    } catch (error) {
      if (error instanceof UnsatisfiableError) {
        throw invalidSchema(error.pointer, `no value satisfies the schema (${error.message})`);
      }
      throw error;
    }
  }

  private normalizeInner(schema: unknown, pointer: string): SchemaNode {
    const ref = this.pureRef(schema);
    if (ref !== undefined) return this.normalizeRef(ref, pointer);
    const conjunction: Conjunction = { parts: [], unions: [], nots: [], refs: [] };
    this.flatten(schema, pointer, conjunction, []);
    return this.build(conjunction, pointer);
  }

  /** The target of a schema that is only a `$ref` (siblings being annotations, or ignored before 2019-09). */
  private pureRef(schema: unknown): string | undefined {
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return undefined;
    const raw = schema as RawSchema;
    if (typeof raw.$ref !== 'string') {
      // `allOf: [{$ref}]` with annotations around it is the reference itself.
      if (Array.isArray(raw.allOf) && raw.allOf.length === 1 && Object.keys(raw).every((key) => key === 'allOf' || !HANDLED.has(key))) {
        return this.pureRef(raw.allOf[0]);
      }
      return undefined;
    }
    // Siblings of $ref are ignored before 2019-09 but applied by ajv and later drafts: applying them is valid
    // under both readings.
    const constraining = Object.keys(raw).filter((key) => key !== '$ref' && (HANDLED.has(key) || key in REFUSED));
    return constraining.length === 0 ? raw.$ref : undefined;
  }

  private refTarget(ref: string, pointer: string): { schema: unknown; pointer: string } {
    let target = ref;
    if (!target.startsWith('#')) {
      const id = typeof this.document === 'object' && this.document !== null ? ((this.document as RawSchema).$id ?? (this.document as RawSchema).id) : undefined;
      const hash = target.indexOf('#');
      if (typeof id === 'string' && hash >= 0 && target.slice(0, hash) === id.replace(/#$/, '')) target = target.slice(hash);
      else throw unsupported(pointer, '$ref', `only local references (#/...) are resolved, not "${ref}"`);
    }
    if (/^#[^/]/.test(target)) {
      const anchored = this.anchors().get(target.slice(1));
      if (anchored === undefined) throw invalidSchema(pointer, `$ref "${ref}" names no anchor ($anchor or a "#name" id) in the document`);
      return anchored;
    }
    const resolved = resolvePointer(this.document, target);
    if (resolved === undefined) throw invalidSchema(pointer, `$ref "${ref}" points nowhere in the document`);
    return { schema: resolved, pointer: target === '#' ? '#' : target };
  }

  private anchorIndex: Map<string, { schema: unknown; pointer: string }> | undefined;

  /** Plain-name fragments: `$anchor` (2019+) and `$id`/`id` of the form "#name" (older drafts). */
  private anchors(): Map<string, { schema: unknown; pointer: string }> {
    if (this.anchorIndex !== undefined) return this.anchorIndex;
    const index = new Map<string, { schema: unknown; pointer: string }>();
    const visit = (value: unknown, pointer: string, depth: number): void => {
      if (depth > 64 || typeof value !== 'object' || value === null) return;
      if (Array.isArray(value)) {
        value.forEach((item, position) => visit(item, childPointer(pointer, position), depth + 1));
        return;
      }
      const raw = value as RawSchema;
      for (const key of ['$anchor', '$id', 'id']) {
        const name = raw[key];
        if (typeof name !== 'string') continue;
        const anchor = key === '$anchor' ? name : name.startsWith('#') ? name.slice(1) : undefined;
        if (anchor !== undefined && anchor !== '' && !index.has(anchor)) index.set(anchor, { schema: value, pointer });
      }
      for (const [key, child] of Object.entries(raw)) {
        if (key === 'enum' || key === 'const' || key === 'default' || key === 'examples') continue;
        visit(child, childPointer(pointer, key), depth + 1);
      }
    };
    visit(this.document, '#', 0);
    this.anchorIndex = index;
    return index;
  }

  private normalizeRef(ref: string, pointer: string): SchemaNode {
    const target = this.refTarget(ref, pointer);
    const known = this.memo.get(target.pointer);
    if (known !== undefined) return known;
    if (this.building.has(target.pointer)) {
      const memo = this.memo;
      // Resolved lazily: the target may have been entered through a conjunction, whose node is not the target's.
      const resolveLater = (): SchemaNode => memo.get(target.pointer) ?? this.normalizeRef(ref, pointer);
      return { kind: 'ref', pointer, target: target.pointer, resolve: resolveLater };
    }
    this.building.add(target.pointer);
    try {
      const node = this.normalizeInner(target.schema, target.pointer);
      this.memo.set(target.pointer, node);
      return node;
    } finally {
      this.building.delete(target.pointer);
    }
  }

  /**
   * A part whose only constraint is a `type` that the reference's target declares anyway (`items: {type:
   * object, anyOf: [{$ref}, ...]}`): the branch is then the reference alone.
   */
  private typeImplied(schema: unknown, ref: string, pointer: string): boolean {
    if (typeof schema !== 'object' || schema === null) return false;
    const raw = schema as RawSchema;
    const constraints = Object.keys(raw).filter((key) => HANDLED.has(key) && key !== 'anyOf' && key !== 'oneOf' && key !== 'allOf');
    if (constraints.length !== 1 || constraints[0] !== 'type') return false;
    const allowed = new Set(Array.isArray(raw.type) ? raw.type : [raw.type]);
    let target: unknown;
    try {
      target = this.refTarget(ref, pointer).schema;
    } catch {
      return false;
    }
    if (typeof target !== 'object' || target === null) return false;
    const declared = (target as RawSchema).type;
    const types = Array.isArray(declared) ? declared : declared === undefined ? [] : [declared];
    return types.length > 0 && types.every((type) => allowed.has(type) || (type === 'integer' && allowed.has('number')));
  }

  /** Necessary conditions of a schema, from its top-level keywords (references followed, not built). */
  private rawFacts(schema: unknown, pointer: string): Facts {
    const conjunction: Conjunction = { parts: [], unions: [], nots: [], refs: [] };
    const saved = new Set(this.building);
    this.building.clear();
    try {
      this.flatten(schema, pointer, conjunction, []);
      return this.merge(conjunction.parts, pointer).facts();
    } catch {
      return { types: undefined, required: new Set(), values: undefined, constants: new Map(), string: { kind: 'string', pointer, minLength: 0, maxLength: undefined, patterns: [], format: undefined }, number: { integer: false } };
    } finally {
      for (const ref of saved) this.building.add(ref);
    }
  }

  /** Expands `$ref` and `allOf` into a list of parts; collects unions and `not`s. */
  private flatten(schema: unknown, pointer: string, into: Conjunction, refStack: string[]): void {
    if (schema === true) return;
    if (schema === false) throw new UnsatisfiableError(pointer, 'the schema is `false`');
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
      throw invalidSchema(pointer, `a schema must be an object or a boolean, got ${JSON.stringify(schema)}`);
    }
    const raw = schema as RawSchema;
    for (const key of Object.keys(raw)) {
      if (key in REFUSED) throw unsupported(childPointer(pointer, key), key, REFUSED[key] as string);
    }
    if (raw.if !== undefined && (raw.then !== undefined || raw.else !== undefined)) {
      throw unsupported(childPointer(pointer, 'if'), 'if', 'conditional schemas (if/then/else) are not compiled');
    }
    if (typeof raw.$ref === 'string') {
      const target = this.refTarget(raw.$ref, pointer);
      if (this.building.has(target.pointer) || refStack.includes(target.pointer)) {
        throw unsupported(childPointer(pointer, '$ref'), '$ref', 'a recursive $ref combined with other keywords (allOf or sibling keywords)');
      }
      into.refs.push(target.pointer);
      this.flatten(target.schema, target.pointer, into, [...refStack, target.pointer]);
    }
    into.parts.push({ schema: raw, pointer });
    if (raw.allOf !== undefined) {
      for (const [index, sub] of this.schemaList(raw.allOf, childPointer(pointer, 'allOf')).entries()) {
        this.flatten(sub, childPointer(pointer, 'allOf', index), into, refStack);
      }
    }
    for (const kind of ['anyOf', 'oneOf'] as const) {
      if (raw[kind] === undefined) continue;
      const list = this.schemaList(raw[kind], childPointer(pointer, kind));
      // The same union met twice (a property schema and a matching patternProperties schema) applies once.
      if (into.unions.some((union) => union.kind === kind && deepEqual(union.branches.map((branch) => branch.schema), list))) continue;
      into.unions.push({ kind, pointer: childPointer(pointer, kind), branches: list.map((sub, index) => ({ schema: sub, pointer: childPointer(pointer, kind, index) })) });
    }
    if (raw.not !== undefined) into.nots.push({ schema: raw.not, pointer: childPointer(pointer, 'not') });
  }

  private schemaList(value: unknown, pointer: string): unknown[] {
    if (!Array.isArray(value) || value.length === 0) throw invalidSchema(pointer, 'must be a non-empty array of schemas');
    return value;
  }

  // ------------------------------------------------------------------ unions

  private build(conjunction: Conjunction, pointer: string): SchemaNode {
    const entered = conjunction.refs.filter((ref) => !this.building.has(ref));
    for (const ref of entered) this.building.add(ref);
    try {
      return this.buildWithFacts(conjunction, pointer).node;
    } finally {
      for (const ref of entered) this.building.delete(ref);
    }
  }

  private buildWithFacts(conjunction: Conjunction, pointer: string): { node: SchemaNode; facts: Facts } {
    const [union, ...rest] = conjunction.unions;
    if (union === undefined) {
      const merged = this.merge(conjunction.parts, pointer);
      this.applyNots(merged, conjunction.nots);
      let node = this.buildMerged(merged, conjunction);
      for (const not of merged.genericNots) {
        const excluded = excludeFrom(node, this.rawFacts(not.schema, not.pointer));
        if (excluded === undefined) throw unsupported(not.pointer, 'not', 'the compiler cannot make the value fail this `not` schema (only types, constants, required properties, string patterns/formats/lengths and one-sided number bounds are excluded)');
        node = excluded;
      }
      return { node, facts: merged.facts() };
    }
    const branches: { node: SchemaNode; facts: Facts; index: number }[] = [];
    const failures: string[] = [];
    for (const [index, branch] of union.branches.entries()) {
      const next: Conjunction = { parts: [...conjunction.parts], unions: [...rest], nots: [...conjunction.nots], refs: [...conjunction.refs] };
      try {
        const ref = this.pureRef(branch.schema);
        if (ref !== undefined && rest.length === 0 && conjunction.nots.length === 0 && conjunction.parts.every((part) => unconstrained(part.schema) || this.typeImplied(part.schema, ref, branch.pointer))) {
          // A branch that is only a reference (recursive ones included) is that reference's node.
          branches.push({ node: this.normalizeRef(ref, branch.pointer), facts: this.rawFacts(branch.schema, branch.pointer), index });
          continue;
        }
        this.flatten(branch.schema, branch.pointer, next, []);
        branches.push({ ...this.buildWithFacts(next, branch.pointer), index });
      } catch (error) {
        if (error instanceof UnsatisfiableError) failures.push(error.message);
        else throw error;
      }
    }
    if (branches.length === 0) throw new UnsatisfiableError(union.pointer, `no branch of ${union.kind} can be satisfied: ${failures.join('; ')}`);
    let nodes = branches.map((branch) => branch.node);
    if (union.kind === 'oneOf' && branches.length > 1) {
      // Dropped (unsatisfiable) branches match nothing, so only the remaining ones must exclude each other.
      nodes = this.makeExclusive(branches, union.pointer);
    }
    const flat: SchemaNode[] = [];
    for (const node of nodes) {
      if (node.kind === 'union') flat.push(...node.branches);
      else flat.push(node);
    }
    if (flat.length > this.maxBranches) {
      throw unsupported(union.pointer, union.kind, `the schema expands to ${flat.length} alternatives (more than ${this.maxBranches})`);
    }
    const facts = this.merge(conjunction.parts, pointer).facts();
    if (flat.length === 1) return { node: flat[0] as SchemaNode, facts };
    return { node: makeUnion(union.pointer, flat), facts };
  }

  /**
   * oneOf: a value generated from one branch must fail every other branch. Proved from necessary conditions of
   * the other branches (types, required properties, allowed values, constant tags); optional properties the
   * other branch requires are dropped from this one so that it fails there. Refused when no proof is found.
   */
  private makeExclusive(branches: { node: SchemaNode; facts: Facts; index: number }[], pointer: string): SchemaNode[] {
    const kept: SchemaNode[] = [];
    let conflict: [number, number] | undefined;
    for (const branch of branches) {
      let node: SchemaNode | undefined = branch.node;
      for (const other of branches) {
        if (other === branch || node === undefined) continue;
        const excluded: SchemaNode | undefined = excludeFrom(node, other.facts);
        if (excluded === undefined) conflict ??= [branch.index, other.index];
        node = excluded;
      }
      // A branch whose values would always match another one too is never generated.
      if (node !== undefined) kept.push(node);
    }
    if (kept.length === 0) {
      const [a, b] = conflict ?? [0, 1];
      throw unsupported(pointer, 'oneOf', `branches ${a} and ${b} may both match the same value, and exactly one must`);
    }
    return kept;
  }

  // ------------------------------------------------------------------ merging parts

  private merge(parts: readonly RawPart[], pointer: string): Merged {
    const merged = new Merged(pointer);
    for (const part of parts) this.mergePart(merged, part);
    return merged;
  }

  private mergePart(merged: Merged, part: RawPart): void {
    const raw = part.schema as RawSchema;
    const at = (key: string): string => childPointer(part.pointer, key);
    for (const [key, value] of Object.entries(raw)) {
      if (ANNOTATIONS.has(key) || key === '$ref' || key === 'allOf' || key === 'anyOf' || key === 'oneOf' || key === 'not') continue;
      switch (key) {
        case 'type': {
          const list = Array.isArray(value) ? value : [value];
          if (!list.every((type) => (TYPES as readonly unknown[]).includes(type))) throw invalidSchema(at(key), `unknown type ${JSON.stringify(value)}`);
          merged.restrictTypes(new Set(list as TypeName[]), at(key));
          break;
        }
        case 'enum':
          if (!Array.isArray(value)) throw invalidSchema(at(key), 'enum must be an array');
          merged.restrictValues(value as JsonValue[], at(key));
          break;
        case 'const':
          merged.restrictValues([value as JsonValue], at(key));
          break;
        case 'properties':
          for (const [name, sub] of Object.entries(objectValue(value, at(key)))) merged.addProperty(name, { schema: sub, pointer: childPointer(part.pointer, key, name) });
          break;
        case 'required':
          if (!Array.isArray(value) || !value.every((name) => typeof name === 'string')) {
            // Draft-03 style `required: true` inside a property is an annotation for later drafts.
            if (typeof value === 'boolean') break;
            throw invalidSchema(at(key), 'required must be an array of property names');
          }
          for (const name of value as string[]) merged.required.add(name);
          break;
        case 'additionalProperties':
          if (value === false) merged.closed.push({ names: new Set(Object.keys(objectValueOr(raw.properties))), patterns: Object.keys(objectValueOr(raw.patternProperties)) });
          else if (value !== true) merged.additional.push({ schema: value, pointer: at(key) });
          break;
        case 'unevaluatedProperties':
        case 'unevaluatedItems':
          // Only evaluated properties and items are ever generated.
          break;
        case 'patternProperties':
          for (const [pattern, sub] of Object.entries(objectValue(value, at(key)))) merged.patternProperties.push({ pattern, part: { schema: sub, pointer: childPointer(part.pointer, key, pattern) } });
          break;
        case 'propertyNames':
          merged.propertyNames.push({ schema: value, pointer: at(key) });
          break;
        case 'minProperties':
          merged.minProperties = Math.max(merged.minProperties ?? 0, nonNegativeInteger(value, at(key)));
          break;
        case 'maxProperties':
          merged.maxProperties = Math.min(merged.maxProperties ?? Infinity, nonNegativeInteger(value, at(key)));
          break;
        case 'dependencies':
        case 'dependentRequired':
        case 'dependentSchemas':
          for (const [name, dependency] of Object.entries(objectValue(value, at(key)))) {
            if (Array.isArray(dependency)) merged.dependentRequired.push({ name, required: dependency as string[] });
            else merged.dependentSchemas.push({ name, part: { schema: dependency, pointer: childPointer(part.pointer, key, name) } });
          }
          break;
        case 'items':
          if (Array.isArray(value)) merged.tuples.push({ prefix: value.map((sub, index) => ({ schema: sub, pointer: childPointer(part.pointer, key, index) })), rest: restItems(raw.additionalItems, at('additionalItems')) });
          else merged.tuples.push({ prefix: prefixList(raw.prefixItems, at('prefixItems')), rest: value === false ? false : { schema: value, pointer: at(key) } });
          break;
        case 'prefixItems':
          if (raw.items === undefined) merged.tuples.push({ prefix: prefixList(value, at(key)), rest: undefined });
          break;
        case 'additionalItems':
          break; // read with `items`
        case 'minItems':
          merged.minItems = Math.max(merged.minItems, nonNegativeInteger(value, at(key)));
          break;
        case 'maxItems':
          merged.maxItems = Math.min(merged.maxItems ?? Infinity, nonNegativeInteger(value, at(key)));
          break;
        case 'uniqueItems':
          if (value === true) merged.uniqueItems = at(key);
          break;
        case 'minLength':
          merged.minLength = Math.max(merged.minLength, nonNegativeInteger(value, at(key)));
          break;
        case 'maxLength':
          merged.maxLength = Math.min(merged.maxLength ?? Infinity, nonNegativeInteger(value, at(key)));
          break;
        case 'pattern':
          if (typeof value !== 'string') throw invalidSchema(at(key), 'pattern must be a string');
          merged.patterns.push({ pattern: value, pointer: at(key) });
          break;
        case 'format':
          if (typeof value !== 'string') throw invalidSchema(at(key), 'format must be a string');
          merged.addFormat(value, at(key), this.warnings);
          break;
        case 'minimum':
        case 'maximum':
        case 'exclusiveMinimum':
        case 'exclusiveMaximum':
          this.mergeBound(merged, raw, key, value, at(key));
          break;
        case 'multipleOf':
          if (typeof value !== 'number' || !(value > 0)) throw invalidSchema(at(key), 'multipleOf must be a positive number');
          if (decimalsOf(value) > 10) throw unsupported(at(key), 'multipleOf', 'a step with more than 10 decimals');
          if (merged.multipleOf !== undefined && merged.multipleOf !== value && !(Number.isInteger(value) && Number.isInteger(merged.multipleOf))) {
            throw unsupported(at(key), 'multipleOf', 'two different fractional multipleOf values on one number');
          }
          merged.multipleOf = merged.multipleOf === undefined ? value : lcm(merged.multipleOf, value);
          break;
        case 'if':
        case 'then':
        case 'else':
          break; // a lone if, then or else has no effect; the combination was refused in flatten
        default:
          // Not a JSON Schema keyword: validators ignore it, and so does the compiler.
          break;
      }
    }
  }

  private mergeBound(merged: Merged, raw: RawSchema, key: string, value: unknown, pointer: string): void {
    if (typeof value === 'boolean') {
      // Draft-04: exclusiveMinimum/exclusiveMaximum are flags on minimum/maximum.
      return;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidSchema(pointer, `${key} must be a number`);
    const draft04Exclusive = (flag: unknown): boolean => flag === true;
    if (key === 'minimum') {
      if (draft04Exclusive(raw.exclusiveMinimum)) merged.lower(value, true);
      else merged.lower(value, false);
    } else if (key === 'maximum') {
      if (draft04Exclusive(raw.exclusiveMaximum)) merged.upper(value, true);
      else merged.upper(value, false);
    } else if (key === 'exclusiveMinimum') merged.lower(value, true);
    else merged.upper(value, true);
  }

  private applyNots(merged: Merged, nots: readonly RawPart[]): void {
    for (const not of nots) {
      if (not.schema === false) continue;
      if (not.schema === true) throw new UnsatisfiableError(not.pointer, '`not: true` matches nothing');
      const raw = objectValue(not.schema, not.pointer);
      const keys = Object.keys(raw).filter((key) => !ANNOTATIONS.has(key));
      if (keys.length === 1 && keys[0] === 'required' && Array.isArray(raw.required)) {
        merged.forbiddenTogether.push({ names: raw.required as string[], pointer: not.pointer });
      } else if (keys.length === 1 && keys[0] === 'type') {
        const list = (Array.isArray(raw.type) ? raw.type : [raw.type]) as TypeName[];
        const remaining = new Set(TYPES.filter((type) => !list.includes(type) && !(type === 'integer' && list.includes('number'))));
        if (list.includes('integer') && !list.includes('number')) {
          throw unsupported(not.pointer, 'not', '`not: {type: "integer"}` (numbers that must not be whole) is not generated');
        }
        merged.restrictTypes(remaining, not.pointer);
      } else if (keys.length === 1 && (keys[0] === 'enum' || keys[0] === 'const')) {
        const values = keys[0] === 'enum' ? (raw.enum as JsonValue[]) : [raw.const as JsonValue];
        merged.excluded.push(...values);
      } else {
        // Any other `not`: the value is made to fail the schema's necessary conditions once built.
        merged.genericNots.push(not);
      }
    }
  }

  // ------------------------------------------------------------------ nodes

  private buildMerged(merged: Merged, conjunction: Conjunction): SchemaNode {
    const pointer = merged.pointer;
    let types = merged.types ?? (merged.values !== undefined ? new Set<TypeName>(TYPES) : inferTypes(merged));
    if (types.has('number')) types = new Set([...types].filter((type) => type !== 'integer'));
    if (types.size === 0) throw new UnsatisfiableError(pointer, 'the allowed types exclude each other');
    if (merged.values !== undefined) return this.buildEnum(merged, types, conjunction);
    const branches: SchemaNode[] = [];
    const failures: string[] = [];
    for (const type of TYPES) {
      if (!types.has(type)) continue;
      try {
        branches.push(this.buildTyped(merged, type, conjunction));
      } catch (error) {
        if (error instanceof UnsatisfiableError && types.size > 1) failures.push(error.message);
        else throw error;
      }
    }
    if (branches.length === 0) throw new UnsatisfiableError(pointer, failures.join('; '));
    return branches.length === 1 ? (branches[0] as SchemaNode) : makeUnion(pointer, branches);
  }

  private buildEnum(merged: Merged, types: ReadonlySet<TypeName>, conjunction: Conjunction): SchemaNode {
    const checks = new Map<TypeName, SchemaNode | undefined>();
    const nodeFor = (type: TypeName): SchemaNode | undefined => {
      if (!checks.has(type)) {
        try {
          checks.set(type, type === 'object' || type === 'array' ? undefined : this.buildTyped(merged, type, conjunction));
        } catch {
          checks.set(type, undefined);
        }
      }
      return checks.get(type);
    };
    const values = (merged.values as JsonValue[]).filter((value) => {
      const type = jsonType(value);
      if (!types.has(type) && !(type === 'integer' && types.has('number'))) return false;
      if (merged.excluded.some((excluded) => deepEqual(excluded, value))) return false;
      const node = nodeFor(type === 'integer' && !types.has('integer') ? 'number' : type);
      if (node === undefined) return true;
      return valueMatchesNode(value, node);
    });
    if (values.length === 0) throw new UnsatisfiableError(merged.pointer, 'no enum/const value satisfies the other constraints');
    const node: EnumNode = { kind: 'enum', pointer: merged.pointer, values };
    return node;
  }

  private buildTyped(merged: Merged, type: TypeName, conjunction: Conjunction): SchemaNode {
    const pointer = merged.pointer;
    switch (type) {
      case 'null':
        return { kind: 'enum', pointer, values: [null] };
      case 'boolean': {
        const values = [true, false].filter((value) => !merged.excluded.includes(value));
        if (values.length === 0) throw new UnsatisfiableError(pointer, 'both booleans are excluded');
        return { kind: 'enum', pointer, values };
      }
      case 'string':
        return this.buildString(merged);
      case 'number':
      case 'integer':
        return this.buildNumber(merged, type === 'integer');
      case 'object':
        return this.buildObject(merged, conjunction);
      case 'array':
        return this.buildArray(merged);
    }
  }

  private buildString(merged: Merged): StringNode {
    if (merged.maxLength !== undefined && merged.maxLength < merged.minLength) {
      throw new UnsatisfiableError(merged.pointer, `minLength ${merged.minLength} exceeds maxLength ${merged.maxLength}`);
    }
    const excluded = merged.excluded.filter((value): value is string => typeof value === 'string');
    const maxLength = merged.maxLength ?? Infinity;
    const node: StringNode = {
      kind: 'string',
      pointer: merged.pointer,
      minLength: merged.minLength,
      maxLength: maxLength === Infinity ? undefined : maxLength,
      patterns: merged.patterns.map((entry) => entry.pattern),
      format: merged.format?.name,
      ...(excluded.length > 0 ? { excluded } : {}),
    };
    // Compile now: a refused pattern is reported here, with its pointer.
    const patternPointer = merged.patterns[0]?.pointer ?? merged.format?.pointer ?? merged.pointer;
    const satisfiable = stringValueMatches.compile(node, patternPointer);
    if (!satisfiable) throw new UnsatisfiableError(merged.pointer, 'no string satisfies pattern, format and length together');
    return node;
  }

  private buildNumber(merged: Merged, integer: boolean): SchemaNode {
    const spec: NumberSpec = {
      integer,
      ...(merged.minimum !== undefined ? { minimum: merged.minimum } : {}),
      ...(merged.maximum !== undefined ? { maximum: merged.maximum } : {}),
      ...(merged.exclusiveMinimum !== undefined ? { exclusiveMinimum: merged.exclusiveMinimum } : {}),
      ...(merged.exclusiveMaximum !== undefined ? { exclusiveMaximum: merged.exclusiveMaximum } : {}),
      ...(merged.multipleOf !== undefined ? { multipleOf: merged.multipleOf } : {}),
    };
    if (merged.format?.name === 'int32') Object.assign(spec, tighten(spec, -2147483648, 2147483647));
    if (!new NumberAutomaton(spec).satisfiable) {
      throw new UnsatisfiableError(merged.pointer, 'no number with at most 15 significant digits satisfies the bounds');
    }
    return { kind: 'number', pointer: merged.pointer, spec };
  }

  private buildObject(merged: Merged, conjunction: Conjunction): SchemaNode {
    const pointer = merged.pointer;
    const allowedByClosed = (name: string): boolean =>
      merged.closed.every((closed) => closed.names.has(name) || closed.patterns.some((pattern) => safeRegexTest(pattern, name)));
    const names: string[] = [...merged.properties.keys()];
    for (const name of merged.required) if (!merged.properties.has(name)) names.push(name);
    const required = new Set(merged.required);
    let optional = names.filter((name) => !required.has(name));

    // Dependencies.
    for (const { name, part } of merged.dependentSchemas) {
      if (required.has(name)) {
        // The dependent schema always applies: rebuild with it as one more part.
        const next: Conjunction = { parts: [...conjunction.parts], unions: [...conjunction.unions], nots: [...conjunction.nots], refs: [...conjunction.refs] };
        const withoutDependency: RawPart[] = next.parts.map((p) => ({ schema: stripDependency(p.schema, name), pointer: p.pointer }));
        const rebuilt: Conjunction = { parts: withoutDependency, unions: next.unions, nots: next.nots, refs: next.refs };
        this.flatten(part.schema, part.pointer, rebuilt, []);
        return this.build(rebuilt, pointer);
      }
      optional = optional.filter((candidate) => candidate !== name);
    }
    for (const { name, required: dependents } of merged.dependentRequired) {
      if (!required.has(name) && !optional.includes(name)) continue;
      const declarable = dependents.every((dependent) => names.includes(dependent) || merged.additional.length > 0 || merged.closed.length === 0);
      if (!declarable) {
        if (required.has(name)) throw new UnsatisfiableError(pointer, `"${name}" is required and depends on undeclared properties`);
        optional = optional.filter((candidate) => candidate !== name);
        continue;
      }
      if (required.has(name) || optional.includes(name)) {
        for (const dependent of dependents) {
          if (!names.includes(dependent)) names.push(dependent);
          required.add(dependent);
        }
        optional = optional.filter((candidate) => !required.has(candidate));
      }
    }
    for (const { names: together, pointer: notPointer } of merged.forbiddenTogether) {
      if (together.length === 0) throw new UnsatisfiableError(notPointer, '`not: {required: []}` matches every object');
      const droppable = [...together].reverse().find((name) => !required.has(name));
      if (droppable === undefined) {
        if (together.every((name) => required.has(name))) throw new UnsatisfiableError(notPointer, `properties ${together.join(', ')} are all required but must not all be present`);
      } else optional = optional.filter((candidate) => candidate !== droppable);
    }
    // Closed objects (additionalProperties: false) and propertyNames.
    for (const name of [...required]) {
      if (!allowedByClosed(name)) throw new UnsatisfiableError(pointer, `"${name}" is required but additionalProperties is false`);
    }
    optional = optional.filter(allowedByClosed);
    if (merged.propertyNames.length > 0) {
      const nameNode = this.build({ parts: [...merged.propertyNames], unions: [], nots: [], refs: [] }, merged.propertyNames[0]?.pointer ?? pointer);
      for (const name of [...required]) {
        if (!valueMatchesNode(name, nameNode)) throw new UnsatisfiableError(pointer, `required property "${name}" fails propertyNames`);
      }
      optional = optional.filter((name) => valueMatchesNode(name, nameNode));
    }
    // minProperties / maxProperties.
    const minProperties = merged.minProperties ?? 0;
    while (required.size < minProperties && optional.length > 0) {
      const first = optional.shift() as string;
      required.add(first);
    }
    let extra: ExtraEntry | undefined;
    if (required.size < minProperties) {
      if (minProperties - required.size > 1) {
        throw unsupported(pointer, 'minProperties', `${minProperties} properties are needed but only ${required.size} are declared (one undeclared property at most is generated)`);
      }
      extra = this.extraEntry(merged, names, pointer);
    }
    const maxProperties = merged.maxProperties ?? Infinity;
    if (required.size > maxProperties) throw new UnsatisfiableError(pointer, `${required.size} required properties exceed maxProperties ${maxProperties}`);
    optional = optional.slice(0, Math.max(0, maxProperties - required.size));

    const properties: PropertyNode[] = [];
    for (const name of names) {
      const isRequired = required.has(name);
      if (!isRequired && !optional.includes(name)) continue;
      const parts: RawPart[] = [...(merged.properties.get(name) ?? [])];
      for (const { pattern, part } of merged.patternProperties) if (safeRegexTest(pattern, name)) parts.push(part);
      if (!merged.properties.has(name) && !merged.patternProperties.some(({ pattern }) => safeRegexTest(pattern, name))) parts.push(...merged.additional);
      const propertyPointer = parts[0]?.pointer ?? childPointer(pointer, 'properties', name);
      let node: SchemaNode;
      try {
        node = parts.length === 1 ? this.normalizeInner((parts[0] as RawPart).schema, (parts[0] as RawPart).pointer) : this.normalizePartsList(parts, propertyPointer);
      } catch (error) {
        if (error instanceof LacunaInfillError && error.code === 'INVALID_SCHEMA' && !isRequired) continue;
        if (error instanceof UnsatisfiableError && !isRequired) continue;
        throw error;
      }
      properties.push({ name, required: isRequired, node });
    }
    const node: ObjectNode = { kind: 'object', pointer, properties, ...(extra === undefined ? {} : { extra: [extra] }) };
    return node;
  }

  /**
   * One property with a generated name, for objects whose minProperties exceeds their declared properties: the
   * name follows the first patternProperties pattern (and no other), or any name but the declared ones under
   * additionalProperties; the value follows that pattern's or additionalProperties' schema.
   */
  private extraEntry(merged: Merged, declared: readonly string[], pointer: string): ExtraEntry {
    const [first, ...others] = merged.patternProperties;
    const excluded: StringNode[] = others.map(({ pattern }) => ({ kind: 'string', pointer, minLength: 0, maxLength: undefined, patterns: [pattern], format: undefined }));
    let valueParts: RawPart[];
    const patterns: string[] = [];
    if (first !== undefined) {
      patterns.push(first.pattern);
      valueParts = [first.part];
    } else {
      if (merged.closed.length > 0) throw new UnsatisfiableError(pointer, 'minProperties needs an undeclared property but additionalProperties is false');
      valueParts = [...merged.additional];
    }
    for (const closed of merged.closed) {
      if (first === undefined || !closed.patterns.includes(first.pattern)) throw unsupported(pointer, 'minProperties', 'an undeclared property that several closed schemas (additionalProperties: false) must all allow');
    }
    for (const names of merged.propertyNames) {
      const raw = names.schema;
      if (typeof raw === 'object' && raw !== null && typeof (raw as RawSchema).pattern === 'string') patterns.push((raw as RawSchema).pattern as string);
    }
    const key: StringNode = {
      kind: 'string',
      pointer: childPointer(pointer, 'minProperties'),
      minLength: 1,
      maxLength: 24,
      patterns,
      format: undefined,
      excluded: [...declared],
      excludedLanguages: excluded,
    };
    try {
      if (!stringValueMatches.compile(key, key.pointer)) throw new UnsatisfiableError(pointer, 'no property name satisfies the patterns');
    } catch (error) {
      if (LacunaInfillError.isInstance(error)) throw unsupported(pointer, 'minProperties', `the name of the undeclared property cannot be compiled: ${error.message}`);
      throw error;
    }
    const value = this.normalizePartsList(valueParts, valueParts[0]?.pointer ?? childPointer(pointer, 'additionalProperties'));
    return { key, value };
  }

  private normalizePartsList(parts: readonly RawPart[], pointer: string): SchemaNode {
    if (parts.length === 0) return this.normalizeInner(true, pointer);
    if (parts.length === 1) return this.normalizeInner((parts[0] as RawPart).schema, (parts[0] as RawPart).pointer);
    const conjunction: Conjunction = { parts: [], unions: [], nots: [], refs: [] };
    for (const part of parts) this.flatten(part.schema, part.pointer, conjunction, []);
    return this.build(conjunction, pointer);
  }

  private buildArray(merged: Merged): SchemaNode {
    const pointer = merged.pointer;
    let maxItems = merged.maxItems === Infinity ? undefined : merged.maxItems;
    const minItems = merged.minItems;
    const prefixLength = Math.max(0, ...merged.tuples.map((tuple) => tuple.prefix.length));
    const elementParts = (index: number): RawPart[] | false => {
      const parts: RawPart[] = [];
      for (const tuple of merged.tuples) {
        if (index < tuple.prefix.length) parts.push(tuple.prefix[index] as RawPart);
        else if (tuple.rest === false) return false;
        else if (tuple.rest !== undefined) parts.push(tuple.rest);
      }
      return parts;
    };
    const prefixItems: SchemaNode[] = [];
    for (let index = 0; index < prefixLength; index++) {
      const parts = elementParts(index);
      if (parts === false) {
        maxItems = Math.min(maxItems ?? Infinity, index);
        break;
      }
      if (maxItems !== undefined && index >= maxItems) break;
      try {
        prefixItems.push(this.normalizePartsList(parts, parts[0]?.pointer ?? childPointer(pointer, 'items', index)));
      } catch (error) {
        if (error instanceof UnsatisfiableError && index >= minItems) {
          maxItems = index;
          break;
        }
        throw error;
      }
    }
    let items: SchemaNode | undefined;
    const restParts = elementParts(prefixLength);
    if (restParts !== false && (maxItems === undefined || maxItems > prefixItems.length)) {
      try {
        items = this.normalizePartsList(restParts, restParts[0]?.pointer ?? childPointer(pointer, 'items'));
      } catch (error) {
        if (!(error instanceof UnsatisfiableError) || minItems > prefixItems.length) throw error;
        items = undefined;
      }
    }
    if (items === undefined) maxItems = Math.min(maxItems ?? Infinity, prefixItems.length);
    if (maxItems !== undefined && maxItems < minItems) throw new UnsatisfiableError(pointer, `minItems ${minItems} exceeds the items allowed (${maxItems})`);
    if (merged.uniqueItems !== undefined) {
      // Arrays of at most one item are always unique; longer ones would need constraints across holes.
      if (minItems > 1 || prefixItems.length > 1) {
        throw unsupported(merged.uniqueItems, 'uniqueItems', 'arrays that must hold two or more distinct items are not generated');
      }
      maxItems = Math.min(maxItems ?? Infinity, 1);
    }
    return { kind: 'array', pointer, prefixItems, items, minItems, maxItems: maxItems === Infinity ? undefined : maxItems };
  }
}

/** A schema with no constraint of its own (annotations, and keywords expanded elsewhere). */
function unconstrained(schema: unknown): boolean {
  if (schema === true) return true;
  if (typeof schema !== 'object' || schema === null) return false;
  return Object.keys(schema).every((key) => !HANDLED.has(key) || key === 'anyOf' || key === 'oneOf' || key === 'allOf');
}

function makeUnion(pointer: string, branches: readonly SchemaNode[]): UnionNode {
  // Discriminated: every branch an object with the same required property fixed to distinct constants.
  const objects = branches.every((branch) => branch.kind === 'object');
  if (objects) {
    const first = branches[0] as ObjectNode;
    for (const candidate of first.properties) {
      const values: JsonValue[] = [];
      const ok = branches.every((branch) => {
        const property = (branch as ObjectNode).properties.find((p) => p.name === candidate.name);
        if (property === undefined || !property.required || property.node.kind !== 'enum' || property.node.values.length !== 1) return false;
        const value = property.node.values[0] as JsonValue;
        if (values.some((other) => deepEqual(other, value))) return false;
        values.push(value);
        return true;
      });
      if (ok) return { kind: 'union', pointer, branches, discriminator: { property: candidate.name, values } };
    }
  }
  return { kind: 'union', pointer, branches };
}

function inferTypes(merged: Merged): Set<TypeName> {
  if (merged.properties.size > 0 || merged.required.size > 0 || merged.closed.length > 0 || merged.minProperties !== undefined || merged.patternProperties.length > 0 || merged.additional.length > 0) return new Set(['object']);
  if (merged.tuples.length > 0 || merged.minItems > 0 || merged.maxItems !== undefined) return new Set(['array']);
  if (merged.patterns.length > 0 || merged.minLength > 0 || merged.maxLength !== undefined || (merged.format !== undefined && isKnownFormat(merged.format.name))) return new Set(['string']);
  if (merged.minimum !== undefined || merged.maximum !== undefined || merged.exclusiveMinimum !== undefined || merged.exclusiveMaximum !== undefined || merged.multipleOf !== undefined) return new Set(['number']);
  // Any value is valid: a string is the simplest to generate.
  return new Set(['string']);
}

function tighten(spec: NumberSpec, low: number, high: number): Partial<NumberSpec> {
  return {
    minimum: spec.minimum === undefined ? low : Math.max(spec.minimum, low),
    maximum: spec.maximum === undefined ? high : Math.min(spec.maximum, high),
  };
}

function objectValue(value: unknown, pointer: string): RawSchema {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidSchema(pointer, 'must be an object');
  return value as RawSchema;
}

function objectValueOr(value: unknown): RawSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as RawSchema) : {};
}

function nonNegativeInteger(value: unknown, pointer: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw invalidSchema(pointer, 'must be a non-negative integer');
  return value;
}

function prefixList(value: unknown, pointer: string): RawPart[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalidSchema(pointer, 'must be an array of schemas');
  return value.map((schema, index) => ({ schema, pointer: childPointer(pointer, index) }));
}

function restItems(value: unknown, pointer: string): RawPart | false | undefined {
  if (value === undefined || value === true) return undefined;
  if (value === false) return false;
  return { schema: value, pointer };
}

function stripDependency(schema: unknown, name: string): unknown {
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy: RawSchema = { ...(schema as RawSchema) };
  for (const key of ['dependencies', 'dependentSchemas']) {
    const value = copy[key];
    if (typeof value === 'object' && value !== null) {
      const rest: RawSchema = { ...(value as RawSchema) };
      delete rest[name];
      copy[key] = rest;
    }
  }
  return copy;
}

function safeRegexTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return false;
  }
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}
