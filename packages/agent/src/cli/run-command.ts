import type { AgentResult } from '../agent/agent-types.js';
import { createAgent } from '../agent/agent.js';
import { AGENT_COMMAND_OPTIONS, demoToolSet, parseAgentCommandArguments } from './agent-command-arguments.js';
import { describeRepair } from './describe-repair.js';
import { loadBestModel } from './load-best-model.js';
import { stopWhenContextFull } from './stop-when-context-full.js';

/** Steps of a CLI run unless --max-steps says otherwise: the demo's requests need one or two. */
export const DEFAULT_CLI_MAX_STEPS = 4;

export const RUN_USAGE = `Usage: lacuna run "<request>" [options]

Runs the agent on the demo toolbox (local, deterministic tools) and prints its answer on stdout; tool calls,
results and repairs go to stderr as they happen. With --json: one object with text, finishReason, toolCalls,
toolResults, repairs and usage.

${AGENT_COMMAND_OPTIONS}
  --max-steps    planning steps at most (default ${DEFAULT_CLI_MAX_STEPS})`;

/** `lacuna run`: the answer (or the whole result with --json) on stdout. */
export async function runCommand(argv: readonly string[], out: (text: string) => void): Promise<number> {
  const parsed = parseAgentCommandArguments(argv, RUN_USAGE, { maxSteps: true });
  if (parsed.help) {
    out(`${RUN_USAGE}\n`);
    return 0;
  }
  const { model, checks } = await loadBestModel({ model: parsed.model, onnxVariant: parsed.onnxVariant });
  try {
    const tools = demoToolSet(parsed.toolNames);
    const agent = createAgent({
      model,
      tools,
      checks,
      seed: parsed.seed,
      sampling: { temperature: parsed.temperature },
      maxSteps: parsed.maxSteps ?? DEFAULT_CLI_MAX_STEPS,
      stopWhen: stopWhenContextFull({ model, tools, request: parsed.request }),
    });
    if (!parsed.json) {
      const note = (line: string) => process.stderr.write(`${line}\n`);
      agent.on('tool-call', ({ call }) => note(`-> ${call.tool} ${JSON.stringify(call.input)}`));
      agent.on('repair', ({ repair }) => note(describeRepair(repair)));
      agent.on('tool-result', ({ result }) => note(`<- ${result.tool} ${result.error === undefined ? JSON.stringify(result.output) : `error ${result.error.code}: ${result.error.message}`}`));
    }
    const result = await agent.run(parsed.request);
    if (parsed.json) {
      const { text, finishReason, toolCalls, toolResults, repairs, usage } = result;
      out(`${JSON.stringify({ text, finishReason, toolCalls, toolResults, repairs, usage })}\n`);
    } else if (result.text !== '') out(`${result.text}\n`);
    else process.stderr.write(`${noAnswer(result)}\n`);
    return 0;
  } finally {
    await model.dispose();
  }
}

function noAnswer(result: AgentResult): string {
  const why = result.finishReason === 'stop-condition' ? "the model's context is full" : result.finishReason === 'max-steps' ? 'it reached --max-steps' : `finish reason ${result.finishReason}`;
  const steps = result.steps.length;
  return `no answer: the run stopped after ${steps} step${steps === 1 ? '' : 's'} because ${why}.`;
}
