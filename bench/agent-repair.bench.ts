/**
 * @lacuna/agent benchmarks. Prints Markdown tables; `npm run bench` runs them with the defaults, and
 * docs/benchmarks.md records the results.
 *
 *   node --import tsx bench/agent-repair.bench.ts [--examples 20] [--seed 1] [--corpus a.jsonl,b.jsonl]
 *        [--model folder] [--ground auto|on|off] [--parallel-threshold 0.9|off] [--latency 5]
 *
 * 1. Seeded faults. Held-out single-call `tool_call` examples of the training corpus (generated into a
 *    temporary folder unless --corpus names files), on the demo toolbox. For each, the plan the model would
 *    have made if it were right is built as a real InfillResult (infill of the plan schema driven by a teacher
 *    predictor, bench/teacher-forcing.ts), then one argument is corrupted (a string the request does not
 *    contain, a number past the tool's bounds, another member of an enum) and the agent's checks say what is
 *    wrong. Four recoveries run on the model:
 *    - repair by re-masking: `repair(result, { paths: [[0, 'arguments', field]] })`, the agent's way;
 *    - the same with `feedback` (the error added to the context, the agent's `repair.feedback: true`);
 *    - full regeneration: `infill` of the whole plan from scratch with the same prompt;
 *    - re-ask with the error (instructor-style): `infill` from scratch with the faulty plan as the assistant's
 *      turn and the error as a new user message.
 *    Recovered: the whole call equals the correct one (for repair, the other fields are kept, so this is the
 *    field); also reported: the field alone. Forward passes: mean, and the ratio to full regeneration.
 * 2. End-to-end latency of one planned call: `planCall` (what `lacuna call` runs: the demo tool menu for the
 *    request, one step, checks and repairs) on a few held-out requests; the wall time and the shares spent in
 *    the model's forward passes and inside infill and repair (`usage.modelMs`).
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkCalls, DEFAULT_PARALLEL_THRESHOLD, planGrounding, planSchema, renderAgentMessages, type AgentUsage, type FieldIssue } from '@lacuna/agent';
import { demoToolMenu, demoToolSet, loadBestModel, planCall, type BestModel } from '@lacuna/agent/cli';
import { createRandomSource, type ChatMessage, type DiffusionModel, type PredictionRequest, type PredictionRows, type Predictor } from '@lacuna/core';
import { demoTools } from '@lacuna/demo-toolbox';
import { compileSchema, infill, repair, type CompiledSchema, type FillOptions, type InfillResult } from '@lacuna/infill';
import { FAULT_KINDS, FAULT_TITLES, faultFields, generateHeldOutCalls, readHeldOutCalls, seedFault, type HeldOutCall, type SeededFault } from './held-out-calls.js';
import { median, percentile, printTable } from './table.js';
import { overwriteHole, teacherForcedInfill } from './teacher-forcing.js';

export interface AgentBenchOptions {
  /** Seeded faults per fault kind (default 20). */
  readonly examples?: number;
  /** Seed of the corpus, the choice of examples and fields, and the fills (default 1). */
  readonly seed?: number;
  /** Corpus files (JSON lines) to take the held-out calls from; default: generated into a temporary folder. */
  readonly corpus?: readonly string[];
  /** Model folder; default: the best available (`loadBestModel`). */
  readonly model?: string;
  /** Grounded holes while sampling, as the agent has them: `auto` (default) is on except on the fixture. */
  readonly ground?: 'auto' | 'on' | 'off';
  /** Fast-dLLM's threshold rule inside holes for every recovery: the agent's default unless given; false: off. */
  readonly parallelThreshold?: number | false;
  /** Requests of the latency measurement (default 5). */
  readonly latency?: number;
}

type PlanItem = { tool: string; arguments?: Record<string, unknown>; text?: string };
type Method = 'repair' | 'repairWithFeedback' | 'regenerate' | 'reask';

const METHODS: readonly { readonly method: Method; readonly title: string }[] = [
  { method: 'repair', title: 'repair by re-masking (Lacuna)' },
  { method: 'repairWithFeedback', title: 'repair by re-masking, with the error in the context' },
  { method: 'regenerate', title: 'full regeneration' },
  { method: 'reask', title: 're-ask with the error (instructor-style)' },
];

/** Seeded faults per kind by default: the run takes about a minute on the fixture, 2.5 when its two cores are busy. */
export const DEFAULT_EXAMPLES = 20;

/** Target of the issue: repair recovers at least as often as the others, with at most 30% of the passes. */
const PASS_RATIO_TARGET = 0.3;

interface Outcome {
  readonly callCorrect: boolean;
  readonly fieldCorrect: boolean;
  readonly forwardPasses: number;
  readonly ms: number;
  readonly error?: string;
}

/** A fill and its wall time, or why it failed. */
interface Measured {
  readonly result?: InfillResult<PlanItem[]>;
  readonly error?: string;
  readonly ms: number;
}

async function measure(run: () => Promise<InfillResult<PlanItem[]>>): Promise<Measured> {
  const started = performance.now();
  try {
    const result = await run();
    return { result, ms: performance.now() - started };
  } catch (error) {
    return { error: reasonOf(error), ms: performance.now() - started };
  }
}

interface Trial {
  readonly fault: SeededFault;
  /** What the agent's checks said, as the repair's feedback and the re-ask's message word it. */
  readonly feedback: string;
  readonly outcomes: Readonly<Record<Method, Outcome>>;
}

export async function benchAgentRepair(options: AgentBenchOptions = {}): Promise<void> {
  const examples = options.examples ?? DEFAULT_EXAMPLES;
  const seed = options.seed ?? 1;
  const notices: string[] = [];
  const best = await loadBestModel({ model: options.model, warn: (line) => notices.push(line) });
  const ground = options.ground === 'on' || (options.ground !== 'off' && !best.resolved.isFixture);
  const modelName = describeModel(best);
  const parallelThreshold = options.parallelThreshold ?? DEFAULT_PARALLEL_THRESHOLD;
  const threshold = `; parallelThreshold ${parallelThreshold === false ? 'off' : parallelThreshold}`;
  console.log(`\n## @lacuna/agent\n\nModel: ${modelName}; grounded holes ${ground ? 'on' : 'off'}${threshold}; seed ${seed}.`);
  if (best.resolved.isFixture) {
    console.log('On the random-weight fixture the values are noise: recovery rates say nothing, forward-pass counts and times are real.');
  }

  const started = performance.now();
  // About 2% of held-out tool calls carry an enum argument: enough lines for `examples` of each kind.
  const calls = options.corpus === undefined ? generateHeldOutCalls(seed, Math.max(200, 40 * examples)) : readHeldOutCalls(options.corpus);
  const trials: Trial[] = [];
  const skipped = new Map<string, number>();
  const skip = (reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  const regenerated = new Map<string, Measured>();
  // One fill before anything is timed: the ONNX session's first runs are slower.
  const [first] = calls;
  if (first !== undefined) {
    await infill({ model: best.model, schema: compiledPlan(planSchema(first.tools)), prompt: renderAgentMessages({ tools: first.tools, turns: [{ role: 'user', content: first.request }] }), seed }).catch(() => undefined);
  }
  for (const [index, kind] of FAULT_KINDS.entries()) {
    const random = createRandomSource(seed * 1009 + index);
    let used = 0;
    for (const call of shuffled(calls, random)) {
      if (used >= examples) break;
      const fields = faultFields(call, kind);
      const field = fields[Math.floor(random.next() * fields.length)];
      if (field === undefined) continue;
      const fault = seedFault(kind, call, field, calls, () => random.next());
      if (fault === undefined) {
        skip(`${kind}: no decoy value`);
        continue;
      }
      const trial = await runTrial(best.model, fault, { ground, seed, regenerated, parallelThreshold }).catch((error: unknown) => {
        skip(`${kind}: ${reasonOf(error)}`);
        return undefined;
      });
      if (trial === undefined) continue;
      trials.push(trial);
      used++;
    }
  }
  const seconds = (performance.now() - started) / 1000;

  const rows = (subset: readonly Trial[]) => {
    const regenerationPasses = mean(subset.filter((trial) => trial.outcomes.regenerate.error === undefined).map((trial) => trial.outcomes.regenerate.forwardPasses));
    return METHODS.map(({ method, title }) => {
      const outcomes = subset.map((trial) => trial.outcomes[method]);
      // A fill that threw (the re-ask prompt too long for the model) counts as not recovered, and not in the means.
      const filled = outcomes.filter((outcome) => outcome.error === undefined);
      const passes = mean(filled.map((outcome) => outcome.forwardPasses));
      return [
        title,
        rate(outcomes.filter((outcome) => outcome.callCorrect).length, outcomes.length),
        rate(outcomes.filter((outcome) => outcome.fieldCorrect).length, outcomes.length),
        passes.toFixed(1),
        (passes / regenerationPasses).toFixed(2),
        mean(filled.map((outcome) => outcome.ms)).toFixed(0),
        String(outcomes.filter((outcome) => outcome.error !== undefined).length),
      ];
    });
  };
  printTable(
    'The seeded faults as the checks word them (first call of each kind)',
    ['fault', 'tool', 'field', 'correct', 'seeded', 'feedback'],
    FAULT_KINDS.flatMap((kind) => {
      const trial = trials.find((candidate) => candidate.fault.kind === kind);
      if (trial === undefined) return [];
      const { fault } = trial;
      return [[FAULT_TITLES[kind], fault.call.tool, fault.field, JSON.stringify(fault.correct), JSON.stringify(fault.wrong), trial.feedback.replace(/\n/g, ' / ').replace(/\|/g, '\\|')]];
    }),
  );
  const header = ['recovery', 'call recovered', 'field recovered', 'forward passes (mean)', 'passes / full regeneration', 'ms (mean)', 'errors (not in the means)'];
  for (const kind of FAULT_KINDS) {
    const subset = trials.filter((trial) => trial.fault.kind === kind);
    if (subset.length === 0) continue;
    printTable(`Seeded fault: ${FAULT_TITLES[kind]} (${subset.length} calls)`, header, rows(subset));
  }
  printTable(`Seeded faults, overall (${trials.length} calls)`, header, rows(trials));

  const verdicts = [...FAULT_KINDS.map((kind) => [FAULT_TITLES[kind], trials.filter((trial) => trial.fault.kind === kind)] as const), ['overall', trials] as const]
    .filter(([, subset]) => subset.length > 0)
    .map(([title, subset]) => {
      const recovered = (method: Method) => subset.filter((trial) => trial.outcomes[method].callCorrect).length;
      const others = Math.max(recovered('regenerate'), recovered('reask'));
      const passes = (method: Method) => mean(subset.filter((trial) => trial.outcomes[method].error === undefined).map((trial) => trial.outcomes[method].forwardPasses));
      const ratio = passes('repair') / passes('regenerate');
      // On the fixture every value is noise: whether repair recovers more often says nothing.
      const recoveryMet = best.resolved.isFixture ? 'n/a (fixture)' : recovered('repair') >= others ? 'yes' : 'no';
      return [title, rate(recovered('repair'), subset.length), rate(others, subset.length), recoveryMet, ratio.toFixed(2), ratio <= PASS_RATIO_TARGET ? 'yes' : 'no'];
    });
  printTable(
    'Target: repair recovers at least as often as the others, with at most 30% of the forward passes of full regeneration',
    ['fault', 'repair recovered', 'best of the others', 'recovery met', 'repair passes / full regeneration', 'passes met (<= 0.30)'],
    verdicts,
  );
  const skips = [...skipped].map(([reason, count]) => `${count} × ${reason}`).join('; ');
  const errors = new Map<string, number>();
  for (const trial of trials) for (const { method } of METHODS) {
    const error = trial.outcomes[method].error;
    if (error !== undefined) errors.set(error, (errors.get(error) ?? 0) + 1);
  }
  const failed = [...errors].map(([reason, count]) => `${count} × ${reason}`).join('; ');
  console.log(`\n${trials.length} seeded faults in ${seconds.toFixed(0)} s.${skips === '' ? '' : ` Calls skipped: ${skips}.`}${failed === '' ? '' : ` Fills that threw: ${failed}.`}`);

  await benchPlanLatency(best, calls, { requests: options.latency ?? 5, seed });
  for (const notice of notices) console.log(`\n${notice}`);
  await best.model.dispose();
}

async function runTrial(
  model: DiffusionModel,
  fault: SeededFault,
  options: { ground: boolean; seed: number; regenerated: Map<string, Measured>; parallelThreshold: number | false },
): Promise<Trial> {
  const { call, field } = fault;
  const jsonSchema = planSchema(call.tools);
  const schema = compiledPlan(jsonSchema);
  const messages = renderAgentMessages({ tools: call.tools, turns: [{ role: 'user', content: call.request }] });
  const fill: FillOptions = {
    seed: options.seed,
    ...(options.ground ? { ground: planGrounding(demoTools, call.tools, call.request) } : {}),
    // Repair inherits it from the session the teacher-forced fill leaves.
    ...(options.parallelThreshold === false ? {} : { parallelThreshold: options.parallelThreshold }),
  };
  const correct: PlanItem[] = [{ tool: call.tool, arguments: { ...call.arguments } }];
  const faulty: PlanItem[] = [{ tool: call.tool, arguments: { ...call.arguments, [field]: fault.wrong } }];
  const path = [0, 'arguments', field];

  // The plan the model would have made if it were right, then the fault written into the field's hole.
  let forced: InfillResult<PlanItem[]>;
  try {
    forced = await teacherForcedInfill({ ...fill, model, schema, jsonSchema, value: correct, prompt: messages });
  } catch (error) {
    // Grouped in the summary by what failed, not by the budgets and lengths the messages carry.
    throw new Error(`infill cannot write the correct plan (${reasonOf(error, { detail: true }).replace(/\s*\(.*$|;.*$/, '').replace(/\b\d{2,}\b/g, 'N')})`);
  }
  if (!sameJson(forced.value, correct)) throw new Error('the teacher-forced plan is not the correct one');
  if (!sameJson(overwriteHole(forced, path, fault.wrong), faulty)) throw new Error('the fault could not be written into the session');

  // What the agent's checks say about the faulty call: the feedback of the repair and of the re-ask.
  const issues = (await checkCalls([{ tool: call.tool, arguments: faulty[0]?.arguments ?? {} }], demoToolSet([call.tool as keyof typeof demoTools]), {
    context: call.request,
    minConfidence: 0,
    holes: [],
    validators: {
      // A wrong enum value is valid for the schema: a validator of the application rejects it.
      [call.tool]: async (input) => (fault.kind === 'enum' && (input as Record<string, unknown>)[field] === fault.wrong ? [{ path: [field], message: `${field}: ${JSON.stringify(fault.wrong)} is not what the request asks for.` }] : []),
    },
  })).filter((issue: FieldIssue) => issue.path.length === 1 && issue.path[0] === field);
  if (issues.length === 0) throw new Error('the checks do not reject the fault');
  // As the agent words it (agent.ts): one line per rejection, prefixed by the tool.
  const feedback = issues.map((issue) => `${issue.tool}: ${issue.message}`).join('\n');

  const judge = (method: Method, measured: Measured): Outcome => {
    if (measured.result === undefined) return { callCorrect: false, fieldCorrect: false, forwardPasses: 0, ms: measured.ms, error: `${method}: ${measured.error ?? 'failed'}` };
    const { value } = measured.result;
    const item = value[0];
    return {
      callCorrect: sameJson(value, correct),
      fieldCorrect: value.length === 1 && item?.tool === call.tool && sameJson(item.arguments?.[field], fault.correct),
      forwardPasses: measured.result.forwardPasses,
      ms: measured.ms,
    };
  };
  const repaired = await measure(() => repair(forced, { paths: [path] }));
  // A repair moves its session on: the variant with feedback starts from a second teacher-forced fill.
  const repairedWithFeedback = await measure(async () => {
    const again = await teacherForcedInfill({ ...fill, model, schema, jsonSchema, value: correct, prompt: messages });
    overwriteHole(again, path, fault.wrong);
    return repair(again, { paths: [path], feedback });
  });
  // Full regeneration does not depend on the fault: one fill per call, whatever faults are seeded in it.
  let regenerated = options.regenerated.get(call.id);
  if (regenerated === undefined) {
    regenerated = await measure(() => infill({ ...fill, model, schema, prompt: messages }));
    options.regenerated.set(call.id, regenerated);
  }
  const reasked = await measure(() => {
    const prompt: ChatMessage[] = [
      ...renderAgentMessages({ tools: call.tools, turns: [{ role: 'user', content: call.request }, { role: 'assistant', calls: faulty.map((item) => ({ tool: item.tool, arguments: item.arguments })) }] }),
      { role: 'user', content: `The previous answer was rejected:\n${feedback}` },
    ];
    return infill({ ...fill, model, schema, prompt });
  });
  const outcomes: Record<Method, Outcome> = {
    repair: judge('repair', repaired),
    repairWithFeedback: judge('repairWithFeedback', repairedWithFeedback),
    regenerate: judge('regenerate', regenerated), reask: judge('reask', reasked) };
  return { fault, feedback, outcomes };
}

/**
 * One planning step of `lacuna call` per request (`planCall`: the demo tool menu for the request, the model's
 * checks, repairs), after one warm-up call. The predictor is wrapped to time the forward passes.
 */
async function benchPlanLatency(best: BestModel, calls: readonly HeldOutCall[], options: { requests: number; seed: number }): Promise<void> {
  if (options.requests <= 0) return;
  const requests = shuffled(calls, createRandomSource(options.seed * 7919)).slice(0, options.requests + 1).map((call) => call.request);
  const predictor = timed(best.model.predictor);
  const model: DiffusionModel = { ...best.model, predictor };
  const samples: { wallMs: number; forwardMs: number; usage: AgentUsage; repairs: number }[] = [];
  let failures = 0;
  for (const [index, request] of requests.entries()) {
    const forwardBefore = predictor.forwardMs;
    let usage: AgentUsage | undefined;
    const started = performance.now();
    try {
      const plan = await planCall(request, {
        model,
        tools: demoToolSet(demoToolMenu(request)),
        checks: best.checks,
        seed: options.seed,
        onPart: (part) => {
          if (part.type === 'finish') usage = part.result.usage;
        },
      });
      // The first call warms up the ONNX session and infill's caches.
      if (index > 0 && usage !== undefined) samples.push({ wallMs: performance.now() - started, forwardMs: predictor.forwardMs - forwardBefore, usage, repairs: plan.repairs.length });
    } catch {
      if (index > 0) failures++;
    }
  }
  const walls = samples.map((sample) => sample.wallMs);
  const share = (part: (sample: (typeof samples)[number]) => number) => `${((100 * sum(samples.map(part))) / sum(walls)).toFixed(0)}%`;
  printTable(
    `One planned call, end to end (planCall, ${samples.length} held-out request${samples.length === 1 ? '' : 's'} after a warm-up${failures > 0 ? `, ${failures} failed` : ''})`,
    ['model', 'median wall (ms)', 'p90 wall (ms)', 'forward passes (median)', 'in forward passes', 'in infill + repair (usage.modelMs)', 'repairs'],
    [[describeModel(best, true), median(walls).toFixed(0), percentile(walls, 0.9).toFixed(0), String(median(samples.map((sample) => sample.usage.forwardPasses))), share((sample) => sample.forwardMs), share((sample) => sample.usage.modelMs), String(sum(samples.map((sample) => sample.repairs)))]],
  );
}

const compiledPlans = new Map<string, CompiledSchema<PlanItem[]>>();

function compiledPlan(jsonSchema: object): CompiledSchema<PlanItem[]> {
  const key = JSON.stringify(jsonSchema);
  let compiled = compiledPlans.get(key);
  if (compiled === undefined) {
    compiled = compileSchema(jsonSchema as Record<string, unknown>) as CompiledSchema<PlanItem[]>;
    compiledPlans.set(key, compiled);
  }
  return compiled;
}

function timed(predictor: Predictor): Predictor & { forwardMs: number } {
  const wrapper = {
    vocabularySize: predictor.vocabularySize,
    maxLength: predictor.maxLength,
    forwardMs: 0,
    async predict(batch: readonly PredictionRequest[], options?: { signal?: AbortSignal }): Promise<PredictionRows[]> {
      const started = performance.now();
      try {
        return await predictor.predict(batch, options);
      } finally {
        wrapper.forwardMs += performance.now() - started;
      }
    },
  };
  return wrapper;
}

function describeModel(best: BestModel, short = false): string {
  const name = best.resolved.isFixture ? 'models/tiny-random' : best.resolved.source === 'default' ? 'models/default' : best.resolved.folder;
  if (short) return best.resolved.isFixture ? `${name} (fixture)` : name;
  return `${name} (${best.resolved.isFixture ? 'random-weight fixture' : `${best.resolved.source} model`}, vocabulary ${best.model.predictor.vocabularySize}, ${best.model.predictor.maxLength} positions)`;
}

/** JSON equality, whatever the key order. */
function sameJson(left: unknown, right: unknown): boolean {
  return canonical(left) === canonical(right);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

function shuffled<T>(items: readonly T[], random: { next(): number }): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random.next() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

function reasonOf(error: unknown, options: { detail?: boolean } = {}): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code !== 'string') return message;
  return options.detail ? `${code}: ${message}` : code;
}

function rate(count: number, total: number): string {
  return `${((100 * count) / Math.max(1, total)).toFixed(0)}% (${Math.round(count)}/${total})`;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : sum(values) / values.length;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

const USAGE = `Usage: node --import tsx bench/agent-repair.bench.ts [options]

  --examples N     seeded faults per fault kind (default ${DEFAULT_EXAMPLES})
  --seed N         seed of the corpus, the choice of calls and fields, and the fills (default 1)
  --corpus a,b     held-out corpus files (JSON lines) instead of generating them into a temporary folder
  --model DIR      model folder (default: the best available: $LACUNA_MODEL, models/default, the fixture)
  --ground MODE    grounded holes while sampling: auto (the agent's: on except on the fixture), on, off
  --parallel-threshold P
                   Fast-dLLM's threshold rule inside holes for every recovery: a probability, or off
                   (default: the agent's, ${DEFAULT_PARALLEL_THRESHOLD})
  --latency N      requests of the end-to-end planning measurement (default 5; 0 skips it)`;

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      examples: { type: 'string', default: String(DEFAULT_EXAMPLES) },
      seed: { type: 'string', default: '1' },
      corpus: { type: 'string' },
      model: { type: 'string' },
      ground: { type: 'string', default: 'auto' },
      latency: { type: 'string', default: '5' },
      'parallel-threshold': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const examples = Number(values.examples);
  const seed = Number(values.seed);
  const latency = Number(values.latency);
  if (!Number.isInteger(examples) || examples < 1 || !Number.isInteger(seed) || !Number.isInteger(latency) || latency < 0) {
    throw new RangeError('--examples takes a whole number >= 1, --seed a whole number, --latency a whole number >= 0.');
  }
  if (values.ground !== 'auto' && values.ground !== 'on' && values.ground !== 'off') throw new RangeError('--ground takes auto, on or off.');
  const given = values['parallel-threshold'];
  const parallelThreshold = given === undefined ? undefined : given === 'off' ? false : Number(given);
  if (typeof parallelThreshold === 'number' && !(parallelThreshold > 0 && parallelThreshold <= 1)) throw new RangeError('--parallel-threshold takes a probability in (0, 1] or off.');
  await benchAgentRepair({
    examples,
    seed,
    latency,
    ground: values.ground,
    ...(parallelThreshold === undefined ? {} : { parallelThreshold }),
    ...(values.corpus === undefined ? {} : { corpus: values.corpus.split(',') }),
    ...(values.model === undefined ? {} : { model: values.model }),
  });
}
