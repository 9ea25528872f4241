import * as ort from 'onnxruntime-node';
import { LacunaCoreError } from '../errors/lacuna-core-error.js';
import type { ModelSpec, PromptCacheSpec } from '../model/model-spec.js';
import type { PredictionRequest, PredictionRows, Predictor } from './predictor.js';
import { LruCache } from '../cache/lru-cache.js';
import { cachedPromptLength, promptKey, type EncodedPrompt, type PromptCacheStats } from './prompt-cache.js';

/** Prompts a model with a prompt cache keeps encoded unless told otherwise. */
const DEFAULT_PROMPT_CACHE_SIZE = 8;

export interface OnnxSessionOptions {
  /** Threads inside one operator; defaults to onnxruntime's choice (all physical cores). */
  intraOpThreads?: number;
  interOpThreads?: number;
  graphOptimizationLevel?: 'disabled' | 'basic' | 'extended' | 'all';
  /** Execution providers in order of preference, for example `['cuda', 'cpu']`; defaults to `['cpu']`. */
  executionProviders?: string[];
  /**
   * For a model with a prompt cache (`promptCache` in its config): how many prompts to keep encoded, the most
   * recently used; 0 runs every pass over the whole sequence. Default 8. A prompt of the default model takes
   * about 5 KB per token.
   */
  promptCacheSize?: number;
}

/** The past fed to one pass: none (length 0), or a prompt's encoding repeated for each sequence of the batch. */
type PastFeeds = Record<string, ort.Tensor>;

/** The prompt a group of requests shares: its cache key and its length in tokens. */
interface PromptOfGroup {
  readonly key: string;
  readonly length: number;
}

/** A predictor over an ONNX model run by onnxruntime-node. */
export class OnnxPredictor implements Predictor {
  readonly vocabularySize: number;
  readonly maxLength: number;
  private readonly session: ort.InferenceSession;
  private readonly spec: ModelSpec;
  private readonly hasPositionsInput: boolean;
  private readonly hasAttentionMaskInput: boolean;
  /** Encoded prompts, for a model whose config declares a prompt cache and with a cache size above 0. */
  private readonly promptCache: LruCache<string, EncodedPrompt> | undefined;
  /** The past inputs with their declared shapes (symbolic sizes 0) and batch axes. */
  private readonly emptyPastInputs: readonly { name: string; shape: number[]; batchAxis: number; integer: boolean }[];

  private constructor(session: ort.InferenceSession, spec: ModelSpec, promptCacheSize: number) {
    this.session = session;
    this.spec = spec;
    this.vocabularySize = spec.vocabularySize;
    this.maxLength = spec.maxLength;
    this.hasPositionsInput = spec.inputs.positions !== undefined && session.inputNames.includes(spec.inputs.positions);
    this.hasAttentionMaskInput =
      spec.inputs.attentionMask !== undefined && session.inputNames.includes(spec.inputs.attentionMask);
    this.promptCache = spec.promptCache !== undefined && promptCacheSize > 0 ? new LruCache<string, EncodedPrompt>(promptCacheSize) : undefined;
    // Read once: every whole pass of a model with a prompt cache feeds an empty past of these shapes.
    this.emptyPastInputs = Object.entries(spec.promptCache?.inputs ?? {}).map(([field, name]) => {
      const metadata = session.inputMetadata.find((input) => input.name === name);
      const declared = metadata?.isTensor ? metadata.shape : [];
      return {
        name,
        shape: declared.map((size) => (typeof size === 'number' ? size : 0)),
        batchAxis: field === 'pastKeys' || field === 'pastValues' ? 1 : 0,
        integer: field === 'pastIds' || field === 'pastAttentionMask',
      };
    });
  }

  /**
   * How often passes found their prompt encoded (`hits`) or encoded it (`misses`), and how many prompts the cache
   * holds; undefined when there is no prompt cache (the model has none, or `promptCacheSize` is 0).
   */
  get promptCacheStats(): PromptCacheStats | undefined {
    return this.promptCache?.stats;
  }

  /** Opens `file` and checks its inputs and outputs against `spec`. */
  static async create(file: string, spec: ModelSpec, options: OnnxSessionOptions = {}): Promise<OnnxPredictor> {
    const sessionOptions: ort.InferenceSession.SessionOptions = {
      graphOptimizationLevel: options.graphOptimizationLevel ?? 'all',
      executionProviders: options.executionProviders ?? ['cpu'],
    };
    if (options.intraOpThreads !== undefined) sessionOptions.intraOpNumThreads = options.intraOpThreads;
    if (options.interOpThreads !== undefined) sessionOptions.interOpNumThreads = options.interOpThreads;
    let session: ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(file, sessionOptions);
    } catch (cause) {
      throw new LacunaCoreError({
        code: 'MODEL_MISMATCH',
        message: `onnxruntime could not open ${file}: ${(cause as Error).message}. Is it an ONNX model file?`,
        file,
        cause,
      });
    }
    const promptCacheSize = options.promptCacheSize ?? DEFAULT_PROMPT_CACHE_SIZE;
    if (!Number.isInteger(promptCacheSize) || promptCacheSize < 0) {
      throw new LacunaCoreError({
        code: 'INVALID_OPTIONS',
        message: `promptCacheSize is ${String(promptCacheSize)}; it must be an integer of 0 (no cache) or more.`,
      });
    }
    const predictor = new OnnxPredictor(session, spec, promptCacheSize);
    predictor.checkAgainstSpec(file);
    return predictor;
  }

  private checkAgainstSpec(file: string): void {
    const { inputs, outputs } = this.spec;
    if (!this.session.inputNames.includes(inputs.inputIds)) {
      throw new LacunaCoreError({
        code: 'MODEL_MISMATCH',
        message: `${file} has no input named "${inputs.inputIds}" (its inputs: ${this.session.inputNames.join(', ')}). Fix inputs.inputIds in the model config.`,
        file,
      });
    }
    for (const [field, name] of Object.entries(outputs)) {
      if (name !== undefined && !this.session.outputNames.includes(name)) {
        throw new LacunaCoreError({
          code: 'MODEL_MISMATCH',
          message: `${file} has no output named "${name}" (its outputs: ${this.session.outputNames.join(', ')}). Fix outputs.${field} in the model config.`,
          file,
        });
      }
    }
    const cache = this.spec.promptCache;
    if (cache !== undefined) {
      const missing = [
        ...Object.values(cache.inputs).filter((name) => !this.session.inputNames.includes(name)),
        ...Object.values(cache.outputs).filter((name) => !this.session.outputNames.includes(name)),
      ];
      if (missing.length > 0 || !this.hasPositionsInput || !this.hasAttentionMaskInput) {
        throw new LacunaCoreError({
          code: 'MODEL_MISMATCH',
          message: `${file} lacks what the config's promptCache needs: ${[...missing, ...(this.hasPositionsInput ? [] : ['a positions input']), ...(this.hasAttentionMaskInput ? [] : ['an attention mask input'])].join(', ')}. Export the model with training/export_onnx.py, or remove promptCache from the config.`,
          file,
        });
      }
    }
    const known = new Set(
      [inputs.inputIds, inputs.positions, inputs.attentionMask, ...Object.values(cache?.inputs ?? {})].filter((name) => name !== undefined),
    );
    const unknown = this.session.inputNames.filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new LacunaCoreError({
        code: 'MODEL_MISMATCH',
        message: `${file} has inputs the config does not name: ${unknown.join(', ')}. Name them in inputs.positions, inputs.attentionMask or promptCache.inputs of the model config, or export the model without them.`,
        file,
      });
    }
    const logits = this.session.outputMetadata.find((metadata) => metadata.name === outputs.logits);
    const lastDimension = logits?.isTensor ? logits.shape.at(-1) : undefined;
    if (typeof lastDimension === 'number' && lastDimension !== this.spec.vocabularySize) {
      throw new LacunaCoreError({
        code: 'MODEL_MISMATCH',
        message: `${file} returns logits over ${lastDimension} tokens but the config says vocabularySize is ${this.spec.vocabularySize}. Use the config that came with the model.`,
        file,
      });
    }
  }

  async predict(
    batch: readonly PredictionRequest[],
    options: { signal?: AbortSignal } = {},
  ): Promise<PredictionRows[]> {
    const results = new Array<PredictionRows>(batch.length);
    for (const group of this.groups(batch)) {
      if (options.signal?.aborted) {
        throw new LacunaCoreError({ code: 'ABORTED', message: 'The forward pass was aborted.', cause: options.signal.reason });
      }
      const requests = group.members.map((index) => batch[index] as PredictionRequest);
      const rows = group.prompt === undefined ? await this.runWhole(requests) : await this.runAnswers(requests, group.prompt);
      group.members.forEach((index, member) => {
        results[index] = rows[member] as PredictionRows;
      });
    }
    return results;
  }

  /**
   * The passes a batch takes: with a prompt cache, one per distinct prompt over its requests' answers, and one
   * over the whole of the requests it cannot serve; without, one for all (sequences of different lengths share
   * a pass only if the model can ignore padding).
   */
  private groups(batch: readonly PredictionRequest[]): { members: number[]; prompt?: PromptOfGroup }[] {
    const whole: number[] = [];
    const byPrompt = new Map<string, { members: number[]; prompt: PromptOfGroup }>();
    batch.forEach((request, index) => {
      const promptLength =
        this.promptCache === undefined ? undefined : cachedPromptLength(request, (this.spec.promptCache as PromptCacheSpec).answerStartTokenId);
      if (promptLength === undefined) {
        whole.push(index);
        return;
      }
      const key = promptKey(request.inputIds, promptLength);
      const group = byPrompt.get(key) ?? { members: [], prompt: { key, length: promptLength } };
      group.members.push(index);
      byPrompt.set(key, group);
    });
    // Sequences of different lengths share one pass only if the model can ignore padding.
    let wholeGroups: number[][];
    if (whole.length === 0) wholeGroups = [];
    else if (this.hasAttentionMaskInput) wholeGroups = [whole];
    else {
      const byLength = groupByLength(whole.map((index) => batch[index] as PredictionRequest));
      wholeGroups = byLength.map((group) => group.map((member) => whole[member] as number));
    }
    return [...wholeGroups.map((members) => ({ members })), ...byPrompt.values()];
  }

  /** One pass over whole sequences, with an empty past where the graph takes one. */
  private async runWhole(requests: readonly PredictionRequest[]): Promise<PredictionRows[]> {
    requests.forEach((request, row) => this.checkLength(request.inputIds.length, row));
    const modelRows = requests.map((request) =>
      this.checkedPositions(request).map((position) => (this.spec.shiftedLogits ? Math.max(position - 1, 0) : position)),
    );
    return this.run(
      requests.map((request) => request.inputIds),
      modelRows,
      this.spec.promptCache === undefined ? {} : this.emptyPast(requests.length),
    );
  }

  /** One pass over the answers of requests that share a prompt, with the prompt's encoding as the past. */
  private async runAnswers(requests: readonly PredictionRequest[], { key, length: promptLength }: PromptOfGroup): Promise<PredictionRows[]> {
    requests.forEach((request, row) => this.checkLength(request.inputIds.length, row));
    const first = requests[0] as PredictionRequest;
    const prompt = await this.encodedPrompt(key, first.inputIds, promptLength);
    const answers = requests.map((request) => Array.prototype.slice.call(request.inputIds, promptLength) as number[]);
    const modelRows = requests.map((request) => this.checkedPositions(request).map((position) => position - promptLength));
    return this.run(answers, modelRows, this.pastOf(prompt, requests.length));
  }

  private async encodedPrompt(key: string, inputIds: ArrayLike<number>, promptLength: number): Promise<EncodedPrompt> {
    const cache = this.promptCache as LruCache<string, EncodedPrompt>;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const names = (this.spec.promptCache as PromptCacheSpec).outputs;
    const ids = Array.prototype.slice.call(inputIds, 0, promptLength) as number[];
    // One row of logits is asked for (and ignored): the pass is for the prompt's keys, values and states.
    const outputs = await this.runSession(this.feeds([ids], [[0]], this.emptyPast(1)), [names.presentKeys, names.presentValues, names.presentStates]);
    const keys = outputs[names.presentKeys] as ort.Tensor;
    const states = outputs[names.presentStates] as ort.Tensor;
    const encoded: EncodedPrompt = {
      ids,
      keys: keys.data as Float32Array,
      values: (outputs[names.presentValues] as ort.Tensor).data as Float32Array,
      states: states.data as Float32Array,
      keyDimensions: keys.dims,
      stateDimensions: states.dims,
    };
    cache.set(key, encoded);
    return encoded;
  }

  /** A prompt's encoding as the past of a batch of `batchSize` answers: each tensor repeated along the batch axis. */
  private pastOf(prompt: EncodedPrompt, batchSize: number): PastFeeds {
    const names = (this.spec.promptCache as PromptCacheSpec).inputs;
    const [layers = 0, , heads = 0, length = 0, headSize = 0] = prompt.keyDimensions;
    const repeatKeys = (data: Float32Array): Float32Array => {
      if (batchSize === 1) return data;
      const block = heads * length * headSize;
      const repeated = new Float32Array(layers * batchSize * block);
      for (let layer = 0; layer < layers; layer++) {
        const source = data.subarray(layer * block, (layer + 1) * block);
        for (let row = 0; row < batchSize; row++) repeated.set(source, (layer * batchSize + row) * block);
      }
      return repeated;
    };
    const repeat = <T extends Float32Array | BigInt64Array>(data: T, make: (size: number) => T): T => {
      if (batchSize === 1) return data;
      const repeated = make(data.length * batchSize);
      for (let row = 0; row < batchSize; row++) repeated.set(data as never, row * data.length);
      return repeated;
    };
    const keyShape = [layers, batchSize, heads, length, headSize];
    const ids = BigInt64Array.from(prompt.ids, BigInt);
    return {
      [names.pastKeys]: new ort.Tensor('float32', repeatKeys(prompt.keys), keyShape),
      [names.pastValues]: new ort.Tensor('float32', repeatKeys(prompt.values), keyShape),
      [names.pastStates]: new ort.Tensor('float32', repeat(prompt.states, (size) => new Float32Array(size)), [batchSize, ...prompt.stateDimensions.slice(1)]),
      [names.pastIds]: new ort.Tensor('int64', repeat(ids, (size) => new BigInt64Array(size)), [batchSize, length]),
      [names.pastAttentionMask]: new ort.Tensor('int64', new BigInt64Array(batchSize * length).fill(1n), [batchSize, length]),
    };
  }

  /** A past of length 0, with the sizes the graph declares for its other axes. */
  private emptyPast(batchSize: number): PastFeeds {
    const feeds: PastFeeds = {};
    for (const { name, shape, batchAxis, integer } of this.emptyPastInputs) {
      const sized = shape.map((size, axis) => (axis === batchAxis ? batchSize : size));
      feeds[name] = integer ? new ort.Tensor('int64', new BigInt64Array(0), sized) : new ort.Tensor('float32', new Float32Array(0), sized);
    }
    return feeds;
  }

  private checkLength(length: number, row: number): void {
    if (length > this.maxLength) {
      throw new LacunaCoreError({
        code: 'PROMPT_TOO_LONG',
        message: `A sequence of ${length} tokens exceeds the model's maximum length of ${this.maxLength}.`,
        canvasIndex: row,
      });
    }
  }

  private checkedPositions(request: PredictionRequest): readonly number[] {
    for (const position of request.positions) {
      if (!Number.isInteger(position) || position < 0 || position >= request.inputIds.length) {
        throw new LacunaCoreError({
          code: 'INVALID_CANVAS',
          message: `Logits were asked for position ${position} of a ${request.inputIds.length}-token sequence.`,
          position,
        });
      }
    }
    return request.positions;
  }

  /** Input tensors for sequences (padded on the right) and the rows wanted of each. */
  private feeds(sequences: readonly ArrayLike<number>[], modelRows: readonly (readonly number[])[], past: PastFeeds): Record<string, ort.Tensor> {
    const length = Math.max(...sequences.map((sequence) => sequence.length));
    const batchSize = sequences.length;
    const inputIds = new BigInt64Array(batchSize * length).fill(BigInt(this.spec.padTokenId));
    const attentionMask = new BigInt64Array(batchSize * length);
    sequences.forEach((sequence, row) => {
      for (let position = 0; position < sequence.length; position++) {
        inputIds[row * length + position] = BigInt(sequence[position] as number);
        attentionMask[row * length + position] = 1n;
      }
    });
    const feeds: Record<string, ort.Tensor> = {
      [this.spec.inputs.inputIds]: new ort.Tensor('int64', inputIds, [batchSize, length]),
      ...past,
    };
    if (this.hasAttentionMaskInput) {
      feeds[this.spec.inputs.attentionMask as string] = new ort.Tensor('int64', attentionMask, [batchSize, length]);
    }
    if (this.hasPositionsInput) {
      const rowsPerSequence = Math.max(1, ...modelRows.map((rows) => rows.length));
      const positions = new BigInt64Array(batchSize * rowsPerSequence);
      modelRows.forEach((rows, row) => rows.forEach((position, index) => (positions[row * rowsPerSequence + index] = BigInt(position))));
      feeds[this.spec.inputs.positions as string] = new ort.Tensor('int64', positions, [batchSize, rowsPerSequence]);
    }
    return feeds;
  }

  private async runSession(feeds: Record<string, ort.Tensor>, names: readonly string[]): Promise<ort.InferenceSession.ReturnType> {
    try {
      return await this.session.run(feeds, names);
    } catch (cause) {
      throw new LacunaCoreError({
        code: 'PREDICTOR_FAILED',
        message: `The ONNX forward pass failed: ${(cause as Error).message}`,
        cause,
      });
    }
  }

  /** One forward pass; `modelRows` are the graph's rows (after any shift), indices into each sequence. */
  private async run(
    sequences: readonly ArrayLike<number>[],
    modelRows: readonly (readonly number[])[],
    past: PastFeeds,
  ): Promise<PredictionRows[]> {
    const vocabularySize = this.vocabularySize;
    const { logits: logitsName, argmax: argmaxName, logSumExp: logSumExpName } = this.spec.outputs;
    // Row reductions computed in the graph are only worth reading when the graph computed exactly our rows.
    const readSummary = this.hasPositionsInput && argmaxName !== undefined && logSumExpName !== undefined;
    const outputs = await this.runSession(
      this.feeds(sequences, modelRows, past),
      readSummary ? [logitsName, argmaxName, logSumExpName] : [logitsName],
    );
    const output = outputs[logitsName] as ort.Tensor;
    const argmaxOutput = readSummary ? ((outputs[argmaxName] as ort.Tensor).data as BigInt64Array) : undefined;
    const logSumExpOutput = readSummary ? ((outputs[logSumExpName] as ort.Tensor).data as Float32Array) : undefined;
    const dimensions = output.dims;
    if (dimensions.at(-1) !== vocabularySize) {
      throw new LacunaCoreError({
        code: 'MODEL_MISMATCH',
        message: `The model returned logits over ${String(dimensions.at(-1))} tokens but the config says vocabularySize is ${vocabularySize}.`,
      });
    }
    const data = output.data as Float32Array;
    const returnedRows = dimensions[1] as number;
    return modelRows.map((rows, sequence) => {
      const base = sequence * returnedRows * vocabularySize;
      if (this.hasPositionsInput) {
        const rowBase = sequence * returnedRows;
        return {
          data: data.subarray(base, base + rows.length * vocabularySize),
          rows: rows.length,
          vocabularySize,
          ...(argmaxOutput === undefined || logSumExpOutput === undefined
            ? {}
            : {
                argmax: Int32Array.from(argmaxOutput.subarray(rowBase, rowBase + rows.length), Number),
                logSumExp: logSumExpOutput.subarray(rowBase, rowBase + rows.length),
              }),
        };
      }
      // Without a positions input the model returned every row: keep only those asked for.
      const selected = new Float32Array(rows.length * vocabularySize);
      rows.forEach((row, index) =>
        selected.set(data.subarray(base + row * vocabularySize, base + (row + 1) * vocabularySize), index * vocabularySize),
      );
      return { data: selected, rows: rows.length, vocabularySize };
    });
  }

  async dispose(): Promise<void> {
    this.promptCache?.clear();
    await this.session.release();
  }
}

function groupByLength(batch: readonly PredictionRequest[]): number[][] {
  const groups = new Map<number, number[]>();
  batch.forEach((request, index) => {
    const group = groups.get(request.inputIds.length) ?? [];
    group.push(index);
    groups.set(request.inputIds.length, group);
  });
  return [...groups.values()];
}
