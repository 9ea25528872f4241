import type { Canvas, CanvasView } from '../canvas/canvas.js';
import { LacunaCoreError } from '../errors/lacuna-core-error.js';
import type { PredictionRequest, PredictionRows, Predictor } from '../predictor/predictor.js';
import { applyClassifierFreeGuidance } from '../sampling/classifier-free-guidance.js';
import { createRandomSource, type RandomSource } from '../sampling/random-source.js';
import type { SamplingOptions } from '../sampling/sample-tokens.js';
import { planBlocks, type BlockPlan } from '../scheduler/block-plan.js';
import { denoisingStep, type RemaskingOptions, type TokenChange } from '../scheduler/denoising-step.js';
import { lowConfidence } from '../scheduler/strategies/low-confidence.js';
import { evenSchedule, type TransferSchedule } from '../scheduler/transfer-schedule.js';
import type { UnmaskingStrategy } from '../scheduler/unmasking-strategy.js';

export interface DenoiseOptions {
  /**
   * Denoising steps per canvas for fixed-step strategies, split evenly over the blocks. Dynamic strategies
   * (thresholds) run each block until it has no mask left and take as many steps as that needs.
   */
  readonly steps: number;
  /** Semi-autoregressive block length; defaults to one block spanning everything after the first mask. */
  readonly blockLength?: number;
  /** Which masked positions to commit each step (default: LLaDA's low-confidence rule). */
  readonly strategy?: UnmaskingStrategy;
  /** How many tokens fixed-step strategies commit per step (default: LLaDA's even split). */
  readonly schedule?: TransferSchedule;
  readonly sampling?: SamplingOptions;
  /** Classifier-free guidance scale (LLaDA's form); 0 (default) disables it and its second forward batch. */
  readonly cfgScale?: number;
  readonly remasking?: RemaskingOptions;
  /** Seed for temperature sampling and random orders; the same seed reproduces a run. */
  readonly seed?: number;
  readonly random?: RandomSource;
  /**
   * Tokens that end a generation. When a completed block holds nothing else, the masks after it are filled
   * with `fillTokenId` without further forward passes.
   */
  readonly stopTokenIds?: readonly number[];
  readonly fillTokenId?: number;
  readonly signal?: AbortSignal;
  /** Milliseconds before the run fails with a TIMEOUT error (checked between steps). */
  readonly timeoutMs?: number;
}

/** One step of one canvas. */
export interface DenoiseStepEvent {
  readonly canvasIndex: number;
  /** 0-based step of this canvas. */
  readonly step: number;
  readonly block: number;
  readonly committed: readonly TokenChange[];
  readonly remasked: readonly TokenChange[];
  readonly maskedRemaining: number;
  /** Forward passes this canvas has taken part in so far. */
  readonly forwardPasses: number;
  /** True when the block ended early because it held only stop tokens, and the rest was filled. */
  readonly stoppedEarly: boolean;
  readonly canvas: CanvasView;
}

export interface DenoiseResult {
  readonly canvases: readonly Canvas[];
  /** Steps each canvas took. */
  readonly steps: readonly number[];
  /** Forward passes each canvas took part in. */
  readonly forwardPasses: readonly number[];
  /** Predictor calls for the whole batch. */
  readonly batchForwardPasses: number;
  readonly elapsedMs: number;
}

interface CanvasRun {
  readonly canvas: Canvas;
  readonly index: number;
  readonly plan: BlockPlan;
  block: number;
  stepInBlock: number;
  maskedAtBlockStart: number;
  steps: number;
  forwardPasses: number;
  done: boolean;
  readonly remaskCounts: Map<number, number>;
  /** Fixed positions masked in the unconditional input of classifier-free guidance. */
  readonly fixedPositions: readonly number[];
}

/**
 * Denoises the canvases in place, all in one forward pass per step, yielding an event per canvas per step.
 * The canvas is the whole state: plain generation, infill and repair are all this loop.
 */
export async function* denoiseSteps(
  predictor: Predictor,
  canvases: readonly Canvas[],
  options: DenoiseOptions,
): AsyncGenerator<DenoiseStepEvent, DenoiseResult> {
  const started = performance.now();
  const strategy = options.strategy ?? lowConfidence();
  const schedule = options.schedule ?? evenSchedule();
  const random = options.random ?? createRandomSource(options.seed);
  const cfgScale = options.cfgScale ?? 0;
  const deadline = options.timeoutMs === undefined ? Infinity : started + options.timeoutMs;
  const stopTokens = new Set(options.stopTokenIds ?? []);
  checkOptions(options, canvases, predictor);

  const runs: CanvasRun[] = canvases.map((canvas, index) => {
    const plan = planBlocks(canvas, {
      steps: options.steps,
      canvasIndex: index,
      ...(options.blockLength === undefined ? {} : { blockLength: options.blockLength }),
    });
    const fixedPositions: number[] = [];
    if (cfgScale > 0) for (let position = 0; position < canvas.length; position++) if (canvas.stateAt(position) === 'fixed') fixedPositions.push(position);
    return {
      canvas,
      index,
      plan,
      block: 0,
      stepInBlock: 0,
      maskedAtBlockStart: plan.starts.length === 0 ? 0 : canvas.countMasked(0, blockEnd(plan, 0)),
      steps: 0,
      forwardPasses: 0,
      done: plan.starts.length === 0,
      remaskCounts: new Map(),
      fixedPositions,
    };
  });
  let batchForwardPasses = 0;

  while (runs.some((run) => !run.done)) {
    throwIfStopped(options.signal, deadline);
    const stepping: { run: CanvasRun; positions: number[]; isLastStep: boolean }[] = [];
    const earlyStops: DenoiseStepEvent[] = [];
    for (const run of runs) {
      if (run.done) continue;
      const prepared = prepareStep(run, strategy, schedule, options, stopTokens, earlyStops);
      if (prepared !== undefined) stepping.push({ run, ...prepared });
    }
    for (const event of earlyStops) yield event;
    if (stepping.length === 0) continue;

    const requests: PredictionRequest[] = stepping.map(({ run, positions }) => ({ inputIds: run.canvas.inputIds(), positions }));
    if (cfgScale > 0) {
      for (const { run, positions } of stepping) {
        const unconditional = run.canvas.inputIds();
        for (const position of run.fixedPositions) unconditional[position] = run.canvas.maskTokenId;
        requests.push({ inputIds: unconditional, positions });
      }
    }
    let rows: PredictionRows[];
    try {
      rows = await predictor.predict(requests, options.signal === undefined ? {} : { signal: options.signal });
    } catch (error) {
      if (LacunaCoreError.isInstance(error)) throw error;
      throw new LacunaCoreError({ code: 'PREDICTOR_FAILED', message: `The predictor failed: ${(error as Error).message}`, cause: error });
    }
    batchForwardPasses++;
    throwIfStopped(options.signal, deadline);

    for (const [member, { run, positions, isLastStep }] of stepping.entries()) {
      let logits = rows[member] as PredictionRows;
      if (cfgScale > 0) logits = applyClassifierFreeGuidance(logits, rows[stepping.length + member] as PredictionRows, cfgScale);
      const end = blockEnd(run.plan, run.block);
      const decision = denoisingStep({
        canvas: run.canvas,
        rows: logits,
        positions,
        strategy,
        schedule,
        scheduleState: {
          step: run.stepInBlock,
          steps: run.plan.stepsPerBlock,
          maskedAtStart: run.maskedAtBlockStart,
          maskedNow: run.canvas.countMasked(0, end),
        },
        isLastStep,
        random,
        remaskCounts: run.remaskCounts,
        canvasIndex: run.index,
        ...(options.sampling === undefined ? {} : { sampling: options.sampling }),
        ...(options.remasking === undefined ? {} : { remasking: options.remasking }),
      });
      for (const change of decision.committed) run.canvas.commit(change.position, change.token, change.confidence, run.steps);
      for (const change of decision.remasked) {
        run.canvas.mask(change.position);
        run.remaskCounts.set(change.position, (run.remaskCounts.get(change.position) ?? 0) + 1);
      }
      run.forwardPasses++;
      const event: DenoiseStepEvent = {
        canvasIndex: run.index,
        step: run.steps,
        block: run.block,
        committed: decision.committed,
        remasked: decision.remasked,
        maskedRemaining: run.canvas.countMasked(),
        forwardPasses: run.forwardPasses,
        stoppedEarly: false,
        canvas: run.canvas,
      };
      run.steps++;
      run.stepInBlock++;
      yield event;
    }
  }
  return {
    canvases,
    steps: runs.map((run) => run.steps),
    forwardPasses: runs.map((run) => run.forwardPasses),
    batchForwardPasses,
    elapsedMs: performance.now() - started,
  };
}

/** Consumes `denoiseSteps`, calling `onStep` for every event. */
export async function denoise(
  predictor: Predictor,
  canvases: readonly Canvas[],
  options: DenoiseOptions & { onStep?: (event: DenoiseStepEvent) => void },
): Promise<DenoiseResult> {
  const steps = denoiseSteps(predictor, canvases, options);
  for (;;) {
    const next = await steps.next();
    if (next.done) return next.value;
    options.onStep?.(next.value);
  }
}

function blockEnd(plan: BlockPlan, block: number): number {
  return (plan.starts[block] as number) + plan.blockLength;
}

/**
 * Moves a run to the block that still has work, handles early stops, and returns the positions the next
 * forward pass must predict; undefined when the run needs no forward pass now.
 */
function prepareStep(
  run: CanvasRun,
  strategy: UnmaskingStrategy,
  schedule: TransferSchedule,
  options: DenoiseOptions,
  stopTokens: ReadonlySet<number>,
  earlyStops: DenoiseStepEvent[],
): { positions: number[]; isLastStep: boolean } | undefined {
  const { canvas, plan } = run;
  for (;;) {
    const start = plan.starts[run.block] as number;
    const end = blockEnd(plan, run.block);
    const masked = canvas.maskedPositions(0, end);
    const outOfSteps = !strategy.dynamic && run.stepInBlock >= plan.stepsPerBlock;
    if (masked.length > 0 && !outOfSteps) {
      const isLastStep = !strategy.dynamic && run.stepInBlock === plan.stepsPerBlock - 1;
      const maskedNow = masked.length;
      if (!strategy.dynamic && !isLastStep && options.remasking === undefined) {
        const budget = schedule.budget({ step: run.stepInBlock, steps: plan.stepsPerBlock, maskedAtStart: run.maskedAtBlockStart, maskedNow });
        if (budget <= 0) {
          // Nothing planned for this step: skip it rather than spend a forward pass that commits nothing.
          run.stepInBlock++;
          continue;
        }
      }
      const positions = options.remasking === undefined ? masked : [...masked, ...canvas.committedPositions(start, end)];
      return { positions, isLastStep };
    }
    // The block is finished.
    const finishedBlock = run.block;
    run.block++;
    run.stepInBlock = 0;
    if (run.block >= plan.starts.length) {
      run.done = true;
      return undefined;
    }
    if (stopTokens.size > 0 && blockHoldsOnlyStopTokens(canvas, start, end, stopTokens)) {
      const fill = options.fillTokenId ?? (stopTokens.values().next().value as number);
      const filled = canvas.maskedPositions(end).map((position) => ({ position, token: fill, confidence: 1 }));
      for (const change of filled) canvas.commit(change.position, change.token, change.confidence, run.steps);
      run.done = true;
      earlyStops.push({
        canvasIndex: run.index,
        step: run.steps,
        block: finishedBlock,
        committed: filled,
        remasked: [],
        maskedRemaining: canvas.countMasked(),
        forwardPasses: run.forwardPasses,
        stoppedEarly: true,
        canvas,
      });
      return undefined;
    }
    run.maskedAtBlockStart = canvas.countMasked(0, blockEnd(plan, run.block));
  }
}

function blockHoldsOnlyStopTokens(canvas: CanvasView, start: number, end: number, stopTokens: ReadonlySet<number>): boolean {
  for (let position = start; position < end; position++) {
    if (canvas.stateAt(position) === 'fixed' || !stopTokens.has(canvas.tokenAt(position))) return false;
  }
  return true;
}

function checkOptions(options: DenoiseOptions, canvases: readonly Canvas[], predictor: Predictor): void {
  if (options.sampling?.temperature !== undefined && !(options.sampling.temperature >= 0)) {
    throw new LacunaCoreError({ code: 'INVALID_OPTIONS', message: `temperature must be >= 0, got ${options.sampling.temperature}.` });
  }
  if (options.sampling?.topP !== undefined && !(options.sampling.topP > 0 && options.sampling.topP <= 1)) {
    throw new LacunaCoreError({ code: 'INVALID_OPTIONS', message: `topP must lie in (0, 1], got ${options.sampling.topP}.` });
  }
  if (options.sampling?.topK !== undefined && !(Number.isInteger(options.sampling.topK) && options.sampling.topK >= 0)) {
    throw new LacunaCoreError({ code: 'INVALID_OPTIONS', message: `topK must be a non-negative integer, got ${options.sampling.topK}.` });
  }
  if (options.cfgScale !== undefined && !(options.cfgScale >= 0)) {
    throw new LacunaCoreError({ code: 'INVALID_OPTIONS', message: `cfgScale must be >= 0, got ${options.cfgScale}.` });
  }
  canvases.forEach((canvas, canvasIndex) => {
    if (canvas.length > predictor.maxLength) {
      throw new LacunaCoreError({
        code: 'PROMPT_TOO_LONG',
        message: `Canvas ${canvasIndex} has ${canvas.length} positions but the model reads at most ${predictor.maxLength}. Shorten the prompt or the generation length.`,
        canvasIndex,
        position: predictor.maxLength,
      });
    }
  });
}

function throwIfStopped(signal: AbortSignal | undefined, deadline: number): void {
  if (signal?.aborted) {
    throw new LacunaCoreError({ code: 'ABORTED', message: 'Denoising was aborted by its AbortSignal.', cause: signal.reason });
  }
  if (performance.now() > deadline) {
    throw new LacunaCoreError({ code: 'TIMEOUT', message: 'Denoising ran past its timeoutMs; raise timeoutMs or lower steps.' });
  }
}
