import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel, TextTokenizer, type ModelSpec } from '@lacuna/core';
import { modelPath } from '@lacuna/model-tiny-random';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LacunaInfillError } from './errors/lacuna-infill-error.js';
import { infill } from './infill.js';
import { compileSchema } from './schema/compile-schema.js';
import { compileValidator } from './schema/validate-json-schema.js';
import { createRandomPredictor } from './testing/random-predictor.js';
import { schemaArbitrary } from './testing/schema-arbitrary.js';

const spec = JSON.parse(readFileSync(join(modelPath, 'lacuna-model.json'), 'utf8')) as ModelSpec;
const tokenizer = new TextTokenizer(
  JSON.parse(readFileSync(join(modelPath, 'tokenizer.json'), 'utf8')) as object,
  JSON.parse(readFileSync(join(modelPath, 'tokenizer_config.json'), 'utf8')) as Record<string, unknown>,
);

/** Schemas the compiler refuses (none expected from this generator) are counted, not failed. */
async function fillsValidly(schema: Record<string, unknown>, seed: number, model: Parameters<typeof infill>[0]['model'], budgets?: { string: number; number: number; integer: number }): Promise<boolean> {
  let compiled;
  try {
    compiled = compileSchema(schema);
  } catch (error) {
    if (LacunaInfillError.isInstance(error) && error.code === 'INVALID_SCHEMA') return false; // e.g. contradictory random bounds
    throw error;
  }
  const result = await infill({ model, schema: compiled, prompt: 'Fill the object.', seed, sampling: { temperature: 1 }, repairAttempts: 0, ...(budgets === undefined ? {} : { budgets, arrayExtraItems: 2, maxGrows: 1 }) });
  const validate = compileValidator(schema, '2020-12');
  expect(validate(result.value), `${JSON.stringify(schema)}\n${result.text}\n${JSON.stringify(validate.errors)}`).toBe(true);
  expect(JSON.parse(result.text)).toEqual(result.value);
  return true;
}

describe('property: every filled value parses and validates', () => {
  it('at least 1,000 random schemas filled with a random-logits model and the fixture tokenizer', async () => {
    const model = { predictor: createRandomPredictor({ vocabularySize: spec.vocabularySize, seed: 7 }), tokenizer, spec };
    let filled = 0;
    await fc.assert(
      fc.asyncProperty(schemaArbitrary(3), fc.integer({ min: 0, max: 1_000_000 }), async (schema, seed) => {
        if (await fillsValidly(schema, seed, model)) filled++;
      }),
      { numRuns: 1100, seed: 42 },
    );
    // Unsatisfiable random schemas (contradictory bounds, required recursion) are the only ones skipped: at
    // least 1,000 of the 1,100 generated are filled, and every one of those validates.
    expect(filled).toBeGreaterThanOrEqual(1000);
  }, 120_000);

  it('40 random schemas through the real ONNX model', async () => {
    const onnx = await loadModel(modelPath);
    try {
      const model = { predictor: onnx.predictor, tokenizer: onnx.tokenizer, spec: onnx.spec };
      let filled = 0;
      await fc.assert(
        fc.asyncProperty(schemaArbitrary(2), fc.integer({ min: 0, max: 1000 }), async (schema, seed) => {
          try {
            if (await fillsValidly(schema, seed, model, { string: 4, number: 4, integer: 3 })) filled++;
          } catch (error) {
            // The fixture reads 256 positions; large random schemas may not fit.
            if (LacunaInfillError.isInstance(error) && error.code === 'CANVAS_TOO_LONG') return;
            throw error;
          }
        }),
        { numRuns: 40, seed: 7 },
      );
      expect(filled).toBeGreaterThanOrEqual(20);
    } finally {
      await onnx.dispose();
    }
  }, 120_000);
});
