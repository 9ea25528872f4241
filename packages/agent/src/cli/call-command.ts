import { AGENT_COMMAND_OPTIONS, demoToolSet, parseAgentCommandArguments } from './agent-command-arguments.js';
import { describeRepair } from './describe-repair.js';
import { loadBestModel } from './load-best-model.js';
import { planCall } from './plan-call.js';

export const CALL_USAGE = `Usage: lacuna call "<request>" [options]

Plans the tool call for the request with the agent on the demo toolbox (one step: every field checked, a
rejected field repaired by re-masking its hole) and prints it without running it. With --json:
{ "tool", "args", "forwardPasses", "repairs", "calls" } ("calls" holds every call of the plan).

${AGENT_COMMAND_OPTIONS}`;

/** `lacuna call`: the planned call on stdout; notes on stderr. */
export async function callCommand(argv: readonly string[], out: (text: string) => void): Promise<number> {
  const parsed = parseAgentCommandArguments(argv, CALL_USAGE);
  if (parsed.help) {
    out(`${CALL_USAGE}\n`);
    return 0;
  }
  const { model, checks } = await loadBestModel({ model: parsed.model, onnxVariant: parsed.onnxVariant });
  try {
    const plan = await planCall(parsed.request, {
      model,
      tools: demoToolSet(parsed.toolNames),
      checks,
      seed: parsed.seed,
      sampling: { temperature: parsed.temperature },
    });
    if (parsed.json) {
      out(`${JSON.stringify({ tool: plan.tool, args: plan.args, forwardPasses: plan.forwardPasses, repairs: plan.repairs, calls: plan.calls })}\n`);
      return 0;
    }
    for (const call of plan.calls) out(`${call.tool} ${JSON.stringify(call.args)}\n`);
    for (const repair of plan.repairs) process.stderr.write(`${describeRepair(repair)}\n`);
    process.stderr.write(`planned in ${plan.forwardPasses} forward passes, ${plan.repairs.length} repairs; not run.\n`);
    return 0;
  } finally {
    await model.dispose();
  }
}
