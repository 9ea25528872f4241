import { DEMO_TOOL_NAMES, DEMO_TOOL_SPECS } from '../demo-toolbox.js';
import type { ProceduralToolCallExample, ToolSpec } from '../example-types.js';
import { mentionField, type FieldMention } from '../procedural/field-mentions.js';
import { PROCEDURAL_REQUEST_TEMPLATES } from '../procedural/procedural-request-templates.js';
import { drawProceduralTool, withArticle } from '../procedural/procedural-tools.js';
import type { Random } from '../random.js';
import { HELD_OUT_FRACTION, partition } from '../splits.js';
import { capitaliseFirst, copied, renderTemplate } from '../templates/template.js';
import type { ExampleContext } from './example-context.js';

export const PROCEDURAL_TEMPLATE_PARTITION = partition('requests:procedural', PROCEDURAL_REQUEST_TEMPLATES, (template) => template.text, HELD_OUT_FRACTION.templates);

function joinInline(phrases: readonly string[], random: Random): string {
  if (phrases.length <= 1) return phrases[0] ?? '';
  const last = phrases[phrases.length - 1] as string;
  const rest = phrases.slice(0, -1).join(', ');
  return `${rest}${phrases.length > 2 && random.chance(0.3) ? ',' : ''} and ${last}`;
}

function joinList(items: readonly string[], random: Random): string {
  const style = random.weighted<'comma' | 'semicolon' | 'lines'>([['comma', 5], ['semicolon', 2], ['lines', 1]]);
  if (style === 'lines') return `\n${items.map((item) => `- ${item}`).join('\n')}\n`;
  return items.join(style === 'comma' ? ', ' : '; ');
}

function objectPhrase(kind: string, phrase: string, random: Random): string {
  if (kind === 'create' || kind === 'reserve') return random.chance(0.3) ? `a new ${phrase}` : withArticle(phrase);
  return `${random.pick(['the', 'the', 'my', 'our'])} ${phrase}`;
}

/**
 * A call to a tool made up for this example's prompt: the model has never seen its name or fields,
 * and must fill them from the request, copying values as written. The request states every required
 * field and some optional ones, in any order; unstated optional fields stay out of the call.
 */
export function proceduralToolCallExample(context: ExampleContext): ProceduralToolCallExample {
  const { random } = context;
  const tool = drawProceduralTool(random, context.sides.tools);
  const stated = tool.fields.filter((field) => tool.required.has(field.name) || random.chance(0.45));
  const mentions: FieldMention[] = random.shuffle(stated).map((field) => mentionField(field, random, context.pool));
  const template = random.pick(PROCEDURAL_TEMPLATE_PARTITION[context.sides.templates]);
  const action = random.pick(tool.verb.phrases);
  const rendered = renderTemplate(template, random, (slot) => {
    if (slot.name === 'action') return copied(slot.variant === 'capital' ? capitaliseFirst(action) : action);
    if (slot.name === 'object') return copied(objectPhrase(tool.verb.kind, tool.noun.phrase, random));
    if (slot.variant === 'list') return copied(joinList(mentions.map((mention) => mention.listItem), random));
    if (slot.variant === 'sentences') return copied(mentions.map((mention) => mention.sentence).join(' '));
    return copied(joinInline(mentions.map((mention) => mention.inline), random));
  });
  const byName = new Map(mentions.map((mention) => [mention.field.name, mention]));
  const argumentsInOrder: Record<string, unknown> = {};
  const normalised: string[] = [];
  for (const field of tool.fields) {
    const mention = byName.get(field.name);
    if (mention === undefined) continue;
    argumentsInOrder[field.name] = mention.value;
    if (mention.normalised) normalised.push(`$.calls[0].arguments.${field.name}`);
  }
  // Mostly other made-up tools, so the right one must be told apart by its name and description.
  const others: ToolSpec[] = [];
  const wantedOthers = random.integer(1, 5);
  for (let attempt = 0; attempt < 2 * wantedOthers && others.length < wantedOthers; attempt++) {
    const other = drawProceduralTool(random, context.sides.tools).spec;
    if (other.name !== tool.spec.name && !others.some((spec) => spec.name === other.name)) others.push(other);
  }
  const demo = random.sample(DEMO_TOOL_NAMES, 3).map((name) => DEMO_TOOL_SPECS[name]);
  const distractors = random.sample([...others, ...demo], random.integer(2, 7));
  return {
    id: context.id,
    kind: 'procedural_tool_call',
    split: context.split,
    tools: random.shuffle([tool.spec, ...distractors]),
    request: rendered.text,
    calls: [{ tool: tool.spec.name, arguments: argumentsInOrder }],
    normalised,
    provenance: { templates: [template.id], entities: [...new Set(mentions.flatMap((mention) => mention.entities))] },
  };
}
