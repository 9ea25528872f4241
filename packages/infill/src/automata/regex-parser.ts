import {
  ANY_CHAR,
  complement,
  intersect,
  DIGITS,
  DOT,
  fromRanges,
  singleChar,
  union,
  WHITESPACE,
  WORD,
  type CharSet,
} from './char-set.js';

/** The syntax tree of the supported subset of ECMAScript regular expressions (`u` flag semantics). */
export type RegexNode =
  | { readonly type: 'empty' }
  | { readonly type: 'chars'; readonly set: CharSet }
  | { readonly type: 'concat'; readonly items: readonly RegexNode[] }
  | { readonly type: 'alt'; readonly items: readonly RegexNode[] }
  | { readonly type: 'repeat'; readonly item: RegexNode; readonly min: number; readonly max: number }
  | { readonly type: 'start' }
  | { readonly type: 'end' }
  | { readonly type: 'lookahead'; readonly negative: boolean; readonly item: RegexNode };

/** A pattern the parser cannot turn into an automaton; `reason` says which construct. */
export class RegexUnsupportedError extends Error {
  override readonly name = 'RegexUnsupportedError';
}

const SYNTAX_CHARS = new Set('^$\\.*+?()[]{}|/');

/** Parses `pattern` (ECMAScript syntax, as JSON Schema's `pattern` and ajv's `u` flag read it). */
export function parseRegex(pattern: string): RegexNode {
  const chars = Array.from(pattern);
  let index = 0;
  const peek = (): string | undefined => chars[index];
  const fail = (what: string): never => {
    throw new RegexUnsupportedError(`${what} (at offset ${index} of /${pattern}/)`);
  };

  function parseAlternation(): RegexNode {
    const items: RegexNode[] = [parseConcat()];
    while (peek() === '|') {
      index++;
      items.push(parseConcat());
    }
    return items.length === 1 ? (items[0] as RegexNode) : { type: 'alt', items };
  }

  function parseConcat(): RegexNode {
    const items: RegexNode[] = [];
    while (index < chars.length && peek() !== '|' && peek() !== ')') {
      const atom = parseAtom();
      items.push(parseQuantifier(atom));
    }
    if (items.length === 0) return { type: 'empty' };
    return items.length === 1 ? (items[0] as RegexNode) : { type: 'concat', items };
  }

  function parseQuantifier(atom: RegexNode): RegexNode {
    let node = atom;
    for (;;) {
      const c = peek();
      let min: number;
      let max: number;
      if (c === '*') [min, max] = [0, Infinity];
      else if (c === '+') [min, max] = [1, Infinity];
      else if (c === '?') [min, max] = [0, 1];
      else if (c === '{') {
        const bounds = readBraces();
        if (bounds === undefined) return node; // a literal brace: parsed as the next atom
        [min, max] = bounds;
        index--; // readBraces consumed through '}', compensate for the shared increment below
      } else return node;
      index++;
      if (peek() === '?') index++; // lazy: same language
      if (node.type === 'start' || node.type === 'end' || node.type === 'lookahead') fail('a quantified assertion');
      node = { type: 'repeat', item: node, min, max };
    }
  }

  /** `{n}`, `{n,}`, `{n,m}`; undefined (and nothing consumed) when the brace is not a quantifier. */
  function readBraces(): [number, number] | undefined {
    const rest = chars.slice(index).join('');
    const match = /^\{(\d+)(,(\d*))?\}/.exec(rest);
    if (match === null) return undefined;
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
    if (max < min) fail('a quantifier {n,m} with m < n');
    index += Array.from(match[0]).length;
    return [min, max];
  }

  function parseAtom(): RegexNode {
    const c = peek() as string;
    index++;
    switch (c) {
      case '^':
        return { type: 'start' };
      case '$':
        return { type: 'end' };
      case '.':
        return { type: 'chars', set: bmp(DOT) };
      case '(':
        return parseGroup();
      case '[':
        return { type: 'chars', set: parseClass() };
      case '\\':
        return parseEscapeAtom();
      case '*':
      case '+':
      case '?':
        return fail(`a quantifier "${c}" with nothing to repeat`);
      case '{':
      case '}':
      case ']':
        // Without the u flag a lone brace or bracket is a literal character.
        return { type: 'chars', set: singleChar(c.codePointAt(0) as number) };
      default:
        return { type: 'chars', set: singleChar(c.codePointAt(0) as number) };
    }
  }

  function parseGroup(): RegexNode {
    let lookahead: boolean | undefined;
    if (peek() === '?') {
      const next = chars[index + 1];
      if (next === ':') index += 2;
      else if (next === '=' || next === '!') {
        lookahead = next === '!';
        index += 2;
      } else if (next === '<' && (chars[index + 2] === '=' || chars[index + 2] === '!')) {
        fail('a lookbehind assertion');
      } else if (next === '<') {
        const close = chars.indexOf('>', index);
        if (close < 0) fail('an unterminated group name');
        index = close + 1;
      } else fail(`a group modifier "(?${next ?? ''}"`);
    }
    const inner = parseAlternation();
    if (peek() !== ')') fail('an unterminated group');
    index++;
    if (lookahead !== undefined) return { type: 'lookahead', negative: lookahead, item: inner };
    return inner;
  }

  function parseEscapeAtom(): RegexNode {
    const c = peek();
    if (c === undefined) return fail('a trailing backslash');
    if (c === 'b' || c === 'B') fail('a word-boundary assertion (\\b, \\B)');
    if (/[1-9]/.test(c)) fail('a backreference');
    if (c === 'k') fail('a named backreference');
    return { type: 'chars', set: parseEscape(false) };
  }

  /** After a backslash: a character class escape or a single character. */
  function parseEscape(inClass: boolean): CharSet {
    const c = peek() as string;
    index++;
    switch (c) {
      case 'd':
        return DIGITS;
      case 'D':
        return bmp(complement(DIGITS));
      case 'w':
        return WORD;
      case 'W':
        return bmp(complement(WORD));
      case 's':
        return WHITESPACE;
      case 'S':
        return bmp(complement(WHITESPACE));
      case 'p':
      case 'P':
        return fail('a Unicode property escape (\\p{...})');
      default:
        return singleChar(escapedCodePoint(c, inClass));
    }
  }

  function escapedCodePoint(c: string, inClass: boolean): number {
    switch (c) {
      case 't':
        return 0x09;
      case 'n':
        return 0x0a;
      case 'v':
        return 0x0b;
      case 'f':
        return 0x0c;
      case 'r':
        return 0x0d;
      case '0':
        if (/[0-9]/.test(peek() ?? '')) fail('an octal escape');
        return 0;
      case 'b':
        if (inClass) return 0x08;
        return fail('\\b');
      case 'x': {
        const hex = chars.slice(index, index + 2).join('');
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) fail('a malformed \\x escape');
        index += 2;
        return parseInt(hex, 16);
      }
      case 'u': {
        if (peek() === '{') {
          const close = chars.indexOf('}', index);
          const hex = chars.slice(index + 1, close).join('');
          if (close < 0 || !/^[0-9a-fA-F]+$/.test(hex) || parseInt(hex, 16) > 0x10ffff) fail('a malformed \\u{...} escape');
          index = close + 1;
          return parseInt(hex, 16);
        }
        const hex = chars.slice(index, index + 4).join('');
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('a malformed \\u escape');
        index += 4;
        const unit = parseInt(hex, 16);
        if (unit >= 0xd800 && unit <= 0xdbff && chars[index] === '\\' && chars[index + 1] === 'u') {
          const low = chars.slice(index + 2, index + 6).join('');
          const lowUnit = /^[0-9a-fA-F]{4}$/.test(low) ? parseInt(low, 16) : -1;
          if (lowUnit >= 0xdc00 && lowUnit <= 0xdfff) {
            index += 6;
            return 0x10000 + ((unit - 0xd800) << 10) + (lowUnit - 0xdc00);
          }
        }
        return unit;
      }
      case 'c':
        return fail('a control escape (\\c)');
      default:
        if (SYNTAX_CHARS.has(c) || (inClass && c === '-')) return c.codePointAt(0) as number;
        // Without the u flag any other character escapes to itself (`\:`, `\-`, `\_`); letters with a meaning
        // of their own were handled above.
        if (/[A-Za-z0-9]/.test(c)) return fail(`an unknown escape "\\${c}"`);
        return c.codePointAt(0) as number;
    }
  }

  function parseClass(): CharSet {
    let negated = false;
    if (peek() === '^') {
      negated = true;
      index++;
    }
    const ranges: CharSet[] = [];
    let first = true;
    while (peek() !== ']' || (first && false)) {
      if (index >= chars.length) fail('an unterminated character class');
      first = false;
      const lo = classAtom();
      if (peek() === '-' && chars[index + 1] !== ']' && chars[index + 1] !== undefined) {
        index++;
        const hi = classAtom();
        if (!isSingle(lo) || !isSingle(hi)) fail('a class range with a class escape as an end');
        if ((hi[0] as number) < (lo[0] as number)) fail('a class range out of order');
        ranges.push([lo[0] as number, hi[0] as number]);
      } else ranges.push(lo);
    }
    index++;
    const set = union(...ranges);
    return negated ? bmp(complement(set)) : set;
  }

  function classAtom(): CharSet {
    const c = peek() as string;
    index++;
    if (c === '\\') return parseEscape(true);
    return singleChar(c.codePointAt(0) as number);
  }

  const tree = parseAlternation();
  if (index < chars.length) fail('an unbalanced ")"');
  return tree;
}

/**
 * Sets that stand for "any character but ..." are kept to the Basic Multilingual Plane, surrogates excluded:
 * there a character is one UTF-16 unit, so the pattern means the same with and without the u flag, and what
 * is generated matches under either reading.
 */
function bmp(set: CharSet): CharSet {
  return intersect(set, BMP);
}

const BMP: CharSet = [0, 0xd7ff, 0xe000, 0xffff];

function isSingle(set: CharSet): boolean {
  return set.length === 2 && set[0] === set[1];
}

export { ANY_CHAR, fromRanges };
