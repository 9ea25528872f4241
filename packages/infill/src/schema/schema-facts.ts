import { intersectDfa, isEmptyLanguage } from '../automata/char-dfa.js';
import { isKnownFormat } from '../automata/formats.js';
import { NumberAutomaton, type NumberSpec } from '../automata/number-automaton.js';
import { deepEqual, jsonType, TYPES, type TypeName } from './json-value.js';
import type { JsonValue, ObjectNode, SchemaNode, StringNode } from './schema-node.js';
import { stringDfa, stringValueMatches } from './string-constraints.js';

/**
 * Necessary conditions of a schema: what every value it accepts satisfies. A value that fails one of them fails
 * the schema, which is how oneOf branches are made exclusive and `not` is enforced.
 */
export interface Facts {
  /** Types a matching value may have (undefined: any). */
  readonly types: ReadonlySet<TypeName> | undefined;
  readonly required: ReadonlySet<string>;
  readonly values: readonly JsonValue[] | undefined;
  /** Properties whose value is constrained to a few constants (tags). */
  readonly constants: ReadonlyMap<string, readonly JsonValue[]>;
  /** What a matching string must satisfy (when it is a string). */
  readonly string: StringNode;
  /** Bounds a matching number must satisfy (when it is a number). */
  readonly number: NumberSpec;
}

/**
 * A version of `node` none of whose values satisfies `facts` (necessary conditions of another branch), or
 * undefined when that cannot be shown.
 */
export function excludeFrom(node: SchemaNode, facts: Facts): SchemaNode | undefined {
  const generated = generatedTypes(node);
  if (facts.types !== undefined && !generated.some((type) => facts.types?.has(type) || (type === 'integer' && facts.types?.has('number')) || (type === 'number' && facts.types?.has('integer')))) {
    return node;
  }
  if (facts.values !== undefined) {
    if (node.kind === 'enum' && node.values.every((value) => !facts.values?.some((other) => deepEqual(value, other)))) return node;
    if (node.kind !== 'enum' && facts.values.every((value) => !generated.includes(jsonType(value)) && !(jsonType(value) === 'integer' && generated.includes('number')))) return node;
  }
  if (node.kind === 'enum' && facts.types !== undefined) {
    if (node.values.every((value) => !facts.types?.has(jsonType(value)) && !(jsonType(value) === 'integer' && facts.types?.has('number')))) return node;
  }
  if (node.kind === 'union') {
    const branches: SchemaNode[] = [];
    for (const branch of node.branches) {
      const excluded = excludeFrom(branch, facts);
      if (excluded === undefined) return undefined;
      branches.push(excluded);
    }
    return { ...node, branches };
  }
  const mayBe = (type: TypeName): boolean => facts.types === undefined || facts.types.has(type) || (type === 'integer' && facts.types.has('number'));
  if (node.kind === 'string' && mayBe('string')) {
    if (facts.values !== undefined) {
      // The other branch is a set of constants: exclude its strings from this one.
      const strings = facts.values.filter((value): value is string => typeof value === 'string');
      const excluded: StringNode = { ...node, excluded: [...(node.excluded ?? []), ...strings] };
      try {
        if (stringValueMatches.compile(excluded, node.pointer)) return excluded;
      } catch {
        return undefined;
      }
      return undefined;
    }
    // Formats are compiled to a subset of what validators accept: no exclusion can be proved from them.
    if (facts.string.format !== undefined && isKnownFormat(facts.string.format)) return undefined;
    try {
      const ours = stringDfa(node);
      const theirs = stringDfa(facts.string);
      if (isEmptyLanguage(intersectDfa(ours, theirs))) return node;
      // Restrict this string to what the other schema rejects.
      const restricted: StringNode = { ...node, excludedLanguages: [...(node.excludedLanguages ?? []), facts.string] };
      if (stringValueMatches.compile(restricted, node.pointer)) return restricted;
    } catch {
      return undefined;
    }
    return undefined;
  }
  if (node.kind === 'number' && (mayBe('number') || mayBe('integer'))) {
    if (facts.values !== undefined) {
      return facts.values.some((value) => typeof value === 'number' && valueMatchesNode(value, node)) ? undefined : node;
    }
    if (rangesDisjoint(node.spec, facts.number)) return node;
    // One-sided bounds of the other schema: stay on the other side of them.
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = facts.number;
    let spec: NumberSpec | undefined;
    const lower = minimum !== undefined || exclusiveMinimum !== undefined;
    const upper = maximum !== undefined || exclusiveMaximum !== undefined;
    if (lower && !upper) {
      const bound = Math.max(minimum ?? -Infinity, exclusiveMinimum ?? -Infinity);
      const inclusive = minimum !== undefined && minimum >= (exclusiveMinimum ?? -Infinity) && exclusiveMinimum !== minimum;
      spec = inclusive ? { ...node.spec, exclusiveMaximum: Math.min(node.spec.exclusiveMaximum ?? Infinity, bound) } : { ...node.spec, maximum: Math.min(node.spec.maximum ?? Infinity, bound) };
    } else if (upper && !lower) {
      const bound = Math.min(maximum ?? Infinity, exclusiveMaximum ?? Infinity);
      const inclusive = maximum !== undefined && maximum <= (exclusiveMaximum ?? Infinity) && exclusiveMaximum !== maximum;
      spec = inclusive ? { ...node.spec, exclusiveMinimum: Math.max(node.spec.exclusiveMinimum ?? -Infinity, bound) } : { ...node.spec, minimum: Math.max(node.spec.minimum ?? -Infinity, bound) };
    }
    if (spec !== undefined && new NumberAutomaton(spec).satisfiable) return { ...node, spec };
    return undefined;
  }
  if (node.kind === 'object') {
    // A constant tag that differs.
    for (const [name, values] of facts.constants) {
      const property = node.properties.find((p) => p.name === name);
      if (property?.node.kind === 'enum' && property.node.values.every((value) => !values.some((other) => deepEqual(value, other)))) {
        if (property.required) return node;
        // Present, the tag fails the other branch: make it required here.
        return { ...node, properties: node.properties.map((p) => (p === property ? { ...p, required: true } : p)) };
      }
    }
    // A property the other branch requires and this one does not write (nor may a generated name be it).
    const withoutName = (object: ObjectNode, name: string): ObjectNode =>
      object.extra === undefined ? object : { ...object, extra: object.extra.map((entry) => ({ ...entry, key: { ...entry.key, excluded: [...(entry.key.excluded ?? []), name] } })) };
    for (const name of facts.required) {
      const property = node.properties.find((p) => p.name === name);
      if (property === undefined) return withoutName(node, name);
      if (!property.required) return withoutName({ ...node, properties: node.properties.filter((p) => p.name !== name) }, name);
    }
  }
  return undefined;
}

/** Whether no number satisfies both specs (bounds only). */
function rangesDisjoint(a: NumberSpec, b: NumberSpec): boolean {
  const low = (spec: NumberSpec): [number, boolean] => {
    const inclusive = spec.minimum ?? -Infinity;
    const exclusive = spec.exclusiveMinimum ?? -Infinity;
    return exclusive >= inclusive ? [exclusive, exclusive !== -Infinity] : [inclusive, false];
  };
  const high = (spec: NumberSpec): [number, boolean] => {
    const inclusive = spec.maximum ?? Infinity;
    const exclusive = spec.exclusiveMaximum ?? Infinity;
    return exclusive <= inclusive ? [exclusive, exclusive !== Infinity] : [inclusive, false];
  };
  const [aLow, aLowOpen] = low(a);
  const [aHigh, aHighOpen] = high(a);
  const [bLow, bLowOpen] = low(b);
  const [bHigh, bHighOpen] = high(b);
  if (aHigh < bLow || bHigh < aLow) return true;
  if (aHigh === bLow && (aHighOpen || bLowOpen)) return true;
  if (bHigh === aLow && (bHighOpen || aLowOpen)) return true;
  return false;
}

function generatedTypes(node: SchemaNode): TypeName[] {
  switch (node.kind) {
    case 'object':
      return ['object'];
    case 'array':
      return ['array'];
    case 'string':
      return ['string'];
    case 'number':
      return node.spec.integer ? ['integer', 'number'] : ['number', 'integer'];
    case 'enum':
      return [...new Set(node.values.map(jsonType))].flatMap((type) => (type === 'integer' ? ['integer', 'number'] as TypeName[] : [type]));
    case 'union':
      return [...new Set(node.branches.flatMap(generatedTypes))];
    case 'ref':
      return [...TYPES];
  }
}

/** Whether a value satisfies a node (used to filter enum values and property names). */
export function valueMatchesNode(value: JsonValue, node: SchemaNode): boolean {
  switch (node.kind) {
    case 'string':
      return typeof value === 'string' && stringValueMatches.test(node, value);
    case 'number': {
      if (typeof value !== 'number') return false;
      const { integer, minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf } = node.spec;
      if (integer && !Number.isInteger(value)) return false;
      if (minimum !== undefined && value < minimum) return false;
      if (maximum !== undefined && value > maximum) return false;
      if (exclusiveMinimum !== undefined && value <= exclusiveMinimum) return false;
      if (exclusiveMaximum !== undefined && value >= exclusiveMaximum) return false;
      if (multipleOf !== undefined && value / multipleOf !== Math.trunc(value / multipleOf)) return false;
      return true;
    }
    case 'enum':
      return node.values.some((other) => deepEqual(other, value));
    case 'union':
      return node.branches.some((branch) => valueMatchesNode(value, branch));
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'ref':
      return true;
  }
}
