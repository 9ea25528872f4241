import { get_weather } from '@lacuna/demo-toolbox';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { renderAgentMessages } from './agent-messages.js';
import { describeTool } from './describe-tool.js';

describe('the agent prompt format', () => {
  it('describes a tool in one line from its JSON Schema', () => {
    expect(describeTool('get_weather', get_weather.description, z.toJSONSchema(get_weather.inputSchema))).toBe(
      'get_weather(city: string, unit?: "celsius" | "fahrenheit") - Get the current weather for a city.',
    );
    const flights = z.object({ date: z.iso.date(), passengers: z.number().int().min(1).max(9).optional() });
    expect(describeTool('search_flights', 'Search flights.', z.toJSONSchema(flights))).toBe(
      'search_flights(date: string (YYYY-MM-DD), passengers?: integer 1-9) - Search flights.',
    );
  });

  it('renders system, user, assistant plan and tool results as chat messages', () => {
    const messages = renderAgentMessages({
      instructions: 'You help with travel.',
      tools: [{ name: 'get_weather', description: get_weather.description, parameters: z.toJSONSchema(get_weather.inputSchema) }],
      turns: [
        { role: 'user', content: 'Weather in Lisbon?' },
        { role: 'assistant', calls: [{ tool: 'get_weather', arguments: { city: 'Lisbon' } }] },
        { role: 'tool', results: [{ tool: 'get_weather', result: { temperature: 18 } }] },
        { role: 'assistant', answer: 'It is 18 degrees.' },
      ],
    });
    expect(messages).toEqual([
      { role: 'system', content: 'You help with travel.\nTools:\nget_weather(city: string, unit?: "celsius" | "fahrenheit") - Get the current weather for a city.' },
      { role: 'user', content: 'Weather in Lisbon?' },
      { role: 'assistant', content: '[{"tool":"get_weather","arguments":{"city":"Lisbon"}}]' },
      { role: 'tool', content: '[{"tool":"get_weather","result":{"temperature":18}}]' },
      { role: 'assistant', content: '[{"tool":"answer","text":"It is 18 degrees."}]' },
    ]);
  });
});
