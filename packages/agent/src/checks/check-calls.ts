import type { HoleReport } from '@lacuna/infill';
import { z } from 'zod';
import { declaredJsonSchema } from '../tools/json-schema.js';
import type { ToolSet } from '../tools/tool.js';
import type { FieldIssue } from './field-issue.js';
import { groundingFailure, groundingOf, statedValueFailure } from './grounding.js';
import { leastConfidence, repeatedValueIssues } from './repeated-values.js';

export interface PlannedCall {
  readonly tool: string;
  readonly arguments: Record<string, unknown>;
}

export interface CheckOptions {
  /** Text the grounded arguments must come from: the user's messages and the tools' results. */
  readonly context: string;
  /**
   * A field whose least confident committed token fell under this is rejected (default 0.05; 0 turns the
   * check off). Forced tokens (the only ones allowed) do not count.
   */
  readonly minConfidence: number;
  /** Holes of the plan: their paths are `[callIndex, "arguments", ...field path]`. */
  readonly holes: readonly HoleReport[];
  readonly validators?: Readonly<Record<string, (input: unknown) => Promise<readonly { path: readonly (string | number)[]; message: string }[]> | readonly { path: readonly (string | number)[]; message: string }[]>>;
}

/**
 * Checks every field of every planned call: the tool's zod schema (with zod's issue paths), grounding in the
 * conversation (a value stated once fills one argument: repeated-values.ts), the model's confidence, and the
 * user's validators. Returns what failed, field by field.
 */
export async function checkCalls(calls: readonly PlannedCall[], tools: ToolSet, options: CheckOptions): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  for (const [callIndex, call] of calls.entries()) {
    const tool = tools[call.tool];
    if (tool === undefined) continue;
    const parsed = tool.inputSchema.safeParse(call.arguments);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.filter((segment: PropertyKey): segment is string | number => typeof segment !== 'symbol');
        // The field goes into the message: the model reads it as feedback when the field is re-masked.
        issues.push({ callIndex, tool: call.tool, path, check: 'schema', message: path.length === 0 ? issue.message : `${path.join('.')}: ${issue.message}` });
      }
    }
    const properties = (parametersOf(tool) as { properties?: Record<string, object> }).properties ?? {};
    // Arguments copied from the conversation that passed the checks so far: the repeated-value check reads them.
    const copied = new Set<string>();
    for (const [name, value] of Object.entries(call.arguments)) {
      const grounding = groundingOf(tool, name, properties[name]);
      if (grounding === 'free') continue;
      const message =
        grounding === 'context'
          ? groundingFailure(value, options.context)
          : typeof grounding === 'object'
            ? statedValueFailure(value, grounding.statedValues(options.context))
            : await grounding(value, options.context);
      if (message !== undefined) issues.push({ callIndex, tool: call.tool, path: [name], check: 'grounding', message: `${name}: ${message}` });
      else if (grounding === 'context' && !issues.some((issue) => issue.callIndex === callIndex && samePath(issue.path, [name]))) copied.add(name);
    }
    const repeated = repeatedValueIssues({
      arguments: call.arguments,
      copied,
      context: options.context,
      confidenceOf: (name) => leastConfidence(options.holes.find((hole) => hole.kind === 'value' && samePath(hole.path, [callIndex, 'arguments', name]))),
    });
    for (const { name, message } of repeated) issues.push({ callIndex, tool: call.tool, path: [name], check: 'grounding', message });
    if (options.minConfidence > 0) {
      for (const hole of options.holes) {
        if (hole.path[0] !== callIndex || hole.path[1] !== 'arguments' || hole.kind !== 'value') continue;
        const least = leastConfidence(hole);
        if (least < options.minConfidence) {
          const path = hole.path.slice(2);
          if (issues.some((issue) => issue.callIndex === callIndex && samePath(issue.path, path))) continue;
          issues.push({
            callIndex,
            tool: call.tool,
            path,
            check: 'confidence',
            message: `${path.join('.')}: the model was unsure of this value (a token at probability ${least.toFixed(3)}).`,
          });
        }
      }
    }
    const validator = options.validators?.[call.tool];
    if (validator !== undefined && parsed.success) {
      for (const issue of await validator(parsed.data)) issues.push({ callIndex, tool: call.tool, path: issue.path, check: 'validator', message: issue.message });
    }
  }
  return issues;
}

const parameterCache = new WeakMap<object, object>();

/**
 * The tool's arguments as JSON Schema: as declared for a `jsonSchema()` input, else zod's conversion (cached:
 * `z.toJSONSchema` walks the whole schema).
 */
export function parametersOf(tool: { inputSchema: z.ZodType }): object {
  let parameters = parameterCache.get(tool.inputSchema);
  if (parameters === undefined) {
    parameters = declaredJsonSchema(tool.inputSchema) ?? z.toJSONSchema(tool.inputSchema, { io: 'input', unrepresentable: 'any' });
    parameterCache.set(tool.inputSchema, parameters);
  }
  return parameters;
}

function samePath(left: readonly (string | number)[], right: readonly (string | number)[]): boolean {
  return left.length === right.length && left.every((segment, index) => segment === right[index]);
}
