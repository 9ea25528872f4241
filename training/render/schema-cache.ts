/**
 * Compiled schemas for rendering, cached by their JSON text. Every example brings its own plan schema (its tool
 * menu), and `compileSchema` spends most of its time building the ajv validator, which rendering does not
 * need: the teacher-forced canvases check every value against the hole automata and the rendered text against
 * the value. The schema tree is therefore built alone, as `compileSchema` builds it, and the validator only if
 * something asks for it.
 */
import { compileSchema, type CompiledSchema } from '../../packages/infill/src/index.js';
import { normalizeJsonSchema } from '../../packages/infill/src/schema/normalize-json-schema.js';

export class SchemaCache {
  private readonly entries = new Map<string, CompiledSchema>();
  hits = 0;
  misses = 0;

  constructor(private readonly capacity = 2_000) {}

  compile(schema: object): CompiledSchema {
    const key = JSON.stringify(schema);
    const known = this.entries.get(key);
    if (known !== undefined) {
      this.hits++;
      return known;
    }
    this.misses++;
    const compiled = compileWithoutValidator(schema);
    // Tool menus rarely repeat, so a full cache is simply emptied: a recency order would cost more than it saves.
    if (this.entries.size >= this.capacity) this.entries.clear();
    this.entries.set(key, compiled);
    return compiled;
  }
}

/**
 * The agent's plan schema with its branches in the order of their tool names. The prompt lists the tools in
 * the menu's order, but nothing on a canvas depends on the order of the branches (a tool decision writes the
 * chosen name; its budget is the longest name's), and menus that differ only in order then share one
 * compiled schema and one decision automaton. render-dataset checks the first canvases of every file against
 * the schema as given.
 */
export function orderBranchesByTool(schema: object): object {
  const items = (schema as { items?: { oneOf?: unknown } }).items;
  const branches = items?.oneOf;
  if (!Array.isArray(branches)) return schema;
  const names = branches.map((branch) => (branch as { properties?: { tool?: { const?: unknown } } }).properties?.tool?.const);
  if (!names.every((name) => typeof name === 'string')) return schema;
  const order = names.map((name, index) => ({ name: name as string, index })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ...schema, items: { ...items, oneOf: order.map(({ index }) => branches[index]) } };
}

/** What `compileSchema` returns for a JSON Schema, with the validator compiled on first use. */
export function compileWithoutValidator(schema: object): CompiledSchema {
  const normalized = normalizeJsonSchema(schema, { defaultDraft: '2020-12' });
  let full: CompiledSchema | undefined;
  return {
    kind: 'lacuna-compiled-schema',
    root: normalized.root,
    jsonSchema: schema as Record<string, unknown>,
    draft: normalized.draft,
    source: 'json-schema',
    warnings: normalized.warnings,
    validate: (value) => (full ??= compileSchema(schema as Record<string, unknown>)).validate(value),
  };
}
