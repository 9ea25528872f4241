/**
 * The default model's ONNX files side by side: float32 (`model.onnx`) against the int8 variant
 * (`loadModel(folder, { variant: 'int8' })`), on one and two threads, over the model card's speed canvas
 * (forward-pass-timing.ts), the two files taking turns in blocks. Also: how often the two files agree on each
 * row's most likely token (the `argmax` output the default model computes in its graph).
 */
import { loadModel, type PredictionRows } from '@lacuna/core';
import { modelPath } from '@lacuna/model-default';
import { forwardPassCanvas, forwardPassMedians, MASKED_ROWS, TIMED_PASSES } from './forward-pass-timing.js';
import { printTable } from './table.js';

const REQUEST = 'Book a table for four at The Green Door at 19:30 tomorrow and convert 250 USD to EUR, please. ';

async function mostLikelyTokens(rows: Promise<PredictionRows[]>): Promise<Int32Array> {
  const argmax = (await rows)[0]?.argmax;
  if (argmax === undefined) throw new Error('the default model returns an argmax output for the rows asked for');
  return argmax;
}

export async function benchModelVariants(): Promise<void> {
  const rows: string[][] = [];
  for (const threads of [1, 2]) {
    const float32 = await loadModel(modelPath, { intraOpThreads: threads });
    const int8 = await loadModel(modelPath, { intraOpThreads: threads, variant: 'int8' });
    try {
      const canvas = forwardPassCanvas(float32, REQUEST);
      const [float32Ms = Number.NaN, int8Ms = Number.NaN] = await forwardPassMedians([
        { model: float32, request: canvas },
        { model: int8, request: canvas },
      ]);
      const float32Best = await mostLikelyTokens(float32.predictor.predict([canvas]));
      const int8Best = await mostLikelyTokens(int8.predictor.predict([canvas]));
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
    `Default model: float32 against its int8 variant, forward pass over a 256-token canvas (${MASKED_ROWS} rows asked for), median of ${TIMED_PASSES}`,
    ['threads', 'float32', 'int8', 'int8 / float32', 'rows whose most likely token agrees'],
    rows,
  );
}
