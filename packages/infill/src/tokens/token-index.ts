import type { TextTokenizer } from '@lacuna/core';

/**
 * What the constraint layer needs to know about a vocabulary, computed once per tokenizer: the bytes each
 * token writes, which tokens are special (never part of a value), and a byte trie over all ordinary tokens so
 * that an automaton can be walked through every token at once.
 */
export class TokenIndex {
  readonly size: number;
  /** Bytes of each token; undefined for special tokens and tokens whose bytes cannot be recovered. */
  readonly tokenBytes: readonly (Uint8Array | undefined)[];
  readonly special: ReadonlySet<number>;
  /** Trie: children of node n are `childBytes/childNodes[childStart[n] .. childStart[n + 1])`. */
  readonly childStart: Int32Array;
  readonly childBytes: Uint8Array;
  readonly childNodes: Int32Array;
  /** Tokens ending at node n: `nodeTokens[nodeTokenStart[n] .. nodeTokenStart[n + 1])`. */
  readonly nodeTokenStart: Int32Array;
  readonly nodeTokens: Int32Array;
  /** Token id of each single byte, or -1. */
  readonly byteToken: Int32Array;
  /** Every byte has a single-byte token: byte distances are then token-distance bounds. */
  readonly byteComplete: boolean;
  readonly maxTokenBytes: number;

  constructor(tokenizer: TextTokenizer, vocabularySize = tokenizer.size) {
    this.size = Math.min(vocabularySize, tokenizer.size);
    const bytes: (Uint8Array | undefined)[] = [];
    const special = new Set<number>();
    const encoder = new TextEncoder();
    const byteDecoder = byteLevelDecoder();
    for (let id = 0; id < this.size; id++) {
      const text = tokenizer.tokenText(id);
      if (text !== '' && tokenizer.decode([id], { skipSpecialTokens: true }) === '') {
        special.add(id);
        bytes.push(undefined);
        continue;
      }
      if (!text.includes('\uFFFD')) {
        bytes.push(text === '' ? undefined : encoder.encode(text));
        continue;
      }
      const raw = tokenizer.idToToken(id) ?? '';
      const byteFallback = /^<0x([0-9A-Fa-f]{2})>$/.exec(raw);
      if (byteFallback !== null) {
        bytes.push(Uint8Array.of(parseInt(byteFallback[1] as string, 16)));
        continue;
      }
      const mapped = Array.from(raw, (char) => byteDecoder.get(char));
      bytes.push(raw !== '' && mapped.every((byte) => byte !== undefined) ? Uint8Array.from(mapped as number[]) : undefined);
    }
    this.tokenBytes = bytes;
    this.special = special;

    // Build the trie with maps, then flatten.
    const children: Map<number, number>[] = [new Map()];
    const ending: number[][] = [[]];
    let maxTokenBytes = 0;
    bytes.forEach((tokenBytes, id) => {
      if (tokenBytes === undefined || tokenBytes.length === 0) return;
      maxTokenBytes = Math.max(maxTokenBytes, tokenBytes.length);
      let node = 0;
      for (const byte of tokenBytes) {
        const map = children[node] as Map<number, number>;
        let next = map.get(byte);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          ending.push([]);
          map.set(byte, next);
        }
        node = next;
      }
      (ending[node] as number[]).push(id);
    });
    this.maxTokenBytes = maxTokenBytes;
    const nodeCount = children.length;
    this.childStart = new Int32Array(nodeCount + 1);
    this.nodeTokenStart = new Int32Array(nodeCount + 1);
    let edgeCount = 0;
    let tokenCount = 0;
    for (let node = 0; node < nodeCount; node++) {
      this.childStart[node] = edgeCount;
      this.nodeTokenStart[node] = tokenCount;
      edgeCount += (children[node] as Map<number, number>).size;
      tokenCount += (ending[node] as number[]).length;
    }
    this.childStart[nodeCount] = edgeCount;
    this.nodeTokenStart[nodeCount] = tokenCount;
    this.childBytes = new Uint8Array(edgeCount);
    this.childNodes = new Int32Array(edgeCount);
    this.nodeTokens = new Int32Array(tokenCount);
    for (let node = 0; node < nodeCount; node++) {
      const sorted = [...(children[node] as Map<number, number>).entries()].sort((a, b) => a[0] - b[0]);
      sorted.forEach(([byte, child], offset) => {
        this.childBytes[(this.childStart[node] as number) + offset] = byte;
        this.childNodes[(this.childStart[node] as number) + offset] = child;
      });
      (ending[node] as number[]).forEach((id, offset) => {
        this.nodeTokens[(this.nodeTokenStart[node] as number) + offset] = id;
      });
    }
    this.byteToken = new Int32Array(256).fill(-1);
    for (let byte = 0; byte < 256; byte++) {
      const edge = this.findChild(0, byte);
      if (edge < 0) continue;
      const node = this.childNodes[edge] as number;
      if ((this.nodeTokenStart[node + 1] as number) > (this.nodeTokenStart[node] as number)) {
        this.byteToken[byte] = this.nodeTokens[this.nodeTokenStart[node] as number] as number;
      }
    }
    this.byteComplete = this.byteToken.every((id) => id >= 0);
  }

  private findChild(node: number, byte: number): number {
    for (let edge = this.childStart[node] as number; edge < (this.childStart[node + 1] as number); edge++) {
      if (this.childBytes[edge] === byte) return edge;
    }
    return -1;
  }

  /** Bytes of a run of tokens (special tokens write nothing). */
  bytesOf(tokens: readonly number[]): Uint8Array {
    const parts = tokens.map((id) => this.tokenBytes[id] ?? new Uint8Array(0));
    const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }

  textOf(tokens: readonly number[]): string {
    return new TextDecoder().decode(this.bytesOf(tokens));
  }

  private static readonly cache = new WeakMap<TextTokenizer, Map<number, TokenIndex>>();

  /** The index of a tokenizer, built once. */
  static for(tokenizer: TextTokenizer, vocabularySize = tokenizer.size): TokenIndex {
    let byTokenizer = TokenIndex.cache.get(tokenizer);
    if (byTokenizer === undefined) {
      byTokenizer = new Map();
      TokenIndex.cache.set(tokenizer, byTokenizer);
    }
    let index = byTokenizer.get(vocabularySize);
    if (index === undefined) {
      index = new TokenIndex(tokenizer, vocabularySize);
      byTokenizer.set(vocabularySize, index);
    }
    return index;
  }
}

/** GPT-2's byte-to-unicode table, inverted: the alphabet of byte-level BPE vocabularies. */
function byteLevelDecoder(): Map<string, number> {
  const bytes: number[] = [];
  for (let b = 0x21; b <= 0x7e; b++) bytes.push(b);
  for (let b = 0xa1; b <= 0xac; b++) bytes.push(b);
  for (let b = 0xae; b <= 0xff; b++) bytes.push(b);
  const chars = [...bytes];
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    if (!bytes.includes(b)) {
      bytes.push(b);
      chars.push(256 + extra);
      extra++;
    }
  }
  const decoder = new Map<string, number>();
  bytes.forEach((byte, index) => decoder.set(String.fromCodePoint(chars[index] as number), byte));
  return decoder;
}
