import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextTokenizer, type ModelSpec } from '@lacuna/core';
import { modelPath } from '@lacuna/model-tiny-random';
import type { InfillModel } from '../fill/infill-session.js';
import { createRandomPredictor } from './random-predictor.js';

/** The fixture model's tokenizer and spec, without loading ONNX. */
export function fixtureTokenizer(): { tokenizer: TextTokenizer; spec: ModelSpec } {
  const spec = JSON.parse(readFileSync(join(modelPath, 'lacuna-model.json'), 'utf8')) as ModelSpec;
  const tokenizer = new TextTokenizer(
    JSON.parse(readFileSync(join(modelPath, 'tokenizer.json'), 'utf8')) as object,
    JSON.parse(readFileSync(join(modelPath, 'tokenizer_config.json'), 'utf8')) as Record<string, unknown>,
  );
  return { tokenizer, spec };
}

/** A random-logits model over the fixture tokenizer: fast, and as bad as a model can be. */
export function randomFixtureModel(options: { seed?: number; maxLength?: number } = {}): InfillModel {
  const { tokenizer, spec } = fixtureTokenizer();
  return { tokenizer, spec, predictor: createRandomPredictor({ vocabularySize: spec.vocabularySize, seed: options.seed ?? 1, maxLength: options.maxLength ?? 4096 }) };
}
