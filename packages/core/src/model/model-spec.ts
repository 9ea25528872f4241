import { LacunaCoreError } from '../errors/lacuna-core-error.js';

/** The conventions of a masked diffusion model: its special tokens, sizes and ONNX names. */
export interface ModelSpec {
  readonly name: string;
  readonly vocabularySize: number;
  readonly maxLength: number;
  readonly maskTokenId: number;
  readonly eosTokenId: number;
  readonly padTokenId: number;
  /** End-of-turn token of chat models (LLaDA's `<|eot_id|>`), where there is one. */
  readonly endOfTurnTokenId?: number;
  /** Dream-family models predict position i from output i - 1. */
  readonly shiftedLogits: boolean;
  /**
   * The model writes each JSON string value with one space after its opening quote, a space that is not part of
   * the value (`"title":" Golden Static"` holds `Golden Static`). A byte-level BPE attaches a space to the word
   * after it, so a value's first word is then cut into the tokens it has in the request (` Golden`, not
   * `G` `old` `en`), which a model copies token for token. Infill lays such canvases out when this is true; a
   * model trained on them must say so. Absent: false.
   */
  readonly spacedStringValues?: boolean;
  readonly inputs: {
    readonly inputIds: string;
    /** Optional input that selects the rows to compute logits for. */
    readonly positions?: string;
    /** Optional input for padded batches (1 = token, 0 = padding). */
    readonly attentionMask?: string;
  };
  readonly outputs: {
    readonly logits: string;
    /**
     * Optional outputs with, for each returned row, the argmax (int64) and log-sum-exp (float32) of its logits.
     * ONNX Runtime's vectorised kernels compute these reductions over the vocabulary far faster than
     * JavaScript; the sampler uses them for rows that no constraint or filter changes.
     */
    readonly argmax?: string;
    readonly logSumExp?: string;
  };
  /**
   * For a model whose prompt never attends to its answer (trained with prefix attention, as the default model
   * is): the graph also takes the encoded prompt as a past and returns its own tokens' encoding, so that a
   * runtime encodes a prompt once and then runs each denoising step over the answer alone, with the same logits.
   */
  readonly promptCache?: PromptCacheSpec;
}

/**
 * A prompt cache's token and ONNX names (training/export_onnx.py). The prompt is everything up to and including
 * the last `answerStartTokenId`; past and present keys and values are `[layers, batch, heads, length, head size]`,
 * states `[batch, length, width]`, past ids and attention mask `[batch, length]`.
 */
export interface PromptCacheSpec {
  /** The token the answer follows, the last in a prompt (the default model's `<|assistant|>`). */
  readonly answerStartTokenId: number;
  readonly inputs: {
    readonly pastKeys: string;
    readonly pastValues: string;
    readonly pastStates: string;
    readonly pastIds: string;
    readonly pastAttentionMask: string;
  };
  readonly outputs: {
    readonly presentKeys: string;
    readonly presentValues: string;
    readonly presentStates: string;
  };
}

/** `lacuna-model.json`: a spec plus the files of the model folder. */
export interface ModelFolderConfig extends ModelSpec {
  readonly format: 'lacuna-model/1';
  readonly onnx: string;
  /**
   * Other ONNX files of the same model, by name, for `loadModel(folder, { variant })`: for example
   * `{ "int8": "model.int8.onnx" }`, weights quantised for faster CPU inference. They share the spec and tokenizer.
   */
  readonly onnxVariants?: Readonly<Record<string, string>>;
  readonly tokenizer: string;
  readonly tokenizerConfig?: string;
  /**
   * A text file of the words the model learnt to write, one a line (`DiffusionModel.lexicon`): with infill's
   * `words: 'known'`, free text writes only these and the prompt's words.
   */
  readonly lexicon?: string;
  /** sha256 (hex) of files in the folder, each verified when a load reads it. */
  readonly sha256?: Readonly<Record<string, string>>;
}

export const MODEL_CONFIG_FILE = 'lacuna-model.json';

/** Checks a parsed `lacuna-model.json` field by field, naming the first field that is wrong. */
export function parseModelFolderConfig(value: unknown, file: string): ModelFolderConfig {
  const fail = (field: string, expected: string): never => {
    throw new LacunaCoreError({
      code: 'MODEL_CONFIG_INVALID',
      message: `${file}: field "${field}" must be ${expected}. See docs/models.md for the model folder format.`,
      file,
    });
  };
  if (typeof value !== 'object' || value === null) return fail('(root)', 'a JSON object');
  const config = value as Record<string, unknown>;
  if (config.format !== 'lacuna-model/1') fail('format', '"lacuna-model/1"');
  for (const field of ['name', 'onnx', 'tokenizer'] as const) {
    if (typeof config[field] !== 'string' || config[field] === '') fail(field, 'a non-empty string');
  }
  for (const field of ['tokenizerConfig', 'lexicon'] as const) {
    if (config[field] !== undefined && (typeof config[field] !== 'string' || config[field] === '')) fail(field, 'a non-empty string (or absent)');
  }
  const variants = config.onnxVariants;
  if (variants !== undefined) {
    if (typeof variants !== 'object' || variants === null || Array.isArray(variants)) fail('onnxVariants', 'an object of variant names to ONNX file names');
    for (const [name, onnxFile] of Object.entries(variants as Record<string, unknown>)) {
      if (typeof onnxFile !== 'string' || onnxFile === '') fail(`onnxVariants.${name}`, 'a non-empty string');
    }
  }
  for (const field of ['vocabularySize', 'maxLength'] as const) {
    const number = config[field];
    if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0) fail(field, 'a positive integer');
  }
  if (typeof config.shiftedLogits !== 'boolean') fail('shiftedLogits', 'true or false');
  if (config.spacedStringValues !== undefined && typeof config.spacedStringValues !== 'boolean') fail('spacedStringValues', 'true or false (or absent)');
  const inputs = config.inputs as Record<string, unknown> | undefined;
  if (typeof inputs !== 'object' || inputs === null || typeof inputs.inputIds !== 'string') {
    fail('inputs.inputIds', 'the name of the ONNX input that takes token ids');
  }
  const outputs = config.outputs as Record<string, unknown> | undefined;
  if (typeof outputs !== 'object' || outputs === null || typeof outputs.logits !== 'string') {
    fail('outputs.logits', 'the name of the ONNX output that holds the logits');
  }
  const promptCache = config.promptCache as Record<string, unknown> | undefined;
  if (promptCache !== undefined) {
    if (typeof promptCache !== 'object' || promptCache === null) fail('promptCache', 'an object (docs/models.md)');
    const cache = promptCache as Record<string, Record<string, unknown> | undefined>;
    for (const [group, names] of [
      ['inputs', ['pastKeys', 'pastValues', 'pastStates', 'pastIds', 'pastAttentionMask']],
      ['outputs', ['presentKeys', 'presentValues', 'presentStates']],
    ] as const) {
      for (const name of names) {
        if (typeof cache[group]?.[name] !== 'string') fail(`promptCache.${group}.${name}`, 'the name of an ONNX tensor');
      }
    }
  }
  const parsed = config as unknown as ModelFolderConfig;
  validateModelSpec(parsed, file);
  return parsed;
}

/** Special token ids must lie inside the vocabulary. */
export function validateModelSpec(spec: ModelSpec, source = spec.name): void {
  const ids: [string, number | undefined][] = [
    ['maskTokenId', spec.maskTokenId],
    ['eosTokenId', spec.eosTokenId],
    ['padTokenId', spec.padTokenId],
    ['endOfTurnTokenId', spec.endOfTurnTokenId],
    ['promptCache.answerStartTokenId', spec.promptCache?.answerStartTokenId],
  ];
  for (const [field, id] of ids) {
    if (id === undefined && (field === 'endOfTurnTokenId' || spec.promptCache === undefined)) continue;
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id >= spec.vocabularySize) {
      throw new LacunaCoreError({
        code: 'MODEL_CONFIG_INVALID',
        message: `${source}: ${field} is ${String(id)}, which is not a token id of a ${spec.vocabularySize}-token vocabulary.`,
      });
    }
  }
  if (spec.promptCache !== undefined && spec.shiftedLogits) {
    throw new LacunaCoreError({
      code: 'MODEL_CONFIG_INVALID',
      message: `${source}: promptCache is for models with unshifted logits (a prompt cache over shifted logits would have to predict the answer's first token from the prompt's last row). Remove promptCache or shiftedLogits.`,
    });
  }
}
