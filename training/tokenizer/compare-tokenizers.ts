/**
 * How well a tokenizer fits the corpus, next to another one (the fixture's by default), through the SDK's own
 * tokenizer (`TextTokenizer`, i.e. @huggingface/tokenizers): tokens per example for the prompt (chat template
 * applied) and for the answer text, characters per token, and an exact round trip of every message and answer.
 * Exits non-zero if any text fails to round-trip.
 *
 *   npx tsx training/tokenizer/compare-tokenizers.ts --tokenizer training/data/tokenizer \
 *       [--baseline models/tiny-random/model] [--corpus training/data/corpus.test_templates.jsonl] [--count 1000]
 */
import { parseArgs } from 'node:util';
import type { TextTokenizer } from '@lacuna/core';
import { serializeValue } from '../../packages/infill/src/index.js';
import { exampleConversation } from '../render/example-conversation.js';
import { readCorpus } from '../render/read-corpus.js';
import { SchemaCache } from '../render/schema-cache.js';
import { loadTokenizer } from './load-tokenizer.js';

interface Totals {
  prompt: number;
  answer: number;
  characters: number;
  longest: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tokenizer: { type: 'string', default: 'training/data/tokenizer' },
      baseline: { type: 'string', default: 'models/tiny-random/model' },
      // A held-out file: none of its examples is in the tokenizer's training text.
      corpus: { type: 'string', default: 'training/data/corpus.test_templates.jsonl' },
      count: { type: 'string', default: '1000' },
    },
  });
  const tokenizers = { candidate: loadTokenizer(values.tokenizer), baseline: loadTokenizer(values.baseline) };
  const totals: Record<keyof typeof tokenizers, Totals> = {
    candidate: { prompt: 0, answer: 0, characters: 0, longest: 0 },
    baseline: { prompt: 0, answer: 0, characters: 0, longest: 0 },
  };
  const schemas = new SchemaCache();
  const failures: string[] = [];
  let examples = 0;
  for await (const example of readCorpus(values.corpus, { limit: Number(values.count) })) {
    const conversation = exampleConversation(example);
    const answer = serializeValue(schemas.compile(conversation.schema), conversation.value);
    for (const [name, tokenizer] of Object.entries(tokenizers) as [keyof typeof tokenizers, TextTokenizer][]) {
      const prompt = tokenizer.applyChatTemplate(conversation.messages, { addGenerationPrompt: true });
      const promptTokens = tokenizer.encode(prompt).length;
      const answerTokens = tokenizer.encode(answer).length;
      const total = totals[name];
      total.prompt += promptTokens;
      total.answer += answerTokens;
      total.characters += prompt.length + answer.length;
      total.longest = Math.max(total.longest, promptTokens + answerTokens);
    }
    for (const text of [...conversation.messages.map((message) => message.content), answer]) {
      const decoded = tokenizers.candidate.decode(tokenizers.candidate.encode(text));
      if (decoded !== text && failures.length < 5) failures.push(`${example.id}: ${JSON.stringify(text.slice(0, 200))}`);
    }
    examples++;
  }
  console.log(`${examples} examples of ${values.corpus}; tokens per example (prompt with chat template + answer):`);
  for (const [name, folder] of [['candidate', values.tokenizer], ['baseline', values.baseline]] as const) {
    const total = totals[name];
    console.log(
      `  ${folder} (${tokenizers[name].size} tokens): prompt ${(total.prompt / examples).toFixed(1)}, answer ${(total.answer / examples).toFixed(1)}, ` +
        `total ${((total.prompt + total.answer) / examples).toFixed(1)}, longest ${total.longest}, ` +
        `${(total.characters / (total.prompt + total.answer)).toFixed(2)} characters per token`,
    );
  }
  if (failures.length > 0) {
    console.error(`round trip failed:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  console.log('every message and answer round-trips exactly');
}

await main();
