/**
 * The default model's prompt cache against whole passes: the same model file loaded twice, once with
 * `promptCacheSize: 0`. First a forward pass over a 256-token chat canvas (a 208-token prompt ending with
 * `<|assistant|>`, 48 masked answer tokens, their rows asked for), float32 and int8, one and two threads, the
 * models taking turns in blocks; the cached pass is timed with its prompt already encoded, as every denoising step
 * after the first finds it. Then one planned call per held-out request (`planCall`, what `lacuna call` runs), the
 * two loads alternating request by request, and whether they planned the same calls.
 */
import { fileURLToPath } from 'node:url';
import { demoToolMenu, demoToolSet, planCall } from '@lacuna/agent/cli';
import { loadModel } from '@lacuna/core';
import { modelPath } from '@lacuna/model-default';
import { chatForwardPassCanvas, forwardPassMedians, MASKED_ROWS, TIMED_PASSES } from './forward-pass-timing.js';
import { generateHeldOutCalls } from './held-out-calls.js';
import { median, printTable } from './table.js';

const REQUEST = 'Book a table for four at The Green Door at 19:30 tomorrow and convert 250 USD to EUR, please. ';
const PLANNED_REQUESTS = 40;

async function benchForwardPass(): Promise<void> {
  const rows: string[][] = [];
  for (const threads of [1, 2]) {
    const load = (variant: string | undefined, promptCacheSize: number) =>
      loadModel(modelPath, { intraOpThreads: threads, promptCacheSize, ...(variant === undefined ? {} : { variant }) });
    const models = [await load(undefined, 0), await load(undefined, 8), await load('int8', 0), await load('int8', 8)];
    try {
      const [float32Whole = Number.NaN, float32Cached = Number.NaN, int8Whole = Number.NaN, int8Cached = Number.NaN] =
        await forwardPassMedians(models.map((model) => ({ model, request: chatForwardPassCanvas(model, REQUEST) })));
      for (const [name, whole, cached] of [['float32', float32Whole, float32Cached], ['int8', int8Whole, int8Cached]] as const) {
        rows.push([String(threads), name, `${whole.toFixed(2)} ms`, `${cached.toFixed(2)} ms`, (cached / whole).toFixed(2)]);
      }
    } finally {
      await Promise.all(models.map((model) => model.dispose()));
    }
  }
  printTable(
    `Default model: a forward pass over a 256-token chat canvas (${256 - MASKED_ROWS}-token prompt, ${MASKED_ROWS} masked answer rows asked for), whole against the prompt cached, median of ${TIMED_PASSES}`,
    ['threads', 'file', 'whole pass', 'cached prompt', 'cached / whole'],
    rows,
  );
}

async function benchPlannedCalls(): Promise<void> {
  const requests = generateHeldOutCalls(0, PLANNED_REQUESTS).slice(0, PLANNED_REQUESTS + 1).map((call) => call.request);
  const cached = await loadModel(modelPath);
  const whole = await loadModel(modelPath, { promptCacheSize: 0 });
  const times = { cached: [] as number[], whole: [] as number[] };
  let samePlans = 0;
  try {
    for (const [index, request] of requests.entries()) {
      const plans: string[] = [];
      // Alternating which goes first, so that neither always finds the machine warmer.
      const order = index % 2 === 0 ? (['cached', 'whole'] as const) : (['whole', 'cached'] as const);
      for (const name of order) {
        const started = performance.now();
        const plan = await planCall(request, { model: name === 'cached' ? cached : whole, tools: demoToolSet(demoToolMenu(request)), seed: 0 });
        // The first request warms up both sessions.
        if (index > 0) times[name].push(performance.now() - started);
        plans.push(JSON.stringify(plan.calls));
      }
      if (index > 0 && plans[0] === plans[1]) samePlans++;
    }
  } finally {
    await Promise.all([cached.dispose(), whole.dispose()]);
  }
  const [cachedMs, wholeMs] = [median(times.cached), median(times.whole)];
  printTable(
    `Default model: one planned call per held-out request (planCall, ${times.cached.length} requests after a warm-up, default threads), whole passes against the prompt cache`,
    ['whole passes (median ms)', 'prompt cached (median ms)', 'cached / whole', 'same calls planned'],
    [[wholeMs.toFixed(0), cachedMs.toFixed(0), (cachedMs / wholeMs).toFixed(2), `${samePlans}/${times.cached.length}`]],
  );
}

export async function benchPromptCache(): Promise<void> {
  await benchForwardPass();
  await benchPlannedCalls();
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await benchPromptCache();
