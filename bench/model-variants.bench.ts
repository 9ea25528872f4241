/**
 * The default model's ONNX files side by side: float32 (`model.onnx`) against the int8 variant
 * (`loadModel(folder, { variant: 'int8' })`), on one and two threads. Each forward pass is over a 256-token
 * canvas of a held-out-style request with its last 48 positions masked and their rows asked for, as the model
 * card's speed row, the two files taking turns in blocks (forward-pass-timing.ts). Also: how often the two
 * files agree on each row's most likely token.
 */
import { loadModel, type DiffusionModel, type PredictionRequest, type PredictionRows } from '@lacuna/core';
import { modelPath } from '@lacuna/model-default';
import { forwardPassMedians, TIMED_PASSES } from './forward-pass-timing.js';
import { printTable } from './table.js';

const CANVAS_LENGTH = 256;
const MASKED_ROWS = 48;

function canvasOf(model: DiffusionModel): PredictionRequest {
  const request = 'Book a table for four at The Green Door at 19:30 tomorrow and convert 250 USD to EUR, please. ';
  const tokens = model.tokenizer.encode(model.tokenizer.applyChatTemplate([{ role: 'user', content: request.repeat(12) }])).slice(0, CANVAS_LENGTH);
  const firstMasked = CANVAS_LENGTH - MASKED_ROWS;
  return {
    inputIds: Int32Array.from(tokens, (token, index) => (index >= firstMasked ? model.spec.maskTokenId : token)),
    positions: Array.from({ length: MASKED_ROWS }, (_, index) => firstMasked + index),
  };
}

function argmaxRows(rows: PredictionRows | undefined): number[] {
  if (rows === undefined) return [];
  return Array.from({ length: rows.rows }, (_, row) => {
    const logits = rows.data.subarray(row * rows.vocabularySize, (row + 1) * rows.vocabularySize);
    let best = 0;
    for (let token = 1; token < logits.length; token++) if ((logits[token] as number) > (logits[best] as number)) best = token;
    return best;
  });
}

export async function benchModelVariants(): Promise<void> {
  const rows: string[][] = [];
  for (const threads of [1, 2]) {
    const float32 = await loadModel(modelPath, { intraOpThreads: threads });
    const int8 = await loadModel(modelPath, { intraOpThreads: threads, variant: 'int8' });
    try {
      const canvas = canvasOf(float32);
      const [float32Ms = Number.NaN, int8Ms = Number.NaN] = await forwardPassMedians([float32, int8], canvas);
      const float32Best = argmaxRows((await float32.predictor.predict([canvas]))[0]);
      const int8Best = argmaxRows((await int8.predictor.predict([canvas]))[0]);
      const agreeing = float32Best.filter((token, row) => token === int8Best[row]).length;
      rows.push([
        String(threads),
        `${float32Ms.toFixed(2)} ms`,
        `${int8Ms.toFixed(2)} ms`,
        (int8Ms / float32Ms).toFixed(2),
        `${agreeing}/${MASKED_ROWS}`,
      ]);
    } finally {
      await float32.dispose();
      await int8.dispose();
    }
  }
  printTable(
    `Default model: float32 against its int8 variant, forward pass over a ${CANVAS_LENGTH}-token canvas (${MASKED_ROWS} rows asked for), median of ${TIMED_PASSES}`,
    ['threads', 'float32', 'int8', 'int8 / float32', 'rows whose most likely token agrees'],
    rows,
  );
}
