import { namesArgument } from '../checks/argument-labels.js';
import type { ToolSignature } from '../prompt/agent-messages.js';
import { planArgumentAt } from './plan-argument.js';

/**
 * infill's `present` for a plan of the `offered` tools: an optional argument the conversation names (by its
 * description or its name in words: "project code VZO-24", "the notes is ...", "without two-factor authentication")
 * is written; any other is the model's to decide. A weak model leaves out arguments a request states in just those
 * words, and a request seldom names an argument it does not give. Never says an argument is absent.
 */
export function planPresence(offered: readonly ToolSignature[], context: string): (property: { readonly pointer: string }) => boolean | undefined {
  return ({ pointer }) => {
    const argument = planArgumentAt(pointer, offered);
    if (argument?.property === undefined) return undefined;
    return namesArgument(context, argument.name, argument.property.description) ? true : undefined;
  };
}
