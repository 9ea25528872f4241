import type { ChatMessage } from '@lacuna/core';
import { describeTool } from './describe-tool.js';

/** A tool as the prompt shows it. */
export interface ToolSignature {
  readonly name: string;
  readonly description: string;
  /** JSON Schema of the arguments. */
  readonly parameters: object;
}

/** The pseudo-tool the model picks to reply in words instead of calling a tool. */
export const ANSWER_TOOL = 'answer';

/** One turn of an agent conversation, before rendering. */
export type AgentTurn =
  | { readonly role: 'user'; readonly content: string }
  | { readonly role: 'assistant'; readonly calls: readonly { readonly tool: string; readonly arguments: unknown }[] }
  | { readonly role: 'assistant'; readonly answer: string }
  | { readonly role: 'tool'; readonly results: readonly { readonly tool: string; readonly result?: unknown; readonly error?: string }[] };

/**
 * The conversation as chat messages for the model's chat template. This is the prompt format the default
 * model is trained on (training/corpus renders its examples through this function), so change it only
 * together with the model:
 *
 * - system: the instructions, then `Tools:` and one signature line per tool (`describeTool`);
 * - user: the request as written;
 * - assistant: the plan as compact JSON, `[{"tool":"get_weather","arguments":{"city":"Lisbon"}}]`, or
 *   `[{"tool":"answer","text":"..."}]`;
 * - tool: the results as compact JSON, `[{"tool":"get_weather","result":{...}}]` (`"error"` instead of
 *   `"result"` for a failed call).
 */
export function renderAgentMessages(options: {
  readonly instructions?: string;
  readonly tools: readonly ToolSignature[];
  readonly turns: readonly AgentTurn[];
}): ChatMessage[] {
  const toolLines = options.tools.map((tool) => describeTool(tool.name, tool.description, tool.parameters));
  const system = [options.instructions?.trim(), `Tools:\n${toolLines.join('\n')}`].filter(Boolean).join('\n');
  const messages: ChatMessage[] = [{ role: 'system', content: system }];
  for (const turn of options.turns) {
    if (turn.role === 'user') messages.push({ role: 'user', content: turn.content });
    else if (turn.role === 'tool') messages.push({ role: 'tool', content: JSON.stringify(turn.results) });
    else if ('answer' in turn) messages.push({ role: 'assistant', content: JSON.stringify([{ tool: ANSWER_TOOL, text: turn.answer }]) });
    else messages.push({ role: 'assistant', content: JSON.stringify(turn.calls.map((call) => ({ tool: call.tool, arguments: call.arguments }))) });
  }
  return messages;
}
