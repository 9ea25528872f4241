import { DEMO_TOOL_NAMES, DEMO_TOOL_SPECS } from '../demo-toolbox.js';
import type { ProceduralToolCallExample, ToolSpec } from '../example-types.js';
import { DISTRACTOR_SHARE, distractorMentionsOn, drawDistractorFields } from '../procedural/distractor-fields.js';
import { mentionField, type FieldMention } from '../procedural/field-mentions.js';
import { PROCEDURAL_REQUEST_TEMPLATES } from '../procedural/procedural-request-templates.js';
import type { ProceduralField } from '../procedural/procedural-fields.js';
import { drawProceduralTool, withArticle, type ProceduralTool } from '../procedural/procedural-tools.js';
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

function sameValue(left: unknown, right: unknown): boolean {
  if (typeof left === 'string' && typeof right === 'string') return left.includes(right) || right.includes(left);
  return left === right;
}

/** Mentions of fields the tool lacks, each with a value no stated field has (else the call would be ambiguous). */
function distractorMentions(tool: ProceduralTool, stated: readonly ProceduralField[], mentions: readonly FieldMention[], context: ExampleContext): FieldMention[] {
  const { random } = context;
  const taken = mentions.map((mention) => mention.value);
  const distractors: FieldMention[] = [];
  for (const field of drawDistractorFields(tool, stated, random, context.sides.tools)) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const mention = mentionField(field, random, context.pool);
      if (taken.some((value) => sameValue(value, mention.value))) continue;
      taken.push(mention.value);
      distractors.push(mention);
      break;
    }
  }
  return distractors;
}

/**
 * A call to a tool made up for this example's prompt: the model has never seen its name or fields,
 * and must fill them from the request, copying values as written. The request states every required
 * field and some optional ones, in any order; unstated optional fields stay out of the call. With
 * `--distractor-mentions`, half of training's requests also state one or two fields the tool lacks.
 */
export function proceduralToolCallExample(context: ExampleContext): ProceduralToolCallExample {
  const { random } = context;
  const tool = drawProceduralTool(random, context.sides.tools);
  const stated = tool.fields.filter((field) => tool.required.has(field.name) || random.chance(0.45));
  const mentions: FieldMention[] = random.shuffle(stated).map((field) => mentionField(field, random, context.pool));
  // Drawn only with the flag on, so that without it the random stream, and so the corpus, is as before.
  const unasked = context.split === 'train' && distractorMentionsOn() && random.chance(DISTRACTOR_SHARE) ? distractorMentions(tool, stated, mentions, context) : [];
  const requestMentions = unasked.length === 0 ? mentions : random.shuffle([...mentions, ...unasked]);
  const template = random.pick(PROCEDURAL_TEMPLATE_PARTITION[context.sides.templates]);
  const action = random.pick(tool.verb.phrases);
  const rendered = renderTemplate(template, random, (slot) => {
    if (slot.name === 'action') return copied(slot.variant === 'capital' ? capitaliseFirst(action) : action);
    if (slot.name === 'object') return copied(objectPhrase(tool.verb.kind, tool.noun.phrase, random));
    if (slot.variant === 'list') return copied(joinList(requestMentions.map((mention) => mention.listItem), random));
    if (slot.variant === 'sentences') return copied(requestMentions.map((mention) => mention.sentence).join(' '));
    return copied(joinInline(requestMentions.map((mention) => mention.inline), random));
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
    provenance: { templates: [template.id], entities: [...new Set(requestMentions.flatMap((mention) => mention.entities))] },
  };
}
