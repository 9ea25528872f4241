import { describe, expect, it } from 'vitest';
import { infill } from '../infill.js';
import { randomFixtureModel } from '../testing/fixture-tokenizer.js';

const FORECAST = {
  type: 'object',
  properties: { city: { type: 'string', maxLength: 20 }, days: { type: 'integer', minimum: 1, maximum: 7 } },
  required: ['city'],
  additionalProperties: false,
} as const;

describe('grounded optional properties', () => {
  const fill = (context: string, seed: number) =>
    infill({ model: randomFixtureModel({ seed }), schema: FORECAST, prompt: context, seed, sampling: { temperature: 1 }, ground: () => context });

  it('leaves out an optional value no span of the context can state, and grounds it where one can', async () => {
    const unstated: unknown[] = [];
    const stated: unknown[] = [];
    for (let seed = 0; seed < 12; seed++) {
      // 17 and 2027 are out of days' bounds: days cannot be copied, so it is never written.
      unstated.push((await fill('Forecast for Lisbon on the 17th, 2027', seed)).value);
      stated.push((await fill('Forecast for Lisbon for 3 days', seed)).value);
    }
    expect(unstated.every((value) => !Object.hasOwn(value as object, 'days'))).toBe(true);
    const withDays = stated.filter((value) => Object.hasOwn(value as object, 'days'));
    expect(withDays.length).toBeGreaterThan(0);
    for (const value of withDays) expect((value as { days: number }).days).toBe(3);
  });
});
