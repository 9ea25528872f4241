import type { z } from 'zod';

/** What a tool's `execute` receives besides its input. */
export interface ToolExecutionContext {
  /** Aborted when the run is aborted or the tool's timeout passes: long work should stop. */
  readonly signal: AbortSignal;
  /** Identifies this call within the run. */
  readonly callId: string;
  /** 1 on the first attempt, then 2, 3... when a retryable failure is retried. */
  readonly attempt: number;
}

/**
 * Values an argument may take, read from the conversation by code that knows how people state them, and
 * written as the schema wants them: the currencies a request names ("50 quid in euros") as ISO codes (GBP,
 * EUR); a number as its JSON text (the minutes of "three quarters of an hour" as "45"). While sampling, the hole may only write one of them; the check after sampling rejects any other. When
 * the conversation states none, the argument is the model's to write (an optional one is left out).
 */
export interface StatedValues {
  readonly statedValues: (context: string) => readonly string[];
  /**
   * What the argument is when the reader finds nothing: the model's to write (`'free'`, the default; an optional
   * one is left out), or copied from the conversation as a plain argument is (`'context'`), for a reader of a list
   * that cannot be complete (the languages a request may name).
   */
  readonly unstated?: 'free' | 'context';
}

/**
 * How an argument is checked against the conversation. `context` (the default for strings and numbers that
 * the request states): the value must occur in the conversation, and while sampling the hole may only be
 * filled with a span of it. `free`: written by the model (a subject line, a normalised code). `StatedValues`:
 * one of the values your reader finds in the conversation. A function: your own check, returning an error
 * message or undefined.
 */
export type Grounding = 'context' | 'free' | StatedValues | ((value: unknown, context: string) => string | undefined | Promise<string | undefined>);

export interface ToolDefinition<Schema extends z.ZodType = z.ZodType, Output = unknown> {
  readonly description: string;
  readonly inputSchema: Schema;
  /** Runs the tool; what it returns (or throws) goes back to the model as the tool's result. */
  readonly execute?: (input: z.infer<Schema>, context: ToolExecutionContext) => Output | Promise<Output>;
  /**
   * Grounding per top-level argument name; unlisted string arguments are grounded in the context unless they
   * have a `format` or a `pattern` the skeleton already enforces, and numbers are grounded; an enum takes one of the
   * members the conversation names when it names any, and a boolean the yes or no it says to the argument by name
   * ("without two-factor authentication"); `free` turns those off.
   */
  readonly grounding?: Readonly<Record<string, Grounding>>;
  /** Milliseconds before a call fails with TOOL_TIMEOUT (default: the agent's `toolTimeoutMs`). */
  readonly timeoutMs?: number;
  /** Retries for failures marked retryable (`error.retryable === true`), with exponential backoff. */
  readonly retries?: number;
}

/** Declares a tool; the identity function, for inference of the input type. */
export function tool<Schema extends z.ZodType, Output>(definition: ToolDefinition<Schema, Output>): ToolDefinition<Schema, Output> {
  return definition;
}

/** An error a tool throws to ask for another attempt (a network blip, a busy service). */
export class RetryableToolError extends Error {
  override readonly name = 'RetryableToolError';
  readonly retryable = true;
}

/**
 * Tools by name. Each tool keeps its own input type; `any` here is what lets a set hold tools of different
 * input types (a function of a narrower input is not assignable to one of `unknown`).
 */
// biome-ignore lint/suspicious/noExplicitAny: see above.
export type ToolSet = Readonly<Record<string, ToolDefinition<any, any>>>;
