// Runs a model folder's model.onnx with ONNX Runtime (the engine the SDK
// uses) and compares it with the PyTorch logits in reference-logits.json.
//
//   node training/check_onnx_parity.mjs <model folder>
//
// Also checks what the reference cases cannot: the manifest's hash and names
// match the files, other shapes run, asking for a subset of positions gives
// the same logits as asking for all of them, and padding is invisible to the
// real tokens; for a model with a prompt cache, that a prompt encoded once and
// then run with its answers gives the logits of one pass over both. Exits
// non-zero on any failure.
//
// A training run's folder (training/runs/NAME) has no manifest yet: there the
// standard file and tensor names are assumed, and the vocabulary size, maximum
// length and pad id come from reference-logits.json.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ort from 'onnxruntime-node';

const CONSISTENCY_TOLERANCE = 1e-5;

async function main() {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: node training/check_onnx_parity.mjs <model folder>');
    process.exit(2);
  }
  const readJson = (name) => JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8'));
  const reference = readJson('reference-logits.json');
  const hasManifest = fs.existsSync(path.join(folder, 'lacuna-model.json'));
  const onnxBytes = fs.readFileSync(path.join(folder, hasManifest ? readJson('lacuna-model.json').onnx : 'model.onnx'));
  // One thread: the model is tiny and the machine may be busy with other work.
  const session = await ort.InferenceSession.create(onnxBytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  const manifest = hasManifest ? readJson('lacuna-model.json') : trainingRunManifest(reference, session.inputNames);
  const failures = [];
  const check = (condition, message) => {
    if (!condition) failures.push(message);
  };

  const onnxSha256 = createHash('sha256').update(onnxBytes).digest('hex');
  if (manifest.sha256) check(onnxSha256 === manifest.sha256[manifest.onnx], `model.onnx sha256 is ${onnxSha256}, manifest says ${manifest.sha256[manifest.onnx]}`);

  const cache = manifest.promptCache;
  const expectedInputs = [manifest.inputs.inputIds, manifest.inputs.positions, manifest.inputs.attentionMask, ...Object.values(cache?.inputs ?? {})];
  check(
    JSON.stringify([...session.inputNames].sort()) === JSON.stringify([...expectedInputs].sort()),
    `ONNX inputs ${session.inputNames}, manifest names ${expectedInputs}`,
  );
  check(session.outputNames.includes(manifest.outputs.logits), `ONNX outputs ${session.outputNames} lack ${manifest.outputs.logits}`);

  const tensor = (rows) => new ort.Tensor('int64', BigInt64Array.from(rows.flat(), BigInt), [rows.length, rows[0].length]);
  // Without a past, a model with a prompt cache takes one of length 0.
  const emptyPast = (batch) => {
    const feeds = {};
    for (const [field, name] of Object.entries(cache?.inputs ?? {})) {
      const shape = session.inputMetadata.find((metadata) => metadata.name === name).shape.map((size) =>
        typeof size === 'number' ? size : 0,
      );
      shape[field === 'pastKeys' || field === 'pastValues' ? 1 : 0] = batch;
      feeds[name] = field === 'pastIds' || field === 'pastAttentionMask' ? new ort.Tensor('int64', new BigInt64Array(0), shape) : new ort.Tensor('float32', new Float32Array(0), shape);
    }
    return feeds;
  };
  const runWithPast = async (inputIds, positions, attentionMask, past) =>
    session.run({
      [manifest.inputs.inputIds]: tensor(inputIds),
      [manifest.inputs.positions]: tensor(positions),
      [manifest.inputs.attentionMask]: tensor(attentionMask),
      ...past,
    });
  const run = async (inputIds, positions, attentionMask) =>
    (await runWithPast(inputIds, positions, attentionMask, emptyPast(inputIds.length)))[manifest.outputs.logits];

  let parityDifference = 0;
  for (const testCase of reference.cases) {
    const logits = await run(testCase.inputIds, testCase.positions, testCase.attentionMask);
    const expectedShape = [testCase.inputIds.length, testCase.positions[0].length, manifest.vocabularySize];
    check(JSON.stringify(logits.dims) === JSON.stringify(expectedShape), `${testCase.name}: logits shape ${logits.dims}, expected ${expectedShape}`);
    const caseDifference = maxAbsoluteDifference(logits.data, testCase.logits.flat(2));
    console.log(`${testCase.name}: max |onnx - pytorch| = ${caseDifference.toExponential(3)}`);
    parityDifference = Math.max(parityDifference, caseDifference);
  }
  check(parityDifference < reference.tolerance, `ONNX Runtime differs from PyTorch by ${parityDifference}, tolerance ${reference.tolerance}`);

  // A shape no reference case uses, at the maximum length, with every
  // position requested; then a subset of those positions must give the same rows.
  const batch = 3;
  const length = manifest.maxLength;
  const inputIds = Array.from({ length: batch }, (_, row) =>
    Array.from({ length }, (_, column) => (row * 7919 + column * 104729) % manifest.vocabularySize),
  );
  const ones = inputIds.map((row) => row.map(() => 1));
  const allPositions = inputIds.map((row) => row.map((_, column) => column));
  const everyLogit = await run(inputIds, allPositions, ones);
  check(JSON.stringify(everyLogit.dims) === JSON.stringify([batch, length, manifest.vocabularySize]), `all-positions shape ${everyLogit.dims}`);
  const someRows = [[0, 17], [length - 1, 3], [100, 100]];
  const someLogits = await run(inputIds, someRows, ones);
  const vocabulary = manifest.vocabularySize;
  const gathered = someRows.flatMap((rows, sequence) =>
    rows.flatMap((row) => Array.from(everyLogit.data.subarray((sequence * length + row) * vocabulary, (sequence * length + row + 1) * vocabulary))),
  );
  const gatherDifference = maxAbsoluteDifference(someLogits.data, gathered);
  check(gatherDifference < CONSISTENCY_TOLERANCE, `a subset of positions differs from all positions by ${gatherDifference}`);

  // Padding must not reach the real tokens: 40 tokens plus 20 of padding give
  // the same logits as the 40 tokens alone.
  const realTokens = inputIds[0].slice(0, 40);
  const padded = [...realTokens, ...Array(20).fill(manifest.padTokenId)];
  const paddedMask = [...Array(40).fill(1), ...Array(20).fill(0)];
  const wanted = [[0, 13, 39]];
  const withPadding = await run([padded], wanted, [paddedMask]);
  const withoutPadding = await run([realTokens], wanted, [Array(40).fill(1)]);
  const paddingDifference = maxAbsoluteDifference(withPadding.data, withoutPadding.data);
  check(paddingDifference < CONSISTENCY_TOLERANCE, `padding changes real tokens' logits by ${paddingDifference}`);

  let cacheDifference;
  if (cache !== undefined) {
    // Two prompts of 30 and 22 tokens, each ending with the answer-start token, with answers of 12 tokens, some
    // masked. Encoded together (the shorter padded), then the answers run with that past: the logits of one
    // pass over each whole sequence.
    const start = cache.answerStartTokenId;
    const prompts = [30, 22].map((promptLength, row) => [...inputIds[row].slice(0, promptLength - 1).map((id) => (id === start ? id + 1 : id)), start]);
    const answers = [0, 1].map((row) => inputIds[row].slice(200, 212).map((id, index) => (index % 3 === 0 ? manifest.maskTokenId : id === start ? id + 1 : id)));
    const wantedRows = [[0, 3, 11], [1, 6, 9]];
    const paddedPrompts = prompts.map((prompt) => [...prompt, ...Array(30 - prompt.length).fill(manifest.padTokenId)]);
    const promptMask = prompts.map((prompt) => [...prompt.map(() => 1), ...Array(30 - prompt.length).fill(0)]);
    const encoded = await runWithPast(paddedPrompts, [[0], [0]], promptMask, emptyPast(2));
    const past = {
      [cache.inputs.pastKeys]: encoded[cache.outputs.presentKeys],
      [cache.inputs.pastValues]: encoded[cache.outputs.presentValues],
      [cache.inputs.pastStates]: encoded[cache.outputs.presentStates],
      [cache.inputs.pastIds]: tensor(paddedPrompts),
      [cache.inputs.pastAttentionMask]: tensor(promptMask),
    };
    const cached = (await runWithPast(answers, wantedRows, answers.map((answer) => answer.map(() => 1)), past))[manifest.outputs.logits];
    const whole = [];
    for (const row of [0, 1]) {
      const sequence = [...prompts[row], ...answers[row]];
      const logits = await run([sequence], [wantedRows[row].map((index) => prompts[row].length + index)], [sequence.map(() => 1)]);
      whole.push(...logits.data);
    }
    cacheDifference = maxAbsoluteDifference(cached.data, whole);
    // The parity tolerance, not the consistency one: attention sums the past's keys and the answer's in
    // another order than one pass does, and log-probabilities near the -69 floor keep float32's ~1e-5.
    check(cacheDifference < reference.tolerance, `a cached prompt's answers differ from whole sequences by ${cacheDifference}`);
  }

  console.log(`max |onnx - pytorch| over all reference cases: ${parityDifference.toExponential(3)} (tolerance ${reference.tolerance})`);
  console.log(`subset vs all positions: ${gatherDifference.toExponential(3)}; padded vs unpadded: ${paddingDifference.toExponential(3)}`);
  if (cacheDifference !== undefined) console.log(`prompt cache vs whole sequences: ${cacheDifference.toExponential(3)}`);
  if (failures.length > 0) {
    console.error(`ONNX check failed:\n${failures.join('\n')}`);
    process.exit(1);
  }
  console.log('ONNX check passed');
}

function trainingRunManifest(reference, inputNames) {
  for (const field of ['vocabularySize', 'maxLength', 'padTokenId']) {
    if (!Number.isInteger(reference[field])) throw new Error(`no lacuna-model.json, and reference-logits.json lacks ${field}`);
  }
  return {
    onnx: 'model.onnx',
    vocabularySize: reference.vocabularySize,
    maxLength: reference.maxLength,
    padTokenId: reference.padTokenId,
    maskTokenId: reference.maskTokenId,
    inputs: { inputIds: 'input_ids', positions: 'positions', attentionMask: 'attention_mask' },
    outputs: { logits: 'logits' },
    ...(inputNames.includes('past_keys') ? { promptCache: standardPromptCache(reference) } : {}),
  };
}

/** The names export_onnx.py gives a prompt cache's inputs and outputs. */
function standardPromptCache(reference) {
  if (!Number.isInteger(reference.answerStartTokenId)) throw new Error('the ONNX file takes a past, and reference-logits.json lacks answerStartTokenId');
  return {
    answerStartTokenId: reference.answerStartTokenId,
    inputs: { pastKeys: 'past_keys', pastValues: 'past_values', pastStates: 'past_states', pastIds: 'past_ids', pastAttentionMask: 'past_attention_mask' },
    outputs: { presentKeys: 'present_keys', presentValues: 'present_values', presentStates: 'present_states' },
  };
}

function maxAbsoluteDifference(actual, expected) {
  if (actual.length !== expected.length) return Infinity;
  let largest = 0;
  for (let index = 0; index < actual.length; index++) {
    const difference = Math.abs(actual[index] - expected[index]);
    // NaN must fail, and NaN compares false with everything.
    if (!(difference <= largest)) largest = Number.isNaN(difference) ? Infinity : difference;
  }
  return largest;
}

await main();
