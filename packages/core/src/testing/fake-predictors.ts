import { createRandomSource } from '../sampling/random-source.js';
import type { PredictionRequest, PredictionRows, Predictor } from '../predictor/predictor.js';

/**
 * A predictor for tests of sampler logic: `logitsFor` gives the logits of one position given the sequence, so
 * a test scripts exactly what the "model" believes. Records every batch it was asked for.
 */
export function createScriptedPredictor(options: {
  vocabularySize: number;
  maxLength?: number;
  logitsFor: (inputIds: Int32Array | readonly number[], position: number, call: number) => ArrayLike<number>;
}): Predictor & { readonly calls: (readonly PredictionRequest[])[] } {
  const calls: (readonly PredictionRequest[])[] = [];
  return {
    vocabularySize: options.vocabularySize,
    maxLength: options.maxLength ?? 4096,
    calls,
    async predict(batch: readonly PredictionRequest[]): Promise<PredictionRows[]> {
      const call = calls.length;
      calls.push(batch.map((request) => ({ inputIds: Array.from(request.inputIds), positions: [...request.positions] })));
      return batch.map((request) => {
        const data = new Float32Array(request.positions.length * options.vocabularySize);
        request.positions.forEach((position, row) => data.set(options.logitsFor(request.inputIds, position, call), row * options.vocabularySize));
        return { data, rows: request.positions.length, vocabularySize: options.vocabularySize };
      });
    },
  };
}

/** A predictor that returns seeded standard-normal logits: a random-weight model without the model. */
export function createRandomPredictor(options: { vocabularySize: number; maxLength?: number; seed?: number; scale?: number }): Predictor {
  const random = createRandomSource(options.seed ?? 0);
  const scale = options.scale ?? 1;
  return {
    vocabularySize: options.vocabularySize,
    maxLength: options.maxLength ?? 4096,
    async predict(batch: readonly PredictionRequest[]): Promise<PredictionRows[]> {
      return batch.map((request) => {
        const data = new Float32Array(request.positions.length * options.vocabularySize);
        for (let index = 0; index < data.length; index += 2) {
          // Box-Muller: two normals per pair of uniforms.
          const radius = Math.sqrt(-2 * Math.log(random.nextOpen())) * scale;
          const angle = 2 * Math.PI * random.next();
          data[index] = radius * Math.cos(angle);
          if (index + 1 < data.length) data[index + 1] = radius * Math.sin(angle);
        }
        return { data, rows: request.positions.length, vocabularySize: options.vocabularySize };
      });
    },
  };
}
