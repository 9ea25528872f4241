import type { TokenIndex } from '../tokens/token-index.js';

/**
 * How the prompt's texts are cut into tokens, so that a value copied from one of them can be written with the
 * very tokens it has there. Byte-level BPE cuts the same word differently alone and inside a sentence: the
 * request's " Limerick" is ` Li|mer|ick` but the value `Limerick` alone is `L|i|mer|ick`, so a model taught the
 * value's own tokens must write tokens the request does not hold, which a copy pointer cannot point at; on the
 * session-8 model's held-out toolbox requests, half of the copied strings cut that way came out wrong against 7%
 * of those cut alike. Only the first token changes in the other direction: the request's ` Li` has a space the
 * value does not, so it becomes `Li` when the vocabulary has that token (a copy head's "twin"), else the
 * tokenizer's own cut of its text.
 */
export class PromptSegmentation {
  private readonly texts: readonly PromptText[];
  private readonly encode: (text: string) => number[];
  private readonly index: TokenIndex;

  /**
   * `texts` in the order they are searched (the latest message first: a request is copied from before a system
   * prompt); a text whose tokens do not write its bytes exactly (a normalising tokenizer) is left out.
   */
  constructor(texts: readonly string[], encode: (text: string) => number[], index: TokenIndex) {
    this.encode = encode;
    this.index = index;
    const encoder = new TextEncoder();
    this.texts = texts.flatMap((text) => {
      const tokens = encode(text);
      const bytes = encoder.encode(text);
      if (!sameBytes(index.bytesOf(tokens), bytes)) return [];
      const starts = new Map<number, number>();
      const ends = new Set<number>();
      let offset = 0;
      tokens.forEach((token, position) => {
        starts.set(offset, position);
        offset += index.tokenBytes[token]?.length ?? 0;
        ends.add(offset);
      });
      return [{ bytes, tokens, starts, ends }];
    });
  }

  /**
   * `value`'s tokens as the first prompt text that states it on token boundaries writes them (its first token
   * without a leading space the text has there), or undefined when none does.
   */
  tokensOf(value: string): number[] | undefined {
    const wanted = new TextEncoder().encode(value);
    if (wanted.length === 0) return undefined;
    for (const text of this.texts) {
      for (let start = indexOf(text.bytes, wanted, 0); start >= 0; start = indexOf(text.bytes, wanted, start + 1)) {
        const end = start + wanted.length;
        if (!text.ends.has(end)) continue;
        const first = text.starts.get(start);
        if (first !== undefined) return this.run(text, first, end);
        // The span starts one byte into a token that begins with a space (" Li" of " Limerick").
        const spaced = text.starts.get(start - 1);
        if (spaced === undefined || text.bytes[start - 1] !== 0x20) continue;
        const rest = this.withoutSpace(text.tokens[spaced] as number);
        if (rest === undefined) continue;
        return [...rest, ...this.run(text, spaced + 1, end)];
      }
    }
    return undefined;
  }

  /** The text's tokens from position `first` to the one that ends at byte offset `end` (which `ends` holds). */
  private run(text: PromptText, first: number, end: number): number[] {
    const out: number[] = [];
    let position = first;
    for (const stop = text.starts.get(end) ?? text.tokens.length; position < stop; position++) out.push(text.tokens[position] as number);
    return out;
  }

  /** A space-led token's text without its space: that one token if the vocabulary has it, else the tokenizer's cut. */
  private withoutSpace(token: number): number[] | undefined {
    const bytes = this.index.tokenBytes[token];
    if (bytes === undefined || bytes.length < 2) return undefined;
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    let rest: string;
    try {
      rest = text.decode(bytes.subarray(1));
    } catch {
      return undefined; // the token ends inside a character: its rest is no text of its own
    }
    return this.encode(rest);
  }
}

interface PromptText {
  readonly bytes: Uint8Array;
  readonly tokens: readonly number[];
  /** Byte offset where each token begins, to its position. */
  readonly starts: ReadonlyMap<number, number>;
  /** Byte offsets where a token ends. */
  readonly ends: ReadonlySet<number>;
}

function sameBytes(left: Uint8Array, right: Uint8Array): boolean {
  return left.length === right.length && left.every((byte, index) => byte === right[index]);
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let start = from; start + needle.length <= haystack.length; start++) {
    for (let index = 0; index < needle.length; index++) if (haystack[start + index] !== needle[index]) continue outer;
    return start;
  }
  return -1;
}
