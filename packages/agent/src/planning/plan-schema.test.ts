import { create_event, get_weather } from '@lacuna/demo-toolbox';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { planSchema } from './plan-schema.js';

describe('planSchema', () => {
  it('is a list of calls tagged by tool, with an answer branch, keeping argument names that look like keywords', () => {
    const schema = planSchema([
      { name: 'get_weather', description: get_weather.description, parameters: z.toJSONSchema(get_weather.inputSchema) },
      { name: 'create_event', description: create_event.description, parameters: z.toJSONSchema(create_event.inputSchema) },
    ]) as { items: { oneOf: { properties: { tool: { const: string }; arguments?: { properties: Record<string, object> } } }[] }; maxItems: number };
    expect(schema.maxItems).toBe(4);
    expect(schema.items.oneOf.map((branch) => branch.properties.tool.const)).toEqual(['get_weather', 'create_event', 'answer']);
    const eventArguments = schema.items.oneOf[1]?.properties.arguments;
    expect(Object.keys(eventArguments?.properties ?? {})).toEqual(['title', 'date', 'time', 'duration_minutes']);
    expect(JSON.stringify(schema)).not.toContain('"description"');
    expect(JSON.stringify(schema)).not.toContain('$schema');
  });
});
