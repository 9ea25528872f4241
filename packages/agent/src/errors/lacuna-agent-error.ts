/**
 * Stable codes of every error that `@lacuna/agent` throws on purpose. Callers branch on `code`, never on the
 * message, so a code is never renamed once released.
 */
export type LacunaAgentErrorCode =
  | 'INVALID_OPTIONS'
  | 'INVALID_TOOL'
  | 'UNKNOWN_TOOL'
  | 'TOOL_SCHEMA_UNSUPPORTED'
  | 'TOOL_TIMEOUT'
  | 'TOOL_FAILED'
  | 'REPAIR_FAILED'
  | 'CONTEXT_TOO_LONG'
  | 'MAX_STEPS_REACHED'
  | 'ABORTED';

export interface LacunaAgentErrorDetails {
  code: LacunaAgentErrorCode;
  message: string;
  /** The tool the error is about, where there is one. */
  tool?: string;
  /** JSON path of the argument the error is about, e.g. `["to"]` or `["items", 0, "sku"]`. */
  path?: readonly (string | number)[];
  cause?: unknown;
}

/** The one error class of `@lacuna/agent`: a stable `code`, a message that says what to do, and where. */
export class LacunaAgentError extends Error {
  override readonly name = 'LacunaAgentError';
  readonly code: LacunaAgentErrorCode;
  readonly tool: string | undefined;
  readonly path: readonly (string | number)[] | undefined;

  constructor(details: LacunaAgentErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
    this.tool = details.tool;
    this.path = details.path;
  }

  static isInstance(error: unknown): error is LacunaAgentError {
    return error instanceof Error && error.name === 'LacunaAgentError' && 'code' in error;
  }
}
