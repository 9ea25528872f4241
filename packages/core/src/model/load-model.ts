import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { LacunaCoreError } from '../errors/lacuna-core-error.js';
import { OnnxPredictor, type OnnxSessionOptions } from '../predictor/onnx-predictor.js';
import type { Predictor } from '../predictor/predictor.js';
import { TextTokenizer } from '../tokenizer/text-tokenizer.js';
import { MODEL_CONFIG_FILE, parseModelFolderConfig, type ModelFolderConfig, type ModelSpec } from './model-spec.js';

/** A loaded model: its conventions, the predictor that runs it and its tokenizer. */
export interface DiffusionModel {
  readonly spec: ModelSpec;
  readonly predictor: Predictor;
  readonly tokenizer: TextTokenizer;
  /**
   * The words the model learnt to write (its folder's `lexicon` file), for infill's `words: 'known'`: a small
   * model's free text then spells only these and words of its prompt, never a word made of stray pieces.
   */
  readonly lexicon?: readonly string[];
  readonly folder?: string;
  dispose(): Promise<void>;
}

export interface LoadModelOptions extends OnnxSessionOptions {
  /** Skips the sha256 check of the files this load reads (verified by default when the config lists them). */
  skipChecksum?: boolean;
  /**
   * Runs another ONNX file of the folder, named in its config's `onnxVariants` (the default model has `int8`:
   * quantised weights, faster on CPUs); by default the config's `onnx`.
   */
  variant?: string;
}

/**
 * Loads a model folder: `lacuna-model.json`, the ONNX file and `tokenizer.json` it names. Checks that they
 * agree before anything runs: checksums, special token ids, the tokenizer's size and the logits' dimension.
 */
export async function loadModel(folder: string, options: LoadModelOptions = {}): Promise<DiffusionModel> {
  const root = resolve(folder);
  const configFile = join(root, MODEL_CONFIG_FILE);
  const config = parseModelFolderConfig(await readJson(configFile), configFile);
  const onnxName = onnxFileOf(config, options.variant, configFile);
  const onnxFile = join(root, onnxName);
  const onnxBytes = await readModelFile(onnxFile, 'the ONNX model');
  if (!options.skipChecksum) {
    // The files this load reads: another variant's ONNX file is checked when that variant is loaded.
    const read = new Set([onnxName, config.tokenizer, ...[config.tokenizerConfig, config.lexicon].filter((name) => name !== undefined)]);
    for (const [name, expected] of Object.entries(config.sha256 ?? {})) {
      if (!read.has(name)) continue;
      const bytes = name === onnxName ? onnxBytes : await readModelFile(join(root, name), name);
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== expected.toLowerCase()) {
        throw new LacunaCoreError({
          code: 'MODEL_CHECKSUM_MISMATCH',
          message: `${join(root, name)} has sha256 ${actual} but ${MODEL_CONFIG_FILE} expects ${expected}. The file is corrupt or was replaced; restore it (git checkout) or re-export the model.`,
          file: join(root, name),
        });
      }
    }
  }
  const tokenizerJson = await readJson(join(root, config.tokenizer));
  const tokenizerConfig =
    config.tokenizerConfig === undefined ? {} : ((await readJson(join(root, config.tokenizerConfig))) as Record<string, unknown>);
  const tokenizer = new TextTokenizer(tokenizerJson as object, tokenizerConfig);
  if (tokenizer.size > config.vocabularySize) {
    throw new LacunaCoreError({
      code: 'MODEL_MISMATCH',
      message: `${config.tokenizer} knows ${tokenizer.size} tokens but the model's vocabularySize is ${config.vocabularySize}: the tokenizer does not belong to this model.`,
      file: join(root, config.tokenizer),
    });
  }
  const lexicon = config.lexicon === undefined ? undefined : lexiconWords((await readModelFile(join(root, config.lexicon), 'the lexicon')).toString('utf8'));
  const predictor = await OnnxPredictor.create(onnxFile, config, options);
  return {
    spec: config,
    predictor,
    tokenizer,
    ...(lexicon === undefined ? {} : { lexicon }),
    folder: root,
    dispose: () => predictor.dispose(),
  };
}

/** A lexicon file's words: one a line, blank lines skipped. */
function lexiconWords(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}

function onnxFileOf(config: ModelFolderConfig, variant: string | undefined, configFile: string): string {
  if (variant === undefined) return config.onnx;
  const file = config.onnxVariants?.[variant];
  if (file === undefined) {
    const known = Object.keys(config.onnxVariants ?? {});
    throw new LacunaCoreError({
      code: 'INVALID_OPTIONS',
      message: `loadModel: ${configFile} has no ONNX variant "${variant}" (${known.length === 0 ? 'it names none' : `it names ${known.map((name) => `"${name}"`).join(', ')}`}). Leave out \`variant\` to load ${config.onnx}.`,
      file: configFile,
    });
  }
  return file;
}

async function readModelFile(file: string, what: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (cause) {
    throw new LacunaCoreError({
      code: 'MODEL_FILE_MISSING',
      message: `Cannot read ${what} at ${file}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}. A model folder holds ${MODEL_CONFIG_FILE}, the ONNX file and tokenizer.json (docs/models.md).`,
      file,
      cause,
    });
  }
}

async function readJson(file: string): Promise<unknown> {
  const bytes = await readModelFile(file, file.endsWith(MODEL_CONFIG_FILE) ? 'the model config' : 'a model file');
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (cause) {
    throw new LacunaCoreError({
      code: 'MODEL_CONFIG_INVALID',
      message: `${file} is not valid JSON: ${(cause as Error).message}`,
      file,
      cause,
    });
  }
}
