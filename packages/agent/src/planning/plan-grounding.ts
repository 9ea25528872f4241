import { groundedHoleText } from '../checks/grounding.js';
import type { DateReading } from '../checks/stated-dates-and-times.js';
import type { ToolSignature } from '../prompt/agent-messages.js';
import type { ToolSet } from '../tools/tool.js';

/** A top-level argument's hole in a plan schema (`planSchema`): branch `N`'s argument `NAME`. */
const ARGUMENT_POINTER = /^#\/items\/oneOf\/(\d+)\/properties\/arguments\/properties\/([^/]+)$/;

/**
 * infill's `ground` for a plan of the `offered` tools, as the agent samples it (`groundedHoleText` per top-level
 * argument): an argument that must come from the conversation may only be filled, token by token, with a span
 * of `context` (a date or time with one it states, as the schema writes it), so copying is exact by
 * construction. Arguments with a custom grounding function, free ones and nested fields are left to the checks
 * after sampling.
 */
export function planGrounding(
  tools: ToolSet,
  offered: readonly ToolSignature[],
  context: string,
  reading: DateReading = {},
): (hole: { readonly pointer: string }) => string | undefined {
  return ({ pointer }) => {
    const match = ARGUMENT_POINTER.exec(pointer);
    const signature = match === null ? undefined : offered[Number(match[1])];
    const tool = signature === undefined ? undefined : tools[signature.name];
    if (match === null || signature === undefined || tool === undefined) return undefined;
    const name = (match[2] as string).replace(/~1/g, '/').replace(/~0/g, '~');
    const property = (signature.parameters as { properties?: Record<string, object> }).properties?.[name];
    return groundedHoleText(tool, name, property, context, reading);
  };
}
