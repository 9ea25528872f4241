import { namesArgument } from '../checks/argument-labels.js';
import { typesOf } from '../checks/grounding.js';
import type { ToolSignature } from '../prompt/agent-messages.js';
import type { ToolSet } from '../tools/tool.js';
import { planArgumentAt } from './plan-argument.js';

/**
 * infill's `present` for a plan of the `offered` tools: an optional argument the conversation names (by its
 * description or its name in words: "project code VZO-24", "the notes is ...", "without two-factor authentication")
 * is written, and so is a choice (an enum or a boolean) the tool's own reader finds stated in other words
 * (`play_music`'s shuffle in "in random order", `get_weather`'s unit in "in °F"); any other is the model's to
 * decide. A weak model leaves out arguments a request states in just those words, and a request seldom names an
 * argument it does not give. Never says an argument is absent.
 */
export function planPresence(tools: ToolSet, offered: readonly ToolSignature[], context: string): (property: { readonly pointer: string }) => boolean | undefined {
  return ({ pointer }) => {
    const argument = planArgumentAt(pointer, offered);
    if (argument?.property === undefined) return undefined;
    if (namesArgument(context, argument.name, argument.property.description)) return true;
    const reader = tools[argument.signature.name]?.grounding?.[argument.name];
    return typeof reader === 'object' && isChoice(argument.property) && reader.statedValues(context).length > 0 ? true : undefined;
  };
}

/** Whether an argument takes one of a few values: an enum's members or a boolean (not a number or a text). */
function isChoice(property: object): boolean {
  return (property as { enum?: unknown }).enum !== undefined || typesOf(property as Parameters<typeof typesOf>[0]).includes('boolean');
}
