import { describe, expect, it } from 'vitest';
import { checkCalls, parametersOf } from '../checks/check-calls.js';
import { describeTool } from '../prompt/describe-tool.js';
import { jsonSchema } from './json-schema.js';
import { tool } from './tool.js';

const parameters = {
  type: 'object',
  properties: {
    title: { type: 'string', minLength: 1, description: 'Title' },
    start_date: { type: 'string', format: 'date', description: 'Start date as YYYY-MM-DD' },
    seats: { type: 'integer', minimum: 1, maximum: 9 },
  },
  required: ['title', 'start_date'],
  additionalProperties: false,
};

describe('jsonSchema', () => {
  const reserve = tool({ description: 'Reserve a room.', inputSchema: jsonSchema(parameters) });

  it('shows the model the schema as declared, not a zod round trip of it', () => {
    expect(parametersOf(reserve)).toBe(parameters);
    expect(describeTool('reserve', reserve.description, parametersOf(reserve))).toBe(
      'reserve(title: string, start_date: string (YYYY-MM-DD), seats?: integer 1-9) - Reserve a room.',
    );
  });

  it('checks arguments with zod, issues keeping their paths', async () => {
    const check = (input: Record<string, unknown>) =>
      checkCalls([{ tool: 'reserve', arguments: input }], { reserve }, { context: 'Board meeting 2026-03-04, 12 seats', holes: [], minConfidence: 0 });
    expect(await check({ title: 'Board meeting', start_date: '2026-03-04' })).toEqual([]);
    const issues = await check({ title: 'Board meeting', start_date: '2026-03-04', seats: 12 });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ tool: 'reserve', path: ['seats'], check: 'schema' });
  });

  it('refuses a schema zod cannot convert, with a typed error', () => {
    expect(() => jsonSchema({ type: 'object', properties: { when: { $ref: '#/definitions/missing' } } })).toThrow(
      expect.objectContaining({ name: 'LacunaAgentError', code: 'TOOL_SCHEMA_UNSUPPORTED' }),
    );
  });
});
