import { EventEmitter } from 'eventemitter3';
import { Canvas } from '../canvas/canvas.js';
import { LacunaCoreError } from '../errors/lacuna-core-error.js';
import type { DiffusionModel } from '../model/load-model.js';
import type { ChatMessage } from '../tokenizer/text-tokenizer.js';
import { denoiseSteps, type DenoiseOptions, type DenoiseResult, type DenoiseStepEvent } from './denoise.js';
import { renderCanvasText } from './render-canvas-text.js';

export interface GenerateOptions extends Omit<DenoiseOptions, 'steps'> {
  /** A plain prompt, or chat messages rendered with the model's chat template. */
  readonly prompt: string | readonly ChatMessage[];
  /** Masked positions after the prompt. */
  readonly generationLength: number;
  /** Denoising steps (default: generationLength, one token per step). */
  readonly steps?: number;
}

/** A step event of a generation: the denoising event plus the text so far. */
export interface GenerationStepEvent extends DenoiseStepEvent {
  /** The generated region as it stands, masks shown as ░. */
  readonly text: string;
}

export interface GenerationResult {
  /** The generated text, cut at the first stop token, special tokens removed. */
  readonly text: string;
  /** Generated token ids up to (excluding) the first stop token. */
  readonly tokenIds: readonly number[];
  readonly promptTokenIds: readonly number[];
  readonly canvas: Canvas;
  readonly steps: number;
  readonly forwardPasses: number;
  readonly elapsedMs: number;
}

export interface PipelineEvents {
  step: [event: GenerationStepEvent];
  finish: [result: GenerationResult];
}

/**
 * The loop around a model: builds the canvas from a prompt, denoises it with a strategy and reports every
 * step. Listen with `on('step', ...)`, or iterate `stream()`.
 */
export class DiffusionPipeline extends EventEmitter<PipelineEvents> {
  readonly model: DiffusionModel;

  constructor(model: DiffusionModel) {
    super();
    this.model = model;
  }

  /** Token ids of a prompt: chat messages go through the chat template. */
  encodePrompt(prompt: string | readonly ChatMessage[]): number[] {
    const text = typeof prompt === 'string' ? prompt : this.model.tokenizer.applyChatTemplate(prompt, { addGenerationPrompt: true });
    return this.model.tokenizer.encode(text);
  }

  async generate(options: GenerateOptions): Promise<GenerationResult> {
    const stream = this.stream(options);
    for await (const _event of stream) {
      // Events reach listeners through `stream`.
    }
    return stream.result;
  }

  /** Step events as an async iterable; `result` resolves when the generation ends. */
  stream(options: GenerateOptions): AsyncIterable<GenerationStepEvent> & { readonly result: Promise<GenerationResult> } {
    let resolveResult!: (result: GenerationResult) => void;
    let rejectResult!: (error: unknown) => void;
    const result = new Promise<GenerationResult>((resolve, reject) => {
      resolveResult = resolve;
      rejectResult = reject;
    });
    // Callers that only iterate must not get an unhandled rejection from the promise they never read.
    result.catch(() => undefined);
    const pipeline = this;
    let settled = false;
    async function* run(): AsyncGenerator<GenerationStepEvent> {
      try {
        const { spec, tokenizer, predictor } = pipeline.model;
        const promptTokenIds = pipeline.encodePrompt(options.prompt);
        const total = promptTokenIds.length + options.generationLength;
        if (total > spec.maxLength) {
          throw new LacunaCoreError({
            code: 'PROMPT_TOO_LONG',
            message: `The prompt (${promptTokenIds.length} tokens) plus generationLength (${options.generationLength}) is ${total} tokens, more than the model's maximum of ${spec.maxLength}. Shorten the prompt or the generation.`,
            position: spec.maxLength,
          });
        }
        const canvas = Canvas.fromPrompt({ promptIds: promptTokenIds, generationLength: options.generationLength, maskTokenId: spec.maskTokenId });
        const stopTokenIds = options.stopTokenIds ?? [spec.eosTokenId, ...(spec.endOfTurnTokenId === undefined ? [] : [spec.endOfTurnTokenId])];
        const steps = denoiseSteps(predictor, [canvas], {
          ...options,
          steps: options.steps ?? options.generationLength,
          stopTokenIds,
          fillTokenId: options.fillTokenId ?? spec.eosTokenId,
        });
        let outcome: DenoiseResult;
        for (;;) {
          const next = await steps.next();
          if (next.done) {
            outcome = next.value;
            break;
          }
          const event: GenerationStepEvent = { ...next.value, text: renderCanvasText(tokenizer, canvas, { from: promptTokenIds.length }) };
          pipeline.emit('step', event);
          yield event;
        }
        const generated = canvas.toArray().slice(promptTokenIds.length);
        const stops = new Set(stopTokenIds);
        const end = generated.findIndex((token) => stops.has(token));
        const tokenIds = end < 0 ? generated : generated.slice(0, end);
        const final: GenerationResult = {
          text: tokenizer.decode(tokenIds, { skipSpecialTokens: true }),
          tokenIds,
          promptTokenIds,
          canvas,
          steps: outcome.steps[0] ?? 0,
          forwardPasses: outcome.forwardPasses[0] ?? 0,
          elapsedMs: outcome.elapsedMs,
        };
        pipeline.emit('finish', final);
        settled = true;
        resolveResult(final);
      } catch (error) {
        settled = true;
        rejectResult(error);
        throw error;
      } finally {
        // The consumer left the loop early (break, return): the generation stops, and says so.
        if (!settled) {
          rejectResult(new LacunaCoreError({ code: 'ABORTED', message: 'The stream was closed before the generation finished.' }));
        }
      }
    }
    const iterable = run();
    return { [Symbol.asyncIterator]: () => iterable, result };
  }
}
