/**
 * Writes the semantic corpus as JSON lines: the training file and one file per held-out split.
 *
 *   npx tsx training/corpus/generate-corpus.ts --seed 1 --count 200000 --out training/data/corpus.jsonl
 *
 * Options: --test-count N (examples per held-out split, default 500), --mix tool_call=0.55,no_tool=0.06,...,
 * --composed-fields (the training file's made-up tools also draw from procedural-fields.ts `composedFields()`; the
 * held-out files are the same with or without it), --distractor-mentions (half of the training file's made-up
 * tool requests also state one or two fields the tool lacks; procedural/distractor-fields.ts), --composed-entities
 * SHARE (the training file's restaurants, event titles, songs, artists and tasks are a name composed from its own
 * names' words in SHARE of the draws; entities/composed-entities.ts; the held-out files are the same either way),
 * --extra-phrasings (the training file's demo-tool requests also draw from templates/extra-templates.ts; the
 * held-out files are the same either way), --held-out-extra-phrasings (test_templates' demo-tool requests use those
 * phrasings instead of the held-out templates, which 15 sessions of agent rules were written against: untouched
 * phrasings for `evaluate-model.ts --untouched`; not with --extra-phrasings).
 * The same seed writes byte-identical files.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { parseArgs } from 'node:util';
import { useComposedEntities } from './entities/entity-pools.js';
import { generateExample, parseMix, type KindMix } from './generate-examples.js';
import { useDistractorMentions } from './procedural/distractor-fields.js';
import { useComposedFields } from './procedural/procedural-tools.js';
import { HELD_OUT_SPLITS, type Split } from './splits.js';
import { useExtraPhrasings } from './templates/request-templates.js';
import { CorpusSummary } from './summary.js';

async function writeSplit(path: string, seed: number, split: Split, count: number, summary: CorpusSummary, mix?: KindMix): Promise<number> {
  mkdirSync(dirname(path), { recursive: true });
  const stream = createWriteStream(path);
  let buffer = '';
  let bytes = 0;
  for (let index = 0; index < count; index++) {
    const example = generateExample(seed, split, index, mix);
    summary.add(example);
    buffer += `${JSON.stringify(example)}\n`;
    // Written in chunks of about a megabyte, waiting when the stream asks to: 200k lines stay off the heap.
    if (buffer.length > 1 << 20) {
      bytes += Buffer.byteLength(buffer);
      if (!stream.write(buffer)) await once(stream, 'drain');
      buffer = '';
    }
  }
  bytes += Buffer.byteLength(buffer);
  stream.end(buffer);
  await once(stream, 'finish');
  return bytes;
}

function heldOutPath(out: string, split: Split): string {
  const name = basename(out).replace(/\.jsonl$/, '');
  return join(dirname(out), `${name}.${split}.jsonl`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      count: { type: 'string', default: '200000' },
      out: { type: 'string', default: 'training/data/corpus.jsonl' },
      'test-count': { type: 'string', default: '500' },
      mix: { type: 'string' },
      'composed-fields': { type: 'boolean', default: false },
      'distractor-mentions': { type: 'boolean', default: false },
      'composed-entities': { type: 'string', default: '0' },
      'extra-phrasings': { type: 'boolean', default: false },
      'held-out-extra-phrasings': { type: 'boolean', default: false },
    },
  });
  const seed = Number(values.seed);
  const count = Number(values.count);
  const testCount = Number(values['test-count']);
  if (!Number.isInteger(seed) || !Number.isInteger(count) || count < 0 || !Number.isInteger(testCount) || testCount < 0) {
    throw new RangeError('--seed, --count and --test-count take whole numbers (counts >= 0).');
  }
  if (values['extra-phrasings'] && values['held-out-extra-phrasings']) {
    throw new RangeError('--extra-phrasings and --held-out-extra-phrasings exclude each other: the same phrasings cannot be trained on and held out.');
  }
  const mix = values.mix === undefined ? undefined : parseMix(values.mix);
  const started = performance.now();
  const summary = new CorpusSummary();
  const written: string[] = [];
  // The training file's made-up tools may draw composed field names; the held-out files' tools never do (the
  // entity and phrasing splits use training's tool names too), so held-out files stay the same either way.
  useComposedFields(values['composed-fields']);
  useDistractorMentions(values['distractor-mentions']);
  useComposedEntities(Number(values['composed-entities']));
  useExtraPhrasings(values['extra-phrasings'] ? 'train' : undefined);
  const trainBytes = await writeSplit(values.out, seed, 'train', count, summary, mix);
  useComposedFields(false);
  useDistractorMentions(false);
  useComposedEntities(0);
  useExtraPhrasings(values['held-out-extra-phrasings'] ? 'test' : undefined);
  written.push(`${values.out} (${count} examples, ${(trainBytes / 1e6).toFixed(1)} MB)`);
  for (const split of HELD_OUT_SPLITS) {
    const path = heldOutPath(values.out, split);
    // Held-out files keep the default mix (test_tools: made-up tools only) so they compare across runs.
    const bytes = await writeSplit(path, seed, split, testCount, summary);
    written.push(`${path} (${testCount} examples, ${(bytes / 1e6).toFixed(1)} MB)`);
  }
  useExtraPhrasings(undefined);
  const seconds = (performance.now() - started) / 1000;
  console.log(`wrote, in ${seconds.toFixed(1)} s:\n  ${written.join('\n  ')}`);
  console.log(summary.format());
}

await main();
