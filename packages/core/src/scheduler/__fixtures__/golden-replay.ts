/**
 * Loading the reference goldens (written by scripts/parity/make_goldens.py) and replaying them through a
 * `Predictor`, so that Lacuna's denoising loop can be run on exactly the logits the reference code saw.
 */
import { readFileSync } from 'node:fs';
import { Canvas } from '../../canvas/canvas.js';
import { denoiseSteps, type DenoiseResult } from '../../pipeline/denoise.js';
import type { PredictionRequest, PredictionRows, Predictor } from '../../predictor/predictor.js';
import type { TransferSchedule } from '../transfer-schedule.js';
import type { UnmaskingStrategy } from '../unmasking-strategy.js';

/** One forward pass of the reference: the ids the fake model saw and the logits (times `logitScale`) it returned. */
export interface GoldenPass {
  readonly inputIds: readonly number[];
  /** Rows for the generated region only: row `i` is position `promptIds.length + i`. */
  readonly logits: readonly (readonly number[])[];
  /** Block the pass belongs to. */
  readonly block: number;
}

export interface GoldenConfig {
  readonly name: string;
  readonly reference: string;
  readonly seed: number;
  readonly promptIds: readonly number[];
  readonly genLength: number;
  readonly steps: number;
  readonly blockLength: number;
  readonly temperature: number;
  readonly remasking: string;
  readonly threshold?: number;
  /** `get_num_transfer_tokens` of each block, as the reference computed it. */
  readonly transferCounts: readonly (readonly number[])[];
  readonly forwardPasses: number;
  readonly passes: readonly GoldenPass[];
  /** The whole sequence after each forward pass's commits. */
  readonly canvases: readonly (readonly number[])[];
  readonly final: readonly number[];
}

export interface GoldenFile {
  readonly vocabularySize: number;
  readonly maskTokenId: number;
  readonly logitScale: number;
  readonly source: { readonly repository: string; readonly file: string; readonly sha256: string };
  readonly configs: readonly GoldenConfig[];
}

export function loadGolden(fileName: 'llada-golden.json' | 'fastdllm-golden.json'): GoldenFile {
  return JSON.parse(readFileSync(new URL(`./${fileName}`, import.meta.url), 'utf8')) as GoldenFile;
}

/** How many tokens the reference committed at each of its forward passes, read off the canvases. */
export function goldenCommitsPerPass(config: GoldenConfig): number[] {
  return config.passes.map((pass, index) => {
    const after = config.canvases[index] as readonly number[];
    return pass.inputIds.filter((token, position) => token !== after[position]).length;
  });
}

/** Positions (ascending) and tokens the reference committed at a forward pass. */
export function goldenCommitsAt(config: GoldenConfig, passIndex: number): { position: number; token: number }[] {
  const before = (config.passes[passIndex] as GoldenPass).inputIds;
  const after = config.canvases[passIndex] as readonly number[];
  const commits: { position: number; token: number }[] = [];
  before.forEach((token, position) => {
    if (token !== after[position]) commits.push({ position, token: after[position] as number });
  });
  return commits;
}

/**
 * A predictor that answers the i-th call with the logits of golden pass `passOrder[i]`, for exactly the
 * positions asked. It records the ids it was given, so a test can check that Lacuna fed the model the same
 * canvas as the reference did at every pass. It fails loudly when asked for more passes than were recorded
 * or for a position outside the generated region.
 */
export class GoldenReplayPredictor implements Predictor {
  readonly vocabularySize: number;
  readonly maxLength: number;
  readonly seenInputIds: number[][] = [];
  readonly seenPositions: number[][] = [];
  private calls = 0;

  constructor(
    private readonly golden: GoldenFile,
    private readonly config: GoldenConfig,
    private readonly passOrder: readonly number[],
  ) {
    this.vocabularySize = golden.vocabularySize;
    this.maxLength = config.promptIds.length + config.genLength;
  }

  get callCount(): number {
    return this.calls;
  }

  predict(batch: readonly PredictionRequest[]): Promise<PredictionRows[]> {
    if (batch.length !== 1) throw new Error(`the replay serves one sequence per pass, got ${batch.length}`);
    const request = batch[0] as PredictionRequest;
    const passIndex = this.passOrder[this.calls];
    if (passIndex === undefined) throw new Error(`forward pass ${this.calls + 1} was not recorded by the reference`);
    this.calls++;
    const pass = this.config.passes[passIndex] as GoldenPass;
    this.seenInputIds.push(Array.from(request.inputIds));
    this.seenPositions.push([...request.positions]);
    const promptLength = this.config.promptIds.length;
    const data = new Float32Array(request.positions.length * this.vocabularySize);
    request.positions.forEach((position, row) => {
      const scaled = pass.logits[position - promptLength];
      if (position < promptLength || scaled === undefined) throw new Error(`position ${position} is outside the generated region`);
      // Multiples of 1/64 are exact in float32, so these are the very logits the reference saw.
      scaled.forEach((value, token) => (data[row * this.vocabularySize + token] = value / this.golden.logitScale));
    });
    return Promise.resolve([{ data, rows: request.positions.length, vocabularySize: this.vocabularySize }]);
  }
}

export interface ReplayedStep {
  readonly canvas: number[];
  readonly committed: { position: number; token: number }[];
  readonly block: number;
}

/**
 * Runs Lacuna's loop on a golden configuration, the predictor answering with the reference's passes in
 * `passOrder`, and records the canvas after every step.
 */
export async function replayGolden(
  golden: GoldenFile,
  config: GoldenConfig,
  options: { passOrder: readonly number[]; strategy: UnmaskingStrategy; schedule?: TransferSchedule },
) {
  const predictor = new GoldenReplayPredictor(golden, config, options.passOrder);
  const canvas = Canvas.fromPrompt({ promptIds: config.promptIds, generationLength: config.genLength, maskTokenId: golden.maskTokenId });
  const steps: ReplayedStep[] = [];
  const run = denoiseSteps(predictor, [canvas], {
    steps: config.steps,
    blockLength: config.blockLength,
    strategy: options.strategy,
    sampling: { temperature: 0 },
    ...(options.schedule === undefined ? {} : { schedule: options.schedule }),
  });
  let result: DenoiseResult;
  for (;;) {
    const next = await run.next();
    if (next.done) {
      result = next.value;
      break;
    }
    steps.push({
      canvas: canvas.toArray(),
      committed: next.value.committed.map(({ position, token }) => ({ position, token })).sort((a, b) => a.position - b.position),
      block: next.value.block,
    });
  }
  return { canvas, steps, result, predictor };
}
