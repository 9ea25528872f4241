import { DEMO_TOOL_NAMES, DEMO_TOOL_SPECS, type DemoToolName } from '../demo-toolbox.js';
import type { ToolCallExample } from '../example-types.js';
import { renderDemoRequest, type DemoRequest } from '../requests/demo-request.js';
import { frameClause, frameSentence, joinClauses, startsWithSlot } from '../requests/framing.js';
import { requestTemplates } from '../templates/request-templates.js';
import { toolMenu } from '../tool-menu.js';
import { callPaths, type ExampleContext } from './example-context.js';

/** One request for one demo tool, framed as the user would send it on its own. */
export function singleDemoRequest(context: ExampleContext, tool: DemoToolName): DemoRequest & { readonly framed: string } {
  const template = context.random.pick(requestTemplates(tool, context.sides.templates));
  const request = renderDemoRequest(tool, template, context);
  const clause = { text: request.text, startsWithSlot: startsWithSlot(template) };
  const framed = template.clause ? frameClause(clause, context.random) : frameSentence(clause, context.random);
  return { ...request, framed };
}

/** A request for one demo tool, or two or three at once (parallel calls, in the order asked). */
export function toolCallExample(context: ExampleContext): ToolCallExample {
  const { random } = context;
  const callCount = random.weighted<number>([[1, 85], [2, 12], [3, 3]]);
  let requests: DemoRequest[];
  let text: string;
  if (callCount === 1) {
    const single = singleDemoRequest(context, random.pick(DEMO_TOOL_NAMES));
    requests = [single];
    text = single.framed;
  } else {
    requests = random.sample(DEMO_TOOL_NAMES, callCount).map((tool) => renderDemoRequest(tool, random.pick(requestTemplates(tool, context.sides.templates, true)), context));
    text = joinClauses(requests.map((request) => ({ text: request.text, startsWithSlot: startsWithSlot(request.template) })), random);
  }
  const tools = toolMenu(random, requests.map((request) => DEMO_TOOL_SPECS[request.call.tool as DemoToolName]), { proceduralSide: context.sides.tools, proceduralShare: 0.25 });
  return {
    id: context.id,
    kind: 'tool_call',
    split: context.split,
    tools,
    request: text,
    calls: requests.map((request) => request.call),
    normalised: requests.flatMap((request, index) => callPaths(`$.calls[${index}]`, request.normalisedArguments)),
    provenance: { templates: requests.map((request) => request.template.id), entities: [...new Set(requests.flatMap((request) => request.entities))] },
  };
}
