import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { demoTools } from './demo-tools.js';
import { evaluateArithmetic } from './evaluate-arithmetic.js';

describe('the demo toolbox', () => {
  it('has the twelve tools with the documented fields', () => {
    const fields = Object.fromEntries(
      Object.entries(demoTools).map(([name, tool]) => {
        const schema = z.toJSONSchema(tool.inputSchema) as { properties: Record<string, unknown>; required?: string[] };
        return [name, { all: Object.keys(schema.properties), required: schema.required ?? [] }];
      }),
    );
    expect(fields.get_weather).toEqual({ all: ['city', 'unit'], required: ['city'] });
    expect(fields.convert_currency).toEqual({ all: ['amount', 'from', 'to'], required: ['amount', 'from', 'to'] });
    expect(fields.create_event).toEqual({ all: ['title', 'date', 'time', 'duration_minutes'], required: ['title', 'date'] });
    expect(fields.send_email).toEqual({ all: ['to', 'subject', 'body'], required: ['to', 'subject', 'body'] });
    expect(fields.search_flights).toEqual({ all: ['origin', 'destination', 'date', 'passengers'], required: ['origin', 'destination', 'date'] });
    expect(fields.set_timer).toEqual({ all: ['minutes', 'label'], required: ['minutes'] });
    expect(fields.calculate).toEqual({ all: ['expression'], required: ['expression'] });
    expect(fields.get_stock_price).toEqual({ all: ['symbol'], required: ['symbol'] });
    expect(fields.translate_text).toEqual({ all: ['text', 'target_language'], required: ['text', 'target_language'] });
    expect(fields.add_todo).toEqual({ all: ['task', 'priority', 'due_date'], required: ['task'] });
    expect(fields.book_table).toEqual({ all: ['restaurant', 'party_size', 'time', 'date'], required: ['restaurant', 'party_size', 'time'] });
    expect(fields.play_music).toEqual({ all: ['query', 'shuffle'], required: ['query'] });
  });

  it('answers the same input with the same result', () => {
    expect(demoTools.get_weather.execute({ city: 'Lisbon' })).toEqual(demoTools.get_weather.execute({ city: 'Lisbon' }));
    expect(demoTools.get_weather.execute({ city: 'Lisbon', unit: 'fahrenheit' }).unit).toBe('fahrenheit');
    expect(demoTools.convert_currency.execute({ amount: 100, from: 'EUR', to: 'USD' }).converted).toBe(108);
    expect(() => demoTools.convert_currency.execute({ amount: 1, from: 'XYZ', to: 'USD' })).toThrow(/Unknown currency XYZ/);
    expect(demoTools.convert_currency.inputSchema.safeParse({ amount: 5, from: 'EUR', to: 'EUR' }).error?.issues).toEqual([
      expect.objectContaining({ path: ['to'], message: 'Convert into another currency than the one converted from.' }),
    ]);
  });

  it('reads the currency each field of a conversion takes, both where the request does not say which way, and none when it names one', () => {
    const named = (field: 'from' | 'to', context: string) => demoTools.convert_currency.grounding?.[field]?.statedValues(context);
    expect(named('from', 'How much is 250 USD in euros?')).toEqual(['USD']);
    expect(named('to', 'How much is 250 USD in euros?')).toEqual(['EUR']);
    expect(named('to', 'Are euros or dollars stronger today?')).toEqual(['EUR', 'USD']);
    expect(named('from', 'Convert 100 dollars, please')).toEqual([]);
    expect(demoTools.get_stock_price.grounding?.symbol?.statedValues('Price of MSFT?')).toEqual(['MSFT']);
  });

  it('validates inputs with the schemas', () => {
    expect(demoTools.create_event.inputSchema.safeParse({ title: 'Standup', date: '2025-02-30x' }).success).toBe(false);
    expect(demoTools.book_table.inputSchema.safeParse({ restaurant: 'Nopa', party_size: 2, time: '19:30' }).success).toBe(true);
    expect(demoTools.book_table.inputSchema.safeParse({ restaurant: 'Nopa', party_size: 2, time: '7:30 pm' }).success).toBe(false);
    expect(demoTools.search_flights.inputSchema.safeParse({ origin: 'A', destination: 'B', date: '2025-01-01', passengers: 10 }).success).toBe(false);
  });

  it('evaluates arithmetic without eval', () => {
    expect(evaluateArithmetic('(12 + 30) * 2')).toBe(84);
    expect(evaluateArithmetic('2 ^ 3 ^ 2')).toBe(512);
    expect(evaluateArithmetic('-3 + 10 % 4')).toBe(-1);
    expect(() => evaluateArithmetic('2 + ')).toThrow(/ends too early/);
    expect(() => evaluateArithmetic('2 + abc')).toThrow(/character 5/);
  });
});
