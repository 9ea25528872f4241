import { convert_currency, create_event, get_weather } from '@lacuna/demo-toolbox';
import { compileSchema } from '@lacuna/infill';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ToolSignature } from '../prompt/agent-messages.js';
import { planArgumentsSchema, planSchema } from './plan-schema.js';
import { createPlanValidator } from './plan-validator.js';

const tools: ToolSignature[] = [get_weather, create_event, convert_currency].map((tool, index) => ({
  name: ['get_weather', 'create_event', 'convert_currency'][index] as string,
  description: tool.description,
  parameters: z.toJSONSchema(tool.inputSchema),
}));
const argumentSchemas = new Map(tools.map((tool) => [tool.name, compileSchema(planArgumentsSchema(tool) as Record<string, unknown>)]));

const plans: unknown[] = [
  [{ tool: 'get_weather', arguments: { city: 'Lisbon' } }],
  [{ tool: 'get_weather', arguments: { city: 'Lisbon', unit: 'celsius' } }, { tool: 'convert_currency', arguments: { amount: 5, from: 'USD', to: 'EUR' } }],
  [{ tool: 'answer', text: 'It is 21 degrees.' }],
  [{ tool: 'answer', text: 'It is 22 degrees.' }],
  [{ tool: 'answer', text: '' }],
  [{ tool: 'answer', text: 3 }],
  [{ tool: 'answer' }],
  [{ tool: 'get_weather', arguments: { city: 'Lisbon', unit: 'kelvin' } }],
  [{ tool: 'get_weather', arguments: {} }],
  [{ tool: 'get_weather', arguments: { city: 'Lisbon', country: 'PT' } }],
  [{ tool: 'get_weather' }],
  [{ tool: 'get_weather', arguments: { city: 'Lisbon' }, text: 'hi' }],
  [{ tool: 'send_email', arguments: {} }],
  [{ arguments: { city: 'Lisbon' } }],
  [{ tool: 'create_event', arguments: { title: 'Standup', date: '2026-12-01', duration_minutes: 1.5 } }],
  [{ tool: 'create_event', arguments: { title: 'Standup', date: '2026-12-01', duration_minutes: 15 } }],
  [{ tool: 'create_event', arguments: { title: 'Standup', date: 'tomorrow' } }],
  [],
  Array.from({ length: 5 }, () => ({ tool: 'get_weather', arguments: { city: 'Oslo' } })),
  [null],
  ['get_weather'],
  { tool: 'get_weather' },
];

describe('createPlanValidator', () => {
  for (const allowAnswer of [true, false]) {
    it(`accepts exactly what ajv accepts against the plan schema (answer ${allowAnswer ? 'allowed' : 'not allowed'})`, () => {
      const shape = { allowAnswer, answerPattern: '^[^0-9]*(21[^0-9]*)*$' };
      const reference = compileSchema(planSchema(tools, shape) as Record<string, unknown>);
      const validate = createPlanValidator({ tools: argumentSchemas, ...shape });
      const verdicts = plans.map((plan) => [validate(plan).ok, reference.validate(plan).ok]);
      for (const [index, [ours, ajv]] of verdicts.entries()) expect(ours, JSON.stringify(plans[index])).toBe(ajv);
      // The list is not all one verdict: both kinds are compared.
      expect(new Set(verdicts.map(([ours]) => ours)).size).toBe(2);
    });
  }

  it('points each issue at the failing item and field, so that repair re-masks only that', () => {
    const validate = createPlanValidator({ tools: argumentSchemas, answerPattern: '^[^0-9]*$' });
    const outcome = validate([
      { tool: 'get_weather', arguments: { city: 'Lisbon' } },
      { tool: 'get_weather', arguments: { city: 'Lisbon', unit: 'kelvin' } },
      { tool: 'answer', text: 'It is 5 degrees.' },
      { tool: 'get_weather', arguments: {} },
    ]);
    expect(outcome.ok).toBe(false);
    const issues = outcome.ok ? [] : outcome.issues;
    expect(issues.map((issue) => issue.path)).toEqual([
      [1, 'arguments', 'unit'],
      [2, 'text'],
      [3, 'arguments', 'city'],
    ]);
    expect(issues[0]?.message).toMatch(/^\/1\/arguments\/unit /);
    expect(issues[2]?.message).toBe("/3/arguments must have required property 'city'");
  });

  it('names the offered tools when an item names another', () => {
    const validate = createPlanValidator({ tools: argumentSchemas, allowAnswer: false });
    const outcome = validate([{ tool: 'answer', text: 'hi' }]);
    expect(outcome.ok ? [] : outcome.issues).toEqual([{ path: [0, 'tool'], message: '/0/tool must be one of the offered tools (get_weather, create_event, convert_currency)' }]);
  });
});
