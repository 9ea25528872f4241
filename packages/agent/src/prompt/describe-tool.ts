/** The subset of JSON Schema a tool signature reads. */
interface SchemaNode {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  minimum?: number;
  maximum?: number;
}

const FORMAT_HINTS: Readonly<Record<string, string>> = {
  date: 'YYYY-MM-DD',
  'date-time': 'ISO 8601 date-time',
  time: 'HH:MM:SS',
  email: 'email',
  uri: 'URL',
  uuid: 'UUID',
};

/** A type as a short TypeScript-like expression: `"celsius" | "fahrenheit"`, `string (YYYY-MM-DD)`, `integer 1-9`. */
export function describeType(schema: SchemaNode): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum !== undefined) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  const union = schema.anyOf ?? schema.oneOf;
  if (union !== undefined) return union.map(describeType).join(' | ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
  if (type === 'array') return `${describeType(schema.items ?? {})}[]`;
  if (type === 'object' && schema.properties !== undefined) return `{ ${describeFields(schema)} }`;
  const hint = schema.format !== undefined ? FORMAT_HINTS[schema.format] ?? schema.format : undefined;
  if (hint !== undefined) return `${type} (${hint})`;
  if ((type === 'integer' || type === 'number') && schema.minimum !== undefined && schema.maximum !== undefined) {
    return `${type} ${schema.minimum}-${schema.maximum}`;
  }
  return type;
}

function describeFields(schema: SchemaNode): string {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {})
    .map(([name, field]) => `${name}${required.has(name) ? '' : '?'}: ${describeType(field)}`)
    .join(', ');
}

/** One line per tool, as the model reads it: `get_weather(city: string, unit?: "celsius" | "fahrenheit") - Get the weather.` */
export function describeTool(name: string, description: string, parameters: object): string {
  return `${name}(${describeFields(parameters as SchemaNode)}) - ${description}`;
}
