import { argumentLabels, labelMentions } from '../checks/argument-labels.js';
import type { ToolSignature } from '../prompt/agent-messages.js';

/** A top-level argument's property in a plan schema (`planSchema`): branch `N`'s argument `NAME`. */
const ARGUMENT_POINTER = /^#\/items\/oneOf\/(\d+)\/properties\/arguments\/properties\/([^/]+)$/;

/**
 * infill's `present` for a plan of the `offered` tools: an optional argument the conversation names (by its
 * description or its name in words: "project code VZO-24", "the notes is ...", "without two-factor authentication")
 * is written; any other is the model's to decide. A weak model leaves out arguments a request states in just those
 * words, and a request seldom names an argument it does not give. Never says an argument is absent.
 */
export function planPresence(offered: readonly ToolSignature[], context: string): (property: { readonly pointer: string }) => boolean | undefined {
  return ({ pointer }) => {
    const match = ARGUMENT_POINTER.exec(pointer);
    const signature = match === null ? undefined : offered[Number(match[1])];
    if (match === null || signature === undefined) return undefined;
    const name = (match[2] as string).replace(/~1/g, '/').replace(/~0/g, '~');
    const property = (signature.parameters as { properties?: Record<string, { description?: string }> }).properties?.[name];
    if (property === undefined) return undefined;
    return labelMentions(context, argumentLabels(name, property.description)).length > 0 ? true : undefined;
  };
}
