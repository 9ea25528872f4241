/** Why a field of a planned call was rejected. */
export type FieldCheck = 'schema' | 'grounding' | 'confidence' | 'validator';

/** One rejected argument: which call, which field, which check and what to tell the model. */
export interface FieldIssue {
  readonly callIndex: number;
  readonly tool: string;
  /** Path inside the call's arguments (`["to"]`, `["items", 0, "sku"]`); empty for the arguments as a whole. */
  readonly path: readonly (string | number)[];
  readonly check: FieldCheck;
  readonly message: string;
}
