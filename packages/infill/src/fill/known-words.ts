import type { Hole } from './hole.js';
import { isLetterByte } from './repeated-words.js';

/**
 * The words a free string value may spell under `words: 'known'`: those of the model's lexicon (the words it learnt
 * to write, `DiffusionModel.lexicon`) and those of the canvas's fixed text (the prompt and the skeleton: the names,
 * titles and places a reply copies from the conversation).
 *
 * Why: a small model writing free text left to right at its frontier commits one piece of a word at a time, and
 * nothing stops it from gluing pieces into no word at all. The default model's answers had "The weatherrenobleob"
 * for "Grenoble" and "Wroł" for "Wrocław". Its lexicon and its prompts hold 99.8% of the words of its held-out
 * reference answers about entities it never saw, and 90.5% of those phrased in ways it never saw (a reply that
 * opens "Currently" or "Booked" uses words its training never had it write, which it could not write anyway).
 *
 * A word is a run of letter bytes, counted as repeated-words.ts counts them (ASCII letters and the bytes of
 * multi-byte UTF-8 characters, so that a token may end inside a character); digits, spaces and punctuation
 * separate words and are left free. Words are kept as strings of their bytes (one character a byte).
 */
export class KnownWords {
  private readonly words = new Set<string>();
  private readonly prefixes = new Set<string>();
  /** Words known besides these own ones: the lexicon's, indexed once and shared by every infill's prompt words. */
  private readonly base: KnownWords | undefined;

  private constructor(base?: KnownWords) {
    this.base = base;
  }

  /** Every word of the lexicon's entries (an entry such as "don't" gives "don" and "t"). */
  static ofLexicon(lexicon: readonly string[]): KnownWords {
    let known = byLexicon.get(lexicon);
    if (known === undefined) {
      known = new KnownWords();
      const encoder = new TextEncoder();
      for (const entry of lexicon) known.addText(encoder.encode(entry));
      byLexicon.set(lexicon, known);
    }
    return known;
  }

  /** These words and those of `texts` (each text's words apart: one text's last and the next's first never join). */
  withTexts(texts: Iterable<Uint8Array>): KnownWords {
    const known = new KnownWords(this);
    for (const text of texts) known.addText(text);
    return known;
  }

  isWord(word: string): boolean {
    return this.words.has(word) || this.base?.isWord(word) === true;
  }

  /** Whether some known word begins with `word` (a word itself included). */
  isPrefix(word: string): boolean {
    return this.prefixes.has(word) || this.base?.isPrefix(word) === true;
  }

  /** Answers about each token's own words, kept for this set of words (one round of infill asks at every frontier). */
  memoFor(words: readonly (TokenWords | undefined)[]): TokenMemo {
    let memo = this.memos.get(words);
    if (memo === undefined) {
      memo = new TokenMemo(this, words.length);
      this.memos.set(words, memo);
    }
    return memo;
  }

  private readonly memos = new WeakMap<readonly (TokenWords | undefined)[], TokenMemo>();

  private addText(bytes: Uint8Array): void {
    let word = '';
    for (const byte of bytes) {
      if (isLetterByte(byte)) word += String.fromCharCode(byte);
      else {
        this.add(word);
        word = '';
      }
    }
    this.add(word);
  }

  private add(word: string): void {
    if (word === '' || this.words.has(word)) return;
    this.words.add(word);
    for (let end = 1; end <= word.length; end++) this.prefixes.add(word.slice(0, end));
  }
}

/** A lexicon's words are indexed once, however many infills use it (the array is the model's). */
const byLexicon = new WeakMap<readonly string[], KnownWords>();

/**
 * The allowed tokens of a free string value's frontier that keep it within known words: every word a token
 * completes is known, and the word it leaves open begins a known one; the value may end (the pad) only after a whole
 * word. Grounded values (already spans of a context) and decisions are left alone. When the rule takes out every
 * allowed token, they stay allowed: the hole never gets stuck.
 */
export function withKnownWords(allowed: Int32Array, hole: Hole, tokenBytes: readonly (Uint8Array | undefined)[], known: KnownWords, padTokenId: number): Int32Array {
  if (hole.kind !== 'value' || !hole.string || hole.grounded || allowed.length < 2) return allowed;
  const words = tokenWordsOf(tokenBytes);
  // The word the value's last tokens leave open.
  let open = '';
  for (const token of hole.tokens) {
    const parts = words[token];
    if (parts !== undefined) open = parts.breaks ? parts.trail : open + parts.lead;
  }
  const openEnds = open === '' || known.isWord(open);
  const memo = known.memoFor(words);
  const kept = allowed.filter((token) => {
    if (token === padTokenId) return openEnds;
    const parts = words[token];
    if (parts === undefined) return true;
    if (parts.breaks && !memo.restKnown(token, parts)) return false;
    // The open word and the token's first letters: with nothing open, the same answer at every frontier.
    if (open === '') return parts.breaks ? memo.leadIsWord(token, parts) : memo.leadIsPrefix(token, parts);
    if (parts.lead === '') return parts.breaks ? openEnds : true;
    return parts.breaks ? known.isWord(open + parts.lead) : known.isPrefix(open + parts.lead);
  });
  return kept.length === 0 ? allowed : kept;
}

/** Per token, 0 unknown, 1 no, 2 yes: whether its whole words and trailing letters are known, and its first letters. */
class TokenMemo {
  private readonly rest: Uint8Array;
  private readonly lead: Uint8Array;
  private readonly known: KnownWords;

  constructor(known: KnownWords, size: number) {
    this.known = known;
    this.rest = new Uint8Array(size);
    this.lead = new Uint8Array(size);
  }

  restKnown(token: number, parts: TokenWords): boolean {
    if (this.rest[token] === 0) this.rest[token] = parts.inner.every((word) => this.known.isWord(word)) && (parts.trail === '' || this.known.isPrefix(parts.trail)) ? 2 : 1;
    return this.rest[token] === 2;
  }

  /** The token's first letters as a whole word (the token breaks after them), or '' before its first break. */
  leadIsWord(token: number, parts: TokenWords): boolean {
    if (this.lead[token] === 0) this.lead[token] = parts.lead === '' || this.known.isWord(parts.lead) ? 2 : 1;
    return this.lead[token] === 2;
  }

  /** The token's letters as the beginning of a word (the token has no break). */
  leadIsPrefix(token: number, parts: TokenWords): boolean {
    if (this.lead[token] === 0) this.lead[token] = parts.lead === '' || this.known.isPrefix(parts.lead) ? 2 : 1;
    return this.lead[token] === 2;
  }
}

/** A token's letters as words: those before its first non-letter, whole words between, those after its last. */
interface TokenWords {
  readonly lead: string;
  readonly breaks: boolean;
  readonly inner: readonly string[];
  readonly trail: string;
}

/** Each token's words, read once per vocabulary: the rule runs at every frontier over thousands of tokens. */
const tokenWords = new WeakMap<readonly (Uint8Array | undefined)[], readonly (TokenWords | undefined)[]>();

function tokenWordsOf(tokenBytes: readonly (Uint8Array | undefined)[]): readonly (TokenWords | undefined)[] {
  let words = tokenWords.get(tokenBytes);
  if (words === undefined) {
    words = tokenBytes.map((bytes) => {
      if (bytes === undefined) return undefined;
      const runs: string[] = [''];
      for (const byte of bytes) {
        if (isLetterByte(byte)) runs[runs.length - 1] += String.fromCharCode(byte);
        else runs.push('');
      }
      const breaks = runs.length > 1;
      return { lead: runs[0] as string, breaks, inner: breaks ? runs.slice(1, -1).filter((run) => run !== '') : [], trail: breaks ? (runs.at(-1) as string) : '' };
    });
    tokenWords.set(tokenBytes, words);
  }
  return words;
}
