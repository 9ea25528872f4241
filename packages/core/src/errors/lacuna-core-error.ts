/**
 * Stable codes of every error that `@lacuna/core` throws on purpose. Callers branch on `code`, never on the
 * message, so a code is never renamed once released.
 */
export type LacunaCoreErrorCode =
  | 'MODEL_FILE_MISSING'
  | 'MODEL_CONFIG_INVALID'
  | 'MODEL_MISMATCH'
  | 'MODEL_CHECKSUM_MISMATCH'
  | 'PREDICTOR_FAILED'
  | 'PROMPT_TOO_LONG'
  | 'INVALID_OPTIONS'
  | 'INVALID_CANVAS'
  | 'INVALID_TOKEN'
  | 'NO_ALLOWED_TOKEN'
  | 'CHAT_TEMPLATE_MISSING'
  | 'ABORTED'
  | 'TIMEOUT';

export interface LacunaCoreErrorDetails {
  code: LacunaCoreErrorCode;
  message: string;
  /** Token position in the canvas the error is about, where there is one. */
  position?: number;
  /** Index of the canvas in a batch, where there is one. */
  canvasIndex?: number;
  /** File the error is about, where there is one. */
  file?: string;
  cause?: unknown;
}

/** The one error class of `@lacuna/core`: a stable `code`, a message that says what to do, and where. */
export class LacunaCoreError extends Error {
  override readonly name = 'LacunaCoreError';
  readonly code: LacunaCoreErrorCode;
  readonly position: number | undefined;
  readonly canvasIndex: number | undefined;
  readonly file: string | undefined;

  constructor(details: LacunaCoreErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
    this.position = details.position;
    this.canvasIndex = details.canvasIndex;
    this.file = details.file;
  }

  static isInstance(error: unknown): error is LacunaCoreError {
    return error instanceof Error && error.name === 'LacunaCoreError' && 'code' in error;
  }
}
