import { isKnownFormat } from '../automata/formats.js';
import type { NumberSpec } from '../automata/number-automaton.js';
import { unsupported } from '../errors/lacuna-infill-error.js';
import { deepEqual, type TypeName } from './json-value.js';
import type { Facts } from './schema-facts.js';
import type { JsonValue, StringNode } from './schema-node.js';

/** A schema object with the JSON pointer it was found at. */
export interface RawPart {
  readonly schema: unknown;
  readonly pointer: string;
}

export type RawSchema = Record<string, unknown>;

/** Thrown while normalising when no value satisfies a (sub)schema; a union drops such branches. */
export class UnsatisfiableError extends Error {
  readonly pointer: string;
  constructor(pointer: string, why: string) {
    super(why);
    this.pointer = pointer;
  }
}

/** The keywords of every part of a conjunction (allOf, $ref siblings), merged: the tightest of each. */
export class Merged {
  readonly pointer: string;
  types: Set<TypeName> | undefined;
  values: JsonValue[] | undefined;
  readonly excluded: JsonValue[] = [];
  readonly properties = new Map<string, RawPart[]>();
  readonly required = new Set<string>();
  readonly closed: { names: Set<string>; patterns: string[] }[] = [];
  readonly additional: RawPart[] = [];
  readonly patternProperties: { pattern: string; part: RawPart }[] = [];
  readonly propertyNames: RawPart[] = [];
  minProperties: number | undefined;
  maxProperties: number | undefined;
  readonly dependentRequired: { name: string; required: string[] }[] = [];
  readonly dependentSchemas: { name: string; part: RawPart }[] = [];
  readonly forbiddenTogether: { names: string[]; pointer: string }[] = [];
  readonly genericNots: RawPart[] = [];
  readonly tuples: { prefix: RawPart[]; rest: RawPart | false | undefined }[] = [];
  minItems = 0;
  maxItems: number | undefined;
  uniqueItems: string | undefined;
  minLength = 0;
  maxLength: number | undefined;
  readonly patterns: { pattern: string; pointer: string }[] = [];
  format: { name: string; pointer: string } | undefined;
  minimum: number | undefined;
  maximum: number | undefined;
  exclusiveMinimum: number | undefined;
  exclusiveMaximum: number | undefined;
  multipleOf: number | undefined;

  constructor(pointer: string) {
    this.pointer = pointer;
  }

  restrictTypes(types: Set<TypeName>, pointer: string): void {
    if (this.types === undefined) this.types = types;
    else {
      const next = new Set<TypeName>();
      for (const type of this.types) {
        if (types.has(type)) next.add(type);
        else if (type === 'number' && types.has('integer')) next.add('integer');
      }
      if (types.has('number') && this.types.has('integer')) next.add('integer');
      this.types = next;
    }
    if (this.types.size === 0) throw new UnsatisfiableError(pointer, 'the allowed types exclude each other');
  }

  restrictValues(values: JsonValue[], pointer: string): void {
    this.values = this.values === undefined ? [...values] : this.values.filter((value) => values.some((other) => deepEqual(value, other)));
    if (this.values.length === 0) throw new UnsatisfiableError(pointer, 'the allowed values (enum/const) exclude each other');
  }

  addProperty(name: string, part: RawPart): void {
    const list = this.properties.get(name);
    if (list === undefined) this.properties.set(name, [part]);
    else list.push(part);
  }

  addFormat(name: string, pointer: string, warnings: string[]): void {
    if (!isKnownFormat(name) && !['int32', 'int64', 'float', 'double'].includes(name)) {
      warnings.push(`${pointer}: format "${name}" is not a standard format; it is treated as an annotation and not enforced.`);
      return;
    }
    if (this.format !== undefined && this.format.name !== name) {
      throw unsupported(pointer, 'format', `two different formats ("${this.format.name}" and "${name}") on one value`);
    }
    this.format = { name, pointer };
  }

  lower(value: number, exclusive: boolean): void {
    if (exclusive) this.exclusiveMinimum = this.exclusiveMinimum === undefined ? value : Math.max(this.exclusiveMinimum, value);
    else this.minimum = this.minimum === undefined ? value : Math.max(this.minimum, value);
  }

  upper(value: number, exclusive: boolean): void {
    if (exclusive) this.exclusiveMaximum = this.exclusiveMaximum === undefined ? value : Math.min(this.exclusiveMaximum, value);
    else this.maximum = this.maximum === undefined ? value : Math.min(this.maximum, value);
  }

  facts(): Facts {
    const constants = new Map<string, JsonValue[]>();
    for (const [name, parts] of this.properties) {
      for (const part of parts) {
        const raw = part.schema;
        if (typeof raw !== 'object' || raw === null) continue;
        const schema = raw as RawSchema;
        const values = schema.const !== undefined ? [schema.const as JsonValue] : Array.isArray(schema.enum) ? (schema.enum as JsonValue[]) : undefined;
        if (values !== undefined) constants.set(name, values);
      }
    }
    const string: StringNode = {
      kind: 'string',
      pointer: this.pointer,
      minLength: this.minLength,
      maxLength: this.maxLength === Infinity ? undefined : this.maxLength,
      patterns: this.patterns.map((entry) => entry.pattern),
      format: this.format?.name,
    };
    const number: NumberSpec = {
      integer: false,
      ...(this.minimum !== undefined ? { minimum: this.minimum } : {}),
      ...(this.maximum !== undefined ? { maximum: this.maximum } : {}),
      ...(this.exclusiveMinimum !== undefined ? { exclusiveMinimum: this.exclusiveMinimum } : {}),
      ...(this.exclusiveMaximum !== undefined ? { exclusiveMaximum: this.exclusiveMaximum } : {}),
    };
    return { types: this.types, required: new Set(this.required), values: this.values, constants, string, number };
  }
}
