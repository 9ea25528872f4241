/**
 * Writes the text the default model's tokenizer is trained on: for the first `--count` examples of a corpus,
 * every chat message as the model will read it (system prompt with the tool signatures, requests, earlier
 * calls, tool results) and the answer as the skeleton writes it (`serializeValue`: compact JSON, keys in
 * schema order). The tokenizer then spends its merges on exactly the text that fills the model's context.
 *
 *   npx tsx training/tokenizer/write-tokenizer-corpus.ts --corpus training/data/corpus.jsonl --count 30000 \
 *       --out training/data/tokenizer-corpus.txt
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { serializeValue } from '../../packages/infill/src/index.js';
import { exampleConversation } from '../render/example-conversation.js';
import { readCorpus } from '../render/read-corpus.js';
import { SchemaCache } from '../render/schema-cache.js';

/** The special tokens of train_tokenizer.mjs: they are added tokens, so their text must teach BPE nothing. */
const SPECIAL_TOKEN_TEXT = /<\|(?:pad|eos|mask|system|user|assistant|tool|end)\|>/g;

export function stripSpecialTokens(text: string): string {
  return text.replace(SPECIAL_TOKEN_TEXT, '');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: 'training/data/corpus.jsonl' },
      count: { type: 'string', default: '30000' },
      out: { type: 'string', default: 'training/data/tokenizer-corpus.txt' },
    },
  });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count <= 0) throw new RangeError('--count takes a positive whole number.');
  mkdirSync(dirname(values.out), { recursive: true });
  const stream = createWriteStream(values.out);
  const schemas = new SchemaCache();
  const started = performance.now();
  let examples = 0;
  let characters = 0;
  let buffer = '';
  for await (const example of readCorpus(values.corpus, { limit: count })) {
    const conversation = exampleConversation(example);
    const texts = conversation.messages.map((message) => message.content);
    texts.push(serializeValue(schemas.compile(conversation.schema), conversation.value));
    // One text a line: the trainer reads lines, and a message's own newlines (between tool signatures) only
    // split it where the byte-level pre-tokenizer would split anyway.
    for (const text of texts) buffer += `${stripSpecialTokens(text)}\n`;
    examples++;
    if (buffer.length > 1 << 20) {
      characters += buffer.length;
      if (!stream.write(buffer)) await once(stream, 'drain');
      buffer = '';
    }
  }
  characters += buffer.length;
  stream.end(buffer);
  await once(stream, 'finish');
  if (examples < count) console.warn(`write-tokenizer-corpus: the corpus has only ${examples} examples (asked for ${count})`);
  console.log(`wrote ${values.out}: ${examples} examples, ${(characters / 1e6).toFixed(1)}M characters, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

await main();
