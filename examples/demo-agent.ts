/**
 * The demo agent (`npm start`): the best model available and the demo toolbox (local, deterministic tools)
 * on a few requests. Shows the plan canvas being denoised, every repair, the tool calls, their results and
 * the answer.
 *
 *   npx tsx examples/demo-agent.ts [model-folder] ["request" ...]
 *
 * It runs on the default model (models/default), which is small and often wrong (its model card says how
 * often); on the random-weight fixture the plans are noise and the grounding and confidence checks are relaxed.
 * Either way every step, constraint, repair, call and result is real.
 */
import { createAgent, type AgentResult } from '@lacuna/agent';
import { demoToolMenu, demoToolSet, loadBestModel, stopWhenContextFull } from '@lacuna/agent/cli';
import { plausibilityValidators } from './shared/plausibility-validators.js';
import { printAgentStream } from './shared/print-agent-stream.js';
import { isScript } from './shared/run-as-script.js';
import { processTerminal, type Terminal } from './shared/terminal.js';

export const DEMO_REQUESTS: readonly string[] = [
  "What's the weather in Lisbon?",
  'Convert 250 USD to EUR.',
  'Set a timer for 10 minutes for the pasta.',
];

export interface DemoOptions {
  /** A model folder; default: the best available (see resolveModelFolder). */
  readonly model?: string;
  readonly requests?: readonly string[];
  readonly terminal?: Terminal;
  readonly maxSteps?: number;
  readonly seed?: number;
}

export interface DemoRun {
  readonly request: string;
  readonly tools: readonly string[];
  /** The run's result, or the error that stopped it (a repair that failed is an outcome worth showing). */
  readonly result?: AgentResult;
  readonly error?: { readonly code: string; readonly message: string };
}

export async function main(options: DemoOptions = {}): Promise<DemoRun[]> {
  const terminal = options.terminal ?? processTerminal();
  const { model, checks, resolved } = await loadBestModel({ model: options.model });
  terminal.write(`model: ${resolved.folder} (${resolved.source})\n`);
  const runs: DemoRun[] = [];
  try {
    for (const request of options.requests ?? DEMO_REQUESTS) {
      // A menu of the tools that best match the request, as the model is trained on menus of 3 to 8 tools.
      const names = demoToolMenu(request);
      const tools = demoToolSet(names);
      terminal.write(`\n== ${request}\n   tools offered: ${names.join(', ')}\n`);
      const agent = createAgent({
        model,
        tools,
        checks: { ...checks, validators: plausibilityValidators() },
        maxSteps: options.maxSteps ?? 3,
        seed: options.seed ?? 0,
        stopWhen: stopWhenContextFull({ model, tools, request }),
      });
      try {
        runs.push({ request, tools: names, result: await printAgentStream(agent.stream(request), terminal) });
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (typeof code !== 'string') throw error;
        terminal.write(`  stopped: ${code}: ${(error as Error).message}\n`);
        runs.push({ request, tools: names, error: { code, message: (error as Error).message } });
      }
    }
  } finally {
    await model.dispose();
  }
  return runs;
}

if (isScript(import.meta.url)) {
  const [model, ...requests] = process.argv.slice(2);
  await main({ ...(model === undefined || model === '' ? {} : { model }), ...(requests.length > 0 ? { requests } : {}) });
}
