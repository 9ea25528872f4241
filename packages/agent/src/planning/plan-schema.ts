import { ANSWER_TOOL, type ToolSignature } from '../prompt/agent-messages.js';

/** Most calls one plan may hold: parallel calls beyond this are planned in the next step. */
export const MAX_CALLS_PER_STEP = 4;

/**
 * The JSON Schema of a plan: a list of calls, each one branch of a union tagged by `tool`, plus the `answer`
 * branch for replying in words. Infill fills it, so choosing the tool is a constrained decision over the tool
 * names, how many calls is a decision over the list's length, and the arguments are the chosen tool's own
 * schema.
 */
export function planSchema(
  tools: readonly ToolSignature[],
  options: {
    maxCalls?: number;
    allowAnswer?: boolean;
    /** A `pattern` the answer's text must match (the agent's: `statedNumbersPattern`). */
    answerPattern?: string;
  } = {},
): object {
  const callBranches = tools.map((tool) => ({
    type: 'object',
    properties: { tool: { const: tool.name }, arguments: planArgumentsSchema(tool) },
    required: ['tool', 'arguments'],
    additionalProperties: false,
  }));
  const answerBranch = {
    type: 'object',
    properties: {
      tool: { const: ANSWER_TOOL },
      text: { type: 'string', minLength: 1, ...(options.answerPattern === undefined ? {} : { pattern: options.answerPattern }) },
    },
    required: ['tool', 'text'],
    additionalProperties: false,
  };
  return {
    type: 'array',
    minItems: 1,
    maxItems: options.maxCalls ?? MAX_CALLS_PER_STEP,
    items: { oneOf: options.allowAnswer === false ? callBranches : [...callBranches, answerBranch] },
  };
}

/** A tool's arguments as the plan schema holds them (validated as 2020-12, the plan's draft). */
export function planArgumentsSchema(tool: ToolSignature): object {
  return withoutMetadata(tool.parameters);
}

const METADATA_KEYWORDS = new Set(['$schema', 'description', 'title', 'examples']);
/** Keywords whose value maps names to schemas: the names are data, not keywords. */
const SCHEMA_MAPS = new Set(['properties', '$defs', 'definitions', 'patternProperties']);

/** `$schema`, `description`s and titles carry nothing the skeleton writes; dropping them keeps the plan small. */
function withoutMetadata(schema: object): object {
  if (Array.isArray(schema)) return schema.map((item: unknown) => (isObject(item) ? withoutMetadata(item) : item));
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (METADATA_KEYWORDS.has(key)) continue;
    if (SCHEMA_MAPS.has(key) && isObject(value)) {
      copy[key] = Object.fromEntries(Object.entries(value).map(([name, member]) => [name, isObject(member) ? withoutMetadata(member) : member]));
    } else copy[key] = isObject(value) ? withoutMetadata(value) : value;
  }
  return copy;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
