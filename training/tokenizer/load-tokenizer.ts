import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextTokenizer } from '@lacuna/core';

/** The two files of a tokenizer folder (a model folder, or training/data/tokenizer). */
export function readTokenizerFiles(folder: string): { tokenizerJson: object; tokenizerConfig: Record<string, unknown> } {
  const read = (name: string) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as Record<string, unknown>;
  return { tokenizerJson: read('tokenizer.json'), tokenizerConfig: read('tokenizer_config.json') };
}

/** A tokenizer folder as the SDK loads it. */
export function loadTokenizer(folder: string): TextTokenizer {
  const { tokenizerJson, tokenizerConfig } = readTokenizerFiles(folder);
  return new TextTokenizer(tokenizerJson, tokenizerConfig);
}
