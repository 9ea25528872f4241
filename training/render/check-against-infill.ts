/**
 * Checks the renderer against inference on real corpus examples and the real tokenizer: infill runs with a
 * scripted model that has read the teacher-forced canvases (it finds the canvas it is shown among them and
 * puts all its weight on the targets), and every forward pass must show one of those canvases, round after
 * round (every decision round among them), infill must end on the last value round's canvas, and its value
 * must be the example's answer.
 *
 *   npx tsx training/render/check-against-infill.ts [--corpus training/data/corpus.test_templates.jsonl]
 *       [--tokenizer training/data/tokenizer] [--count 100] [--max-length 512] [--vocabulary-size 4096]
 *       [--value-tokens canonical | as-in-prompt]   (as render-dataset.ts cuts values)
 *       [--string-values plain | spaced]            (as render-dataset.ts writes string values)
 */
import { parseArgs } from 'node:util';
import type { PredictionRequest, PredictionRows, Predictor } from '@lacuna/core';
import { deepEqual } from '../../packages/infill/src/schema/json-value.js';
import { infill, LacunaInfillError, renderTrainingCanvases, type DecisionCanvas, type ValueCanvas } from '../../packages/infill/src/index.js';
import { readTokenizerFiles } from '../tokenizer/load-tokenizer.js';
import { exampleConversation } from './example-conversation.js';
import { MemoTokenizer } from './memo-tokenizer.js';
import { readCorpus } from './read-corpus.js';
import { parseStringValues, parseValueTokens, renderingModel } from './render-dataset.js';

type Expected = DecisionCanvas | ValueCanvas;

/** Equal everywhere but at target positions, which the canvas being filled may still hold masked. */
function shows(ids: ArrayLike<number>, canvas: Expected, maskTokenId: number): boolean {
  if (ids.length !== canvas.inputIds.length) return false;
  for (let position = 0; position < ids.length; position++) {
    const token = ids[position] as number;
    if (token !== canvas.inputIds[position] && !(token === maskTokenId && canvas.roles[position] === 2)) return false;
  }
  return true;
}

function scriptedPredictor(expected: readonly Expected[], maskTokenId: number, vocabularySize: number, maxLength: number): { predictor: Predictor; seen: number[] } {
  const seen: number[] = [];
  const predictor: Predictor = {
    vocabularySize,
    maxLength,
    async predict(batch: readonly PredictionRequest[]): Promise<PredictionRows[]> {
      return batch.map((request) => {
        const index = expected.findIndex((canvas) => shows(request.inputIds, canvas, maskTokenId));
        seen.push(index);
        const data = new Float32Array(request.positions.length * vocabularySize);
        const canvas = expected[index];
        if (canvas !== undefined) request.positions.forEach((position, row) => (data[row * vocabularySize + (canvas.inputIds[position] as number)] = 20));
        return { data, rows: request.positions.length, vocabularySize };
      });
    },
  };
  return { predictor, seen };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: 'training/data/corpus.test_templates.jsonl' },
      tokenizer: { type: 'string', default: 'training/data/tokenizer' },
      count: { type: 'string', default: '100' },
      'max-length': { type: 'string', default: '512' },
      'vocabulary-size': { type: 'string', default: '4096' },
      'value-tokens': { type: 'string', default: 'canonical' },
      'string-values': { type: 'string', default: 'plain' },
    },
  });
  const valueTokens = parseValueTokens(values['value-tokens']);
  const { tokenizerJson, tokenizerConfig } = readTokenizerFiles(values.tokenizer);
  const model = renderingModel(new MemoTokenizer(tokenizerJson, tokenizerConfig), Number(values['vocabulary-size']), Number(values['max-length']), parseStringValues(values['string-values']));
  const { maskTokenId, vocabularySize, maxLength } = model.spec;
  const failures: string[] = [];
  let checked = 0;
  let rounds = 0;
  for await (const example of readCorpus(values.corpus, { limit: Number(values.count) })) {
    const conversation = exampleConversation(example);
    const options = { schema: conversation.schema as Record<string, unknown>, prompt: conversation.messages };
    let canvases: ReturnType<typeof renderTrainingCanvases>;
    try {
      canvases = renderTrainingCanvases({ ...options, model, value: conversation.value, valueHoles: 'masked', validate: false, valueTokens });
    } catch (error) {
      if (error instanceof LacunaInfillError) continue; // skipped by the renderer as well
      throw error;
    }
    const expected: Expected[] = [...canvases.decisions, ...canvases.values];
    const { predictor, seen } = scriptedPredictor(expected, maskTokenId, vocabularySize, maxLength);
    const result = await infill({ ...options, model: { ...model, predictor } });
    checked++;
    rounds += expected.length;
    const inOrder = seen.every((index, at) => index >= 0 && (at === 0 || index >= (seen[at - 1] as number)));
    // A value round may pass without a forward pass (only forced tokens left: a pad after a value that
    // filled its budget exactly); every decision round asks the model.
    const everyRound = canvases.decisions.every((_, index) => seen.includes(index));
    const sameEnd = JSON.stringify(result.canvas?.toArray()) === JSON.stringify(canvases.values.at(-1)?.inputIds);
    if (!inOrder || !everyRound || !sameEnd || !deepEqual(result.value, conversation.value)) {
      failures.push(`${example.id}: rounds seen ${seen.join(',')} of ${expected.length}; same last canvas ${sameEnd}; value ${result.text}`);
    }
  }
  console.log(`${checked} examples of ${values.corpus}, ${rounds} canvases: infill laid out ${checked - failures.length} exactly as rendered`);
  if (failures.length > 0) {
    console.error(failures.slice(0, 10).join('\n'));
    process.exit(1);
  }
}

await main();
