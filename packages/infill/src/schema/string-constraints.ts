import { ANY_CHAR } from '../automata/char-set.js';
import {
  complementDfa,
  dfaMatches,
  intersectDfa,
  isEmptyLanguage,
  lengthDfa,
  patternDfa,
  starDfa,
  trim,
  type CharDfa,
} from '../automata/char-dfa.js';
import { FORMAT_PATTERNS } from '../automata/formats.js';
import { RegexUnsupportedError } from '../automata/regex-parser.js';
import { unsupported } from '../errors/lacuna-infill-error.js';
import type { StringNode } from './schema-node.js';

const cache = new WeakMap<StringNode, CharDfa>();
const BMP_STRINGS = starDfa([0, 0xd7ff, 0xe000, 0xffff]);

/** Length bounds are multiplied into the automaton up to about this many states. */
const MAX_PRODUCT_STATES = 12_000;
/** A maximum length is never lowered below this (unless the pattern forces it). */
const MIN_LENGTH_CAP = 32;
/** Strings longer than this are never generated. */
const MAX_GENERATED_LENGTH = 1000;
/** Shared across nodes and schemas: the same constraints give the same automaton. */
const bySignature = new Map<string, CharDfa>();
const MAX_SHARED = 2000;

/** A DFA accepting exactly the given strings. */
function literalsDfa(values: readonly string[]): CharDfa {
  const escaped = values.map((value) => Array.from(value, (char) => `\\u{${(char.codePointAt(0) as number).toString(16)}}`).join(''));
  return patternDfa(`^(?:${escaped.join('|')})$`);
}

/**
 * The character automaton of a string node: length bounds, every pattern, the format (as a generable subset)
 * and excluded values, intersected. Built once per node.
 */
export function stringDfa(node: StringNode, pointer = node.pointer): CharDfa {
  const known = cache.get(node);
  if (known !== undefined) return known;
  const signature = JSON.stringify([node.minLength, node.maxLength ?? null, node.patterns, node.format ?? null, node.excluded ?? [], (node.excludedLanguages ?? []).map(languageSignature)]);
  const shared = bySignature.get(signature);
  if (shared !== undefined) {
    cache.set(node, shared);
    return shared;
  }
  let dfa: CharDfa | undefined;
  try {
    for (const pattern of node.patterns) dfa = dfa === undefined ? patternDfa(pattern) : intersectDfa(dfa, patternDfa(pattern));
    if (node.format !== undefined && FORMAT_PATTERNS[node.format] !== undefined) {
      const format = patternDfa(FORMAT_PATTERNS[node.format] as string);
      dfa = dfa === undefined ? format : intersectDfa(dfa, format);
    }
    for (const language of node.excludedLanguages ?? []) {
      const outside = complementDfa(stringDfa(language));
      dfa = dfa === undefined ? outside : intersectDfa(dfa, outside);
    }
    if (node.excluded !== undefined && node.excluded.length > 0) {
      const excluded = complementDfa(literalsDfa(node.excluded));
      dfa = dfa === undefined ? excluded : intersectDfa(dfa, excluded);
    }
    // Length bounds as a product with a counter. Long maximums are lowered (never generating strings that long is
    // a restriction, always valid) so that the product stays small.
    const states = dfa === undefined ? 1 : dfa.edges.length;
    let maxLength = node.maxLength;
    if (maxLength !== undefined) {
      const cap = Math.max(node.minLength + 64, Math.floor(MAX_PRODUCT_STATES / states), MIN_LENGTH_CAP);
      maxLength = Math.min(maxLength, cap, MAX_GENERATED_LENGTH < node.minLength ? node.minLength : Math.max(MAX_GENERATED_LENGTH, node.minLength));
    }
    // Generated strings stay in the Basic Multilingual Plane, where pattern automata are exact under either
    // reading of a pattern (with or without the u flag), so that their complements are exact too.
    dfa = dfa === undefined ? BMP_STRINGS : intersectDfa(dfa, BMP_STRINGS);
    const length = lengthDfa(node.minLength, maxLength);
    dfa = dfa === undefined ? length : node.minLength === 0 && maxLength === undefined ? dfa : intersectDfa(dfa, length);
  } catch (error) {
    if (error instanceof RegexUnsupportedError) throw unsupported(pointer, 'pattern', error.message);
    throw error;
  }
  dfa = trim(dfa as CharDfa);
  const result = dfa as CharDfa;
  cache.set(node, result);
  if (bySignature.size >= MAX_SHARED) bySignature.clear();
  bySignature.set(signature, result);
  return result;
}

function languageSignature(node: StringNode): string {
  return JSON.stringify([node.minLength, node.maxLength ?? null, node.patterns, node.format ?? null, node.excluded ?? []]);
}

export const stringValueMatches = {
  /** Compiles the node's automaton (reporting refusals at `pointer`); false when no string satisfies it. */
  compile(node: StringNode, pointer: string): boolean {
    return !isEmptyLanguage(stringDfa(node, pointer));
  },
  test(node: StringNode, value: string): boolean {
    return dfaMatches(stringDfa(node), value);
  },
};

export { ANY_CHAR };
