/**
 * A weather and travel agent: flights, the weather at the destination and money in the local currency, with
 * a validator of its own (a flight must go somewhere else). Listens to the agent's events rather than
 * iterating its stream.
 *
 *   npx tsx examples/travel-agent.ts [model-folder] ["request"]
 */
import { createAgent, LacunaAgentError, tool, type AgentResult } from '@lacuna/agent';
import { describeRepair, loadBestModel, stopWhenContextFull } from '@lacuna/agent/cli';
import { convert_currency, get_weather, search_flights } from '@lacuna/demo-toolbox';
import { isScript } from './shared/run-as-script.js';
import { processTerminal, type Terminal } from './shared/terminal.js';

export const TRAVEL_REQUEST = "I'm flying from Lisbon to Paris on 2025-07-14 with a friend. Find us flights, and what's the weather in Paris?";

/** The demo toolbox's implementations, declared with `tool()` to add what the agent should know about them. */
export const travelTools = {
  search_flights: tool({
    ...search_flights,
    // A real flight search is slow and flaky: give it time, and retry failures it marks as retryable.
    timeoutMs: 10_000,
    retries: 2,
  }),
  get_weather: tool(get_weather),
  convert_currency: tool(convert_currency),
};

export interface TravelOptions {
  readonly model?: string;
  readonly request?: string;
  readonly terminal?: Terminal;
  readonly maxSteps?: number;
  readonly seed?: number;
}

export interface TravelRun {
  /** The run's result, or the typed error that stopped it (a field still rejected after the repairs). */
  readonly result?: AgentResult;
  readonly error?: LacunaAgentError;
}

export async function main(options: TravelOptions = {}): Promise<TravelRun> {
  const terminal = options.terminal ?? processTerminal();
  const request = options.request ?? TRAVEL_REQUEST;
  const { model, checks } = await loadBestModel({ model: options.model });
  try {
    const agent = createAgent({
      model,
      tools: travelTools,
      instructions: 'You are a travel assistant. Use the tools; copy cities and dates from the request.',
      checks: {
        ...checks,
        validators: {
          // The schema cannot say that two fields differ; a validator can, and a rejection is repaired like any other.
          search_flights: async (input) => {
            const { origin, destination } = input as { origin: string; destination: string };
            return origin.trim().toLowerCase() === destination.trim().toLowerCase()
              ? [{ path: ['destination'], message: `destination: the flight must go somewhere other than ${origin}.` }]
              : [];
          },
        },
      },
      maxSteps: options.maxSteps ?? 3,
      seed: options.seed ?? 0,
      stopWhen: stopWhenContextFull({ model, tools: travelTools, request }),
    });
    terminal.write(`request: ${request}\n`);
    agent.on('step-start', ({ step }) => terminal.write(`step ${step}\n`));
    agent.on('repair', ({ repair }) => terminal.write(`  ${describeRepair(repair)}\n`));
    agent.on('tool-call', ({ call }) => terminal.write(`  -> ${call.tool} ${JSON.stringify(call.input)}\n`));
    agent.on('tool-result', ({ result }) =>
      terminal.write(`  <- ${result.tool} ${result.error === undefined ? JSON.stringify(result.output) : `error ${result.error.code}: ${result.error.message}`}\n`),
    );
    let result: AgentResult;
    try {
      result = await agent.run(request);
    } catch (error) {
      // A field the repairs could not fix stops the run with a typed error that names it: show it, as an app would.
      if (!LacunaAgentError.isInstance(error) || error.code !== 'REPAIR_FAILED') throw error;
      terminal.write(`stopped: ${error.code} (${error.tool} ${JSON.stringify(error.path)}): ${error.message}\n`);
      return { error };
    }
    terminal.write(result.text === '' ? `no answer (${result.finishReason})\n` : `answer: ${result.text}\n`);
    terminal.write(`${result.toolCalls.length} tool calls, ${result.repairs.length} repairs, ${result.usage.forwardPasses} forward passes, ${Math.round(result.usage.wallMs)} ms\n`);
    return { result };
  } finally {
    await model.dispose();
  }
}

if (isScript(import.meta.url)) {
  const [model, request] = process.argv.slice(2);
  await main({ ...(model === undefined || model === '' ? {} : { model }), ...(request === undefined ? {} : { request }) });
}
