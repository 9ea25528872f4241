import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Predictor } from '../predictor/predictor.js';

/** One case of a model folder's `reference-logits.json`: PyTorch's logits for a batch (training/export_onnx.py). */
interface ReferenceCase {
  readonly name: string;
  readonly inputIds: number[][];
  readonly positions: number[][];
  readonly attentionMask: number[][];
  readonly logits: number[][][];
}

/**
 * Runs each case of a model folder's `reference-logits.json` through a predictor and returns, per case, the
 * largest absolute difference from PyTorch's logits, and whether every sequence returned exactly the rows it
 * asked for. Padded tokens are dropped: the predictor pads sequences of unequal length itself.
 */
export async function compareWithReferenceLogits(
  predictor: Predictor,
  folder: string,
): Promise<{ readonly name: string; readonly largestDifference: number; readonly rowsAsAsked: boolean }[]> {
  const reference = JSON.parse(await readFile(join(folder, 'reference-logits.json'), 'utf8')) as { cases: ReferenceCase[] };
  const results = [];
  for (const testCase of reference.cases) {
    const requests = testCase.inputIds.map((ids, row) => ({
      inputIds: ids.filter((_, position) => testCase.attentionMask[row]?.[position] === 1),
      positions: testCase.positions[row] ?? [],
    }));
    const rows = await predictor.predict(requests);
    let largestDifference = 0;
    rows.forEach((prediction, sequence) => {
      testCase.logits[sequence]?.forEach((expectedRow, row) => {
        expectedRow.forEach((expected, token) => {
          const actual = prediction.data[row * prediction.vocabularySize + token] as number;
          largestDifference = Math.max(largestDifference, Math.abs(actual - expected));
        });
      });
    });
    const rowsAsAsked = rows.every((prediction, sequence) => prediction.rows === requests[sequence]?.positions.length);
    results.push({ name: testCase.name, largestDifference, rowsAsAsked });
  }
  return results;
}
