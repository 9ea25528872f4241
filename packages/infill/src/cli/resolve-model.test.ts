import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelPath as fixtureModelPath } from '@lacuna/model-tiny-random';
import { describe, expect, it } from 'vitest';
import { loadResolvedModel, resolveModelFolder } from './resolve-model.js';

describe('resolveModelFolder', () => {
  it('prefers --model, then $LACUNA_MODEL', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'lacuna-model-'));
    expect(await resolveModelFolder({ flag: folder, environment: { LACUNA_MODEL: fixtureModelPath } })).toEqual({ folder, source: 'flag', isFixture: false });
    expect(await resolveModelFolder({ environment: { LACUNA_MODEL: folder } })).toEqual({ folder, source: 'environment', isFixture: false });
  });

  it('takes the ONNX variant from --onnx-variant, then $LACUNA_ONNX_VARIANT, and none by default', async () => {
    const environment = { LACUNA_MODEL: fixtureModelPath, LACUNA_ONNX_VARIANT: 'int8' };
    expect(await resolveModelFolder({ onnxVariantFlag: 'fp16', environment })).toMatchObject({ source: 'environment', onnxVariant: 'fp16' });
    expect(await resolveModelFolder({ environment })).toMatchObject({ onnxVariant: 'int8' });
    expect(await resolveModelFolder({ environment: { LACUNA_MODEL: fixtureModelPath } })).not.toHaveProperty('onnxVariant');
  });

  it('recognises the fixture however it is named', async () => {
    const named = await resolveModelFolder({ flag: join(fixtureModelPath, '.'), environment: {} });
    expect(named).toMatchObject({ source: 'flag', isFixture: true });
  });

  it('falls back to the default model the repository ships (models/default)', async () => {
    const resolved = await resolveModelFolder({ environment: {} });
    expect(resolved).toMatchObject({ source: 'default', isFixture: false });
    expect(resolved.folder.replace(/\\/g, '/')).toMatch(/models\/default\/model$/);
  });

  it('loads the resolved folder with the variant it names, which wins over the options', async () => {
    const model = await loadResolvedModel(await resolveModelFolder({ environment: { LACUNA_MODEL: fixtureModelPath } }));
    expect(model.spec.vocabularySize).toBeGreaterThan(0);
    const withVariant = await resolveModelFolder({ onnxVariantFlag: 'no-such-variant', environment: { LACUNA_MODEL: fixtureModelPath } });
    await expect(loadResolvedModel(withVariant, { variant: 'ignored' })).rejects.toMatchObject({ code: 'INVALID_OPTIONS', message: expect.stringContaining('"no-such-variant"') });
  });
});
