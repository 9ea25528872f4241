import { DEMO_TOOL_NAMES, DEMO_TOOL_SPECS, type DemoToolName } from '../demo-toolbox.js';
import type { NoToolExample, ToolSpec } from '../example-types.js';
import { renderDemoRequest } from '../requests/demo-request.js';
import { frameClause, frameSentence, startsWithSlot } from '../requests/framing.js';
import type { Random } from '../random.js';
import { HELD_OUT_FRACTION, partition } from '../splits.js';
import {
  CAPABILITY_REQUESTS,
  CHAT_CATEGORIES,
  MISSING_INFORMATION,
  TOOL_CAPABILITIES,
  UNAVAILABLE_ANSWERS,
} from '../templates/no-tool-requests.js';
import { requestTemplates } from '../templates/request-templates.js';
import { renderTemplate } from '../templates/template.js';
import { toolMenu } from '../tool-menu.js';
import { ARGUMENT_DRAWS, slotVariants } from '../tool-arguments.js';
import type { ExampleContext } from './example-context.js';

const fraction = HELD_OUT_FRACTION.templates;

export const CHAT_PARTITIONS = new Map(CHAT_CATEGORIES.map((category) => [category.name, partition(`chat:${category.name}`, category.requests, (request) => request, fraction)]));
export const CAPABILITY_PARTITION = partition('chat:capability', CAPABILITY_REQUESTS, (request) => request, fraction);
export const MISSING_INFORMATION_PARTITION = partition('chat:missing-information', MISSING_INFORMATION, (entry) => entry.request, fraction);

function demoMenu(random: Random, excluding?: DemoToolName): ToolSpec[] {
  const offered = DEMO_TOOL_NAMES.filter((name) => name !== excluding);
  const size = random.integer(3, 8);
  return random.sample(offered, size).map((name) => DEMO_TOOL_SPECS[name]);
}

/** "I can check the weather, set timers and translate short phrases." from the tools actually offered. */
function capabilityAnswer(tools: readonly ToolSpec[], random: Random): string {
  const phrases = tools.map((tool) => TOOL_CAPABILITIES[tool.name as DemoToolName]);
  const list = phrases.length === 1 ? phrases[0] : `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
  return random.pick([`I can ${list}.`, `Here's what I can do: ${list}.`, `I'm able to ${list}.`, `With my tools I can ${list}.`]);
}

type Category = 'chat' | 'capability' | 'unavailable' | 'missing_information';

/**
 * Requests that get words, not a call: chat, "what can you do", a request for a tool the prompt does not
 * offer (the same words that call it when it is offered), and a request that leaves out a required value
 * (answered with a question, never a guess). Menus hold demo tools only, so the answer about what is and
 * is not offered is always true.
 */
export function noToolExample(context: ExampleContext): NoToolExample {
  const { random } = context;
  const category = random.weighted<Category>([['chat', 4], ['capability', 1], ['unavailable', 3], ['missing_information', 2]]);
  const side = context.sides.templates;
  let tools: ToolSpec[];
  let request: string;
  let answer: string;
  let templates: string[];
  let entities: readonly string[] = [];
  if (category === 'chat') {
    const chat = random.pick(CHAT_CATEGORIES);
    tools = demoMenu(random);
    request = random.pick(CHAT_PARTITIONS.get(chat.name)?.[side] ?? chat.requests);
    answer = random.pick(chat.answers);
    templates = [`chat:${chat.name}:${chat.requests.indexOf(request)}`];
  } else if (category === 'capability') {
    tools = demoMenu(random);
    request = random.pick(CAPABILITY_PARTITION[side]);
    answer = capabilityAnswer(tools, random);
    templates = [`chat:capability:${CAPABILITY_REQUESTS.indexOf(request)}`];
  } else if (category === 'unavailable') {
    const tool = random.pick(DEMO_TOOL_NAMES);
    const template = random.pick(requestTemplates(tool, side));
    const rendered = renderDemoRequest(tool, template, context);
    const clause = { text: rendered.text, startsWithSlot: startsWithSlot(template) };
    tools = demoMenu(random, tool);
    request = template.clause ? frameClause(clause, random) : frameSentence(clause, random);
    answer = random.pick(UNAVAILABLE_ANSWERS).replace('{capability}', TOOL_CAPABILITIES[tool]);
    templates = [template.id];
    entities = rendered.entities;
  } else {
    const entry = random.pick(MISSING_INFORMATION_PARTITION[side]);
    const renderers = ARGUMENT_DRAWS[entry.tool](context, slotVariants(entry.template.slots));
    const rendered = renderTemplate(entry.template, random, (slot) => {
      const renderer = renderers[slot.name];
      if (renderer === undefined) throw new Error(`Missing-information request ${entry.template.id} has an unknown slot {${slot.name}}.`);
      return renderer(slot.variant);
    });
    tools = toolMenu(random, [DEMO_TOOL_SPECS[entry.tool]]);
    request = rendered.text;
    answer = random.pick(entry.answers).replace(/\{(\w+)\}/g, (_, name: string) => rendered.fills.get(name)?.surface ?? name);
    templates = [entry.template.id];
    entities = [...rendered.fills.values()].flatMap((fill) => fill.entities);
  }
  return {
    id: context.id,
    kind: 'no_tool',
    split: context.split,
    tools,
    request,
    calls: [],
    answer,
    provenance: { templates, entities: [...new Set(entities)] },
  };
}
