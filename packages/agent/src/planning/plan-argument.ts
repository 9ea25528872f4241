import type { ToolSignature } from '../prompt/agent-messages.js';

/** A top-level argument's place in a plan schema (`planSchema`): branch `N`'s argument `NAME`. */
const ARGUMENT_POINTER = /^#\/items\/oneOf\/(\d+)\/properties\/arguments\/properties\/([^/]+)$/;

/**
 * The offered tool and top-level argument a plan schema's pointer names, with the argument's schema; undefined for
 * any other pointer (the answer, a nested field, a branch past the offered tools).
 */
export function planArgumentAt(
  pointer: string,
  offered: readonly ToolSignature[],
): { readonly signature: ToolSignature; readonly name: string; readonly property: { readonly description?: string; readonly format?: string } | undefined } | undefined {
  const match = ARGUMENT_POINTER.exec(pointer);
  const signature = match === null ? undefined : offered[Number(match[1])];
  if (match === null || signature === undefined) return undefined;
  const name = (match[2] as string).replace(/~1/g, '/').replace(/~0/g, '~');
  return { signature, name, property: (signature.parameters as { properties?: Record<string, { description?: string; format?: string }> }).properties?.[name] };
}
