import { z } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { LacunaInfillError } from '../errors/lacuna-infill-error.js';
import { normalizeJsonSchema, type NormalizeOptions, type SchemaDraft } from './normalize-json-schema.js';
import type { SchemaNode } from './schema-node.js';
import { compileValidator, issuesFromAjv, type ValidationIssue, type ValidationOutcome } from './validate-json-schema.js';

/** A zod 4 schema (anything with `_zod`), typed by its output. */
export interface Zod4Like<T = unknown> {
  readonly _zod: { readonly output: T };
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** A zod 3 schema (anything with `_def` and `safeParse`, no `_zod`), typed by its output. */
export interface Zod3Like<T = unknown> {
  readonly _def: unknown;
  readonly _output: T;
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly (string | number)[]; message: string }[] } };
}

/** Anything `infill` accepts as a schema. */
export type SchemaInput<T = unknown> = Zod4Like<T> | Zod3Like<T> | JsonSchema | CompiledSchema<T>;
export type JsonSchema = Record<string, unknown> | boolean;

/** The value type a schema input describes (unknown for plain JSON Schema). */
export type InferSchema<S> = S extends CompiledSchema<infer T> ? T : S extends Zod4Like<infer T> ? T : S extends Zod3Like<infer T> ? T : unknown;

/** A schema ready for infill: the internal tree, the JSON Schema it came from, and its validator. */
export interface CompiledSchema<T = unknown> {
  readonly kind: 'lacuna-compiled-schema';
  readonly root: SchemaNode;
  readonly jsonSchema: JsonSchema;
  readonly draft: SchemaDraft;
  readonly source: 'zod4' | 'zod3' | 'json-schema';
  readonly warnings: readonly string[];
  /** Validates a value with zod where a zod schema was given, with ajv (the schema's draft) otherwise. */
  validate(value: unknown): ValidationOutcome<T>;
}

export interface CompileOptions extends NormalizeOptions {
  /**
   * Validates filled values instead of the schema's own validator (ajv's compiled schema, or zod's `safeParse`),
   * which is then not compiled. For a caller that checks the same thing from pieces it has compiled already: an
   * agent's plan schema changes with every request, its tools' schemas do not. It must accept exactly the
   * values the schema accepts, and give issues paths into the value, which repair re-masks.
   */
  readonly validate?: (value: unknown) => ValidationOutcome<unknown>;
}

export function isZod4(value: unknown): value is Zod4Like {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

export function isZod3(value: unknown): value is Zod3Like {
  return typeof value === 'object' && value !== null && '_def' in value && !('_zod' in value) && typeof (value as { safeParse?: unknown }).safeParse === 'function';
}

export function isCompiledSchema(value: unknown): value is CompiledSchema {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'lacuna-compiled-schema';
}

/**
 * Compiles a zod 4 schema (through `z.toJSONSchema`), a zod 3 schema (through `zod-to-json-schema`) or a JSON
 * Schema (draft-04 to 2020-12). Unsupported features are refused here, with a LacunaInfillError naming the JSON
 * pointer and the feature.
 */
export function compileSchema<S extends SchemaInput>(input: S, options: CompileOptions = {}): CompiledSchema<InferSchema<S>> {
  if (isCompiledSchema(input)) return input as CompiledSchema<InferSchema<S>>;
  let jsonSchema: JsonSchema;
  let source: CompiledSchema['source'];
  if (isZod4(input)) {
    source = 'zod4';
    try {
      jsonSchema = z.toJSONSchema(input as unknown as z.ZodType, { io: 'input', unrepresentable: 'throw' }) as JsonSchema;
    } catch (cause) {
      throw new LacunaInfillError({
        code: 'UNSUPPORTED_SCHEMA_FEATURE',
        message: `This zod schema has no JSON Schema form (${(cause as Error).message}); transforms, custom refinements and the like cannot be compiled. Describe the value with plain zod types.`,
        pointer: '#',
        feature: 'zod',
        cause,
      });
    }
  } else if (isZod3(input)) {
    source = 'zod3';
    jsonSchema = zodToJsonSchema(input as never, { target: 'jsonSchema7', $refStrategy: 'root' }) as JsonSchema;
  } else if (typeof input === 'object' || typeof input === 'boolean') {
    source = 'json-schema';
    jsonSchema = input as JsonSchema;
  } else {
    throw new LacunaInfillError({ code: 'INVALID_OPTIONS', message: 'schema must be a zod schema or a JSON Schema object.' });
  }
  const normalized = normalizeJsonSchema(jsonSchema, { ...options, defaultDraft: options.defaultDraft ?? (source === 'zod3' ? 'draft-07' : '2020-12') });
  let validate: (value: unknown) => ValidationOutcome<InferSchema<S>>;
  if (options.validate !== undefined) {
    validate = options.validate as (value: unknown) => ValidationOutcome<InferSchema<S>>;
  } else if (source === 'json-schema') {
    let validator: ReturnType<typeof compileValidator>;
    try {
      validator = compileValidator(jsonSchema, normalized.draft);
    } catch (cause) {
      throw new LacunaInfillError({
        code: 'INVALID_SCHEMA',
        message: `The JSON Schema validator (ajv) cannot compile this schema: ${(cause as Error).message}`,
        pointer: '#',
        cause,
      });
    }
    validate = (value) => (validator(value) ? { ok: true, value: value as InferSchema<S> } : { ok: false, issues: issuesFromAjv(validator) });
  } else {
    const schema = input as unknown as Zod3Like<InferSchema<S>>;
    validate = (value) => {
      const parsed = schema.safeParse(value);
      if (parsed.success) return { ok: true, value: parsed.data };
      const issues: ValidationIssue[] = parsed.error.issues.map((issue) => ({
        path: issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment))),
        message: `${issue.path.length === 0 ? '/' : `/${issue.path.join('/')}`} ${issue.message}`,
      }));
      return { ok: false, issues };
    };
  }
  return { kind: 'lacuna-compiled-schema', root: normalized.root, jsonSchema, draft: normalized.draft, source, warnings: normalized.warnings, validate };
}
