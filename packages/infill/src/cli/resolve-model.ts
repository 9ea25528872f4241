import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel, type DiffusionModel, type LoadModelOptions } from '@lacuna/core';
import { modelPath as fixtureModelPath } from '@lacuna/model-tiny-random';

/** Where the model folder came from, best first. */
export type ModelSource = 'flag' | 'environment' | 'default' | 'fixture';

export interface ResolvedModel {
  readonly folder: string;
  readonly source: ModelSource;
  /** The random-weight test fixture: its outputs are noise, so the agent's checks must be relaxed on it. */
  readonly isFixture: boolean;
  /** One of the folder's `onnxVariants` to run (`--onnx-variant`, else `$LACUNA_ONNX_VARIANT`); none: its `onnx`. */
  readonly onnxVariant?: string;
}

/**
 * The package of the trained default model (models/default). It is looked up at run time rather than
 * imported, so that everything keeps running on the fixture until it exists.
 */
export const DEFAULT_MODEL_PACKAGE = '@lacuna/model-default';

/**
 * The best model available: `--model`, else `$LACUNA_MODEL`, else the trained default model when it is
 * installed, else the random-weight fixture; and which of its ONNX files to run: `--onnx-variant`, else
 * `$LACUNA_ONNX_VARIANT` (the default model has `int8`), else the folder's own.
 */
export async function resolveModelFolder(
  options: { flag?: string | undefined; onnxVariantFlag?: string | undefined; environment?: NodeJS.ProcessEnv } = {},
): Promise<ResolvedModel> {
  const environment = options.environment ?? process.env;
  const onnxVariant = [options.onnxVariantFlag, environment.LACUNA_ONNX_VARIANT].find((value) => value !== undefined && value !== '');
  const described = (folder: string, source: ModelSource): ResolvedModel => ({
    folder,
    source,
    isFixture: sameFolder(folder, fixtureModelPath),
    ...(onnxVariant === undefined ? {} : { onnxVariant }),
  });
  if (options.flag !== undefined && options.flag !== '') return described(options.flag, 'flag');
  const fromEnvironment = environment.LACUNA_MODEL;
  if (fromEnvironment !== undefined && fromEnvironment !== '') return described(fromEnvironment, 'environment');
  const trained = await defaultModelFolder();
  if (trained !== undefined) return described(trained, 'default');
  return described(fixtureModelPath, 'fixture');
}

/** Loads a resolved model folder, with its ONNX variant when one was asked for (over `options.variant`). */
export function loadResolvedModel(resolved: ResolvedModel, options: LoadModelOptions = {}): Promise<DiffusionModel> {
  return loadModel(resolved.folder, { ...options, ...(resolved.onnxVariant === undefined ? {} : { variant: resolved.onnxVariant }) });
}

/** The installed default model's folder, if the package is there and holds a model. */
async function defaultModelFolder(): Promise<string | undefined> {
  // A variable specifier: the package does not exist yet, and TypeScript must not try to resolve it.
  const specifier: string = DEFAULT_MODEL_PACKAGE;
  try {
    const { modelPath } = (await import(specifier)) as { modelPath?: unknown };
    if (typeof modelPath === 'string' && existsSync(join(modelPath, 'lacuna-model.json'))) return modelPath;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw error;
  }
  return undefined;
}

function sameFolder(left: string, right: string): boolean {
  try {
    return realpathSync(left) === realpathSync(right);
  } catch {
    return false;
  }
}
