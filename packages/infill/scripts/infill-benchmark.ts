/**
 * Infill benchmarks on the fixture model (models/tiny-random, ONNX Runtime on CPU):
 *
 * - constraint work per forward pass: the time spent computing token constraints and advancing holes (trie walks,
 *   automaton steps) against the time of the forward passes, cold (first fill: caches empty) and warm;
 * - forward passes to fill one object: skeleton infill against free generation of the same object (one token per
 *   pass, LLaDA's default of steps = generation length, over the object's tokens), then parsing.
 *
 * Prints Markdown and rewrites the "Constraint overhead and forward passes" part of the "Infill" section of
 * docs/benchmarks.md.
 *
 *   npx tsx packages/infill/scripts/infill-benchmark.ts [--no-write]
 */
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModel, type PredictionRequest, type Predictor } from '@lacuna/core';
import { modelPath } from '@lacuna/model-tiny-random';
import { infill } from '../src/index.js';
import { updateBenchmarkSection } from './benchmarks-doc.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const write = !process.argv.includes('--no-write');

const SCHEMAS: Record<string, Record<string, unknown>> = {
  'person (string, integer, enum, boolean, optional, array)': {
    type: 'object',
    properties: {
      name: { type: 'string', maxLength: 12 },
      age: { type: 'integer', minimum: 0, maximum: 120 },
      color: { enum: ['red', 'green', 'blue'] },
      active: { type: 'boolean' },
      nickname: { type: 'string', maxLength: 8 },
      tags: { type: 'array', items: { type: 'string', maxLength: 6 }, maxItems: 3 },
    },
    required: ['name', 'age', 'color', 'active', 'tags'],
  },
  'event (date-time, email, uuid, number bounds)': {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid' },
      start: { type: 'string', format: 'date-time' },
      organiser: { type: 'string', format: 'email' },
      price: { type: 'number', minimum: 0, maximum: 500 },
    },
    required: ['id', 'start', 'organiser', 'price'],
  },
  'tool call (Glaive-style function arguments)': {
    type: 'object',
    properties: {
      name: { const: 'search_flights' },
      arguments: {
        type: 'object',
        properties: {
          origin: { type: 'string', maxLength: 3 },
          destination: { type: 'string', maxLength: 3 },
          date: { type: 'string', format: 'date' },
          passengers: { type: 'integer', minimum: 1, maximum: 9 },
          cabin: { enum: ['economy', 'business', 'first'] },
        },
        required: ['origin', 'destination', 'date', 'passengers'],
      },
    },
    required: ['name', 'arguments'],
  },
};

interface Timed extends Predictor {
  forwardMs: number;
}

function timed(predictor: Predictor): Timed {
  const wrapper: Timed = {
    vocabularySize: predictor.vocabularySize,
    maxLength: predictor.maxLength,
    forwardMs: 0,
    async predict(batch: readonly PredictionRequest[], options?: { signal?: AbortSignal }) {
      const started = performance.now();
      try {
        return await predictor.predict(batch, options);
      } finally {
        wrapper.forwardMs += performance.now() - started;
      }
    },
  };
  return wrapper;
}

const model = await loadModel(modelPath);
const predictor = timed(model.predictor);
const bench = { predictor, tokenizer: model.tokenizer, spec: model.spec };
const runs = 20;
const warmUp = 100;

const overhead: string[] = [];
const passes: string[] = [];
for (const [name, schema] of Object.entries(SCHEMAS)) {
  // Cold: the first fill of a schema walks the vocabulary for each new automaton state.
  predictor.forwardMs = 0;
  const cold = await infill({ model: bench, schema, prompt: 'Fill in a realistic example.', seed: 0 });
  const coldForward = predictor.forwardMs;
  // Warm-up: caches fill with the states random values visit.
  for (let seed = 1000; seed < 1000 + warmUp; seed++) await infill({ model: bench, schema, prompt: 'Fill in a realistic example.', seed, sampling: { temperature: 1 } });
  let forwardMs = 0;
  let constraintMs = 0;
  let forwardPasses = 0;
  let skeletonPasses = 0;
  let freePasses = 0;
  for (let seed = 1; seed <= runs; seed++) {
    predictor.forwardMs = 0;
    const result = await infill({ model: bench, schema, prompt: 'Fill in a realistic example.', seed, sampling: { temperature: 1 } });
    forwardMs += predictor.forwardMs;
    constraintMs += result.constraintMs;
    forwardPasses += result.forwardPasses;
    skeletonPasses += result.forwardPasses;
    // Free generation writes every token of the same text, one per pass, and must then parse it.
    freePasses += model.tokenizer.encode(result.text).length;
  }
  overhead.push(
    `| ${name} | ${(cold.constraintMs / Math.max(1, cold.forwardPasses)).toFixed(3)} | ${(coldForward / Math.max(1, cold.forwardPasses)).toFixed(3)} | ${((100 * cold.constraintMs) / coldForward).toFixed(1)}% | ${(constraintMs / forwardPasses).toFixed(3)} | ${(forwardMs / forwardPasses).toFixed(3)} | ${((100 * constraintMs) / forwardMs).toFixed(1)}% |`,
  );
  passes.push(`| ${name} | ${(skeletonPasses / runs).toFixed(1)} | ${(freePasses / runs).toFixed(1)} | ${(freePasses / skeletonPasses).toFixed(2)}x |`);
}
await model.dispose();

const markdown = [
  `Fixture model \`models/tiny-random\` (vocabulary 1,000, ONNX Runtime on CPU), ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}. Per forward pass; "constraint" is everything infill does per step besides the forward pass and core's sampler: allowed-token sets (trie walks over the vocabulary, cached per automaton state), automaton steps, frontier moves. Cold: the first fill of the schema (empty caches); warm: the mean of ${runs} fills (temperature 1) after ${warmUp} warm-up fills (a random model keeps visiting new automaton states; each is walked once).`,
  '',
  '| schema | cold constraint (ms/pass) | cold forward (ms/pass) | cold share | warm constraint (ms/pass) | warm forward (ms/pass) | warm share (target < 10%) |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...overhead,
  '',
  `Forward passes to fill one object (mean of ${runs} fills): the skeleton commits the frontier of every hole in each pass, and forced tokens (a single allowed token, pads after a value ended) without one; free generation writes every token of the same JSON text, one per pass, and parses it afterwards (which a random model would fail).`,
  '',
  '| schema | skeleton infill (passes) | free generation (passes) | ratio |',
  '| --- | --- | --- | --- |',
  ...passes,
].join('\n');
console.log(markdown);
if (write) updateBenchmarkSection(join(root, 'docs/benchmarks.md'), 'Constraint overhead and forward passes', `Command: \`npx tsx packages/infill/scripts/infill-benchmark.ts\` (${new Date().toISOString().slice(0, 10)}).\n\n${markdown}`);
