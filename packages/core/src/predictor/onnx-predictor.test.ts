import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelPath } from '@lacuna/model-tiny-random';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel, type DiffusionModel } from '../model/load-model.js';
import { Canvas } from '../canvas/canvas.js';
import { createRandomSource } from '../sampling/random-source.js';
import { sampleCandidates } from '../sampling/sample-tokens.js';
import { logitsRow } from './predictor.js';

/**
 * The fixture's weights exported without `positions` and `attention_mask`, as many models come: the predictor
 * must slice the rows itself and batch sequences by length.
 */
describe('OnnxPredictor on a model without positions or attention mask inputs', () => {
  let folder: string;
  let full: DiffusionModel;
  let selective: DiffusionModel;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'lacuna-full-logits-'));
    for (const file of ['model-full-logits.onnx', 'tokenizer.json', 'tokenizer_config.json']) await copyFile(join(modelPath, file), join(folder, file));
    const config = JSON.parse(await readFile(join(modelPath, 'lacuna-model.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(
      join(folder, 'lacuna-model.json'),
      JSON.stringify({ ...config, onnx: 'model-full-logits.onnx', inputs: { inputIds: 'input_ids' }, outputs: { logits: 'logits' }, sha256: undefined }),
    );
    full = await loadModel(folder, { intraOpThreads: 1 });
    selective = await loadModel(modelPath, { intraOpThreads: 1 });
  });
  afterAll(async () => {
    await full.dispose();
    await selective.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('returns exactly the rows asked for, equal to those of the model with a positions input', async () => {
    const requests = [
      { inputIds: [9, 40, 2, 2, 77, 2], positions: [5, 2, 3] },
      { inputIds: [12, 2, 2, 2, 2, 31], positions: [1] },
    ];
    const [sliced, gathered] = await Promise.all([full.predictor.predict(requests), selective.predictor.predict(requests)]);
    sliced.forEach((rows, sequence) => {
      expect(rows.rows).toBe(requests[sequence]?.positions.length);
      for (let row = 0; row < rows.rows; row++) {
        const expected = logitsRow(gathered[sequence]!, row);
        const actual = logitsRow(rows, row);
        const difference = Math.max(...actual.map((value, token) => Math.abs(value - (expected[token] as number))));
        expect(difference).toBeLessThan(1e-4);
      }
    });
  });

  it('runs sequences of different lengths in separate passes and returns them in request order', async () => {
    const short = { inputIds: [9, 2, 2], positions: [1, 2] };
    const long = { inputIds: [9, 40, 2, 2, 77, 2, 5], positions: [6] };
    const [together, alone] = await Promise.all([full.predictor.predict([long, short, long]), full.predictor.predict([short])]);
    expect(together.map((rows) => rows.rows)).toEqual([1, 2, 1]);
    expect(Array.from(together[1]!.data)).toEqual(Array.from(alone[0]!.data));
  });

  it('passes on the argmax and log-sum-exp the model computed for each row, and the sampler agrees with them', async () => {
    const request = { inputIds: [9, 40, 2, 2, 77, 2], positions: [2, 3, 5] };
    const [withSummary] = await selective.predictor.predict([request]);
    const [withoutSummary] = await full.predictor.predict([request]);
    expect(withoutSummary?.argmax).toBeUndefined();
    for (let row = 0; row < request.positions.length; row++) {
      const logits = logitsRow(withSummary!, row);
      let best = 0;
      logits.forEach((value, token) => (value > (logits[best] as number) ? (best = token) : undefined));
      const logSumExp = Math.log(logits.reduce((sum, value) => sum + Math.exp(value), 0));
      expect(withSummary?.argmax?.[row]).toBe(best);
      expect(withSummary?.logSumExp?.[row]).toBeCloseTo(logSumExp, 5);
    }
    const canvas = Canvas.fromCells(request.inputIds.map((token) => (token === 2 ? { state: 'masked' as const } : { state: 'fixed' as const, token })), 2);
    const fromModel = sampleCandidates({ rows: withSummary!, positions: request.positions, canvas, random: createRandomSource(1) });
    const fromJavaScript = sampleCandidates({ rows: withoutSummary!, positions: request.positions, canvas, random: createRandomSource(1) });
    expect(Array.from(fromModel.tokens)).toEqual(Array.from(fromJavaScript.tokens));
    fromModel.probability.forEach((probability, index) => expect(probability).toBeCloseTo(fromJavaScript.probability[index] as number, 6));
  });

  it('hides the shift of Dream-style models: position i is predicted from output i - 1', async () => {
    const shiftedFolder = await mkdtemp(join(tmpdir(), 'lacuna-shifted-'));
    for (const file of ['model.onnx', 'tokenizer.json', 'tokenizer_config.json']) await copyFile(join(modelPath, file), join(shiftedFolder, file));
    const config = JSON.parse(await readFile(join(modelPath, 'lacuna-model.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(shiftedFolder, 'lacuna-model.json'), JSON.stringify({ ...config, shiftedLogits: true }));
    const shifted = await loadModel(shiftedFolder, { intraOpThreads: 1 });
    const inputIds = [9, 40, 2, 2, 77, 2];
    const [asShifted] = await shifted.predictor.predict([{ inputIds, positions: [3, 5] }]);
    const [plain] = await selective.predictor.predict([{ inputIds, positions: [2, 4] }]);
    expect(Array.from(asShifted!.data)).toEqual(Array.from(plain!.data));
    await shifted.dispose();
    await rm(shiftedFolder, { recursive: true, force: true });
  });
});
