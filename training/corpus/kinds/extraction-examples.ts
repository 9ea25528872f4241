import type { ExtractionExample, JsonSchema } from '../example-types.js';
import { DOCUMENT_TYPES, TEXT_TEMPLATE_PARTITIONS } from '../extraction/document-catalogue.js';
import { renderText } from '../extraction/document-types.js';
import type { SlotFill } from '../templates/template.js';
import type { ExampleContext } from './example-context.js';

/**
 * A short text and a schema; the output holds what the text states for the schema's fields, copied as
 * written or normalised (dates, "$1,299"), and leaves out optional fields the text does not state. Texts
 * also state things the schema does not ask for, which the output must ignore.
 */
export function extractionExample(context: ExampleContext): ExtractionExample {
  const { random } = context;
  const type = random.pick(DOCUMENT_TYPES);
  const template = random.pick(TEXT_TEMPLATE_PARTITIONS.get(type.name)?.[context.sides.templates] ?? []);
  const inSchema = type.concepts.filter((concept) => concept.required === true || random.chance(0.6));
  const stated = new Set(type.concepts.filter((concept) => concept.required === true || random.chance(0.55)).map((concept) => concept.concept));
  const renderers = type.draw(context);
  const rendered = renderText(template, stated, renderers, random.pick);
  const fills = new Map<string, SlotFill>(rendered.fills);
  for (const concept of type.concepts) {
    const parent = concept.statedWith;
    const renderer = renderers[concept.concept];
    if (parent !== undefined && fills.has(parent) && renderer !== undefined) fills.set(concept.concept, renderer(undefined));
  }
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const output: Record<string, unknown> = {};
  const normalised: string[] = [];
  for (const concept of inSchema) {
    const name = random.pick(concept.names);
    properties[name] = concept.schema;
    if (concept.required === true) required.push(name);
    const fill = fills.get(concept.concept);
    if (fill === undefined) continue;
    output[name] = fill.value;
    if (fill.normalised) normalised.push(`$.output.${name}`);
  }
  return {
    id: context.id,
    kind: 'extraction',
    split: context.split,
    text: rendered.text,
    schema: { type: 'object', properties, required, additionalProperties: false },
    output,
    normalised,
    provenance: { templates: [template.id], entities: [...new Set([...rendered.fills.values()].flatMap((fill) => fill.entities))] },
  };
}
