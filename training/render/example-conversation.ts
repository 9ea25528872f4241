/**
 * A corpus example as the SDK would meet it at inference: the chat messages of the prompt, and the schema and
 * value of what the model must fill. Tool-use examples become agent planning (the plan schema over the
 * offered tools, rendered with the agent's prompt format); extraction examples become plain infill of the
 * example's schema with the text as the user's message.
 */
import type { ChatMessage } from '@lacuna/core';
import { renderAgentMessages, type AgentTurn } from '../../packages/agent/src/prompt/agent-messages.js';
import { planSchema } from '../../packages/agent/src/planning/plan-schema.js';
import type { Example } from '../corpus/example-types.js';

export interface TrainingConversation {
  readonly messages: ChatMessage[];
  /** JSON Schema of the answer. */
  readonly schema: object;
  /** The answer the model must write. */
  readonly value: unknown;
}

export function exampleConversation(example: Example): TrainingConversation {
  if (example.kind === 'extraction') {
    return { messages: [{ role: 'user', content: example.text }], schema: example.schema, value: example.output };
  }
  const tools = example.tools;
  const schema = planSchema(tools);
  const render = (turns: AgentTurn[]) => renderAgentMessages({ tools, turns });
  switch (example.kind) {
    case 'tool_call':
    case 'procedural_tool_call':
      return {
        messages: render([{ role: 'user', content: example.request }]),
        schema,
        value: example.calls.map((call) => ({ tool: call.tool, arguments: call.arguments })),
      };
    case 'no_tool':
      return { messages: render([{ role: 'user', content: example.request }]), schema, value: [{ tool: 'answer', text: example.answer }] };
    case 'answer_from_result':
      return {
        messages: render([
          { role: 'user', content: example.request },
          { role: 'assistant', calls: [example.call] },
          { role: 'tool', results: [{ tool: example.call.tool, result: example.result }] },
        ]),
        schema,
        value: [{ tool: 'answer', text: example.answer }],
      };
  }
}
