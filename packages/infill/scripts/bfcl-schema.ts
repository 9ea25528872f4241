/** BFCL's parameter types are its own names for JSON Schema types. */
const TYPE_NAMES: Readonly<Record<string, string>> = { dict: 'object', float: 'number', tuple: 'array', any: 'string' };

function mapTypes(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(mapTypes);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
    if (key === 'type' && typeof value === 'string') out[key] = TYPE_NAMES[value] ?? value;
    else if (key === 'type' && Array.isArray(value)) out[key] = value.map((type) => (typeof type === 'string' ? (TYPE_NAMES[type] ?? type) : type));
    else if (key === 'properties' && typeof value === 'object' && value !== null) {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([name, sub]) => [name, mapTypes(sub)]));
    } else if (key === 'default' || key === 'enum' || key === 'const' || key === 'required' || key === 'description') out[key] = value;
    else out[key] = mapTypes(value);
  }
  // BFCL writes the allowed values of an array's items as the array's own enum: move them to the items.
  if (out.type === 'array' && Array.isArray(out.enum) && out.enum.every((value) => !Array.isArray(value))) {
    out.items = { ...((out.items as Record<string, unknown> | undefined) ?? {}), enum: out.enum };
    delete out.enum;
  }
  return out;
}

/**
 * The JSON Schema of a call to one BFCL function: its name as a constant and its parameters. BFCL's types are
 * mapped (dict→object, float→number, tuple→array, any→string), and an array-level enum of item values becomes
 * the items' enum (BFCL's convention).
 */
export function bfclToolCallSchema(fn: { name: string; parameters: unknown }): Record<string, unknown> {
  return {
    type: 'object',
    properties: { name: { const: fn.name }, arguments: mapTypes(fn.parameters) },
    required: ['name', 'arguments'],
    additionalProperties: false,
  };
}
