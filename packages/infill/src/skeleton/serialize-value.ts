import { compileSchema, type CompileOptions, type SchemaInput } from '../schema/compile-schema.js';
import { resolveNode, type JsonValue, type SchemaNode } from '../schema/schema-node.js';
import { stringValueMatches } from '../schema/string-constraints.js';

/**
 * A value as the skeleton writes it: compact JSON (no whitespace), object keys in schema order (declared
 * properties first, in the order the schema lists them; any other keys after, in the value's order), strings
 * and numbers as `JSON.stringify` writes them. This is the text a trained model should produce for the value,
 * and it is stable: training corpora are rendered with it (docs/infill.md, "Serialisation").
 */
export function serializeValue(schema: SchemaInput, value: unknown, options: CompileOptions = {}): string {
  return write(compileSchema(schema, options).root, value as JsonValue);
}

function write(schema: SchemaNode | undefined, value: JsonValue): string {
  if (schema === undefined) return JSON.stringify(value);
  const node = resolveNode(schema);
  if (node.kind === 'union') {
    const branch = node.branches.find((candidate) => matches(candidate, value)) ?? node.branches[0];
    return write(branch, value);
  }
  if (node.kind === 'object' && isObject(value)) {
    const parts: string[] = [];
    const declared = new Set<string>();
    for (const property of node.properties) {
      declared.add(property.name);
      if (Object.hasOwn(value, property.name)) parts.push(`${JSON.stringify(property.name)}:${write(property.node, value[property.name] as JsonValue)}`);
    }
    const extra = node.extra?.[0];
    for (const [key, item] of Object.entries(value)) {
      if (!declared.has(key)) parts.push(`${JSON.stringify(key)}:${write(extra?.value, item)}`);
    }
    return `{${parts.join(',')}}`;
  }
  if (node.kind === 'array' && Array.isArray(value)) {
    return `[${value.map((item, index) => write(index < node.prefixItems.length ? node.prefixItems[index] : node.items, item)).join(',')}]`;
  }
  return JSON.stringify(value);
}

function isObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a value fits a node closely enough to pick a union branch (types, constants, required keys). */
export function matches(schema: SchemaNode, value: JsonValue): boolean {
  const node = resolveNode(schema);
  switch (node.kind) {
    case 'object':
      return isObject(value) && node.properties.every((property) => (property.required ? Object.hasOwn(value, property.name) && matches(property.node, value[property.name] as JsonValue) : !Object.hasOwn(value, property.name) || matches(property.node, value[property.name] as JsonValue)));
    case 'array':
      return Array.isArray(value) && value.length >= node.minItems && (node.maxItems === undefined || value.length <= node.maxItems);
    case 'string':
      return typeof value === 'string' && stringValueMatches.test(node, value);
    case 'number':
      return typeof value === 'number' && (!node.spec.integer || Number.isInteger(value));
    case 'enum':
      return node.values.some((candidate) => JSON.stringify(candidate) === JSON.stringify(value));
    case 'union':
      return node.branches.some((branch) => matches(branch, value));
  }
}
