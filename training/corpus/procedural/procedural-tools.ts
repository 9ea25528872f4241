import { DEMO_TOOL_NAMES, DEMO_TOOL_SPECS } from '../demo-toolbox.js';
import { DOCUMENT_TYPES } from '../extraction/document-catalogue.js';
import type { JsonSchema, ToolSpec } from '../example-types.js';
import { createRandom, hashText, type Random } from '../random.js';
import { HELD_OUT_FRACTION, partition, type Partition, type Side } from '../splits.js';
import { composedFields, PROCEDURAL_FIELDS, type ProceduralField } from './procedural-fields.js';
import { PROCEDURAL_NOUNS, type ProceduralNoun } from './procedural-nouns.js';
import { PROCEDURAL_VERBS, type ProceduralVerb } from './procedural-verbs.js';

/** A tool made up for the corpus, never in the demo toolbox: the model must read its schema to call it. */
export interface ProceduralTool {
  readonly spec: ToolSpec;
  readonly verb: ProceduralVerb;
  readonly noun: ProceduralNoun;
  /** In schema order. */
  readonly fields: readonly ProceduralField[];
  readonly required: ReadonlySet<string>;
}

interface ToolName {
  readonly name: string;
  readonly verb: ProceduralVerb;
  readonly noun: ProceduralNoun;
}

const DEMO_NAMES = new Set<string>(DEMO_TOOL_NAMES);

/** Every sensible verb × noun pair (`track_package`, never `pay_thermostat`). */
const ALL_TOOL_NAMES: readonly ToolName[] = PROCEDURAL_NOUNS.flatMap((noun) =>
  PROCEDURAL_VERBS.filter((verb) => noun.actions.includes(verb.kind))
    .map((verb) => ({ name: `${verb.name}_${noun.name}`, verb, noun }))
    .filter((tool) => !DEMO_NAMES.has(tool.name)),
);

/** Tool names and field names are held out separately: a `test_tools` tool is new in both. */
export const TOOL_NAME_PARTITION: Partition<ToolName> = partition('procedural-tools', ALL_TOOL_NAMES, (tool) => tool.name, HELD_OUT_FRACTION.toolNames);
/**
 * Field names that training shows anyway, as a demo tool's argument (`city`) or an extraction property
 * (`order_id`), cannot be new to a held-out tool, so they always train.
 */
const NAMES_SEEN_IN_TRAINING = new Set([
  ...DEMO_TOOL_NAMES.flatMap((name) => Object.keys(DEMO_TOOL_SPECS[name].parameters.properties ?? {})),
  ...DOCUMENT_TYPES.flatMap((type) => type.concepts.flatMap((concept) => concept.names)),
]);

export const FIELD_PARTITION: Partition<ProceduralField> = partition('procedural-fields', PROCEDURAL_FIELDS, (field) => field.name, HELD_OUT_FRACTION.fieldNames, NAMES_SEEN_IN_TRAINING);

/**
 * Whether training tools also draw from `composedFields()` (generate-corpus.ts `--composed-fields`). Held-out
 * tools never do: their fields, and so the held-out files, stay the same either way.
 */
let composedInTraining = false;
const COMPOSED_FIELDS = composedFields();

export function useComposedFields(on: boolean): void {
  if (on !== composedInTraining) cache.clear();
  composedInTraining = on;
}

/** The fields a tool on this side may draw from. */
export function fieldsOfSide(side: Side): readonly ProceduralField[] {
  return side === 'train' && composedInTraining ? [...FIELD_PARTITION.train, ...COMPOSED_FIELDS] : FIELD_PARTITION[side];
}

function article(phrase: string): string {
  return /^[aeiou]/i.test(phrase) && !/^(use|uni|eu)/i.test(phrase) ? 'an' : 'a';
}

export function withArticle(phrase: string): string {
  return `${article(phrase)} ${phrase}`;
}

function describe(verb: ProceduralVerb, noun: ProceduralNoun, fields: readonly ProceduralField[], random: Random): string {
  const first = fields[0];
  const forms = [
    `${verb.describe} ${withArticle(noun.phrase)}.`,
    `${verb.describe} ${withArticle(noun.phrase)}.`,
    `${verb.describe} the ${noun.phrase} you name.`,
    `Use this to ${verb.describe.toLowerCase()} ${withArticle(noun.phrase)}.`,
  ];
  if (first !== undefined) forms.push(`${verb.describe} ${withArticle(noun.phrase)} by ${first.label}.`, `${verb.describe} ${withArticle(noun.phrase)} given its ${first.label}.`);
  return random.pick(forms);
}

function fieldSchema(field: ProceduralField): JsonSchema {
  const value = field.value;
  switch (value.kind) {
    case 'integer':
      return { type: 'integer', minimum: value.min, maximum: value.max, description: field.description };
    case 'number':
      return { type: 'number', description: field.description };
    case 'boolean':
      return { type: 'boolean', description: field.description };
    case 'enum':
      return { type: 'string', enum: value.options, description: field.description };
    case 'date':
      return { type: 'string', format: 'date', description: field.description };
    default:
      return { type: 'string', minLength: 1, description: field.description };
  }
}

function build(tool: ToolName, side: Side): ProceduralTool {
  // Seeded by the name alone: a tool is the same in every example and every corpus.
  const random = createRandom(hashText(`procedural-tool|${tool.name}`));
  const sideFields = fieldsOfSide(side);
  const domainFields = sideFields.filter((field) => field.domain === tool.noun.domain);
  const generalFields = sideFields.filter((field) => field.domain === 'general');
  const count = random.weighted<number>([[1, 2], [2, 4], [3, 3], [4, 2]]);
  const fields: ProceduralField[] = [];
  const used = new Set<string>();
  while (fields.length < count) {
    const pool = (random.chance(0.85) && domainFields.some((field) => !used.has(field.name)) ? domainFields : generalFields).filter((field) => !used.has(field.name));
    if (pool.length === 0) break;
    const field = random.pick(pool);
    used.add(field.name);
    fields.push(field);
  }
  const required = new Set(fields.filter((_, index) => index === 0 || random.chance(0.4)).map((field) => field.name));
  const properties = Object.fromEntries(fields.map((field) => [field.name, fieldSchema(field)]));
  const spec: ToolSpec = {
    name: tool.name,
    description: describe(tool.verb, tool.noun, fields, random),
    parameters: { type: 'object', properties, required: fields.filter((field) => required.has(field.name)).map((field) => field.name), additionalProperties: false },
  };
  return { spec, verb: tool.verb, noun: tool.noun, fields, required };
}

const cache = new Map<string, ProceduralTool>();

/** The tool of that name on that side (the side decides which half of the field names it may use). */
export function proceduralTool(tool: ToolName, side: Side): ProceduralTool {
  const key = `${side}|${tool.name}`;
  let built = cache.get(key);
  if (built === undefined) {
    built = build(tool, side);
    cache.set(key, built);
  }
  return built;
}

export function drawProceduralTool(random: Random, side: Side): ProceduralTool {
  return proceduralTool(random.pick(TOOL_NAME_PARTITION[side]), side);
}
