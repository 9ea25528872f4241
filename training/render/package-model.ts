/**
 * Packages a training run as a Lacuna model folder, then proves the folder works the way the SDK uses it:
 * `loadModel` (manifest, checksum, tokenizer against vocabulary) and one agent plan filled by infill.
 *
 *   npx tsx training/render/package-model.ts --run training/runs/default --tokenizer training/data/tokenizer \
 *       --out models/default/model [--dataset training/data/dataset/train] [--lexicon training/data/dataset/lexicon.txt]
 *
 * The folder is written next to --out and renamed into place once complete, so a folder with a
 * lacuna-model.json is a whole one. Run `node training/check_onnx_parity.mjs OUT` for the ONNX check.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadModel } from '@lacuna/core';
import { infill } from '../../packages/infill/src/index.js';
import { planSchema } from '../../packages/agent/src/planning/plan-schema.js';
import { renderAgentMessages } from '../../packages/agent/src/prompt/agent-messages.js';
import { readCorpus } from './read-corpus.js';

const SPECIAL_TOKENS = { maskTokenId: '<|mask|>', eosTokenId: '<|eos|>', padTokenId: '<|pad|>', endOfTurnTokenId: '<|end|>' } as const;

interface RunFacts {
  readonly settings: Record<string, unknown>;
  readonly vocabularySize: number;
  readonly maxLength: number;
  readonly answerStartTokenId: number | undefined;
  readonly lastEval: Record<string, unknown> | undefined;
  readonly lastTrain: Record<string, unknown> | undefined;
}

function readRun(run: string): RunFacts {
  const readJson = (name: string) => JSON.parse(readFileSync(join(run, name), 'utf8')) as Record<string, unknown>;
  // train.py's export writes the model's vocabulary and context into the reference logits of a run folder.
  const reference = readJson('reference-logits.json');
  const records = existsSync(join(run, 'metrics.jsonl'))
    ? readFileSync(join(run, 'metrics.jsonl'), 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>)
    : [];
  return {
    settings: readJson('settings.json'),
    vocabularySize: reference.vocabularySize as number,
    maxLength: reference.maxLength as number,
    // Written by train.py's export for a model with prefix attention, whose graph then takes a prompt cache.
    answerStartTokenId: reference.answerStartTokenId as number | undefined,
    lastEval: records.filter((record) => record.kind === 'eval').at(-1),
    lastTrain: records.filter((record) => record.kind === 'train').at(-1),
  };
}

function specialTokenIds(tokenizerFolder: string): Record<keyof typeof SPECIAL_TOKENS, number> {
  const tokenizer = JSON.parse(readFileSync(join(tokenizerFolder, 'tokenizer.json'), 'utf8')) as { added_tokens: { id: number; content: string }[] };
  const idOf = (text: string): number => {
    const token = tokenizer.added_tokens.find((added) => added.content === text);
    if (token === undefined) throw new Error(`${tokenizerFolder}/tokenizer.json has no ${text} token`);
    return token.id;
  };
  return Object.fromEntries(Object.entries(SPECIAL_TOKENS).map(([field, text]) => [field, idOf(text)])) as Record<keyof typeof SPECIAL_TOKENS, number>;
}

/** Whether the tokenizer makes every space a token of its own (train_tokenizer.mjs --isolate-spaces). */
function isolatesSpaces(tokenizerFolder: string): boolean {
  const tokenizer = JSON.parse(readFileSync(join(tokenizerFolder, 'tokenizer.json'), 'utf8')) as { pre_tokenizer?: { pretokenizers?: { type: string; pattern?: { Regex?: string } }[] } };
  return (tokenizer.pre_tokenizer?.pretokenizers ?? []).some((step) => step.type === 'Split' && step.pattern?.Regex === ' ');
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function modelCard(
  name: string,
  facts: RunFacts,
  onnxBytes: number,
  onnxSha256: string,
  int8: { bytes: number; sha256: string } | undefined,
  ids: Record<string, number>,
  spacesIsolated: boolean,
  dataset: Record<string, unknown> | undefined,
  lexiconWords: number | undefined,
  lossCurve: string,
  command: string,
): string {
  const setting = (key: string) => String(facts.settings[key]);
  const steps = Math.max(Number(facts.lastTrain?.step ?? 0), Number(facts.lastEval?.step ?? 0)).toLocaleString('en');
  const results = facts.lastEval?.results as Record<string, Record<string, { accuracy: number; loss: number }>> | undefined;
  const describe = (mode: string) =>
    Object.entries(results?.[mode] ?? {})
      .map(([t, result]) => `${(100 * result.accuracy).toFixed(1)}% (loss ${result.loss.toFixed(3)}) at t = ${t}`)
      .join(', ');
  const evalLine =
    results?.holes === undefined
      ? 'no evaluation was recorded'
      : `step ${String(facts.lastEval?.step)} on held-out ${basename(setting('eval_data'))}, masked-token accuracy and cross-entropy:
  holes masked ${describe('holes')}; whole answer masked ${describe('answer')} (pads count)${
    results?.decisions === undefined ? '' : `; decision tokens (which tool, how many calls, whether an optional argument is there) with every hole masked ${(100 * (results.decisions['1']?.accuracy ?? 0)).toFixed(1)}%`
  }${
    results?.normalised === undefined ? '' : `; tokens of values the request does not state verbatim (written, not copied; pads left out) with every hole masked ${(100 * (results.normalised['1']?.accuracy ?? 0)).toFixed(1)}%`
  }${
    results?.frontier === undefined ? '' : `; each hole's next token after a written prefix (what infill commits) ${(100 * (results.frontier['written prefix']?.accuracy ?? 0)).toFixed(1)}%`
  }. Last training loss (the
  1/t-weighted objective): ${Number(facts.lastTrain?.loss).toFixed(3)}`;
  return `# ${name}

Lacuna's default model: a masked diffusion language model trained from scratch on the semantic corpus
(training/corpus) rendered through the SDK's own prompt format and infill canvases (training/render), for
agent planning (tool choice, arguments, answers) and schema extraction.

## Model

- Mask predictor: bidirectional pre-LayerNorm Transformer with rotary positions (\`training/model.py\`):
  d_model ${setting('d_model')}, ${setting('layers')} layers, ${setting('heads')} heads, max length ${facts.maxLength}, vocabulary ${facts.vocabularySize}.${
    facts.settings.copy_head === true
      ? `
  With a copy head (pointer-generator): each output row mixes the vocabulary distribution with an attention over
  the input's unmasked tokens, by a learned gate; \`logits\` are the mixture's log-probabilities.${
    facts.settings.copy_normalised === true ? ' The pointer scores the cosine of its query and key times a learned scale below 32 (QK-norm).' : ''
  }`
      : ''
  }${
    facts.settings.prefix_attention === true
      ? `
  Prefix attention: the prompt's rows attend to the prompt only (up to the last \`<|assistant|>\`), the answer's
  rows to everything; in training, the canvases of an example shared one row, the prompt once.`
      : ''
  }
- Trained by \`training/train.py\`: ${steps} steps in a budget of ${setting('minutes')} minutes, peak learning rate ${setting('learning_rate')},
  ${setting('tokens_per_batch')} tokens per batch, hole-only masking for ${setting('hole_only_probability')} of the sequences${
    Number(facts.settings.suffix_probability ?? 0) === 0 ? '' : ` (${setting('suffix_probability')} of those as infill fills holes: a written prefix, the rest masked)`
  }${
    Number(facts.settings.decision_weight ?? 1) === 1 ? '' : `, decision tokens weighted ${setting('decision_weight')} in the loss`
  }${
    Number(facts.settings.normalised_weight ?? 1) === 1 ? '' : `, tokens of values the request does not state verbatim weighted ${setting('normalised_weight')}`
  }${
    Number(facts.settings.decision_view_probability ?? 0) === 0
      ? ''
      : `, and ${setting('decision_view_probability')} of the hole-only sequences with a decision hole masked as infill's decision rounds show them (every hole masked)`
  }.
- Last evaluation: ${evalLine}.
- Data: ${dataset === undefined ? 'see the run settings' : `${Number(dataset.sequences).toLocaleString('en')} sequences, ${Number(dataset.tokens).toLocaleString('en')} tokens (the canvases of infill's decision and value rounds)`}.
- \`model.onnx\`: ${onnxBytes.toLocaleString('en')} bytes, float32, sha256 \`${onnxSha256}\`. Inputs \`input_ids\`, \`positions\`,
  \`attention_mask\`; outputs \`logits\` for the requested positions and each row's \`argmax\` and \`log_sum_exp\`.${
    facts.answerStartTokenId === undefined
      ? ''
      : `
  With a prompt cache (\`promptCache\` in lacuna-model.json): the graph also takes an encoded prompt as its past and
  returns its own tokens' encoding, so the SDK encodes a prompt once and runs each denoising step over the answer
  alone, with the same logits (\`training/export_onnx.py\`; \`promptCacheSize: 0\` in \`loadModel\` turns it off).`
  }${
    int8 === undefined
      ? ''
      : `
- \`model.int8.onnx\`: ${int8.bytes.toLocaleString('en')} bytes, sha256 \`${int8.sha256}\`, the same graph with its matrix products on int8
  weights (\`training/quantize_onnx.py\`, 7 bits per output column, activations quantised as they come), for faster CPU
  inference: \`loadModel(folder, { variant: 'int8' })\`. Not held to the 1e-4 check, which is float32's.`
  }

## Tokenizer

Byte-level BPE with ${facts.vocabularySize} tokens trained on the corpus's messages and answers (training/tokenizer). Every ASCII
digit is its own token${spacesIsolated ? ', and so is every space: a word is the same tokens wherever it stands, at the start of a copied value as in the request' : ''}. Special tokens: \`<|pad|>\` ${ids.padTokenId}, \`<|eos|>\` ${ids.eosTokenId}, \`<|mask|>\` ${ids.maskTokenId}, \`<|end|>\` ${ids.endOfTurnTokenId};
the role tokens \`<|system|>\`, \`<|user|>\`, \`<|assistant|>\`, \`<|tool|>\` follow. The chat template writes each message as
\`<|role|>content<|end|>\` and the generation prompt as \`<|assistant|>\`.${
    dataset?.spacedStringValues === true
      ? ` Trained on canvases that write each string value after one space, which is no part of the value, so that its first
word is cut as in the request (\`spacedStringValues\` in \`lacuna-model.json\`, docs/models.md).`
      : ''
  }${
    lexiconWords === undefined
      ? ''
      : `

\`lexicon.txt\` lists the ${lexiconWords.toLocaleString('en')} words its training data has it write most often (answers, string arguments,
extraction values; \`training/render/write-lexicon.ts\`). With infill's \`words: 'known'\`, the agent's default for a model
with a lexicon, its free text spells only these and the words of its canvas (docs/models.md).`
  }

![Training and held-out loss](${lossCurve})

## How it was made

From the repository root, on a clean checkout:

\`\`\`sh
${command}
\`\`\`

The script's stages (corpus, tokenizer, dataset, training, export, this folder) are described in
\`training/README.md\`. The run is budgeted in minutes, so the number of steps depends on the machine; pass
\`TRAIN_FLAGS="--steps N"\` to repeat a run step for step. \`reference-logits.json\` holds PyTorch logits for
\`node training/check_onnx_parity.mjs\`, which loading this folder in the SDK matches within 1e-4.
`;
}

/** Loads the folder as the SDK does, each ONNX variant too, and fills one agent plan for a held-out request. */
async function checkFolder(folder: string, corpus: string | undefined): Promise<void> {
  const config = JSON.parse(readFileSync(join(folder, 'lacuna-model.json'), 'utf8')) as { onnxVariants?: Record<string, string> };
  for (const variant of [undefined, ...Object.keys(config.onnxVariants ?? {})]) await checkVariant(folder, variant, corpus);
}

async function checkVariant(folder: string, variant: string | undefined, corpus: string | undefined): Promise<void> {
  const started = performance.now();
  const model = await loadModel(folder, variant === undefined ? {} : { variant });
  try {
    console.log(`loadModel(${folder}${variant === undefined ? '' : `, { variant: '${variant}' }`}): ${model.spec.name}, vocabulary ${model.spec.vocabularySize}, max length ${model.spec.maxLength}, in ${(performance.now() - started).toFixed(0)} ms`);
    if (corpus === undefined || !existsSync(corpus)) return;
    for await (const example of readCorpus(corpus, { limit: 50 })) {
      if (example.kind !== 'tool_call') continue;
      const fillStarted = performance.now();
      const result = await infill({
        model,
        schema: planSchema(example.tools) as Record<string, unknown>,
        prompt: renderAgentMessages({ tools: example.tools, turns: [{ role: 'user', content: example.request }] }),
      });
      console.log(`infill of a plan for "${example.request}" (${(performance.now() - fillStarted).toFixed(0)} ms, ${result.forwardPasses} forward passes):`);
      console.log(`  model:    ${result.text}`);
      console.log(`  expected: ${JSON.stringify(example.calls)}`);
      return;
    }
  } finally {
    await model.dispose();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      run: { type: 'string', default: 'training/runs/default' },
      tokenizer: { type: 'string', default: 'training/data/tokenizer' },
      out: { type: 'string', default: 'models/default/model' },
      dataset: { type: 'string' },
      // The words the model learnt to write (write-lexicon.ts), for infill's words: 'known'.
      lexicon: { type: 'string' },
      name: { type: 'string', default: 'lacuna-default' },
      // Held-out requests for the check: a plan filled by the packaged model.
      'check-corpus': { type: 'string', default: 'training/data/corpus.test_templates.jsonl' },
      'check-only': { type: 'boolean', default: false },
      // The command that made the run, as the card should show it.
      command: { type: 'string', default: 'bash training/make_default_model.sh' },
    },
  });
  if (!values['check-only']) {
    const facts = readRun(values.run);
    const ids = specialTokenIds(values.tokenizer);
    const partial = `${values.out}.partial`;
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true });
    // train.py draws an SVG where matplotlib is missing (training/loss_curve.py).
    const lossCurve = existsSync(join(values.run, 'loss-curve.png')) ? 'loss-curve.png' : 'loss-curve.svg';
    for (const [from, name] of [
      [join(values.run, 'model.onnx'), 'model.onnx'],
      [join(values.run, 'reference-logits.json'), 'reference-logits.json'],
      [join(values.tokenizer, 'tokenizer.json'), 'tokenizer.json'],
      [join(values.tokenizer, 'tokenizer_config.json'), 'tokenizer_config.json'],
      [join(values.run, lossCurve), lossCurve],
    ] as const) {
      copyFileSync(from, join(partial, name));
    }
    const onnxSha256 = sha256(join(partial, 'model.onnx'));
    // make_default_model.sh writes the run's int8 copy (training/quantize_onnx.py) after the export.
    const int8Source = join(values.run, 'model.int8.onnx');
    let int8: { bytes: number; sha256: string } | undefined;
    if (existsSync(int8Source)) {
      copyFileSync(int8Source, join(partial, 'model.int8.onnx'));
      int8 = { bytes: readFileSync(int8Source).length, sha256: sha256(join(partial, 'model.int8.onnx')) };
    }
    if (values.lexicon !== undefined) copyFileSync(values.lexicon, join(partial, 'lexicon.txt'));
    const lexiconWords = values.lexicon === undefined ? undefined : readFileSync(values.lexicon, 'utf8').split('\n').filter((line) => line !== '').length;
    const dataset = values.dataset === undefined ? undefined : (JSON.parse(readFileSync(join(values.dataset, 'dataset.json'), 'utf8')) as Record<string, unknown>);
    const manifest = {
      format: 'lacuna-model/1',
      name: values.name,
      onnx: 'model.onnx',
      ...(int8 === undefined ? {} : { onnxVariants: { int8: 'model.int8.onnx' } }),
      tokenizer: 'tokenizer.json',
      tokenizerConfig: 'tokenizer_config.json',
      ...(values.lexicon === undefined ? {} : { lexicon: 'lexicon.txt' }),
      vocabularySize: facts.vocabularySize,
      maxLength: facts.maxLength,
      ...ids,
      shiftedLogits: false,
      // The canvases it was trained on wrote string values after a space (render-dataset.ts --string-values).
      ...(dataset?.spacedStringValues === true ? { spacedStringValues: true } : {}),
      inputs: { inputIds: 'input_ids', positions: 'positions', attentionMask: 'attention_mask' },
      outputs: { logits: 'logits', argmax: 'argmax', logSumExp: 'log_sum_exp' },
      ...(facts.answerStartTokenId === undefined
        ? {}
        : {
            promptCache: {
              answerStartTokenId: facts.answerStartTokenId,
              inputs: { pastKeys: 'past_keys', pastValues: 'past_values', pastStates: 'past_states', pastIds: 'past_ids', pastAttentionMask: 'past_attention_mask' },
              outputs: { presentKeys: 'present_keys', presentValues: 'present_values', presentStates: 'present_states' },
            },
          }),
      sha256: {
        'model.onnx': onnxSha256,
        ...(int8 === undefined ? {} : { 'model.int8.onnx': int8.sha256 }),
        ...(values.lexicon === undefined ? {} : { 'lexicon.txt': sha256(join(partial, 'lexicon.txt')) }),
      },
    };
    writeFileSync(join(partial, 'lacuna-model.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const onnxBytes = readFileSync(join(partial, 'model.onnx')).length;
    writeFileSync(join(partial, 'README.md'), modelCard(values.name, facts, onnxBytes, onnxSha256, int8, ids, isolatesSpaces(values.tokenizer), dataset, lexiconWords, lossCurve, values.command));
    rmSync(values.out, { recursive: true, force: true });
    renameSync(partial, values.out);
    console.log(`wrote ${values.out}: model.onnx ${onnxBytes.toLocaleString('en')} bytes, sha256 ${onnxSha256}`);
  }
  await checkFolder(values.out, values['check-corpus']);
}

await main();
