import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelPath } from '@lacuna/model-tiny-random';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithReferenceLogits } from '../testing/reference-logits.js';
import { loadModel, type DiffusionModel } from './load-model.js';

const MODEL_FILES = ['lacuna-model.json', 'model.onnx', 'tokenizer.json', 'tokenizer_config.json'];

/** A copy of the fixture folder whose config a test may break. */
async function copyFixture(edit?: (config: Record<string, unknown>) => void): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'lacuna-model-'));
  for (const file of MODEL_FILES) await copyFile(join(modelPath, file), join(folder, file));
  if (edit) {
    const config = JSON.parse(await readFile(join(folder, 'lacuna-model.json'), 'utf8')) as Record<string, unknown>;
    edit(config);
    await writeFile(join(folder, 'lacuna-model.json'), JSON.stringify(config));
  }
  return folder;
}

describe('loadModel on the real ONNX runtime', () => {
  let model: DiffusionModel;
  beforeAll(async () => {
    model = await loadModel(modelPath, { intraOpThreads: 1 });
  });
  afterAll(async () => {
    await model.dispose();
  });

  it('returns the logits PyTorch computed, within 1e-4, for exactly the rows asked for', async () => {
    const results = await compareWithReferenceLogits(model.predictor, modelPath);
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(result.rowsAsAsked, result.name).toBe(true);
      expect(result.largestDifference, result.name).toBeLessThan(1e-4);
    }
  });

  it('reads the special tokens and the chat template of the folder', () => {
    expect(model.tokenizer.decode([])).toBe('');
    expect(model.tokenizer.tokenToId('<|mask|>')).toBe(model.spec.maskTokenId);
    const text = model.tokenizer.applyChatTemplate([{ role: 'user', content: 'Hi' }]);
    expect(text).toContain('Hi');
    expect(text.endsWith('<|assistant|>')).toBe(true);
    expect(model.tokenizer.decode(model.tokenizer.encode('Pay 42.50 EUR on 2025-03-01'))).toBe('Pay 42.50 EUR on 2025-03-01');
  });
});

describe('loadModel with an ONNX variant', () => {
  let folder: string;
  beforeAll(async () => {
    // The fixture's graph again under another name: the variant must be the file that runs and is verified.
    folder = await copyFixture((config) => {
      config.onnxVariants = { copy: 'model.copy.onnx' };
      config.sha256 = { 'model.copy.onnx': '0'.repeat(64) };
    });
    await copyFile(join(modelPath, 'model.onnx'), join(folder, 'model.copy.onnx'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("verifies and runs the variant's file, and only it", async () => {
    await expect(loadModel(folder, { variant: 'copy' })).rejects.toMatchObject({ code: 'MODEL_CHECKSUM_MISMATCH', file: join(folder, 'model.copy.onnx') });
    const config = JSON.parse(await readFile(join(folder, 'lacuna-model.json'), 'utf8')) as Record<string, unknown>;
    config.sha256 = { 'model.copy.onnx': (JSON.parse(await readFile(join(modelPath, 'lacuna-model.json'), 'utf8')) as { sha256: Record<string, string> }).sha256['model.onnx'] };
    await writeFile(join(folder, 'lacuna-model.json'), JSON.stringify(config));
    await rm(join(folder, 'model.onnx'));
    const model = await loadModel(folder, { variant: 'copy', intraOpThreads: 1 });
    try {
      const results = await compareWithReferenceLogits(model.predictor, modelPath);
      for (const result of results) expect(result.largestDifference, result.name).toBeLessThan(1e-4);
    } finally {
      await model.dispose();
    }
    await expect(loadModel(folder)).rejects.toMatchObject({ code: 'MODEL_FILE_MISSING', file: join(folder, 'model.onnx') });
  });
});

describe('loadModel refuses a folder whose parts disagree', () => {
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });
  const broken = async (edit?: (config: Record<string, unknown>) => void) => {
    const folder = await copyFixture(edit);
    folders.push(folder);
    return folder;
  };

  it('names the missing config file', async () => {
    await expect(loadModel('/nonexistent/model')).rejects.toMatchObject({ name: 'LacunaCoreError', code: 'MODEL_FILE_MISSING' });
  });

  it('names the missing ONNX file', async () => {
    const folder = await broken((config) => (config.onnx = 'missing.onnx'));
    await expect(loadModel(folder)).rejects.toMatchObject({ code: 'MODEL_FILE_MISSING', file: join(folder, 'missing.onnx') });
  });

  it('names the config field that is wrong', async () => {
    const folder = await broken((config) => delete config.maxLength);
    await expect(loadModel(folder)).rejects.toThrow(/field "maxLength" must be a positive integer/);
  });

  it('names spacedStringValues when it is not a boolean, and reads it when it is', async () => {
    const folder = await broken((config) => (config.spacedStringValues = 'yes'));
    await expect(loadModel(folder)).rejects.toThrow(/field "spacedStringValues" must be true or false/);
    const spaced = await broken((config) => (config.spacedStringValues = true));
    const model = await loadModel(spaced);
    expect(model.spec.spacedStringValues).toBe(true);
    await model.dispose();
  });

  it('reads the lexicon the config names, verifies it, and names it when it is missing or not a file name', async () => {
    const folder = await broken((config) => {
      config.lexicon = 'lexicon.txt';
      config.sha256 = { 'lexicon.txt': createHash('sha256').update('weather\nin\r\n\nGrenoble\n').digest('hex') };
    });
    await writeFile(join(folder, 'lexicon.txt'), 'weather\nin\r\n\nGrenoble\n');
    const model = await loadModel(folder);
    expect(model.lexicon).toEqual(['weather', 'in', 'Grenoble']);
    await model.dispose();
    await writeFile(join(folder, 'lexicon.txt'), 'weather\n');
    await expect(loadModel(folder)).rejects.toMatchObject({ code: 'MODEL_CHECKSUM_MISMATCH', file: join(folder, 'lexicon.txt') });
    const missing = await broken((config) => (config.lexicon = 'lexicon.txt'));
    await expect(loadModel(missing)).rejects.toMatchObject({ code: 'MODEL_FILE_MISSING', file: join(missing, 'lexicon.txt') });
    await expect(loadModel(await broken((config) => (config.lexicon = 7)))).rejects.toThrow(/field "lexicon" must be a non-empty string \(or absent\)/);
    const without = await loadModel(await broken());
    expect(without.lexicon).toBeUndefined();
    await without.dispose();
  });

  it('rejects a mask token id outside the vocabulary', async () => {
    const folder = await broken((config) => (config.maskTokenId = 5000));
    await expect(loadModel(folder)).rejects.toMatchObject({ code: 'MODEL_CONFIG_INVALID' });
  });

  it('rejects a vocabulary size that disagrees with the logits', async () => {
    const folder = await broken((config) => (config.vocabularySize = 1200));
    await expect(loadModel(folder)).rejects.toMatchObject({ code: 'MODEL_MISMATCH' });
    await expect(loadModel(folder)).rejects.toThrow(/1000 tokens but the config says vocabularySize is 1200/);
  });

  it('rejects a tokenizer larger than the model vocabulary', async () => {
    const folder = await broken((config) => (config.vocabularySize = 500));
    await expect(loadModel(folder)).rejects.toMatchObject({ code: 'MODEL_MISMATCH' });
  });

  it('rejects an ONNX variant the config does not name, naming those it does', async () => {
    const folder = await broken((config) => (config.onnxVariants = { int8: 'model.int8.onnx' }));
    const loading = loadModel(folder, { variant: 'int4' });
    await expect(loading).rejects.toMatchObject({ name: 'LacunaCoreError', code: 'INVALID_OPTIONS', file: join(folder, 'lacuna-model.json') });
    await expect(loadModel(folder, { variant: 'int4' })).rejects.toThrow(/has no ONNX variant "int4" \(it names "int8"\)/);
  });

  it('rejects onnxVariants that are not file names', async () => {
    const folder = await broken((config) => (config.onnxVariants = { int8: 8 }));
    await expect(loadModel(folder)).rejects.toThrow(/field "onnxVariants.int8" must be a non-empty string/);
  });

  it('rejects a model file whose checksum changed', async () => {
    const folder = await broken((config) => (config.sha256 = { 'model.onnx': '0'.repeat(64) }));
    await expect(loadModel(folder)).rejects.toMatchObject({ code: 'MODEL_CHECKSUM_MISMATCH' });
  });

  it('rejects a config that leaves an input of the model unnamed', async () => {
    const folder = await broken((config) => (config.inputs = { inputIds: 'input_ids', positions: 'positions' }));
    await expect(loadModel(folder)).rejects.toThrow(/has inputs the config does not name: attention_mask/);
  });

  it('rejects an ONNX input name the model does not have', async () => {
    const folder = await broken((config) => (config.inputs = { inputIds: 'tokens', positions: 'positions' }));
    await expect(loadModel(folder)).rejects.toThrow(/has no input named "tokens"/);
  });

  const promptCache = {
    answerStartTokenId: 5,
    inputs: { pastKeys: 'past_keys', pastValues: 'past_values', pastStates: 'past_states', pastIds: 'past_ids', pastAttentionMask: 'past_attention_mask' },
    outputs: { presentKeys: 'present_keys', presentValues: 'present_values', presentStates: 'present_states' },
  };

  it('names the promptCache field that is wrong', async () => {
    const folder = await broken((config) => (config.promptCache = { ...promptCache, outputs: { presentKeys: 'present_keys' } }));
    await expect(loadModel(folder)).rejects.toMatchObject({ code: 'MODEL_CONFIG_INVALID' });
    await expect(loadModel(folder)).rejects.toThrow(/field "promptCache.outputs.presentValues" must be the name of an ONNX tensor/);
  });

  it('rejects a prompt cache whose answer-start token is outside the vocabulary', async () => {
    const folder = await broken((config) => (config.promptCache = { ...promptCache, answerStartTokenId: 4096 }));
    await expect(loadModel(folder)).rejects.toThrow(/promptCache.answerStartTokenId is 4096, which is not a token id of a 1000-token vocabulary/);
  });

  it('rejects a prompt cache the graph does not take, naming what it lacks', async () => {
    const folder = await broken((config) => (config.promptCache = promptCache));
    await expect(loadModel(folder)).rejects.toMatchObject({ code: 'MODEL_MISMATCH' });
    await expect(loadModel(folder)).rejects.toThrow(/lacks what the config's promptCache needs: past_keys, past_values, past_states, past_ids, past_attention_mask, present_keys/);
  });

  it('rejects a prompt cache size that is not a count', async () => {
    await expect(loadModel(modelPath, { promptCacheSize: -1 })).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
    await expect(loadModel(modelPath, { promptCacheSize: 1.5 })).rejects.toThrow(/promptCacheSize is 1.5; it must be an integer of 0 \(no cache\) or more/);
  });
});
