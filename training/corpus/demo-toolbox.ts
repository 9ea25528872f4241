import { z } from 'zod';
// From source, not the package's dist: the generator then runs with `npx tsx` on a fresh checkout, unbuilt.
import { demoTools, USD_PER_UNIT, type DemoToolName } from '../../packages/demo-toolbox/src/index.js';
import type { JsonSchema, ToolSpec } from './example-types.js';

export { demoTools, USD_PER_UNIT, type DemoToolName };

export const DEMO_TOOL_NAMES = Object.keys(demoTools) as DemoToolName[];

export type ToolInput<Name extends DemoToolName> = z.infer<(typeof demoTools)[Name]['inputSchema']>;
export type ToolOutput<Name extends DemoToolName> = ReturnType<(typeof demoTools)[Name]['execute']>;

function toolSpec(name: DemoToolName): ToolSpec {
  const { $schema: _dialect, ...parameters } = z.toJSONSchema(demoTools[name].inputSchema) as JsonSchema & { $schema?: string };
  return { name, description: demoTools[name].description, parameters };
}

/** The prompt's view of each demo tool, computed once: `z.toJSONSchema` is too slow to call per example. */
export const DEMO_TOOL_SPECS: Readonly<Record<DemoToolName, ToolSpec>> = Object.fromEntries(
  DEMO_TOOL_NAMES.map((name) => [name, toolSpec(name)]),
) as Record<DemoToolName, ToolSpec>;

/** Argument names in schema order: calls list their arguments in this order. */
export function argumentOrder(name: DemoToolName): readonly string[] {
  return Object.keys(DEMO_TOOL_SPECS[name].parameters.properties ?? {});
}

export function requiredArguments(name: DemoToolName): readonly string[] {
  return DEMO_TOOL_SPECS[name].parameters.required ?? [];
}

/** Runs a demo tool on arguments the corpus built (which the tests check against the schema). */
export function executeDemoTool(name: DemoToolName, input: Record<string, unknown>): unknown {
  const tool = demoTools[name] as { execute(input: unknown): unknown };
  return tool.execute(input);
}
