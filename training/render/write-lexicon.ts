/**
 * Writes a model's lexicon: the words its training data has it write (answers, tool calls' string arguments,
 * extraction values) at least --min-count times, one a line, sorted. The model package names the file in
 * lacuna-model.json (`lexicon`), and infill's `words: 'known'` (the agent's default for a model with one) lets
 * free text spell only these words and those of the canvas (docs/models.md).
 *
 *   npx tsx training/render/write-lexicon.ts --corpus training/data/corpus.jsonl --limit 120000 \
 *       --out training/data/dataset/lexicon.txt
 *
 * --limit reads the training examples the dataset renders (make_default_model.sh's RENDER_LIMIT). Rare words are
 * left out: ids and codes made up for one example ("BK-14JU0KC" gives "BK", "JU", "KC") are not words the model
 * learnt, and a word the conversation states is known through the canvas anyway. How the threshold and the texts were
 * chosen: training/README.md, "The lexicon".
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import type { Example } from '../corpus/example-types.js';
import { readCorpus } from './read-corpus.js';

/** Words as infill's KnownWords reads them: runs of ASCII letters and non-ASCII characters. */
const WORD = /[A-Za-z\u0080-\u{10FFFF}]+/gu;

/** The texts an example has the model write. */
export function writtenTexts(example: Example): string[] {
  switch (example.kind) {
    case 'answer_from_result':
    case 'no_tool':
      return [example.answer];
    case 'tool_call':
    case 'procedural_tool_call':
      return example.calls.flatMap((call) => stringsOf(call.arguments));
    case 'extraction':
      return stringsOf(example.output);
  }
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** A piece of text (between spaces) that is an id, an e-mail address or a code rather than words: it holds a digit, @ or _. */
const CODE = /[0-9@_]/;

/**
 * The words written at least `minCount` times, sorted by code point. Words inside codes are not counted: ids, e-mail
 * addresses and postcodes ("BK-14JU0KC", "k.ximenes@example.com", "X1Z 9F6") are copied from the conversation, and
 * their letters would make every single letter a word ("p p pasta").
 */
export function lexiconOf(texts: Iterable<string>, minCount: number): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const piece of text.split(/\s+/)) {
      if (CODE.test(piece)) continue;
      for (const [word] of piece.matchAll(WORD)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts].filter(([, count]) => count >= minCount).map(([word]) => word).sort((left, right) => (left < right ? -1 : left > right ? 1 : 0));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: 'training/data/corpus.jsonl' },
      limit: { type: 'string' },
      'min-count': { type: 'string', default: '30' },
      out: { type: 'string', default: 'training/data/dataset/lexicon.txt' },
    },
  });
  const minCount = Number(values['min-count']);
  if (!Number.isInteger(minCount) || minCount < 1) throw new Error('--min-count is a positive integer.');
  const texts: string[] = [];
  for await (const example of readCorpus(values.corpus, values.limit === undefined ? {} : { limit: Number(values.limit) })) texts.push(...writtenTexts(example));
  const words = lexiconOf(texts, minCount);
  mkdirSync(dirname(values.out), { recursive: true });
  // Written aside and renamed, so that a lexicon file is always a whole one.
  writeFileSync(`${values.out}.partial`, `${words.join('\n')}\n`);
  renameSync(`${values.out}.partial`, values.out);
  console.log(`wrote ${values.out}: ${words.length.toLocaleString('en')} words written at least ${minCount} times in ${texts.length.toLocaleString('en')} texts`);
}

if (process.argv[1] !== undefined && basename(process.argv[1]).startsWith('write-lexicon')) await main();
