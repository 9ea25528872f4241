/**
 * Evaluates a model folder through the SDK, on the held-out splits of the corpus (training/corpus), the way a
 * user meets the model: nothing here reads PyTorch or the training data, only the model folder and the
 * held-out examples.
 *
 *   npx tsx training/evaluate/evaluate-model.ts --model models/default/model --data training/data \
 *       [--count 500] [--json out.json] [--card models/default/model/README.md] [--untouched DIR[,DIR...]]
 *
 * 1. Tool use: each request with the example's tool menu (the demo toolbox and made-up tools, as JSON Schema
 *    through `jsonSchema()`), one agent step (`createAgent`, toolChoice `auto`) in three settings (--variants):
 *    the defaults (grounded holes, grounding, confidence, repair, `parallelThreshold` 0.9), the same with one token
 *    per hole per forward pass (`parallelThreshold: false`), and
 *    the model alone (no grounded holes, no checks). Scored per split: right tools (an answer counts as the right choice for a request that needs no
 *    tool), every argument exact, no invented optional argument (training/evaluate/score-calls.ts).
 * 2. Answers from a tool's result: the agent's second step (the plan schema after the call and its result):
 *    the answer branch chosen, the sentence exactly the reference, how many of the reference's words it
 *    writes (word F1, training/evaluate/score-answer.ts), and no number in it that the request and the result
 *    do not hold.
 * 3. Structured extraction: `infill` of the example's schema with the text as the user's message; field exact
 *    match and whole objects, with and without grounded holes.
 * 4. Speed: a forward pass over a 256-token canvas (48 rows asked for) at one and two threads, whole and (for a
 *    model with a prompt cache) as a chat's denoising step runs it, its prompt encoded before; and free
 *    generation of the plan (no skeleton) with LLaDA's one-token-per-step rule and Fast-dLLM's threshold rule:
 *    tokens committed per forward pass and how often the call comes out exact.
 *
 * --decisions label|token sets infill's rule for decision holes everywhere (default: the agent's, label, for tool use and
 * answers; infill's, the first token, for extraction); --decision-order together|confidence its order for a round's
 * decisions (default: the agent's and infill's, together); --grounded-values span|token how grounded values are
 * written (default: the agent's for tool use and answers, infill's, token by token, for extraction);
 * --repeated-words allow|forbid whether free text may take the word token it just wrote again (default: the
 * agent's, forbid, for tool use and answers; infill's, allow, for extraction); --words any|known which words free
 * text may spell (default: the agent's, known for a model with a lexicon, for tool use and answers; infill's, any,
 * for extraction).
 * --bare-toolbox gives the agent the demo toolbox's tools as the corpus states them, in JSON Schema alone. By
 * default they keep what the demo agent has of them beyond that: their readers (`grounding`: convert_currency reads
 * the currencies a request names, as codes; get_stock_price the tickers it states) and their zod schemas'
 * refinements (convert_currency rejects converting a currency into itself).
 * --mistakes FILE writes each tool-use request whose plan is not exactly the expected calls (split, tools, setting,
 * request, expected and planned calls, failure code and message) as one JSON line, for reading what goes wrong.
 * --plans FILE writes every tool-use request's plan the same way, with `exact` saying whether it was exactly the
 * expected calls and the agent's repairs (check, tool and path, reason): two runs' files compare a change request
 * by request (which plans it mended, which it broke, and what the agent did on the way).
 * --untouched DIR[,DIR...] plans the toolbox requests of held-out data no rule of the agent was written against (a
 * seed's splits, `generate-corpus.ts --seed N --count 0 --out DIR/corpus.jsonl`) with the agent, adds their table (a
 * row per folder and split), and has the aims table judge right tool and every argument on them too, by the lowest
 * row: figures on the data rules were written against overstate the agent on requests nobody tuned it on.
 *
 * --card replaces the "Evaluation through the SDK" section of a model card with the tables; with the tools,
 * extraction and speed sections it ends with the issue's aims next to what was measured.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { chatForwardPassCanvas, forwardPassCanvas, forwardPassMedians, TIMED_PASSES } from '../../bench/forward-pass-timing.js';
import { createAgent, defaultWords, DEFAULT_DECISION_ORDER, DEFAULT_DECISIONS, DEFAULT_GROUNDED_VALUES, DEFAULT_REPEATED_WORDS, groundedHoleText, groundingContext, jsonSchema, planSchema, renderAgentMessages, statedNumbersPattern, tool, type AgentOptions, type AgentTurn, type AgentResult, type ToolSet } from '@lacuna/agent';
import { confidenceThreshold, DiffusionPipeline, loadModel, lowConfidence, type DiffusionModel, type UnmaskingStrategy } from '@lacuna/core';
import { demoTools, type DemoToolName } from '@lacuna/demo-toolbox';
import { infill } from '@lacuna/infill';
import type { Example, JsonSchema, ToolSpec } from '../corpus/example-types.js';
import { readCorpus } from '../render/read-corpus.js';
import { canonicalJson, scoreCalls, type Call } from './score-calls.js';
import { needsUnseenTicker } from './unseen-tickers.js';
import { answerWordF1 } from './score-answer.js';

const SPLITS = ['test_entities', 'test_templates', 'test_tools'] as const;
const SPLIT_TITLES: Readonly<Record<(typeof SPLITS)[number], string>> = {
  test_entities: 'held-out entities',
  test_templates: 'held-out phrasings',
  test_tools: 'held-out tools',
};

type Rate = { readonly hits: number; readonly total: number };
const rate = (hits: number, total: number): Rate => ({ hits, total });
const percent = ({ hits, total }: Rate): string => (total === 0 ? 'n/a' : `${((100 * hits) / total).toFixed(1)}% (${hits}/${total})`);

interface ToolUseTally {
  requests: number;
  rightTools: number;
  exactCalls: number;
  noInventedOptional: number;
  argumentsRight: number;
  argumentsExpected: number;
  noToolRequests: number;
  noToolAnswered: number;
  /** Requests needing a held-out company's ticker the request does not state (unseen-tickers.ts), and those planned exactly. */
  unseenTickers: number;
  unseenTickersExact: number;
  /** Runs that threw, by error code (REPAIR_FAILED: a field still failed its checks after the repairs). */
  failures: Record<string, number>;
  repairs: number;
  forwardPasses: number;
  /** Tokens the model chose, over the forward passes of successful runs. */
  sampled: number;
  milliseconds: number;
}

const emptyTally = (): ToolUseTally => ({
  requests: 0,
  rightTools: 0,
  exactCalls: 0,
  noInventedOptional: 0,
  argumentsRight: 0,
  argumentsExpected: 0,
  noToolRequests: 0,
  noToolAnswered: 0,
  unseenTickers: 0,
  unseenTickersExact: 0,
  failures: {},
  repairs: 0,
  forwardPasses: 0,
  sampled: 0,
  milliseconds: 0,
});

/**
 * The example's tools as the SDK takes tools declared in JSON Schema; none has `execute`, so nothing runs. With
 * `asDemo`, a demo toolbox tool keeps what the demo agent has of it beyond its JSON Schema: the readers it
 * declares as grounding (convert_currency's currencies) and its zod schema's refinements (a validator).
 */
function toolSet(tools: readonly ToolSpec[], asDemo: boolean): { tools: ToolSet; validators: NonNullable<NonNullable<AgentOptions['checks']>['validators']> } {
  const demo = tools.flatMap((spec) => (asDemo && Object.hasOwn(demoTools, spec.name) ? [spec.name as DemoToolName] : []));
  return {
    tools: Object.fromEntries(
      tools.map((spec) => {
        const grounding = demo.includes(spec.name as DemoToolName) ? demoTools[spec.name as DemoToolName].grounding : undefined;
        return [spec.name, tool({ description: spec.description, inputSchema: jsonSchema(spec.parameters), ...(grounding === undefined ? {} : { grounding }) })];
      }),
    ),
    validators: Object.fromEntries(
      demo.map((name) => [
        name,
        async (input: unknown) =>
          (demoTools[name].inputSchema.safeParse(input).error?.issues ?? []).map((issue) => ({ path: issue.path.filter((segment) => typeof segment !== 'symbol'), message: issue.message })),
      ]),
    ),
  };
}

/** How the agent is set up for a row of the tool-use table. */
type Variant = 'agent' | 'agent-one-per-pass' | 'model-alone';
const VARIANTS: Readonly<Record<Variant, Pick<AgentOptions, 'checks' | 'parallelThreshold'>>> = {
  // The defaults: grounded holes, grounding and confidence checks, repair, Fast-dLLM's threshold rule in holes.
  agent: {},
  // The same committing one token per hole per forward pass.
  'agent-one-per-pass': { parallelThreshold: false },
  // No grounded holes, no grounding or confidence checks (so no repairs): what the model writes by itself.
  'model-alone': { checks: { grounding: false, minConfidence: 0 } },
};
const VARIANT_TITLES: Readonly<Record<Variant, string>> = {
  agent: 'agent (defaults)',
  'agent-one-per-pass': 'agent, one token per hole per pass (parallelThreshold false)',
  'model-alone': 'model alone (no grounded holes, no checks)',
};

const EVALUATION_DAY = '2026-06-01';

/** infill's rule for decision holes (--decisions), for every fill here; empty: the agent's or infill's default. */
type Decisions = { decisions?: 'label' | 'token'; decisionOrder?: 'together' | 'confidence'; groundedValues?: 'span' | 'token'; repeatedWords?: 'allow' | 'forbid'; words?: 'any' | 'known' };

/** One planning step of the agent for a request; the calls it planned, or the failure's code. */
async function planStep(model: DiffusionModel, tools: readonly ToolSpec[], request: string, variant: Variant, decisions: Decisions, asDemo: boolean) {
  // A fixed day for relative dates ("tonight", "on Thursday" in an e-mail's body), so that a run is the same any day.
  const menu = toolSet(tools, asDemo && VARIANTS[variant].checks?.grounding !== false);
  const agent = createAgent({
    model,
    tools: menu.tools,
    maxSteps: 1,
    toolChoice: 'auto',
    seed: 0,
    today: EVALUATION_DAY,
    ...decisions,
    ...VARIANTS[variant],
    ...(Object.keys(menu.validators).length === 0 ? {} : { checks: { ...VARIANTS[variant].checks, validators: menu.validators } }),
  });
  const started = performance.now();
  let sampled = 0;
  try {
    let result: AgentResult | undefined;
    for await (const part of agent.stream(request)) {
      // Tokens the model chose in each denoising step (forced tokens need no forward pass and are not counted).
      if (part.type === 'denoise') sampled += part.committed;
      if (part.type === 'finish') result = part.result;
    }
    if (result === undefined) throw new Error('the stream ended without a result');
    const calls: Call[] = result.toolCalls.map((call) => ({ tool: call.tool, arguments: call.input }));
    return { calls, failure: undefined, failureMessage: undefined, repairs: result.repairs, forwardPasses: result.usage.forwardPasses, sampled, milliseconds: performance.now() - started };
  } catch (error) {
    return { calls: undefined, failure: (error as { code?: string }).code ?? String(error), failureMessage: (error as Error).message, repairs: [], forwardPasses: 0, sampled: 0, milliseconds: performance.now() - started };
  }
}

/** Which requests a row of the tool-use table holds: the demo toolbox's (and requests that need no tool), or made-up tools'. */
type ToolKinds = 'toolbox' | 'made-up tools';
const KINDS_OF: Readonly<Record<ToolKinds, readonly Example['kind'][]>> = {
  toolbox: ['tool_call', 'no_tool'],
  'made-up tools': ['procedural_tool_call'],
};

/** A request's plan, for --plans (every one) and --mistakes (those not exactly the expected calls). */
interface ToolUsePlan {
  readonly request: string;
  readonly expected: readonly Call[];
  readonly planned: readonly Call[] | undefined;
  readonly failure: string | undefined;
  readonly failureMessage: string | undefined;
  /** Whether the plan is exactly the expected calls: the right tools, and for a request that needs one, every argument. */
  readonly exact: boolean;
  /** The agent's repairs of the plan: each one's check, the tool and argument path, and its reason. */
  readonly repairs: readonly string[];
}

async function evaluateToolUse(
  model: DiffusionModel,
  examples: readonly Example[],
  kinds: ToolKinds,
  variant: Variant,
  decisions: Decisions,
  asDemo: boolean,
  onPlan?: (plan: ToolUsePlan) => void,
): Promise<ToolUseTally> {
  const tally = emptyTally();
  for (const example of examples) {
    if (!KINDS_OF[kinds].includes(example.kind)) continue;
    if (example.kind !== 'tool_call' && example.kind !== 'procedural_tool_call' && example.kind !== 'no_tool') continue;
    const planned = await planStep(model, example.tools, example.request, variant, decisions, asDemo);
    const expected: Call[] = example.calls.map((call) => ({ tool: call.tool, arguments: call.arguments }));
    tally.requests += 1;
    tally.repairs += planned.repairs.length;
    tally.forwardPasses += planned.forwardPasses;
    tally.sampled += planned.sampled;
    tally.milliseconds += planned.milliseconds;
    if (planned.failure !== undefined) tally.failures[planned.failure] = (tally.failures[planned.failure] ?? 0) + 1;
    const score = scoreCalls(expected, planned.calls ?? [{ tool: '(failed)', arguments: {} }]);
    const exact = score.rightTools && (example.kind === 'no_tool' || score.exactCalls);
    onPlan?.({ request: example.request, expected, planned: planned.calls, failure: planned.failure, failureMessage: planned.failureMessage, exact, repairs: planned.repairs.map((repair) => `${repair.check} ${repair.tool}${repair.path.map((segment) => `.${segment}`).join('')}: ${repair.reason}`) });
    if (score.rightTools) tally.rightTools += 1;
    if (example.kind === 'no_tool') {
      tally.noToolRequests += 1;
      if (score.rightTools) tally.noToolAnswered += 1;
      continue;
    }
    if (score.exactCalls) tally.exactCalls += 1;
    if (needsUnseenTicker(example.request, expected)) {
      tally.unseenTickers += 1;
      if (score.exactCalls) tally.unseenTickersExact += 1;
    }
    if (!score.inventedOptional) tally.noInventedOptional += 1;
    tally.argumentsRight += score.argumentsRight;
    tally.argumentsExpected += score.argumentsExpected;
  }
  return tally;
}

interface AnswerTally {
  examples: number;
  answered: number;
  exact: number;
  /** Sum over the answered examples of `answerWordF1` against the reference. */
  wordF1: number;
  noInventedNumber: number;
}

/** The agent's answering step, done as the agent does it: the plan schema over the conversation so far. */
async function evaluateAnswers(model: DiffusionModel, examples: readonly Example[], decisions: Decisions): Promise<AnswerTally> {
  const tally: AnswerTally = { examples: 0, answered: 0, exact: 0, wordF1: 0, noInventedNumber: 0 };
  for (const example of examples) {
    if (example.kind !== 'answer_from_result') continue;
    tally.examples += 1;
    const turns: AgentTurn[] = [
      { role: 'user', content: example.request },
      { role: 'assistant', calls: [example.call] },
      { role: 'tool', results: [{ tool: example.call.tool, result: example.result }] },
    ];
    const prompt = renderAgentMessages({ tools: example.tools, turns });
    // The agent's answer states only numbers the conversation does (its grounding rule for answers).
    const answerPattern = statedNumbersPattern(groundingContext(turns));
    const result = await infill({
      model,
      schema: planSchema(example.tools, { answerPattern }) as Record<string, unknown>,
      prompt,
      seed: 0,
      decisions: decisions.decisions ?? DEFAULT_DECISIONS,
      decisionOrder: decisions.decisionOrder ?? DEFAULT_DECISION_ORDER,
      groundedValues: decisions.groundedValues ?? DEFAULT_GROUNDED_VALUES,
      repeatedWords: decisions.repeatedWords ?? DEFAULT_REPEATED_WORDS,
      words: decisions.words ?? defaultWords(model),
    });
    const [first] = result.value as { tool: string; text?: string }[];
    if (first?.tool !== 'answer' || first.text === undefined) continue;
    tally.answered += 1;
    if (first.text === example.answer) tally.exact += 1;
    tally.wordF1 += answerWordF1(first.text, example.answer);
    const source = `${example.request} ${JSON.stringify(example.result)}`;
    if ((first.text.match(/\d+(?:\.\d+)?/g) ?? []).every((number) => source.includes(number))) tally.noInventedNumber += 1;
  }
  return tally;
}

interface ExtractionTally {
  examples: number;
  exactObjects: number;
  fieldsRight: number;
  fields: number;
}
const emptyExtraction = (): ExtractionTally => ({ examples: 0, exactObjects: 0, fieldsRight: 0, fields: 0 });

async function evaluateExtraction(model: DiffusionModel, examples: readonly Example[], grounded: boolean, decisions: Decisions): Promise<ExtractionTally> {
  const tally: ExtractionTally = { examples: 0, exactObjects: 0, fieldsRight: 0, fields: 0 };
  for (const example of examples) {
    if (example.kind !== 'extraction') continue;
    tally.examples += 1;
    // The agent's rule for a top-level argument (`groundedHoleText`), with the text as the conversation.
    const ground = grounded
      ? (hole: { path: readonly (string | number)[] }) =>
          hole.path.length === 1 ? groundedHoleText({}, String(hole.path[0]), example.schema.properties?.[String(hole.path[0])] as Parameters<typeof groundedHoleText>[2], example.text) : undefined
      : undefined;
    const result = await infill({ model, schema: example.schema, prompt: [{ role: 'user', content: example.text }], seed: 0, ...decisions, ...(ground === undefined ? {} : { ground }) });
    const value = result.value as Record<string, unknown>;
    if (canonicalJson(value) === canonicalJson(example.output)) tally.exactObjects += 1;
    // Every field either side: a field the text does not state must be left out, so writing it is wrong too.
    const keys = new Set([...Object.keys(example.output), ...Object.keys(value)]);
    tally.fields += keys.size;
    for (const key of keys) if (canonicalJson(value[key]) === canonicalJson(example.output[key])) tally.fieldsRight += 1;
  }
  return tally;
}

/**
 * Median milliseconds of a forward pass over a 256-token canvas whose last 48 positions are masked, through each
 * of the folder's ONNX files (`onnxVariants` undefined: its `onnx`), the files taking turns in blocks: `whole`
 * over the request repeated (no chat template, so no prompt to cache), `cached` (a model with a prompt cache)
 * over a chat canvas whose prompt the first pass encoded, as every denoising step after the first finds it.
 */
async function forwardPassLatencies(
  folder: string,
  threads: number,
  text: string,
  onnxVariants: readonly (string | undefined)[],
): Promise<{ whole: number; cached: number | undefined }[]> {
  const models = await Promise.all(onnxVariants.map((variant) => loadModel(folder, { intraOpThreads: threads, ...(variant === undefined ? {} : { variant }) })));
  try {
    const entries = models.flatMap((model) => [
      { model, request: forwardPassCanvas(model, text) },
      ...(model.spec.promptCache === undefined ? [] : [{ model, request: chatForwardPassCanvas(model, text) }]),
    ]);
    const medians = await forwardPassMedians(entries);
    return models.map((model) => {
      const first = entries.findIndex((entry) => entry.model === model);
      return { whole: medians[first] as number, cached: model.spec.promptCache === undefined ? undefined : medians[first + 1] };
    });
  } finally {
    await Promise.all(models.map((model) => model.dispose()));
  }
}

interface FreeGenerationTally {
  examples: number;
  exactCalls: number;
  parsed: number;
  committedTokens: number;
  forwardPasses: number;
}

/** The plan written without a skeleton: every answer position masked, denoised by the pipeline's rule. */
async function evaluateFreeGeneration(model: DiffusionModel, examples: readonly Example[], strategy: UnmaskingStrategy, steps: number): Promise<FreeGenerationTally> {
  const tally: FreeGenerationTally = { examples: 0, exactCalls: 0, parsed: 0, committedTokens: 0, forwardPasses: 0 };
  const pipeline = new DiffusionPipeline(model);
  for (const example of examples) {
    if (example.kind !== 'tool_call') continue;
    tally.examples += 1;
    const prompt = renderAgentMessages({ tools: example.tools, turns: [{ role: 'user', content: example.request }] });
    const result = await pipeline.generate({ prompt, generationLength: 64, blockLength: 64, steps, strategy });
    tally.forwardPasses += result.forwardPasses;
    tally.committedTokens += 64;
    let plan: unknown;
    try {
      plan = JSON.parse(result.text);
    } catch {
      continue;
    }
    tally.parsed += 1;
    const calls = Array.isArray(plan) ? (plan as Call[]).filter((call) => call !== null && typeof call === 'object' && typeof call.tool === 'string') : [];
    const planned = calls.map((call) => ({ tool: call.tool, arguments: call.arguments ?? {} }));
    if (scoreCalls(example.calls, planned).exactCalls) tally.exactCalls += 1;
  }
  return tally;
}

async function readSplit(data: string, split: string, count: number): Promise<Example[]> {
  const examples: Example[] = [];
  for await (const example of readCorpus(join(data, `corpus.${split}.jsonl`), { limit: count })) examples.push(example);
  return examples;
}

function toolUseTable(rows: readonly { split: string; kinds: ToolKinds; variant: Variant; tally: ToolUseTally }[]): string {
  const lines = [
    '| split | tools | setting | requests | right tool | every argument exact | no invented optional | arguments exact | no-tool requests answered | requests needing an unseen ticker (planned exactly) | failed runs | repairs | forward passes per request | tokens sampled per forward pass | ms per request |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const { split, kinds, variant, tally } of rows) {
    const calls = tally.requests - tally.noToolRequests;
    const failures = Object.entries(tally.failures).map(([code, times]) => `${times} ${code}`).join(', ') || '0';
    lines.push(
      `| ${split} | ${kinds} | ${VARIANT_TITLES[variant]} | ${tally.requests} | ${percent(rate(tally.rightTools, tally.requests))} | ${percent(rate(tally.exactCalls, calls))} | ${percent(rate(tally.noInventedOptional, calls))} | ${percent(rate(tally.argumentsRight, tally.argumentsExpected))} | ${percent(rate(tally.noToolAnswered, tally.noToolRequests))} | ${tally.unseenTickers} (${tally.unseenTickersExact}) | ${failures} | ${tally.repairs} | ${(tally.forwardPasses / Math.max(1, tally.requests)).toFixed(1)} | ${(tally.sampled / Math.max(1, tally.forwardPasses)).toFixed(2)} | ${(tally.milliseconds / Math.max(1, tally.requests)).toFixed(0)} |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      model: { type: 'string', default: 'models/default/model' },
      data: { type: 'string', default: 'training/data' },
      count: { type: 'string', default: '500' },
      json: { type: 'string' },
      card: { type: 'string' },
      sections: { type: 'string', default: 'tools,answers,extraction,speed' },
      variants: { type: 'string', default: Object.keys(VARIANTS).join(',') },
      decisions: { type: 'string' },
      'decision-order': { type: 'string' },
      'grounded-values': { type: 'string' },
      'repeated-words': { type: 'string' },
      words: { type: 'string' },
      // Every tool-use request whose plan is not exactly the expected calls, one JSON line each.
      mistakes: { type: 'string' },
      plans: { type: 'string' },
      // The demo toolbox's tools as bare JSON Schema, without their readers and refinements.
      'bare-toolbox': { type: 'boolean', default: false },
      // One of the folder's onnxVariants (int8) for every section but speed, which times them all.
      'onnx-variant': { type: 'string' },
      // Held-out data of a seed no rule of the agent was written against (generate-corpus.ts --seed N --count 0):
      // its toolbox requests, planned by the agent, count in the aims table beside --data's.
      untouched: { type: 'string' },
    },
  });
  const variants = values.variants.split(',').map((name) => {
    if (!Object.hasOwn(VARIANTS, name)) throw new Error(`--variants: unknown "${name}"; known: ${Object.keys(VARIANTS).join(', ')}`);
    return name as Variant;
  });
  const count = Number(values.count);
  const sections = new Set(values.sections.split(','));
  if (values.decisions !== undefined && values.decisions !== 'label' && values.decisions !== 'token') throw new Error('--decisions is label or token.');
  const decisionOrder = values['decision-order'];
  if (decisionOrder !== undefined && decisionOrder !== 'together' && decisionOrder !== 'confidence') throw new Error('--decision-order is together or confidence.');
  const groundedValues = values['grounded-values'];
  if (groundedValues !== undefined && groundedValues !== 'span' && groundedValues !== 'token') throw new Error('--grounded-values is span or token.');
  const repeatedWords = values['repeated-words'];
  if (repeatedWords !== undefined && repeatedWords !== 'allow' && repeatedWords !== 'forbid') throw new Error('--repeated-words is allow or forbid.');
  const words = values.words;
  if (words !== undefined && words !== 'any' && words !== 'known') throw new Error('--words is any or known.');
  const decisions: Decisions = {
    ...(values.decisions === undefined ? {} : { decisions: values.decisions }),
    ...(decisionOrder === undefined ? {} : { decisionOrder }),
    ...(groundedValues === undefined ? {} : { groundedValues }),
    ...(repeatedWords === undefined ? {} : { repeatedWords }),
    ...(words === undefined ? {} : { words }),
  };
  const onnxVariant = values['onnx-variant'];
  const model = await loadModel(values.model, onnxVariant === undefined ? {} : { variant: onnxVariant });
  const report: Partial<Report> & { model: string; count: number; machine: string; answers?: AnswerTally } = { model: values.model, count, machine: machine() };
  const markdown: string[] = [];
  const log = (line: string) => {
    markdown.push(line);
    console.log(line);
  };
  const splits = Object.fromEntries(await Promise.all(SPLITS.map(async (split) => [split, await readSplit(values.data, split, count)] as const))) as Record<(typeof SPLITS)[number], Example[]>;
  const every = SPLITS.flatMap((split) => splits[split]);
  log(`Measured by \`npx tsx training/evaluate/evaluate-model.ts --count ${count}${values.decisions === undefined ? '' : ` --decisions ${values.decisions}`}${decisionOrder === undefined ? '' : ` --decision-order ${decisionOrder}`}${groundedValues === undefined ? '' : ` --grounded-values ${groundedValues}`}${repeatedWords === undefined ? '' : ` --repeated-words ${repeatedWords}`}${words === undefined ? '' : ` --words ${words}`}${values['bare-toolbox'] ? ' --bare-toolbox' : ''}${onnxVariant === undefined ? '' : ` --onnx-variant ${onnxVariant}`}\` on ${String(report.machine)}: the first ${count} examples of each held-out split.\n`);

  if (sections.has('tools')) {
    const rows: { split: string; kinds: ToolKinds; variant: Variant; tally: ToolUseTally }[] = [];
    const plans: (ToolUsePlan & { split: string; kinds: ToolKinds; variant: Variant })[] = [];
    for (const split of SPLITS) {
      for (const kinds of ['toolbox', 'made-up tools'] as const) {
        for (const variant of variants) {
          const tally = await evaluateToolUse(model, splits[split], kinds, variant, decisions, !values['bare-toolbox'], (plan) => plans.push({ split, kinds, variant, ...plan }));
          if (tally.requests === 0) continue;
          rows.push({ split: `${split} (${SPLIT_TITLES[split]})`, kinds, variant, tally });
          console.error(`tool use, ${split}, ${kinds}, ${variant}: ${tally.requests} requests, ${(tally.milliseconds / 1000).toFixed(0)} s`);
        }
      }
    }
    report.toolUse = rows;
    const lines = (chosen: readonly object[]) => chosen.map((plan) => `${JSON.stringify(plan)}\n`).join('');
    if (values.mistakes !== undefined) writeFileSync(values.mistakes, lines(plans.filter((plan) => !plan.exact)));
    if (values.plans !== undefined) writeFileSync(values.plans, lines(plans));
    log('### Tool use (one agent step per request)\n');
    log(toolUseTable(rows));
    log('');
    log("A request needing an unseen ticker names a held-out company without its ticker: the split keeps both out of training, so no model trained on this corpus can write it (training/evaluate/unseen-tickers.ts). Every other column counts those requests as they came out.");
    log('');
    if (values.untouched !== undefined) {
      // The agent's rules are written against the failures of --data's requests: data nobody tuned them on tells how
      // far they carry. One seed's 300 requests a split is a noisy judge, so several folders may be given.
      const folders = values.untouched.split(',');
      const untouched: ToolUseRow[] = [];
      for (const folder of folders) {
        for (const split of ['test_entities', 'test_templates'] as const) {
          const tally = await evaluateToolUse(model, await readSplit(folder, split, count), 'toolbox', 'agent', decisions, !values['bare-toolbox']);
          untouched.push({ split: `${split} (${SPLIT_TITLES[split]})${folders.length === 1 ? '' : `, ${basename(folder)}`}`, kinds: 'toolbox', variant: 'agent', tally });
          console.error(`tool use, untouched ${folder} ${split}: ${tally.requests} requests, ${(tally.milliseconds / 1000).toFixed(0)} s`);
        }
      }
      report.untouched = untouched;
      log(`#### The same on held-out data no rule of the agent was written against (\`--untouched ${values.untouched}\`)\n`);
      log(toolUseTable(untouched));
      log('');
    }
  }

  if (sections.has('answers')) {
    const tally = await evaluateAnswers(model, every, decisions);
    report.answers = tally;
    log('### Answers from a tool result (the agent\'s answering step)\n');
    log('| examples | answered (not another call) | sentence exactly the reference | reference words written (word F1, mean) | no number the request and result lack |');
    log('| ---: | ---: | ---: | ---: | ---: |');
    log(`| ${tally.examples} | ${percent(rate(tally.answered, tally.examples))} | ${percent(rate(tally.exact, tally.examples))} | ${(tally.wordF1 / Math.max(1, tally.answered)).toFixed(2)} | ${percent(rate(tally.noInventedNumber, tally.answered))} |`);
    log('');
  }

  if (sections.has('extraction')) {
    log('### Structured extraction (`infill` of the schema, the text as the user\'s message)\n');
    log('| holes | texts | objects exact | fields exact (every field either side) |');
    log('| --- | ---: | ---: | ---: |');
    const rows: Record<'plain' | 'grounded', ExtractionTally> = { plain: emptyExtraction(), grounded: emptyExtraction() };
    for (const grounded of [false, true]) {
      const tally = await evaluateExtraction(model, every, grounded, decisions);
      rows[grounded ? 'grounded' : 'plain'] = tally;
      log(`| ${grounded ? 'grounded in the text as the agent grounds (`groundedHoleText`: strings without a format but e-mail, numbers, dates and times the text states)' : 'plain'} | ${tally.examples} | ${percent(rate(tally.exactObjects, tally.examples))} | ${percent(rate(tally.fieldsRight, tally.fields))} |`);
    }
    report.extraction = rows;
    log('');
  }

  if (sections.has('speed')) {
    const sample = every.find((example) => example.kind === 'tool_call');
    const text = sample?.kind === 'tool_call' ? sample.request : 'What is the weather in Lisbon?';
    const files = onnxFilesOf(values.model);
    const oneThread = await forwardPassLatencies(values.model, 1, text, files.map(([variant]) => variant));
    const twoThreads = await forwardPassLatencies(values.model, 2, text, files.map(([variant]) => variant));
    const latencies: Latency[] = files.map(([variant, file], index) => ({
      variant,
      file,
      oneThread: oneThread[index]?.whole as number,
      twoThreads: twoThreads[index]?.whole as number,
      cachedOneThread: oneThread[index]?.cached,
      cachedTwoThreads: twoThreads[index]?.cached,
    }));
    report.forwardPassMs = latencies;
    const cached = latencies.some((latency) => latency.cachedOneThread !== undefined);
    log('### Speed\n');
    log(
      `Forward pass over a 256-token canvas (48 rows of logits asked for), median of ${TIMED_PASSES}, the files taking turns in blocks${
        cached
          ? ': whole (the request repeated, no chat template), and a denoising step of a chat with the prompt cache (a 208-token prompt ending with `<|assistant|>`, encoded at the first pass, then 48 masked answer tokens)'
          : ''
      }:\n`,
    );
    log(cached ? '| ONNX file | one thread | two threads | one thread, prompt cached | two threads, prompt cached |' : '| ONNX file | one thread | two threads |');
    log(cached ? '| --- | ---: | ---: | ---: | ---: |' : '| --- | ---: | ---: |');
    for (const latency of latencies) {
      const cells = [latency.oneThread, latency.twoThreads, ...(cached ? [latency.cachedOneThread, latency.cachedTwoThreads] : [])];
      log(`| \`${latency.file}\`${latency.variant === undefined ? '' : ` (\`variant: '${latency.variant}'\`)`} | ${cells.map((ms) => (ms === undefined ? 'n/a' : `${ms.toFixed(2)} ms`)).join(' | ')} |`);
    }
    log('');
    const freeExamples = splits.test_templates.slice(0, Math.min(100, count));
    log('Free generation of the plan (no skeleton, 64 masked positions, one block), on held-out phrasings:\n');
    log('| rule | requests | call exact | parsed as JSON | tokens committed per forward pass |');
    log('| --- | ---: | ---: | ---: | ---: |');
    const rules: [string, UnmaskingStrategy, number][] = [
      ['low-confidence, one token per step (LLaDA)', lowConfidence(), 64],
      ['threshold 0.9 (Fast-dLLM)', confidenceThreshold({ threshold: 0.9 }), 64],
      ['threshold 0.7 (Fast-dLLM)', confidenceThreshold({ threshold: 0.7 }), 64],
    ];
    const free: Record<string, FreeGenerationTally> = {};
    for (const [title, strategy, steps] of rules) {
      const tally = await evaluateFreeGeneration(model, freeExamples, strategy, steps);
      free[title] = tally;
      log(`| ${title} | ${tally.examples} | ${percent(rate(tally.exactCalls, tally.examples))} | ${percent(rate(tally.parsed, tally.examples))} | ${(tally.committedTokens / Math.max(1, tally.forwardPasses)).toFixed(2)} |`);
    }
    report.freeGeneration = free;
    log('');
  }
  await model.dispose();

  const { toolUse, untouched, extraction, forwardPassMs, freeGeneration } = report;
  if (toolUse !== undefined && extraction !== undefined && forwardPassMs !== undefined && freeGeneration !== undefined) {
    log('### Against the aims of the issue that asked for this model\n');
    log(aimsTable({ toolUse, extraction, forwardPassMs, freeGeneration, ...(untouched === undefined ? {} : { untouched }) }));
    log('');
  }

  if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
  if (values.card !== undefined) writeCardSection(values.card, markdown.join('\n'));
}

type ToolUseRow = { split: string; kinds: ToolKinds; variant: Variant; tally: ToolUseTally };
/** A forward pass's median time through one ONNX file of the folder (variant undefined: the config's `onnx`). */
interface Latency {
  readonly variant: string | undefined;
  readonly file: string;
  readonly oneThread: number;
  readonly twoThreads: number;
  /** A chat's denoising step with its prompt cached, for a model with a prompt cache. */
  readonly cachedOneThread: number | undefined;
  readonly cachedTwoThreads: number | undefined;
}

/** The folder's ONNX files: its `onnx`, then each of its `onnxVariants`. */
function onnxFilesOf(folder: string): [string | undefined, string][] {
  const config = JSON.parse(readFileSync(join(folder, 'lacuna-model.json'), 'utf8')) as { onnx: string; onnxVariants?: Record<string, string> };
  return [[undefined, config.onnx], ...Object.entries(config.onnxVariants ?? {})];
}

interface Report {
  toolUse: ToolUseRow[];
  /** The agent's toolbox rows on `--untouched` data, when given. */
  untouched?: ToolUseRow[];
  extraction: Record<'plain' | 'grounded', ExtractionTally>;
  forwardPassMs: Latency[];
  freeGeneration: Record<string, FreeGenerationTally>;
}

/** The issue's aims next to what was measured above, written from the same tallies so that they cannot drift. */
function aimsTable(report: Report): string {
  const toolbox = (variant: Variant) => report.toolUse.filter((row) => row.kinds === 'toolbox' && row.variant === variant && !row.split.startsWith('test_tools'));
  const span = (rows: readonly ToolUseRow[], rateOf: (tally: ToolUseTally) => Rate) => {
    const values = rows.map((row) => rateOf(row.tally)).filter((value) => value.total > 0).map((value) => (100 * value.hits) / value.total);
    if (values.length === 0) return { text: 'n/a', low: Number.NaN };
    const low = Math.min(...values);
    const high = Math.max(...values);
    return { text: low === high ? `${low.toFixed(1)}%` : `${low.toFixed(1)}-${high.toFixed(1)}%`, low };
  };
  const calls = (tally: ToolUseTally) => tally.requests - tally.noToolRequests;
  const met = (value: number, aim: number) => (Number.isNaN(value) ? '-' : value >= aim ? 'yes' : 'no');
  const rightTool = span(toolbox('agent'), (tally) => rate(tally.rightTools, tally.requests));
  const rightToolAlone = span(toolbox('model-alone'), (tally) => rate(tally.rightTools, tally.requests));
  const exact = span(toolbox('agent'), (tally) => rate(tally.exactCalls, calls(tally)));
  // An aim holds only where it holds on the untouched data too.
  const untouched = report.untouched ?? [];
  const untouchedRightTool = span(untouched, (tally) => rate(tally.rightTools, tally.requests));
  const untouchedExact = span(untouched, (tally) => rate(tally.exactCalls, calls(tally)));
  const alsoUntouched = (text: string, other: { text: string }) => (untouched.length === 0 ? text : `${text}; on untouched held-out data ${other.text}`);
  const lowest = (value: number, other: { low: number }) => (untouched.length === 0 ? value : Math.min(value, other.low));
  const noInvented = span(toolbox('agent'), (tally) => rate(tally.noInventedOptional, calls(tally)));
  const heldOutTools = report.toolUse.filter((row) => row.split.startsWith('test_tools') && row.variant === 'agent');
  const heldOutArguments = span(heldOutTools, (tally) => rate(tally.argumentsRight, tally.argumentsExpected));
  const heldOutCalls = span(heldOutTools, (tally) => rate(tally.exactCalls, calls(tally)));
  const field = (tally: ExtractionTally | undefined) => (tally === undefined ? 'n/a' : percent(rate(tally.fieldsRight, tally.fields)));
  const passes = (variant: Variant) => {
    const rows = toolbox(variant);
    const sampled = rows.reduce((total, row) => total + row.tally.sampled, 0);
    const forwardPasses = rows.reduce((total, row) => total + row.tally.forwardPasses, 0);
    const exactCalls = rows.reduce((total, row) => total + row.tally.exactCalls, 0);
    const callCount = rows.reduce((total, row) => total + calls(row.tally), 0);
    return { perPass: sampled / Math.max(1, forwardPasses), forwardPasses, exact: percent(rate(exactCalls, callCount)) };
  };
  const plain = passes('agent-one-per-pass');
  const threshold = passes('agent');
  const free = Object.entries(report.freeGeneration)
    .filter(([title]) => title.startsWith('threshold'))
    .map(([title, tally]) => `${(tally.committedTokens / Math.max(1, tally.forwardPasses)).toFixed(2)} (${title.replace(' (Fast-dLLM)', '')})`)
    .join(', ');
  const latency = (entry: Latency) =>
    `${entry.oneThread.toFixed(1)} ms (1 thread), ${entry.twoThreads.toFixed(1)} ms (2 threads)${
      entry.cachedOneThread === undefined || entry.cachedTwoThreads === undefined
        ? ''
        : ` whole, ${entry.cachedOneThread.toFixed(1)} / ${entry.cachedTwoThreads.toFixed(1)} ms with the prompt cached`
    }${entry.variant === undefined ? '' : ` with \`variant: '${entry.variant}'\``}`;
  const slowest = (entry: Latency) => Math.max(entry.oneThread, entry.twoThreads);
  const slowestCached = (entry: Latency) => Math.max(entry.cachedOneThread ?? Number.NaN, entry.cachedTwoThreads ?? Number.NaN);
  const fastest = report.forwardPassMs.reduce((best, entry) => (slowest(entry) < slowest(best) ? entry : best));
  const fastestCached = Math.min(...report.forwardPassMs.map(slowestCached).filter((value) => !Number.isNaN(value)));
  // A chat's denoising steps after the first run with the prompt cached: the aim is met for them when it is not
  // for a whole pass.
  const latencyMet = slowest(fastest) < 10 ? 'yes' : fastestCached < 10 ? 'with the prompt cache' : 'no';
  const rows = [
    ['right tool on held-out toolbox requests, at least 97%', alsoUntouched(`${rightTool.text} (the model alone ${rightToolAlone.text}; failed runs count as wrong)`, untouchedRightTool), met(lowest(rightTool.low, untouchedRightTool), 97)],
    ['every argument exact, at least 90%', alsoUntouched(exact.text, untouchedExact), met(lowest(exact.low, untouchedExact), 90)],
    ['no invented optional argument, at least 97%', noInvented.text, met(noInvented.low, 97)],
    ['held-out tools, argument exact (aim 70%)', `${heldOutArguments.text} of arguments, ${heldOutCalls.text} of calls`, met(heldOutArguments.low, 70)],
    ['extraction, field exact (reported)', `${field(report.extraction.plain)} plain, ${field(report.extraction.grounded)} with grounded holes`, '-'],
    ['forward pass, 256-token canvas, under 10 ms', report.forwardPassMs.map(latency).join('; '), latencyMet],
    [
      'tokens per forward pass with the threshold rule (reported)',
      `plan infill ${plain.perPass.toFixed(2)} -> ${threshold.perPass.toFixed(2)} with the agent's default \`parallelThreshold: 0.9\` (${plain.forwardPasses} -> ${threshold.forwardPasses} forward passes; every argument exact ${plain.exact} -> ${threshold.exact}); free generation ${free}`,
      '-',
    ],
  ];
  return ['| aim | measured above (agent with its defaults unless said) | met |', '| --- | --- | --- |', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

const CARD_SECTION = '## Evaluation through the SDK';

/** Replaces (or appends) the card's evaluation section, leaving the rest of the card as it is. */
function writeCardSection(card: string, body: string): void {
  const text = existsSync(card) ? readFileSync(card, 'utf8') : '';
  const start = text.indexOf(CARD_SECTION);
  const rest = start === -1 ? '' : text.slice(start + CARD_SECTION.length);
  const next = rest.search(/\n## /);
  const before = start === -1 ? `${text.trimEnd()}\n\n` : text.slice(0, start);
  const after = next === -1 ? '' : rest.slice(next + 1);
  writeFileSync(card, `${before}${CARD_SECTION}\n\n${body.trimEnd()}\n${after === '' ? '' : `\n${after}`}`);
}

function machine(): string {
  return `${cpus()[0]?.model.trim() ?? 'unknown CPU'} (${availableParallelism()} cores), Node ${process.versions.node}`;
}

await main();
