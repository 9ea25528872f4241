import { z } from 'zod';
import { LacunaAgentError } from '../errors/lacuna-agent-error.js';

/** The JSON Schema each `jsonSchema()` input was made from, by the zod schema made from it. */
const declaredSchemas = new WeakMap<z.ZodType, object>();

/**
 * A tool input given as JSON Schema (an MCP server's tool, an OpenAPI operation, a held-out corpus tool)
 * instead of zod: `tool({ description, inputSchema: jsonSchema({...}), execute })`. Arguments are checked by
 * zod's `z.fromJSONSchema` of it (so issues keep their paths), while the prompt's tool signature and the plan's
 * skeleton use the JSON Schema exactly as given: a zod round trip would reorder keywords and add patterns,
 * and the model should read the tool as it was declared.
 */
export function jsonSchema<Input = Record<string, unknown>>(schema: object): z.ZodType<Input> {
  let converted: z.ZodType;
  try {
    converted = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
  } catch (error) {
    throw new LacunaAgentError({
      code: 'TOOL_SCHEMA_UNSUPPORTED',
      message: `jsonSchema(): the schema cannot be converted to zod (${error instanceof Error ? error.message : String(error)}). Pass a zod schema instead, or simplify the JSON Schema.`,
      cause: error,
    });
  }
  declaredSchemas.set(converted, schema);
  return converted as z.ZodType<Input>;
}

/** The JSON Schema a zod schema was made from by `jsonSchema()`, if it was. */
export function declaredJsonSchema(schema: z.ZodType): object | undefined {
  return declaredSchemas.get(schema);
}
