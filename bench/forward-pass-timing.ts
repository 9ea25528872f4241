import type { DiffusionModel, PredictionRequest } from '@lacuna/core';
import { median } from './table.js';

const CANVAS_LENGTH = 256;
/** Masked positions at the end of the canvas, whose rows a timed pass asks for. */
export const MASKED_ROWS = 48;
const BLOCKS = 5;
const PASSES_PER_BLOCK = 23;
const UNTIMED_PER_BLOCK = 3;
/** Timed forward passes per model. */
export const TIMED_PASSES = BLOCKS * (PASSES_PER_BLOCK - UNTIMED_PER_BLOCK);

/**
 * The canvas the model card's speed row times: `text` repeated to fill 256 tokens, the last 48 masked and their
 * rows asked for.
 */
export function forwardPassCanvas(model: DiffusionModel, text: string): PredictionRequest {
  const tokens = model.tokenizer.encode(text.repeat(20)).slice(0, CANVAS_LENGTH);
  const firstMasked = CANVAS_LENGTH - MASKED_ROWS;
  return {
    inputIds: Int32Array.from(tokens, (token, index) => (index >= firstMasked ? model.spec.maskTokenId : token)),
    positions: Array.from({ length: MASKED_ROWS }, (_, index) => firstMasked + index),
  };
}

/**
 * The canvas a denoising step of a chat runs: `text` repeated as the user's message, cut so that with the
 * generation prompt (`<|assistant|>`) it is 208 tokens, then 48 masked answer tokens, their rows asked for. A
 * model with a prompt cache encodes the prompt at its first pass and then runs the answer alone.
 */
export function chatForwardPassCanvas(model: DiffusionModel, text: string): PredictionRequest {
  const promptLength = CANVAS_LENGTH - MASKED_ROWS;
  const generationPrompt = model.tokenizer.encode(model.tokenizer.applyChatTemplate([], { addGenerationPrompt: true }));
  const message = model.tokenizer.encode(model.tokenizer.applyChatTemplate([{ role: 'user', content: text.repeat(20) }]));
  const prompt = [...message.slice(0, promptLength - generationPrompt.length), ...generationPrompt];
  return {
    inputIds: [...prompt, ...Array<number>(MASKED_ROWS).fill(model.spec.maskTokenId)],
    positions: Array.from({ length: MASKED_ROWS }, (_, index) => promptLength + index),
  };
}

/** A model and the request whose forward pass is timed on it. */
export interface TimedForwardPass {
  readonly model: DiffusionModel;
  readonly request: PredictionRequest;
}

/**
 * Median milliseconds of each entry's forward pass. The entries take turns in blocks, so that a machine that
 * speeds up or slows down during the measurement touches all alike (a virtual machine's pace drifts by more
 * than the differences measured); the first passes of a block are not timed, because the previous model's
 * onnxruntime thread pool is still spinning then (and a prompt cache encodes its prompt then).
 */
export async function forwardPassMedians(entries: readonly TimedForwardPass[]): Promise<number[]> {
  const times = entries.map((): number[] => []);
  for (let block = 0; block < BLOCKS; block++) {
    for (const [index, { model, request }] of entries.entries()) {
      for (let pass = 0; pass < PASSES_PER_BLOCK; pass++) {
        const started = performance.now();
        await model.predictor.predict([request]);
        if (pass >= UNTIMED_PER_BLOCK) times[index]?.push(performance.now() - started);
      }
    }
  }
  return times.map((values) => median(values));
}
