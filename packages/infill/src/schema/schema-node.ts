import type { NumberSpec } from '../automata/number-automaton.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * The internal schema: what the skeleton builder understands. Every input (zod 4, zod 3, JSON Schema of any
 * draft) is normalised into this, with `$ref`s resolved and unsupported features refused. `pointer` is the
 * JSON pointer of the schema location the node came from, for error messages and reports.
 */
export type SchemaNode = ObjectNode | ArrayNode | StringNode | NumberNode | EnumNode | UnionNode | RefNode;

export interface PropertyNode {
  readonly name: string;
  readonly required: boolean;
  readonly node: SchemaNode;
}

export interface ObjectNode {
  readonly kind: 'object';
  readonly pointer: string;
  /** In schema order: the order keys are written in. */
  readonly properties: readonly PropertyNode[];
  /** Properties with generated names, always present, written after the declared ones (minProperties). */
  readonly extra?: readonly ExtraEntry[];
}

/** A property whose name the model writes (a string hole) as well as its value. */
export interface ExtraEntry {
  readonly key: StringNode;
  readonly value: SchemaNode;
}

export interface ArrayNode {
  readonly kind: 'array';
  readonly pointer: string;
  /** Tuple items first (`prefixItems`, or `items` as an array in older drafts). */
  readonly prefixItems: readonly SchemaNode[];
  /** Schema of the items after the tuple part; undefined when no further items are allowed. */
  readonly items: SchemaNode | undefined;
  readonly minItems: number;
  readonly maxItems: number | undefined;
}

export interface StringNode {
  readonly kind: 'string';
  readonly pointer: string;
  readonly minLength: number;
  readonly maxLength: number | undefined;
  /** Every pattern must match (allOf merges give several). */
  readonly patterns: readonly string[];
  readonly format: string | undefined;
  /** Strings the value must not be (from `not: {enum}` / `not: {const}`, and oneOf exclusivity). */
  readonly excluded?: readonly string[];
  /** String languages the value must stay out of (`not` with string constraints, oneOf exclusivity). */
  readonly excludedLanguages?: readonly StringNode[];
}

export interface NumberNode {
  readonly kind: 'number';
  readonly pointer: string;
  readonly spec: NumberSpec;
}

/** A finite set of values: enum, const, boolean (true/false), null. */
export interface EnumNode {
  readonly kind: 'enum';
  readonly pointer: string;
  readonly values: readonly JsonValue[];
}

export interface UnionNode {
  readonly kind: 'union';
  readonly pointer: string;
  readonly branches: readonly SchemaNode[];
  /**
   * Discriminated unions: the property whose constant value tells the branches apart, and each branch's
   * value. The decision is then made over the tag values.
   */
  readonly discriminator?: { readonly property: string; readonly values: readonly JsonValue[] };
}

/** A reference inside a cycle (recursive schemas), resolved when the skeleton grows into it. */
export interface RefNode {
  readonly kind: 'ref';
  readonly pointer: string;
  readonly target: string;
  resolve(): SchemaNode;
}

export function resolveNode(node: SchemaNode): Exclude<SchemaNode, RefNode> {
  let current = node;
  for (let depth = 0; current.kind === 'ref'; depth++) {
    if (depth > 100) throw new Error(`Reference cycle without structure at ${node.pointer}`);
    current = current.resolve();
  }
  return current;
}
