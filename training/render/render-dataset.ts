/**
 * Renders a semantic corpus into the pre-tokenised training data `train.py` reads (`lacuna-dataset/1`,
 * training/README.md): each example as the SDK meets it (`exampleConversation`: the agent's prompt format and
 * plan schema, or an extraction schema), laid out by infill itself (`renderTrainingCanvases`): one sequence per
 * round of structural decisions (call count, tools, optional arguments), which infill makes before any value
 * exists, and one per round of value filling (one, unless a value is longer than its hole's first budget).
 *
 *   npx tsx training/render/render-dataset.ts --corpus training/data/corpus.jsonl \
 *       --tokenizer training/data/tokenizer --out training/data/dataset
 *
 * Writes OUT/train from the corpus and OUT/<split> from each held-out file beside it
 * (corpus.test_entities.jsonl -> OUT/test_entities). Options:
 *   --limit N              render only the first N training examples (held-out files are rendered whole)
 *   --max-length 512       the model's context; longer examples are skipped and counted
 *   --decision-share 1     the share of decision-round canvases kept (chosen by a hash of the example id)
 *   --decision-repeats branch=2.5,count=0.25
 *                          how many times a decision canvas is written, by the kind of its decision holes (count,
 *                          branch: which tool or answer, presence; the largest of a round's kinds counts): a
 *                          fraction is a copy more for that share of canvases (by hash), 0.25 keeps a quarter.
 *                          The trainer reads a fixed share of the data in its time budget, so this moves that
 *                          share between the decisions and the values
 *   --decision-values filled | masked
 *                          how value holes appear on decision canvases: `filled` (default) holds the values as
 *                          targets (roles 0-2, what train.py reads); `masked` writes the mask token with role 3,
 *                          exactly as inference shows them, for a trainer that supports that role
 *   --value-layout rounds | serialised
 *                          `rounds` (default): the value rounds as inference lays them out (a long value fills
 *                          its first budget without a pad, then its grown hole); `serialised`: one final canvas
 *                          in renderTrainingCanvas's layout (every value plus one pad), which tells the model
 *                          each value's length through its hole's length
 *   --value-tokens canonical | as-in-prompt
 *                          how a value's tokens are cut: `canonical` (default) as the tokenizer cuts the value;
 *                          `as-in-prompt`: a value the conversation states keeps the tokens it has there (the
 *                          first without its space), so that copying it is token for token (infill's
 *                          `valueTokens`)
 *   --string-values plain | spaced
 *                          `spaced`: each string value is written after one space that is no part of it, so its
 *                          first word is cut as the request cuts it (` Golden`, not `G` `old` `en`); the model
 *                          package then says `spacedStringValues` and infill lays out canvases that way
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ModelSpec, Predictor, TextTokenizer } from '@lacuna/core';
import { LacunaInfillError, renderTrainingCanvases, type DecisionCanvas, type DecisionValueHoles, type HoleKind, type InfillModel } from '../../packages/infill/src/index.js';
import type { Example } from '../corpus/example-types.js';
import { readTokenizerFiles } from '../tokenizer/load-tokenizer.js';
import { DatasetWriter } from './dataset-writer.js';
import { exampleConversation } from './example-conversation.js';
import { MemoTokenizer } from './memo-tokenizer.js';
import { readCorpus } from './read-corpus.js';
import { RenderSummary } from './render-summary.js';
import { orderBranchesByTool, SchemaCache } from './schema-cache.js';

/** Canvases of the first examples of every file are also rendered from the schema as given, and compared. */
const ORDER_CHECKS = 200;

/**
 * lacuna-dataset/1's role for the tokens of a decision hole (training/README.md): a hole, which train.py may
 * weight apart (--decision-weight). Infill's canvases call them role 2 and mark them in `decisionMask`.
 */
const DECISION_ROLE = 4;

/**
 * lacuna-dataset/1's role for the tokens of a value hole whose value the request does not state verbatim (a
 * currency code from "Canadian dollars", 15:30 from "half past three", a ticker from a company's name), pads
 * included: the model must write it from its vocabulary rather than copy it, and train.py may weight such
 * tokens apart (--normalised-weight). The corpus lists these values in each example's `normalised`.
 */
const NORMALISED_ROLE = 5;

/** The default model's special tokens: the ids train_tokenizer.mjs gives them. */
const SPECIAL_TOKENS = { padTokenId: '<|pad|>', eosTokenId: '<|eos|>', maskTokenId: '<|mask|>', endOfTurnTokenId: '<|end|>' } as const;

export interface RenderSettings {
  readonly maxLength: number;
  readonly decisionShare: number;
  /** Copies of a decision canvas by the kind of its decision holes (missing kinds: 1). */
  readonly decisionRepeats: Readonly<Partial<Record<DecisionKind, number>>>;
  readonly decisionValues: DecisionValueHoles;
  readonly valueLayout: 'rounds' | 'serialised';
  readonly valueTokens: 'canonical' | 'as-in-prompt';
}

/** Parses --value-tokens: how a value's tokens are cut (infill's `valueTokens`). */
export function parseValueTokens(text: string | undefined): RenderSettings['valueTokens'] {
  if (text !== 'canonical' && text !== 'as-in-prompt') throw new RangeError('--value-tokens is canonical or as-in-prompt.');
  return text;
}

/** infill's kinds of decision hole: every hole kind but a value's. */
type DecisionKind = Exclude<HoleKind, 'value'>;
const DECISION_KINDS: readonly DecisionKind[] = ['count', 'branch', 'presence'];

/** Parses --decision-repeats ("branch=2.5,count=0.25"). */
export function parseDecisionRepeats(text: string): Partial<Record<DecisionKind, number>> {
  const repeats: Partial<Record<DecisionKind, number>> = {};
  for (const entry of text.split(',').filter((part) => part.trim() !== '')) {
    const [kind, count] = entry.split('=').map((part) => part.trim());
    if (!DECISION_KINDS.includes(kind as DecisionKind) || count === undefined || !(Number(count) >= 0)) {
      throw new RangeError(`--decision-repeats: "${entry}" is not kind=number with kind one of ${DECISION_KINDS.join(', ')} and a number of at least 0`);
    }
    repeats[kind as DecisionKind] = Number(count);
  }
  return repeats;
}

/** How string values are written: right after their opening quote, or after a space (`ModelSpec.spacedStringValues`). */
export type StringValues = 'plain' | 'spaced';

/** Parses --string-values. */
export function parseStringValues(text: string | undefined): StringValues {
  if (text !== 'plain' && text !== 'spaced') throw new RangeError('--string-values is plain or spaced.');
  return text;
}

/** What infill needs of a model to lay out canvases: the tokenizer and the spec. Nothing runs a forward pass. */
export function renderingModel(tokenizer: TextTokenizer, vocabularySize: number, maxLength: number, stringValues: StringValues = 'plain'): InfillModel {
  const ids = Object.fromEntries(
    Object.entries(SPECIAL_TOKENS).map(([field, text]) => {
      const id = tokenizer.tokenToId(text);
      if (id === undefined) throw new Error(`the tokenizer has no ${text} token`);
      return [field, id];
    }),
  ) as Record<keyof typeof SPECIAL_TOKENS, number>;
  if (tokenizer.size > vocabularySize) throw new Error(`the tokenizer knows ${tokenizer.size} tokens, more than the vocabulary of ${vocabularySize}`);
  const spec: ModelSpec = {
    name: 'lacuna-default',
    vocabularySize,
    maxLength,
    ...ids,
    shiftedLogits: false,
    ...(stringValues === 'spaced' ? { spacedStringValues: true } : {}),
    inputs: { inputIds: 'input_ids' },
    outputs: { logits: 'logits' },
  };
  const predictor: Predictor = {
    vocabularySize,
    maxLength,
    predict: () => Promise.reject(new Error('rendering lays out canvases; it never runs the model')),
  };
  return { tokenizer, spec, predictor };
}

/** Renders one corpus file into one dataset folder. */
export async function renderCorpusFile(path: string, folder: string, model: InfillModel, settings: RenderSettings, limit?: number): Promise<RenderSummary> {
  const { spec } = model;
  const writer = new DatasetWriter(folder, {
    vocabularySize: spec.vocabularySize,
    padTokenId: spec.padTokenId,
    maskTokenId: spec.maskTokenId,
    ...(spec.spacedStringValues === true ? { spacedStringValues: true } : {}),
  });
  const summary = new RenderSummary(spec.padTokenId);
  const schemas = new SchemaCache();
  for await (const example of readCorpus(path, limit === undefined ? {} : { limit })) {
    summary.examples++;
    const conversation = exampleConversation(example);
    const render = (schema: object) =>
      renderTrainingCanvases({
        model,
        schema: schemas.compile(schema),
        value: conversation.value,
        prompt: conversation.messages,
        valueHoles: settings.decisionValues,
        valueTokens: settings.valueTokens,
        // The corpus's own checks validate every value; the canvases are checked against the value anyway.
        validate: false,
      });
    let canvases: ReturnType<typeof renderTrainingCanvases>;
    try {
      canvases = render(orderBranchesByTool(conversation.schema));
      if (summary.examples <= ORDER_CHECKS && JSON.stringify(canvases) !== JSON.stringify(render(conversation.schema))) {
        throw new Error(`${example.id}: ordering the plan's branches by tool name changed its canvases; render without orderBranchesByTool`);
      }
    } catch (error) {
      if (!(error instanceof LacunaInfillError)) throw error;
      // A path names the value that needs more tokens than its hole may grow to; without one, the canvas is long.
      if (error.code === 'CANVAS_TOO_LONG' && error.path !== undefined) summary.valueTooLong++;
      else if (error.code === 'CANVAS_TOO_LONG') summary.tooLong++;
      else summary.refuse(example.id, error.message);
      continue;
    }
    const values = settings.valueLayout === 'rounds' ? canvases.values : [canvases.final];
    const normalised = normalisedAnswerPaths(example);
    const unmatched = new Set(normalised);
    values.forEach((canvas, round) => {
      const roles = withNormalisedRoles(canvas.roles, canvas.holes, normalised, unmatched);
      writer.add(canvas.inputIds, roles);
      summary.addSequence(canvas.inputIds, roles, round === values.length - 1 ? 'final' : 'growth');
    });
    if (unmatched.size > 0) {
      throw new Error(`${example.id}: no value hole at the normalised path(s) ${[...unmatched].join(', ')}; the corpus and the render disagree on paths`);
    }
    canvases.decisions.forEach((canvas, round) => {
      if (!keepDecision(example.id, round, settings.decisionShare)) {
        summary.decisionsLeftOut++;
        return;
      }
      const roles = withNormalisedRoles(
        canvas.roles.map((role, position) => (canvas.decisionMask[position] ? DECISION_ROLE : role)),
        canvas.holes,
        normalised,
      );
      const copies = decisionCopies(example.id, round, canvas, settings.decisionRepeats);
      if (copies === 0) summary.decisionsLeftOut++;
      for (let copy = 0; copy < copies; copy++) {
        writer.add(canvas.inputIds, roles);
        summary.addSequence(canvas.inputIds, canvas.roles, 'decision', canvas.decisionMask);
      }
    });
    if (summary.examples % 20_000 === 0) console.log(`  ${basename(path)}: ${summary.examples.toLocaleString('en')} examples, ${summary.seconds.toFixed(0)} s`);
  }
  if (writer.sequences === 0) throw new Error(`${path}: no example could be rendered`);
  writer.finish();
  return summary;
}

/**
 * The answer paths of an example's normalised values, as infill names holes (`$[0].arguments.to`, `$.date`):
 * the corpus locates them in the example (`$.calls[0].arguments.to`, `$.output.date`). An answer written from
 * a tool's result has none: the normalised values the corpus lists for it are the call's, in the prompt.
 */
export function normalisedAnswerPaths(example: Example): Set<string> {
  switch (example.kind) {
    case 'tool_call':
    case 'procedural_tool_call':
      return new Set(example.normalised.map((path) => path.replace(/^\$\.calls(?=\[)/, '$')));
    case 'extraction':
      return new Set(example.normalised.map((path) => path.replace(/^\$\.output(?=[.[])/, '$')));
    case 'answer_from_result':
    case 'no_tool':
      return new Set();
  }
}

/**
 * `roles` with every position of a normalised value's hole that holds a target (role 2) as NORMALISED_ROLE;
 * the paths found among the holes are removed from `unmatched`.
 */
export function withNormalisedRoles(
  roles: readonly number[],
  // A final canvas's holes (--value-layout serialised) have no kind: every one of them is a value.
  holes: readonly { readonly jsonPath: string; readonly kind?: HoleKind; readonly start: number; readonly length: number }[],
  paths: ReadonlySet<string>,
  unmatched?: Set<string>,
): number[] {
  const marked = [...roles];
  for (const hole of holes) {
    if ((hole.kind !== undefined && hole.kind !== 'value') || !paths.has(hole.jsonPath)) continue;
    unmatched?.delete(hole.jsonPath);
    for (let position = hole.start; position < hole.start + hole.length; position++) {
      if (marked[position] === 2) marked[position] = NORMALISED_ROLE;
    }
  }
  return marked;
}

/** A fixed choice per example and round (FNV-1a of both), so that a render is reproducible. */
function keepDecision(id: string, round: number, share: number, salt = ''): boolean {
  if (share >= 1) return true;
  if (share <= 0) return false;
  let hash = 0x811c9dc5;
  for (const character of `${id}#${round}${salt}`) hash = Math.imul(hash ^ (character.codePointAt(0) as number), 0x01000193) >>> 0;
  return hash / 0x1_0000_0000 < share;
}

/** How many times a decision canvas is written (--decision-repeats): the largest repeat of its holes' kinds. */
export function decisionCopies(id: string, round: number, canvas: DecisionCanvas, repeats: RenderSettings['decisionRepeats']): number {
  const kinds = canvas.holes.filter((hole) => canvas.decisionMask[hole.start]).map((hole) => hole.kind);
  const repeat = kinds.length === 0 ? 1 : Math.max(...kinds.map((kind) => (kind === 'value' ? 1 : (repeats[kind] ?? 1))));
  const whole = Math.floor(repeat);
  // A salt of its own, so that the extra copy is drawn independently of --decision-share's choice.
  return whole + (keepDecision(id, round, repeat - whole, '#repeat') ? 1 : 0);
}

/** The held-out files written beside a corpus: corpus.test_entities.jsonl and the like, by split. */
export function heldOutFiles(corpus: string): { split: string; path: string }[] {
  const stem = basename(corpus).replace(/\.jsonl$/, '');
  const folder = dirname(corpus);
  return readdirSync(folder)
    .filter((name) => name !== basename(corpus) && name.startsWith(`${stem}.`) && name.endsWith('.jsonl'))
    .map((name) => ({ split: name.slice(stem.length + 1, -'.jsonl'.length), path: join(folder, name) }))
    .sort((a, b) => a.split.localeCompare(b.split));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: 'training/data/corpus.jsonl' },
      tokenizer: { type: 'string', default: 'training/data/tokenizer' },
      out: { type: 'string', default: 'training/data/dataset' },
      limit: { type: 'string' },
      'max-length': { type: 'string', default: '512' },
      'vocabulary-size': { type: 'string', default: '4096' },
      'decision-share': { type: 'string', default: '1' },
      'decision-repeats': { type: 'string', default: '' },
      'decision-values': { type: 'string', default: 'filled' },
      'value-layout': { type: 'string', default: 'rounds' },
      'value-tokens': { type: 'string', default: 'canonical' },
      'string-values': { type: 'string', default: 'plain' },
    },
  });
  const maxLength = Number(values['max-length']);
  const vocabularySize = Number(values['vocabulary-size']);
  const decisionShare = Number(values['decision-share']);
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (!Number.isInteger(maxLength) || maxLength <= 0 || !Number.isInteger(vocabularySize) || vocabularySize <= 0 || vocabularySize > 65_536) {
    throw new RangeError('--max-length and --vocabulary-size take positive whole numbers (the vocabulary at most 65,536: ids are uint16).');
  }
  if (!(decisionShare >= 0 && decisionShare <= 1)) throw new RangeError('--decision-share is a share between 0 and 1.');
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new RangeError('--limit takes a positive whole number.');
  if (values['decision-values'] !== 'filled' && values['decision-values'] !== 'masked') throw new RangeError('--decision-values is filled or masked.');
  if (values['value-layout'] !== 'rounds' && values['value-layout'] !== 'serialised') throw new RangeError('--value-layout is rounds or serialised.');
  if (!existsSync(values.corpus)) throw new Error(`${values.corpus} does not exist: generate it with training/corpus/generate-corpus.ts`);
  const settings: RenderSettings = { maxLength, decisionShare, decisionRepeats: parseDecisionRepeats(values['decision-repeats']), decisionValues: values['decision-values'], valueLayout: values['value-layout'], valueTokens: parseValueTokens(values['value-tokens']) };
  if (settings.decisionValues === 'masked') {
    console.warn('--decision-values masked writes role 3 and mask tokens: train.py (lacuna-dataset/1) refuses such folders until it supports them');
  }
  const { tokenizerJson, tokenizerConfig } = readTokenizerFiles(values.tokenizer);
  const model = renderingModel(new MemoTokenizer(tokenizerJson, tokenizerConfig), vocabularySize, maxLength, parseStringValues(values['string-values']));

  const jobs = [{ split: 'train', path: values.corpus, limit }, ...heldOutFiles(values.corpus).map((file) => ({ ...file, limit: undefined }))];
  for (const job of jobs) {
    // Held-out data stays as inference meets it: one canvas per round, so that its scores are comparable across renders.
    const jobSettings = job.split === 'train' ? settings : { ...settings, decisionRepeats: {} };
    const summary = await renderCorpusFile(job.path, join(values.out, job.split), model, jobSettings, job.limit);
    console.log(summary.format(`${join(values.out, job.split)} (from ${job.path})`));
  }
}

if (process.argv[1] !== undefined && basename(process.argv[1]).startsWith('render-dataset')) await main();
