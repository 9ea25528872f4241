import * as ort from 'onnxruntime-node';
import { LacunaCoreError } from '../errors/lacuna-core-error.js';
import type { ModelSpec } from '../model/model-spec.js';
import type { PredictionRequest, PredictionRows, Predictor } from './predictor.js';

export interface OnnxSessionOptions {
  /** Threads inside one operator; defaults to onnxruntime's choice (all physical cores). */
  intraOpThreads?: number;
  interOpThreads?: number;
  graphOptimizationLevel?: 'disabled' | 'basic' | 'extended' | 'all';
  /** Execution providers in order of preference, for example `['cuda', 'cpu']`; defaults to `['cpu']`. */
  executionProviders?: string[];
}

/** A predictor over an ONNX model run by onnxruntime-node. */
export class OnnxPredictor implements Predictor {
  readonly vocabularySize: number;
  readonly maxLength: number;
  private readonly session: ort.InferenceSession;
  private readonly spec: ModelSpec;
  private readonly hasPositionsInput: boolean;
  private readonly hasAttentionMaskInput: boolean;

  private constructor(session: ort.InferenceSession, spec: ModelSpec) {
    this.session = session;
    this.spec = spec;
    this.vocabularySize = spec.vocabularySize;
    this.maxLength = spec.maxLength;
    this.hasPositionsInput = spec.inputs.positions !== undefined && session.inputNames.includes(spec.inputs.positions);
    this.hasAttentionMaskInput =
      spec.inputs.attentionMask !== undefined && session.inputNames.includes(spec.inputs.attentionMask);
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
    const predictor = new OnnxPredictor(session, spec);
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
    const known = new Set([inputs.inputIds, inputs.positions, inputs.attentionMask].filter((name) => name !== undefined));
    const unknown = this.session.inputNames.filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new LacunaCoreError({
        code: 'MODEL_MISMATCH',
        message: `${file} has inputs the config does not name: ${unknown.join(', ')}. Name them in inputs.positions or inputs.attentionMask of the model config, or export the model without them.`,
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
    // Sequences of different lengths share one forward pass only if the model can ignore padding.
    const groups = this.hasAttentionMaskInput ? [batch.map((_, index) => index)] : groupByLength(batch);
    for (const group of groups) {
      if (options.signal?.aborted) {
        throw new LacunaCoreError({ code: 'ABORTED', message: 'The forward pass was aborted.', cause: options.signal.reason });
      }
      const rows = await this.runGroup(group.map((index) => batch[index] as PredictionRequest));
      group.forEach((index, member) => {
        results[index] = rows[member] as PredictionRows;
      });
    }
    return results;
  }

  private async runGroup(requests: readonly PredictionRequest[]): Promise<PredictionRows[]> {
    const vocabularySize = this.vocabularySize;
    const length = Math.max(...requests.map((request) => request.inputIds.length));
    const batchSize = requests.length;
    const inputIds = new BigInt64Array(batchSize * length).fill(BigInt(this.spec.padTokenId));
    const attentionMask = new BigInt64Array(batchSize * length);
    requests.forEach((request, row) => {
      if (request.inputIds.length > this.maxLength) {
        throw new LacunaCoreError({
          code: 'PROMPT_TOO_LONG',
          message: `A sequence of ${request.inputIds.length} tokens exceeds the model's maximum length of ${this.maxLength}.`,
          canvasIndex: row,
        });
      }
      for (let position = 0; position < request.inputIds.length; position++) {
        inputIds[row * length + position] = BigInt(request.inputIds[position] as number);
        attentionMask[row * length + position] = 1n;
      }
    });
    // The rows the model has to compute: for shifted models, output i - 1 predicts position i.
    const modelRows = requests.map((request) =>
      request.positions.map((position) => {
        if (!Number.isInteger(position) || position < 0 || position >= request.inputIds.length) {
          throw new LacunaCoreError({
            code: 'INVALID_CANVAS',
            message: `Logits were asked for position ${position} of a ${request.inputIds.length}-token sequence.`,
            position,
          });
        }
        return this.spec.shiftedLogits ? Math.max(position - 1, 0) : position;
      }),
    );
    const feeds: Record<string, ort.Tensor> = {
      [this.spec.inputs.inputIds]: new ort.Tensor('int64', inputIds, [batchSize, length]),
    };
    if (this.hasAttentionMaskInput) {
      feeds[this.spec.inputs.attentionMask as string] = new ort.Tensor('int64', attentionMask, [batchSize, length]);
    }
    const rowsPerSequence = Math.max(1, ...modelRows.map((rows) => rows.length));
    if (this.hasPositionsInput) {
      const positions = new BigInt64Array(batchSize * rowsPerSequence);
      modelRows.forEach((rows, row) => rows.forEach((position, index) => (positions[row * rowsPerSequence + index] = BigInt(position))));
      feeds[this.spec.inputs.positions as string] = new ort.Tensor('int64', positions, [batchSize, rowsPerSequence]);
    }
    const { logits: logitsName, argmax: argmaxName, logSumExp: logSumExpName } = this.spec.outputs;
    // Row reductions computed in the graph are only worth reading when the graph computed exactly our rows.
    const readSummary = this.hasPositionsInput && argmaxName !== undefined && logSumExpName !== undefined;
    let output: ort.Tensor;
    let argmaxOutput: BigInt64Array | undefined;
    let logSumExpOutput: Float32Array | undefined;
    try {
      const names = readSummary ? [logitsName, argmaxName, logSumExpName] : [logitsName];
      const outputs = await this.session.run(feeds, names);
      output = outputs[logitsName] as ort.Tensor;
      if (readSummary) {
        argmaxOutput = (outputs[argmaxName] as ort.Tensor).data as BigInt64Array;
        logSumExpOutput = (outputs[logSumExpName] as ort.Tensor).data as Float32Array;
      }
    } catch (cause) {
      throw new LacunaCoreError({
        code: 'PREDICTOR_FAILED',
        message: `The ONNX forward pass failed: ${(cause as Error).message}`,
        cause,
      });
    }
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
