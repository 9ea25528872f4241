import type { PredictionRequest, PredictionRows, Predictor } from '@lacuna/core';

/**
 * A predictor that returns random logits (seeded): the worst possible model, for checking that constraints,
 * not luck, make every result valid. Fast: no network, one xorshift per logit.
 */
export function createRandomPredictor(options: { vocabularySize: number; maxLength?: number; seed?: number; scale?: number }): Predictor & { calls: number } {
  let state = (options.seed ?? 1) >>> 0 || 1;
  const scale = options.scale ?? 8;
  const next = (): number => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
  const predictor = {
    vocabularySize: options.vocabularySize,
    maxLength: options.maxLength ?? 4096,
    calls: 0,
    async predict(batch: readonly PredictionRequest[]): Promise<PredictionRows[]> {
      predictor.calls++;
      return batch.map((request) => {
        const rows = request.positions.length;
        const data = new Float32Array(rows * options.vocabularySize);
        for (let index = 0; index < data.length; index++) data[index] = next() * scale;
        return { data, rows, vocabularySize: options.vocabularySize };
      });
    },
  };
  return predictor;
}
