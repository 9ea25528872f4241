/**
 * Reads a corpus file (one JSON example a line) as a stream: a 200k-example corpus is over 500 MB, more than
 * one JavaScript string may hold.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Example } from '../corpus/example-types.js';

export async function* readCorpus(path: string, options: { limit?: number } = {}): AsyncGenerator<Example> {
  const limit = options.limit ?? Infinity;
  if (limit <= 0) return;
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  let count = 0;
  try {
    for await (const line of lines) {
      if (line === '') continue;
      yield JSON.parse(line) as Example;
      if (++count >= limit) return;
    }
  } finally {
    lines.close();
  }
}
