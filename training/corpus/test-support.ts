import type { Example } from './example-types.js';
import { generateExamples } from './generate-examples.js';
import type { Split } from './splits.js';

const samples = new Map<string, Example[]>();

/** The first `count` examples of a split for seed 1, generated once per test file. */
export function sample(split: Split, count: number): Example[] {
  const key = `${split}|${count}`;
  let examples = samples.get(key);
  if (examples === undefined) {
    examples = [...generateExamples(1, split, count)];
    samples.set(key, examples);
  }
  return examples;
}
