/**
 * Why a field of a planned call was rejected. `repeated-value`: one mention of the conversation held by two
 * arguments of a call (the same value, or one inside the other's), the less sure one rejected. `labelled-value`: a
 * copy from where the conversation gives another argument, by name, while it names this one elsewhere.
 * `function-words`: a copy made only of function words and argument names ("is", "The notes"), or holding those
 * around its value ("to Seattle"). `partial-name`: a copy that stops inside a name ("Oliver" of "Oliver Hoffmann").
 * `partial-phrase`: a copy that stops inside a phrase of lower-case words ("Cycling group" of "Cycling group ride on").
 * `repeated-call`: with an empty path, a whole call, the second call of one tool copying the same mention, which is
 * planned again with another tool; with a field's path, an argument of a call so planned that copies the words of
 * another call, or an optional argument of any call holding only words another call holds (the agent leaves it out).
 * `uncovered-mention`: no field, a plan that holds in no call a value the request states (a date, an e-mail address,
 * a number, a quoted text), for which the agent plans one more call (a repair record, never an issue of a call).
 * `uncovered-clause`: likewise, a part of the request no call holds anything of ("and play something by Neon
 * Cathedral"), for which the agent plans one more call. `other-clause`: a copy written only in a part of the request
 * that another call holds, by a call that holds other parts (`label: "Galway"` for a timer beside "search for a flight
 * from Galway"); a repair copies from the call's own parts. `another-tool`: no field, a whole call of a tool its part of
 * the request never names, where another tool reads every argument it needs (`add_todo {task: "141 times"}` for
 * "calculate 141 times 17") or the model calls another tool for the part read alone, planned again as that tool
 * (`replanAs`).
 */
export type FieldCheck =
  | 'schema'
  | 'grounding'
  | 'repeated-value'
  | 'labelled-value'
  | 'function-words'
  | 'partial-name'
  | 'partial-phrase'
  | 'confidence'
  | 'validator'
  | 'repeated-call'
  | 'uncovered-mention'
  | 'uncovered-clause'
  | 'other-clause'
  | 'another-tool';

/** One rejected argument: which call, which field, which check and what to tell the model. */
export interface FieldIssue {
  readonly callIndex: number;
  readonly tool: string;
  /** Path inside the call's arguments (`["to"]`, `["items", 0, "sku"]`); empty for the arguments as a whole or the whole call. */
  readonly path: readonly (string | number)[];
  readonly check: FieldCheck;
  readonly message: string;
  /** For a repeated value: the words the argument kept holds, which a repair keeps this one off. */
  readonly taken?: string;
  /** For a labelled value: the texts after the argument's own name, which a repair copies it from. */
  readonly within?: readonly string[];
  /** For a copy that took the words around its value, or stops inside a name: the value a repair writes instead. */
  readonly values?: readonly string[];
  /** For a call of another tool (`another-tool`): the tool it is planned again as. */
  readonly replanAs?: string;
}
