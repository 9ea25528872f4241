import type { CompiledSchema, ValidationIssue, ValidationOutcome } from '@lacuna/infill';
import { ANSWER_TOOL } from '../prompt/agent-messages.js';
import { MAX_CALLS_PER_STEP } from './plan-schema.js';

/**
 * Validates a plan as ajv validates it against `planSchema(tools, options)`, item by item: each call's arguments
 * against its tool's schema, compiled once (`planArgumentsSchema`), and the rest by hand. The plan schema
 * changes with every request (the tools it offers, the numbers its answer may state), and compiling it for ajv
 * cost as much as the model's forward passes for a short plan. Issues point into the failing item, so a repair
 * re-masks only that item's holes.
 */
export function createPlanValidator(options: {
  /** The offered tools' argument schemas, by tool name. */
  readonly tools: ReadonlyMap<string, CompiledSchema>;
  readonly maxCalls?: number;
  readonly allowAnswer?: boolean;
  readonly answerPattern?: string;
}): (value: unknown) => ValidationOutcome<unknown> {
  const maxCalls = options.maxCalls ?? MAX_CALLS_PER_STEP;
  const allowAnswer = options.allowAnswer ?? true;
  // As ajv reads a pattern here (infill's validator: no `u` flag).
  const answerPattern = options.answerPattern === undefined ? undefined : new RegExp(options.answerPattern);
  const names = [...options.tools.keys(), ...(allowAnswer ? [ANSWER_TOOL] : [])];
  return (value) => {
    if (!Array.isArray(value)) return failed([{ path: [], message: '/ must be array' }]);
    const issues: ValidationIssue[] = [];
    if (value.length < 1) issues.push({ path: [], message: '/ must NOT have fewer than 1 items' });
    if (value.length > maxCalls) issues.push({ path: [], message: `/ must NOT have more than ${maxCalls} items` });
    value.forEach((item: unknown, index) => issues.push(...itemIssues(item, index)));
    return issues.length === 0 ? { ok: true, value } : failed(issues);
  };

  function itemIssues(item: unknown, index: number): ValidationIssue[] {
    const at = `/${index}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return [{ path: [index], message: `${at} must be object` }];
    const record = item as Record<string, unknown>;
    const tool = record.tool;
    const schema = typeof tool === 'string' ? options.tools.get(tool) : undefined;
    const isAnswer = allowAnswer && tool === ANSWER_TOOL;
    if (schema === undefined && !isAnswer) {
      return [{ path: [index, 'tool'], message: `${at}/tool must be one of the offered tools (${names.join(', ')})` }];
    }
    const field = isAnswer ? 'text' : 'arguments';
    const issues: ValidationIssue[] = [];
    for (const key of Object.keys(record)) {
      if (key !== 'tool' && key !== field) issues.push({ path: [index, key], message: `${at} must NOT have additional properties (${key})` });
    }
    if (!(field in record)) return [...issues, { path: [index, field], message: `${at} must have required property '${field}'` }];
    const content = record[field];
    if (isAnswer) {
      if (typeof content !== 'string') issues.push({ path: [index, 'text'], message: `${at}/text must be string` });
      else if (content.length < 1) issues.push({ path: [index, 'text'], message: `${at}/text must NOT have fewer than 1 characters` });
      else if (answerPattern !== undefined && !answerPattern.test(content)) {
        issues.push({ path: [index, 'text'], message: `${at}/text must match pattern "${answerPattern.source}"` });
      }
      return issues;
    }
    const outcome = (schema as CompiledSchema).validate(content);
    if (!outcome.ok) {
      for (const issue of outcome.issues) {
        issues.push({ path: [index, 'arguments', ...issue.path], message: `${at}/arguments${issue.message.startsWith('/ ') ? issue.message.slice(1) : issue.message}` });
      }
    }
    return issues;
  }
}

function failed(issues: readonly ValidationIssue[]): ValidationOutcome<unknown> {
  return { ok: false, issues };
}
