import type { SchemaNode } from './schema-node.js';

const cache = new WeakMap<SchemaNode, boolean>();

/**
 * Whether a schema has a finite value: recursive schemas need a way out (an optional property, an empty
 * array, a non-recursive branch). Structure that has none is never offered to the model.
 */
export function hasFiniteValue(schema: SchemaNode, visiting = new Set<SchemaNode>()): boolean {
  const known = cache.get(schema);
  if (known !== undefined) return known;
  if (visiting.has(schema)) return false;
  visiting.add(schema);
  const node = schema.kind === 'ref' ? schema.resolve() : schema;
  let result: boolean;
  switch (node.kind) {
    case 'object':
      result =
        node.properties.every((property) => !property.required || hasFiniteValue(property.node, visiting)) &&
        (node.extra ?? []).every((entry) => hasFiniteValue(entry.value, visiting));
      break;
    case 'array':
      result =
        node.prefixItems.slice(0, node.minItems).every((item) => hasFiniteValue(item, visiting)) &&
        (node.minItems <= node.prefixItems.length || node.items === undefined || hasFiniteValue(node.items, visiting));
      break;
    case 'union':
      result = node.branches.some((branch) => hasFiniteValue(branch, visiting));
      break;
    case 'ref':
      result = hasFiniteValue(node, visiting);
      break;
    default:
      result = true;
  }
  visiting.delete(schema);
  // Results that depend on a node still being visited are provisional.
  if (visiting.size === 0) cache.set(schema, result);
  return result;
}
