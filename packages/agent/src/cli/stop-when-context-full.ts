import type { DiffusionModel } from '@lacuna/core';
import type { AgentStep, StopConditionInput } from '../agent/agent-types.js';
import { parametersOf } from '../checks/check-calls.js';
import { renderAgentMessages, type AgentTurn } from '../prompt/agent-messages.js';
import type { ToolSet } from '../tools/tool.js';

/**
 * Positions kept free for the next step's plan, at most: a plan of four calls with grown string holes can take
 * a few hundred positions on a byte-level vocabulary; this is a measured margin, not a bound. The default
 * reserve is the smaller of this and a quarter of the model's context, so that a 512-position model (the
 * default model, whose tokens hold 3.5 characters) still gets to answer from its tools' results.
 */
export const DEFAULT_PLAN_RESERVE = 384;

/**
 * A stop condition that ends the run once the conversation so far leaves fewer than `reserve` positions for
 * the next plan. Small-context models (the fixture reads 1,024 positions) would otherwise fail the next step
 * with CONTEXT_TOO_LONG after a few tool results; this stops the run cleanly with `stop-condition` instead.
 * The prompt is rebuilt the way the agent builds it: the request, then each step's calls and results.
 */
export function stopWhenContextFull(options: {
  readonly model: DiffusionModel;
  readonly tools: ToolSet;
  readonly request: string;
  readonly instructions?: string;
  readonly reserve?: number;
}): (input: StopConditionInput) => boolean {
  const signatures = Object.entries(options.tools).map(([name, tool]) => ({ name, description: tool.description, parameters: parametersOf(tool) }));
  const { tokenizer, spec } = options.model;
  const reserve = options.reserve ?? Math.min(DEFAULT_PLAN_RESERVE, Math.floor(spec.maxLength / 4));
  return ({ steps }) => {
    const messages = renderAgentMessages({
      tools: signatures,
      turns: turnsOf(options.request, steps),
      ...(options.instructions === undefined ? {} : { instructions: options.instructions }),
    });
    const promptLength = tokenizer.encode(tokenizer.applyChatTemplate(messages, { addGenerationPrompt: true })).length;
    return promptLength + reserve > spec.maxLength;
  };
}

function turnsOf(request: string, steps: readonly AgentStep[]): AgentTurn[] {
  const turns: AgentTurn[] = [{ role: 'user', content: request }];
  for (const step of steps) {
    if (step.toolCalls.length === 0) continue;
    turns.push({ role: 'assistant', calls: step.toolCalls.map((call) => ({ tool: call.tool, arguments: call.input })) });
    turns.push({
      role: 'tool',
      results: step.toolResults.map((result) => (result.error === undefined ? { tool: result.tool, result: result.output } : { tool: result.tool, error: result.error.message })),
    });
  }
  return turns;
}
