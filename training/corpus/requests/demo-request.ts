import { argumentOrder, type DemoToolName } from '../demo-toolbox.js';
import type { ToolCall } from '../example-types.js';
import { ARGUMENT_DRAWS, slotVariants, type DrawContext } from '../tool-arguments.js';
import { renderTemplate, type RequestTemplate, type SlotFill } from '../templates/template.js';

/** One request for one demo tool, before framing: its words, its call, and what the words normalise. */
export interface DemoRequest {
  readonly text: string;
  readonly call: ToolCall;
  /** Argument names whose values are not verbatim copies of `text`. */
  readonly normalisedArguments: readonly string[];
  readonly entities: readonly string[];
  readonly template: RequestTemplate;
}

export function renderDemoRequest(tool: DemoToolName, template: RequestTemplate, context: DrawContext): DemoRequest {
  const renderers = ARGUMENT_DRAWS[tool](context, slotVariants(template.slots));
  const rendered = renderTemplate(template, context.random, (slot) => {
    const renderer = renderers[slot.name];
    if (renderer === undefined) throw new Error(`Template ${template.id} has a slot {${slot.name}} that ${tool} does not fill.`);
    return renderer(slot.variant);
  });
  const argumentsInOrder: Record<string, unknown> = {};
  const normalisedArguments: string[] = [];
  for (const name of argumentOrder(tool)) {
    const fill: SlotFill | undefined = rendered.fills.get(name);
    if (fill === undefined) continue;
    argumentsInOrder[name] = fill.value;
    if (fill.normalised) normalisedArguments.push(name);
  }
  const entities = [...new Set([...rendered.fills.values()].flatMap((fill) => fill.entities))];
  return { text: rendered.text, call: { tool, arguments: argumentsInOrder }, normalisedArguments, entities, template };
}
