/**
 * Stable codes of every error that `@lacuna/infill` throws on purpose. Callers branch on `code`, never on the
 * message, so a code is never renamed once released.
 */
export type LacunaInfillErrorCode =
  /** The schema uses a JSON Schema feature the compiler does not enforce; `pointer` names where. */
  | 'UNSUPPORTED_SCHEMA_FEATURE'
  /** The schema is malformed (wrong keyword types, dangling $ref, no value can satisfy it). */
  | 'INVALID_SCHEMA'
  /** The canvas (prompt plus skeleton) does not fit in the model's context. */
  | 'CANVAS_TOO_LONG'
  /** A filled value failed validation although constraints should have prevented it (a bug: please report). */
  | 'OUTPUT_INVALID'
  /** Options of `infill`, `template` or `repair` are wrong. */
  | 'INVALID_OPTIONS'
  /** The tokenizer cannot spell what a constraint requires (for example no token for a needed byte). */
  | 'TOKENIZER_UNSUPPORTED'
  /** Command-line usage errors. */
  | 'CLI_USAGE';

export interface LacunaInfillErrorDetails {
  code: LacunaInfillErrorCode;
  message: string;
  /** JSON pointer into the schema the error is about (`#/properties/age`), where there is one. */
  pointer?: string;
  /** JSON path of the value the error is about (`$.items[0].name`), where there is one. */
  path?: string;
  /** The schema feature (keyword) the error is about, for UNSUPPORTED_SCHEMA_FEATURE. */
  feature?: string;
  cause?: unknown;
}

/** The one error class of `@lacuna/infill`: a stable `code`, a message that says what to do, and where. */
export class LacunaInfillError extends Error {
  override readonly name = 'LacunaInfillError';
  readonly code: LacunaInfillErrorCode;
  readonly pointer: string | undefined;
  readonly path: string | undefined;
  readonly feature: string | undefined;

  constructor(details: LacunaInfillErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
    this.pointer = details.pointer;
    this.path = details.path;
    this.feature = details.feature;
  }

  static isInstance(error: unknown): error is LacunaInfillError {
    return error instanceof Error && error.name === 'LacunaInfillError' && 'code' in error;
  }
}

/** Shorthand for the compile-time refusal of a schema feature. */
export function unsupported(pointer: string, feature: string, why: string): LacunaInfillError {
  return new LacunaInfillError({
    code: 'UNSUPPORTED_SCHEMA_FEATURE',
    message: `Schema feature "${feature}" at ${pointer} is not supported: ${why}. Remove or simplify it (see docs/infill.md, "Supported schema features").`,
    pointer,
    feature,
  });
}

export function invalidSchema(pointer: string, why: string): LacunaInfillError {
  return new LacunaInfillError({ code: 'INVALID_SCHEMA', message: `Invalid schema at ${pointer}: ${why}.`, pointer });
}
