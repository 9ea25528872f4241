/**
 * Writes a `lacuna-dataset/1` folder (training/README.md): tokens.u16, offsets.u32 and roles.u8 as sequences
 * arrive, dataset.json last, so that a folder with a dataset.json is a complete one.
 */
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';

export interface DatasetHeader {
  readonly vocabularySize: number;
  readonly padTokenId: number;
  readonly maskTokenId: number;
  /** Written only when true: canvases lay string values out after a space (`ModelSpec.spacedStringValues`). */
  readonly spacedStringValues?: boolean;
}

/** Sequences are buffered and flushed in blocks of about this many tokens. */
const FLUSH_TOKENS = 1 << 20;

export class DatasetWriter {
  readonly folder: string;
  sequences = 0;
  tokens = 0;
  longest = 0;
  private readonly header: DatasetHeader;
  private readonly tokenFile: number;
  private readonly roleFile: number;
  private readonly offsets: number[] = [0];
  private tokenBlock = new Uint16Array(FLUSH_TOKENS);
  private roleBlock = new Uint8Array(FLUSH_TOKENS);
  private filled = 0;

  constructor(folder: string, header: DatasetHeader) {
    // Typed arrays are written as they lie in memory; the format is little-endian.
    if (endianness() !== 'LE') throw new Error('DatasetWriter writes typed arrays as they are in memory, which must be little-endian');
    this.folder = folder;
    this.header = header;
    // A half-written folder from an interrupted run must not pass for a complete one.
    rmSync(join(folder, 'dataset.json'), { force: true });
    mkdirSync(folder, { recursive: true });
    this.tokenFile = openSync(join(folder, 'tokens.u16'), 'w');
    this.roleFile = openSync(join(folder, 'roles.u8'), 'w');
  }

  add(tokens: readonly number[], roles: readonly number[]): void {
    if (tokens.length !== roles.length || tokens.length === 0) throw new Error('a sequence needs one role per token, and at least one token');
    if (this.filled + tokens.length > this.tokenBlock.length) this.flush();
    if (tokens.length > this.tokenBlock.length) {
      this.tokenBlock = new Uint16Array(tokens.length);
      this.roleBlock = new Uint8Array(tokens.length);
    }
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index] as number;
      if (token >= this.header.vocabularySize || token < 0) throw new Error(`token id ${token} is outside the vocabulary of ${this.header.vocabularySize}`);
      this.tokenBlock[this.filled + index] = token;
      this.roleBlock[this.filled + index] = roles[index] as number;
    }
    this.filled += tokens.length;
    this.tokens += tokens.length;
    this.sequences++;
    this.longest = Math.max(this.longest, tokens.length);
    this.offsets.push(this.tokens);
  }

  /** Writes the offsets and the header; returns the header as written. */
  finish(): Record<string, unknown> {
    this.flush();
    closeSync(this.tokenFile);
    closeSync(this.roleFile);
    if (this.tokens >= 2 ** 32) throw new Error('offsets.u32 cannot address more than 2^32 tokens: write several folders');
    writeFileSync(join(this.folder, 'offsets.u32'), new Uint8Array(Uint32Array.from(this.offsets).buffer));
    const header = {
      format: 'lacuna-dataset/1',
      vocabularySize: this.header.vocabularySize,
      padTokenId: this.header.padTokenId,
      maskTokenId: this.header.maskTokenId,
      ...(this.header.spacedStringValues === true ? { spacedStringValues: true } : {}),
      sequences: this.sequences,
      tokens: this.tokens,
      maxLength: this.longest,
    };
    writeFileSync(join(this.folder, 'dataset.json'), `${JSON.stringify(header, null, 2)}\n`);
    return header;
  }

  private flush(): void {
    if (this.filled === 0) return;
    writeAll(this.tokenFile, new Uint8Array(this.tokenBlock.buffer, 0, this.filled * 2));
    writeAll(this.roleFile, new Uint8Array(this.roleBlock.buffer, 0, this.filled));
    this.filled = 0;
  }
}

function writeAll(file: number, bytes: Uint8Array): void {
  for (let written = 0; written < bytes.length; ) written += writeSync(file, bytes, written);
}
