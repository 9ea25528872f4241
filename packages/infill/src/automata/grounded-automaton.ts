import { utf8, type AnyByteAutomaton, type ByteAutomaton } from './byte-automaton.js';

/** Where a grounded value may be: the inner language's state and the context offsets its bytes could end at. */
export interface GroundedState {
  readonly inner: unknown;
  /** Offsets into the context bytes just after the bytes written so far, ascending. */
  readonly ends: Int32Array;
  /** Whether a letter or digit has been written: a string of punctuation alone (".") is no value. */
  readonly words: boolean;
  /**
   * Quotes and brackets of a string written so far (`Balance`): a copied value ends with every quote and bracket it
   * opened closed, and closes none it did not open (never `Tennis match"` out of `"Tennis match"`).
   */
  readonly balance: number;
}

/**
 * Quotes and brackets as one number: bit 0 is set while a quote is open, bit 1 where a quote would open one (at the
 * start, after a space or an opening bracket), the rest counts the open brackets; -1 once something was closed
 * that the value never opened (no way back). A quote after a word closes: `possible"` has no quote to close.
 */
type Balance = number;
const UNMATCHED: Balance = -1;
const START_BALANCE: Balance = 2;

function nextBalance(balance: Balance, byte: number): Balance {
  if (balance === UNMATCHED) return UNMATCHED;
  let open = balance & 1;
  let opens = (balance >> 1) & 1;
  let depth = balance >> 2;
  // The backslash of an escape (\", \n) leaves the place as it was: the character after it decides.
  if (byte === 0x5c) return balance;
  // In a JSON-escaped value every 0x22 is a quote of the text: a bare one would end the string.
  if (byte === 0x22) {
    if (open === 1) open = 0;
    else if (opens === 1) open = 1;
    else return UNMATCHED;
    opens = 0;
  } else if (byte === 0x28 || byte === 0x5b) {
    depth += 1;
    opens = 1;
  } else if (byte === 0x29 || byte === 0x5d) {
    if (depth === 0) return UNMATCHED;
    depth -= 1;
    opens = 0;
  } else opens = byte === 0x20 ? 1 : 0;
  return open | (opens << 1) | (depth << 2);
}

/** Whether every quote and bracket written was closed. */
function isBalanced(balance: Balance): boolean {
  return balance >= 0 && (balance & ~2) === 0;
}

/** How far ahead a completion is looked for along the context (bytes). */
const LOOKAHEAD = 64;

/**
 * A value that must also be a span of a context: the intersection of a leaf's language (a JSON string body, a
 * number) with the contiguous spans of the context as that leaf would write them. An agent uses it for values
 * the request states (names, places, amounts), so copying is exact by construction. Numbers must be whole
 * numbers of the context (not "12" out of "123", nor 2 out of "2,000"), written without thousands separators;
 * strings are whole words with at least one letter or digit, trimmed of the punctuation around them.
 *
 * Liveness holds as the contract asks: a state is returned only if, from one of its offsets, walking on along
 * the context reaches acceptance within the lookahead; so a hole can never get stuck.
 */
export class GroundedAutomaton implements ByteAutomaton<GroundedState> {
  readonly name: string;
  readonly start: GroundedState;
  readonly acyclic = false;
  private readonly inner: AnyByteAutomaton;
  private readonly context: Uint8Array;
  private readonly wholeNumbers: boolean;
  /** Whether each text is a value to copy whole (a reader's values) rather than a text to copy spans of. */
  private readonly wholeTexts: boolean;
  /**
   * Per context offset strictly inside a quoted text copied only whole (`quotedValues`), the offset where the
   * quoted text ends; -1 elsewhere. Undefined when the context quotes none.
   */
  private readonly quoteEnds: Int32Array | undefined;

  private constructor(inner: AnyByteAutomaton, context: Uint8Array, starts: Int32Array, wholeNumbers: boolean, wholeTexts: boolean, quoteEnds: Int32Array | undefined) {
    this.inner = inner;
    this.context = context;
    this.wholeNumbers = wholeNumbers;
    this.wholeTexts = wholeTexts;
    this.quoteEnds = quoteEnds;
    this.name = `grounded(${inner.name})`;
    this.start = { inner: inner.start, ends: starts, words: false, balance: START_BALANCE };
  }

  /**
   * The grounded language of `inner` over `contextText` (or several texts: a span of one of them), or undefined
   * when no span of the context is in the inner language (the hole is then left ungrounded rather than made
   * unsatisfiable). With `whole`, each text is a value that must be copied whole, not a text to copy a span of:
   * the language is the texts `inner` accepts (a reader's values, such as the expressions a request writes, of
   * which a part, "18 * 28810" of "3 - 244 - 18 * 28810", would also be a valid value).
   */
  static create(inner: AnyByteAutomaton, contextText: string | readonly string[], as: 'string' | 'number', whole = false): GroundedAutomaton | undefined {
    // A string hole writes JSON-escaped text: ground it in the context as JSON would escape it. Several texts
    // are joined by a byte no UTF-8 text holds, which no value can be written across.
    const texts = typeof contextText === 'string' ? [contextText] : contextText;
    const pieces = texts.map((text) => utf8(as === 'string' ? JSON.stringify(text).slice(1, -1) : text));
    const context = new Uint8Array(pieces.reduce((length, piece) => length + piece.length, 0) + Math.max(0, pieces.length - 1));
    let offset = 0;
    for (const [index, piece] of pieces.entries()) {
      if (index > 0) context[offset++] = PIECE_SEPARATOR;
      context.set(piece, offset);
      offset += piece.length;
    }
    const quoteEnds = as === 'string' && !whole ? quotedValues(inner, context) : undefined;
    const starts: number[] = [];
    for (let offset = 0; offset < context.length; offset++) {
      if (quoteEnds !== undefined && (quoteEnds[offset] as number) >= 0) continue;
      if (whole ? offset === 0 || context[offset - 1] === PIECE_SEPARATOR : isSpanStart(context, offset, as)) starts.push(offset);
    }
    const automaton = new GroundedAutomaton(inner, context, Int32Array.from(starts), as === 'number', whole, quoteEnds);
    return Number.isFinite(automaton.distance(automaton.start)) ? automaton : undefined;
  }

  step(state: GroundedState, byte: number): GroundedState | undefined {
    if (byte === PIECE_SEPARATOR) return undefined;
    const inner = this.inner.step(state.inner, byte);
    if (inner === undefined) return undefined;
    const ends: number[] = [];
    for (const end of state.ends) {
      const at = this.skipSeparator(end);
      if (this.context[at] === byte) ends.push(at + 1);
    }
    if (ends.length === 0) return undefined;
    const next = { inner, ends: Int32Array.from(ends), words: state.words || isWordByte(byte), balance: this.balanceAfter(state.balance, byte) };
    return Number.isFinite(this.distance(next)) ? next : undefined;
  }

  accepts(state: GroundedState): boolean {
    if (!this.inner.accepts(state.inner) || !state.words || !isBalanced(state.balance)) return false;
    return state.ends.some((end) => this.endsSpan(end));
  }

  /** Bytes still needed, following the context from the best offset. */
  distance(state: GroundedState): number {
    let best = Infinity;
    for (const end of state.ends) {
      let inner: unknown = state.inner;
      let words = state.words;
      let balance = state.balance;
      // `written` counts the bytes the value needs; `offset` walks the context, past any separators it skips.
      // Inside a quoted text copied whole, the lookahead reaches its end however long it is.
      const lookahead = Math.max(LOOKAHEAD, (this.quoteEnds?.[end] ?? -1) - end);
      for (let written = 0, offset = end; written <= lookahead && written < best && balance !== UNMATCHED; written++) {
        if (words && isBalanced(balance) && this.inner.accepts(inner) && this.endsSpan(offset)) {
          best = written;
          break;
        }
        offset = this.skipSeparator(offset);
        const byte = this.context[offset];
        if (byte === undefined || byte === PIECE_SEPARATOR) break;
        inner = this.inner.step(inner, byte);
        if (inner === undefined) break;
        words ||= isWordByte(byte);
        balance = this.balanceAfter(balance, byte);
        offset++;
      }
    }
    return best;
  }

  /** Quotes and brackets after `byte`; a number's digits and separators have none to balance. */
  private balanceAfter(balance: Balance, byte: number): Balance {
    return this.wholeNumbers ? START_BALANCE : nextBalance(balance, byte);
  }

  key(state: GroundedState): string {
    return `${this.inner.key(state.inner)}@${state.ends.join(',')}${state.words ? '' : '?'}${state.balance === START_BALANCE ? '' : `~${state.balance}`}`;
  }

  /**
   * Numbers end where the context's number ends; strings at the end of a word (or anywhere outside words), but
   * not after whitespace nor after punctuation that leads on to more ("fragile," of "fragile, handle with care").
   */
  private endsSpan(end: number): boolean {
    if (this.wholeTexts) return end === this.context.length || this.context[end] === PIECE_SEPARATOR;
    if (this.quoteEnds !== undefined && (this.quoteEnds[end] as number) >= 0) return false;
    if (!this.wholeNumbers) {
      if (insideWord(this.context, end) || endsWithWhitespace(this.context, end) || LEADS_ON.has(this.context[end - 1] ?? 0)) return false;
      // Not inside a joined word either ("fernhill.ac" of "fernhill.ac.uk", "SKU-1812" of "SKU-1812-SD"), though
      // before an apostrophe it may end: "John" of "John's".
      return !(isJoiner(this.context, end) && this.context[end] !== APOSTROPHE) && !isJoiner(this.context, end - 1);
    }
    const next = this.context[end];
    return next === undefined || (!isDigit(next) && !(next === 0x2e && isDigit(this.context[end + 1] ?? 0)) && !isThousandsSeparator(this.context, end));
  }

  /**
   * A number is copied without its thousands separators ("2,000" is written 2000, which JSON requires): the
   * offset just past a separator at `offset`, else `offset`.
   */
  private skipSeparator(offset: number): number {
    return this.wholeNumbers && isThousandsSeparator(this.context, offset) ? offset + 1 : offset;
  }
}

/** Between two texts of one context: a byte no UTF-8 text holds, so neither a value nor a word runs across it. */
const PIECE_SEPARATOR = 0xff;

/** Punctuation no copied value ends with: it leads on to the rest of a sentence or opens a bracket. */
const LEADS_ON: ReadonlySet<number> = new Set([...',;:([{'].map((character) => character.charCodeAt(0)));
/**
 * Punctuation no copied value starts with: it closes or ends what came before (": Aisha"). The full stop too where
 * it ends a sentence (". The manager"), but not where it starts a word (".NET").
 */
const CLOSES: ReadonlySet<number> = new Set([...',;:!?)]}'].map((character) => character.charCodeAt(0)));

/**
 * The quoted texts of a (JSON-escaped) string context that a value copies only whole: per offset strictly inside
 * one, the offset where it ends, else -1; undefined when there are none. A request quotes a value to mark where it
 * begins and ends ('notes "fragile, handle with care"', 'subject "Quick question"'), so a part of it ("fragile,
 * handle", "Quick") is never the value, and a weak model that ends early (or starts late) would copy one. A value
 * may still hold the quoted text with more around it, quotes and all. Quotes are straight ones (`\"` escaped) paired
 * in order within each piece of the context, curly ones (“ ”), and straight single ones that no word stands outside
 * of (an apostrophe stands between two); a quoted text is copied only whole when it is a
 * span by the other rules and `inner` accepts it, so a pattern that takes a code out of a quoted sentence still can.
 */
function quotedValues(inner: AnyByteAutomaton, context: Uint8Array): Int32Array | undefined {
  const quotes: [number, number][] = [];
  let straight = -1;
  let curly = -1;
  let single = -1;
  for (let offset = 0; offset < context.length; offset++) {
    const byte = context[offset];
    if (byte === PIECE_SEPARATOR) {
      straight = -1;
      curly = -1;
      single = -1;
    } else if (byte === APOSTROPHE) {
      // A single quote opens a quoted text where no word is before it and one is after ("translate 'where is it'"),
      // and closes it where no word follows; between two words it is an apostrophe ("Nando's").
      if (single < 0 && !isWordByte(context[offset - 1]) && isWordByte(context[offset + 1])) single = offset + 1;
      else if (single >= 0 && offset > single && !isWordByte(context[offset + 1])) {
        quotes.push([single, offset]);
        single = -1;
      }
    } else if (byte === 0x22) {
      // Escaped as \": the text starts after the quote and ends at the backslash of the next one.
      if (straight < 0) straight = offset + 1;
      else {
        quotes.push([straight, offset - 1]);
        straight = -1;
      }
    } else if (byte === 0xe2 && context[offset + 1] === 0x80 && (context[offset + 2] === 0x9c || context[offset + 2] === 0x9d)) {
      if (context[offset + 2] === 0x9c) curly = offset + 3;
      else if (curly >= 0) {
        quotes.push([curly, offset]);
        curly = -1;
      }
      offset += 2;
    }
  }
  let quoteEnds: Int32Array | undefined;
  for (const [start, end] of quotes) {
    if (end - start < 2 || !isSpanStart(context, start, 'string') || !isWholeSpan(inner, context, start, end)) continue;
    quoteEnds ??= new Int32Array(context.length + 1).fill(-1);
    for (let offset = start + 1; offset < end; offset++) quoteEnds[offset] = end;
  }
  return quoteEnds;
}

/** Whether `inner` accepts the context's bytes from `start` to `end`, and they end as a copied string may. */
function isWholeSpan(inner: AnyByteAutomaton, context: Uint8Array, start: number, end: number): boolean {
  if (endsWithWhitespace(context, end) || LEADS_ON.has(context[end - 1] ?? 0)) return false;
  let state: unknown = inner.start;
  for (let offset = start; offset < end && state !== undefined; offset++) state = inner.step(state, context[offset] as number);
  return state !== undefined && inner.accepts(state);
}

/** A comma between a digit and a group of exactly three digits ("2,000", "1,250,000"). */
function isThousandsSeparator(context: Uint8Array, offset: number): boolean {
  if (context[offset] !== 0x2c || !isDigit(context[offset - 1] ?? 0)) return false;
  for (let index = 1; index <= 3; index++) if (!isDigit(context[offset + index] ?? 0)) return false;
  return !isDigit(context[offset + 4] ?? 0);
}

/**
 * A dash that signs the number after it ("-5 degrees"): not one after a word or a number ("RX-368493" states
 * 368493, "3-5 people" 3 and 5, "2027-06-13" no negative number), which is how an agent reads stated numbers.
 */
function isMinusSign(context: Uint8Array, offset: number): boolean {
  if (context[offset] !== 0x2d || !isDigit(context[offset + 1] ?? 0)) return false;
  const previous = context[offset - 1];
  return previous === undefined || !(isAsciiWordByte(previous) || previous === 0x2e);
}

function isAsciiWordByte(byte: number): boolean {
  return isDigit(byte) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f;
}

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}

/**
 * A byte of a word: an ASCII letter or digit, or any byte of a multi-byte UTF-8 character (so "Zürich" is one
 * word). Grounded strings start and end at word boundaries: a value copied from a text is whole words ("Lisbon",
 * "head of sales", "ada@example.org"), never a piece of one ("Li"), which a weak model would otherwise end on.
 */
function isWordByte(byte: number | undefined): boolean {
  if (byte === undefined) return false;
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x80 && byte !== PIECE_SEPARATOR);
}

const APOSTROPHE = 0x27;
/** Punctuation that joins two words into one ("fernhill.ac.uk", "SKU-1812-SD", "ahmed_okafor", "I'm", "3/4"). */
const JOINERS: ReadonlySet<number> = new Set([...".-@_/'"].map((character) => character.charCodeAt(0)));

/**
 * Whether the byte at `offset` joins the words on either side of it into one: a copied value neither starts nor
 * ends at it, so it never takes a piece of an e-mail address, a code or a contraction ("'m travelling soon" of
 * "I'm travelling soon", "-2871" of "VTO-2871").
 */
function isJoiner(context: Uint8Array, offset: number): boolean {
  return JOINERS.has(context[offset] ?? 0) && isWordByte(context[offset - 1]) && isWordByte(context[offset + 1]);
}

/**
 * Whether `offset` falls between two bytes of one word. A typographic quote, dash or ellipsis (U+2010 to U+203F,
 * bytes E2 80 xx, but the apostrophe U+2019) is no part of a word, though its bytes are not ASCII: “Brand refresh”
 * holds the value Brand refresh.
 */
function insideWord(context: Uint8Array, offset: number): boolean {
  if (!isWordByte(context[offset - 1]) || !isWordByte(context[offset])) return false;
  // The typographic apostrophe (U+2019) stays inside its word, as in "McDonald’s".
  const punctuation = (at: number) => context[at] === 0xe2 && context[at + 1] === 0x80 && (context[at + 2] ?? 0) >= 0x90 && (context[at + 2] ?? 0) <= 0xbf && context[at + 2] !== 0x99;
  return !punctuation(offset) && !punctuation(offset - 3);
}

/**
 * Whitespace in JSON-escaped context bytes: a space, or an escaped newline, tab or carriage return. A copied value
 * is trimmed: models whose tokens carry a leading space (byte-level BPE's "Ġ") would otherwise start a value with
 * the space the word has in the request (" Frankfurt").
 */
function isWhitespaceAt(context: Uint8Array, offset: number): boolean {
  const byte = context[offset];
  if (byte === 0x20) return true;
  return byte === 0x5c && [0x6e, 0x74, 0x72].includes(context[offset + 1] ?? 0) && !isEscaped(context, offset);
}

function endsWithWhitespace(context: Uint8Array, end: number): boolean {
  // A space, or the letter of an escape (\n) whose backslash starts a whitespace escape.
  return context[end - 1] === 0x20 || (context[end - 2] === 0x5c && isWhitespaceAt(context, end - 2));
}

/** Whether the byte at `offset` follows an odd number of backslashes (so is itself escaped). */
function isEscaped(context: Uint8Array, offset: number): boolean {
  let backslashes = 0;
  for (let index = offset - 1; index >= 0 && context[index] === 0x5c; index--) backslashes++;
  return backslashes % 2 === 1;
}

/**
 * A span starts at a character (not inside a UTF-8 sequence or an escape), a string at the start of a word (or
 * outside words) but not on whitespace or closing punctuation, and a number not inside another.
 */
function isSpanStart(context: Uint8Array, offset: number, as: 'string' | 'number'): boolean {
  const byte = context[offset] as number;
  if ((byte & 0xc0) === 0x80) return false;
  if (as === 'number') {
    if (byte === 0x2d) return isMinusSign(context, offset);
    const previous = context[offset - 1];
    return isDigit(byte) && (previous === undefined || (!isDigit(previous) && previous !== 0x2e && !isThousandsSeparator(context, offset - 1) && !isMinusSign(context, offset - 1)));
  }
  // The letter of an escaped newline or tab is no word the span would cut into: "Paris" starts a span in "to\nParis".
  if (insideWord(context, offset) && !endsWithWhitespace(context, offset)) return false;
  if (isJoiner(context, offset) || isJoiner(context, offset - 1)) return false;
  if (byte === PIECE_SEPARATOR || isWhitespaceAt(context, offset) || CLOSES.has(byte)) return false;
  if (byte === 0x2e && (offset + 1 === context.length || context[offset + 1] === PIECE_SEPARATOR || isWhitespaceAt(context, offset + 1))) return false;
  // Inside an escape: after a backslash that is itself not escaped, or within \uXXXX.
  if (isEscaped(context, offset)) return false;
  for (let back = 1; back <= 5; back++) {
    if (offset - back - 1 < 0) break;
    if (context[offset - back] === 0x75 && context[offset - back - 1] === 0x5c && back <= 4 && !isEscaped(context, offset - back - 1)) return false;
  }
  return true;
}
