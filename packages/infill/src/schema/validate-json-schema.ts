import AjvModule, { type ValidateFunction } from 'ajv';
import Ajv2019Module from 'ajv/dist/2019.js';
import Ajv2020Module from 'ajv/dist/2020.js';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { LruCache } from '@lacuna/core';
import { createRequire } from 'node:module';
import { pointerToPath, type JsonPath } from './json-pointer.js';
import type { SchemaDraft } from './normalize-json-schema.js';

export interface ValidationIssue {
  /** Where in the value (empty: the root). */
  readonly path: JsonPath;
  readonly message: string;
}

export type ValidationOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

// CommonJS modules: their classes are on `.default` as TypeScript sees them (and at run time too).
const Ajv = AjvModule.default;
const Ajv2019 = Ajv2019Module.default;
const Ajv2020 = Ajv2020Module.default;
const Ajv04 = Ajv04Module.default;
const addFormats = addFormatsModule.default;
type AjvInstance = InstanceType<typeof Ajv>;
const instances = new Map<SchemaDraft, AjvInstance>();
const require = createRequire(import.meta.url);

/** One ajv per draft, with ajv-formats (full mode); unknown keywords and formats are ignored, as the spec says. */
export function ajvFor(draft: SchemaDraft): AjvInstance {
  let ajv = instances.get(draft);
  if (ajv === undefined) {
    // Patterns as most validators read them (no `u` flag: identity escapes such as `\:` are allowed); the
    // compiler only generates strings that match under both readings (see automata/regex-parser.ts).
    // No optimisation pass over the generated code: a schema here is compiled for a few validations (infill
    // validates its value once, repairs aside), and the pass took two thirds of ajv's compile time for a
    // six-tool plan schema (16.8 -> 5.6 ms).
    const options = { strict: false, allErrors: true, validateSchema: false, logger: false as const, unicodeRegExp: false, code: { optimize: false } };
    if (draft === 'draft-04') ajv = new Ajv04(options) as unknown as AjvInstance;
    else if (draft === '2019-09') ajv = new Ajv2019(options) as unknown as AjvInstance;
    else if (draft === '2020-12') ajv = new Ajv2020(options) as unknown as AjvInstance;
    else {
      ajv = new Ajv(options);
      if (draft === 'draft-06') ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
    }
    addFormats(ajv as never);
    instances.set(draft, ajv);
  }
  return ajv;
}

/** Validators of the schemas compiled last, by draft and JSON text: an agent's tools recur in every agent. */
const compiled = new LruCache<string, ValidateFunction>(256);

/** Compiles a JSON Schema for validation with the validator of its draft. */
export function compileValidator(schema: unknown, draft: SchemaDraft): ValidateFunction {
  const key = `${draft}\n${JSON.stringify(schema)}`;
  const known = compiled.get(key);
  if (known !== undefined) return known;
  const ajv = ajvFor(draft);
  const copy = typeof schema === 'object' && schema !== null ? stripIds(schema as Record<string, unknown>) : schema;
  const validate = ajv.compile(copy as object);
  // ajv keeps every schema it compiled, by object, for as long as it lives (one per draft, here for the process):
  // a caller compiling a new schema per request would grow without bound. The function stays usable.
  if (typeof copy === 'object' && copy !== null) ajv.removeSchema(copy as object);
  compiled.set(key, validate);
  return validate;
}

/** ajv keeps schemas by `$id`: compiling two documents with the same id would clash. */
function stripIds(schema: Record<string, unknown>): Record<string, unknown> {
  const { $id: _id, id: _legacyId, ...rest } = schema;
  return typeof _legacyId === 'string' || typeof _id === 'string' ? rest : schema;
}

export function issuesFromAjv(validate: ValidateFunction): ValidationIssue[] {
  return (validate.errors ?? []).map((error) => {
    const path = pointerToPath(error.instancePath);
    const missing = (error.params as { missingProperty?: string }).missingProperty;
    return { path: missing === undefined ? path : [...path, missing], message: `${error.instancePath || '/'} ${error.message ?? 'is invalid'}` };
  });
}
