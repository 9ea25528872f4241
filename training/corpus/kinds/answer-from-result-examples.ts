import { DEMO_TOOL_NAMES, DEMO_TOOL_SPECS, executeDemoTool, type DemoToolName } from '../demo-toolbox.js';
import { PHRASEBOOK_LANGUAGES } from '../entities/languages.js';
import { PHRASEBOOK_PHRASES } from '../entities/phrases.js';
import type { AnswerFromResultExample } from '../example-types.js';
import { HELD_OUT_FRACTION, partition, type Partition } from '../splits.js';
import { ANSWER_TEMPLATES, type AnswerTemplate } from '../templates/answer-templates.js';
import { toolMenu } from '../tool-menu.js';
import { callPaths, type ExampleContext } from './example-context.js';
import { singleDemoRequest } from './tool-call-examples.js';

export const ANSWER_TEMPLATE_PARTITIONS: Readonly<Record<DemoToolName, Partition<AnswerTemplate>>> = Object.fromEntries(
  DEMO_TOOL_NAMES.map((tool) => [tool, partition(`answers:${tool}`, ANSWER_TEMPLATES[tool] as readonly AnswerTemplate[], (template) => template.id, HELD_OUT_FRACTION.templates)]),
) as Record<DemoToolName, Partition<AnswerTemplate>>;

/**
 * The turn after a call: the request, the call, what the demo tool's own `execute` returned, and a one-
 * sentence answer that says it. Translations ask for a phrasebook phrase half the time (where the side
 * has them), so answers with a translation are as common as answers without one.
 */
export function answerFromResultExample(context: ExampleContext): AnswerFromResultExample {
  const { random } = context;
  const tool = random.pick(DEMO_TOOL_NAMES);
  let requestContext = context;
  if (tool === 'translate_text' && random.chance(0.5)) {
    const phrases = context.pool.phrases.filter((phrase) => PHRASEBOOK_PHRASES.includes(phrase));
    const languages = context.pool.languages.filter((language) => PHRASEBOOK_LANGUAGES.includes(language));
    if (phrases.length > 0 && languages.length > 0) requestContext = { ...context, pool: { ...context.pool, phrases, languages } };
  }
  const request = singleDemoRequest(requestContext, tool);
  const result = executeDemoTool(tool, request.call.arguments);
  const template = random.pick(ANSWER_TEMPLATE_PARTITIONS[tool][context.sides.templates]);
  const write = template.write as (input: unknown, output: unknown) => string;
  return {
    id: context.id,
    kind: 'answer_from_result',
    split: context.split,
    tools: toolMenu(random, [DEMO_TOOL_SPECS[tool]], { proceduralSide: context.sides.tools, proceduralShare: 0.2 }),
    request: request.framed,
    call: request.call,
    result,
    answer: write(request.call.arguments, result),
    normalised: callPaths('$.call', request.normalisedArguments),
    provenance: { templates: [request.template.id, template.id], entities: request.entities },
  };
}
