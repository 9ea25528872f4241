import { createAgent } from '../agent/agent.js';
import type { AgentOptions, AgentStreamPart, RepairRecord } from '../agent/agent-types.js';
import type { ToolSet } from '../tools/tool.js';

export interface CallPlan {
  /** The first planned call's tool and arguments. */
  readonly tool: string;
  readonly args: Record<string, unknown>;
  /** Every call of the plan (a plan may hold parallel calls). */
  readonly calls: readonly { readonly tool: string; readonly args: Record<string, unknown> }[];
  readonly forwardPasses: number;
  readonly repairs: readonly RepairRecord[];
}

export type PlanCallOptions = Omit<AgentOptions, 'maxSteps' | 'toolChoice' | 'finalTools' | 'stopWhen'> & {
  readonly signal?: AbortSignal;
  /** Sees every stream part of the planning step (denoising, repairs). */
  readonly onPart?: (part: AgentStreamPart) => void;
};

/**
 * Plans the calls for a request without running any tool: one agent step that must call a tool, every field
 * checked and repaired as in a run. The agent is given the tools without their `execute`, so whatever it
 * plans cannot run (the executor records "no execute function" and nothing else happens).
 */
export async function planCall(request: string, options: PlanCallOptions): Promise<CallPlan> {
  const { signal, onPart, ...agentOptions } = options;
  const agent = createAgent({ ...agentOptions, tools: withoutExecute(options.tools), maxSteps: 1, toolChoice: 'required' });
  let planned: CallPlan | undefined;
  for await (const part of agent.stream(request, signal === undefined ? {} : { signal })) {
    onPart?.(part);
    if (part.type !== 'finish') continue;
    const calls = part.result.toolCalls.map((call) => ({ tool: call.tool, args: call.input }));
    const [first] = calls;
    // toolChoice 'required' leaves the answer out of the plan's schema, so a plan always holds a call.
    if (first === undefined) throw new Error('The planning step produced no call.');
    planned = { tool: first.tool, args: first.args, calls, forwardPasses: part.result.usage.forwardPasses, repairs: part.result.repairs };
  }
  return planned as CallPlan;
}

function withoutExecute(tools: ToolSet): ToolSet {
  return Object.fromEntries(Object.entries(tools).map(([name, { execute: _execute, ...definition }]) => [name, definition]));
}
