import type { AnyByteAutomaton } from '../automata/byte-automaton.js';
import { withoutExclusions } from '../automata/excluding-automaton.js';
import { GroundedAutomaton } from '../automata/grounded-automaton.js';
import type { JsonPath } from '../schema/json-pointer.js';

/**
 * - `value`: a leaf value (string body, number, enum).
 * - `presence`: is an optional property there? (its key, or nothing)
 * - `count`: how many items an array holds.
 * - `branch`: which alternative of anyOf/oneOf (or the tag of a discriminated union).
 */
export type HoleKind = 'value' | 'presence' | 'count' | 'branch';

/**
 * A run of canvas positions the model fills under one automaton. Tokens are committed left to right; the
 * frontier is the next position. Pads end the value: after the first pad, only pads.
 */
export class Hole {
  readonly id: number;
  readonly kind: HoleKind;
  readonly path: JsonPath;
  readonly pointer: string;
  /**
   * The language of the value itself, without absorbed literal text; a repair that excludes the rejected value
   * replaces it (`ExcludingAutomaton`).
   */
  body: AnyByteAutomaton;
  /** Labels of a decision hole (the choice automaton's strings), in choice order. */
  readonly labels: readonly string[] | undefined;
  /** The language of the positions: body plus the literal text absorbed from the neighbours. */
  automaton: AnyByteAutomaton;
  prefixText = '';
  suffixText = '';
  budget: number;
  readonly initialBudget: number;
  tokens: number[] = [];
  confidences: number[] = [];
  /** State after the non-pad tokens. */
  state: unknown;
  ended = false;
  /** Times the budget was grown. */
  grows = 0;
  /** Only tokens after which the value can still end within the budget are allowed. */
  finishing: boolean;
  /** Whether the hole may be grown when it fills its budget without ending. */
  readonly growable: boolean;
  /** A string value between the skeleton's literal quotes (a model with `spacedStringValues` writes a space first). */
  readonly quoted: boolean;
  /** A string value (a JSON string's body, a template's text hole): the free text `words: 'known'` applies to. */
  readonly string: boolean;

  constructor(options: {
    id: number;
    kind: HoleKind;
    path: JsonPath;
    pointer: string;
    body: AnyByteAutomaton;
    budget: number;
    labels?: readonly string[];
    growable: boolean;
    quoted?: boolean;
    string?: boolean;
  }) {
    this.id = options.id;
    this.kind = options.kind;
    this.path = options.path;
    this.pointer = options.pointer;
    this.body = options.body;
    this.automaton = options.body;
    this.state = options.body.start;
    this.budget = options.budget;
    this.initialBudget = options.budget;
    this.labels = options.labels;
    this.growable = options.growable;
    this.quoted = options.quoted ?? false;
    this.string = options.string ?? options.quoted ?? false;
    this.finishing = !options.growable;
  }

  /** A copy whose tokens, confidences and state move on by themselves (automata are shared: they never change). */
  clone(): Hole {
    const copy = Object.assign(Object.create(Hole.prototype) as Hole, this);
    copy.tokens = [...this.tokens];
    copy.confidences = [...this.confidences];
    return copy;
  }

  get isDecision(): boolean {
    return this.kind !== 'value';
  }

  /** A value that must be a span of a context (the skeleton's `ground` option), also once a repair excluded some. */
  get grounded(): boolean {
    return this.kind === 'value' && withoutExclusions(this.body) instanceof GroundedAutomaton;
  }

  get full(): boolean {
    return this.tokens.length >= this.budget;
  }

  /** Filled: ended by a pad, or full in an accepting state that may not grow any more. */
  get complete(): boolean {
    return this.ended || (this.full && this.automaton.accepts(this.state) && (!this.growable || !this.canStillGrow));
  }

  /** Set by the driver when a full hole was given its last chance to grow. */
  canStillGrow = true;

  /** Clears the tokens (repair, or a change of absorbed text). */
  reset(): void {
    this.tokens = [];
    this.confidences = [];
    this.state = this.automaton.start;
    this.ended = false;
    this.budget = this.initialBudget;
    this.grows = 0;
    this.finishing = !this.growable;
    this.canStillGrow = true;
  }
}
