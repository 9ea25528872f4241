import type { Split } from './splits.js';

/** The JSON Schema subset the corpus writes (and `z.toJSONSchema` produces for the demo tools). */
export interface JsonSchema {
  type?: string;
  description?: string;
  enum?: readonly (string | number)[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  [keyword: string]: unknown;
}

/** A tool as the prompt shows it (the SDK's `ToolSignature`). */
export interface ToolSpec {
  readonly name: string;
  readonly description: string;
  readonly parameters: JsonSchema;
}

export interface ToolCall {
  readonly tool: string;
  /** Keys in the schema's order; optional arguments only when the request states them. */
  readonly arguments: Record<string, unknown>;
}

/**
 * Where an example came from, for the held-out checks and the summary: the ids of the phrasing templates
 * it used (one per call for parallel requests) and every held-out-able entity string it mentions.
 */
export interface Provenance {
  readonly templates: readonly string[];
  readonly entities: readonly string[];
}

interface ExampleBase {
  readonly id: string;
  readonly split: Split;
  readonly provenance: Provenance;
}

/**
 * JSON paths (`$.calls[0].arguments.to`) of values that are not verbatim copies of the request or text:
 * currency codes from words, 24-hour times from "half past two", tickers from company names, numbers
 * from words, dates from "March 3, 2025", booleans. Every other string and number value occurs verbatim,
 * which is what the SDK's grounding checks at inference time.
 */
type Normalised = readonly string[];

export interface ToolCallExample extends ExampleBase {
  readonly kind: 'tool_call';
  readonly tools: readonly ToolSpec[];
  readonly request: string;
  readonly calls: readonly ToolCall[];
  readonly normalised: Normalised;
}

export interface NoToolExample extends ExampleBase {
  readonly kind: 'no_tool';
  readonly tools: readonly ToolSpec[];
  readonly request: string;
  readonly calls: readonly [];
  readonly answer: string;
}

export interface ProceduralToolCallExample extends ExampleBase {
  readonly kind: 'procedural_tool_call';
  readonly tools: readonly ToolSpec[];
  readonly request: string;
  readonly calls: readonly ToolCall[];
  readonly normalised: Normalised;
}

export interface ExtractionExample extends ExampleBase {
  readonly kind: 'extraction';
  readonly text: string;
  readonly schema: JsonSchema;
  /** Keys in the schema's order; optional fields only when the text states them. */
  readonly output: Record<string, unknown>;
  readonly normalised: Normalised;
}

export interface AnswerFromResultExample extends ExampleBase {
  readonly kind: 'answer_from_result';
  readonly tools: readonly ToolSpec[];
  readonly request: string;
  readonly call: ToolCall;
  /** What the demo tool's own `execute` returned for the call. */
  readonly result: unknown;
  /** One sentence that states the result faithfully. */
  readonly answer: string;
  readonly normalised: Normalised;
}

export type Example = ToolCallExample | NoToolExample | ProceduralToolCallExample | ExtractionExample | AnswerFromResultExample;

export type ExampleKind = Example['kind'];

export const EXAMPLE_KINDS: readonly ExampleKind[] = ['tool_call', 'procedural_tool_call', 'extraction', 'answer_from_result', 'no_tool'];
