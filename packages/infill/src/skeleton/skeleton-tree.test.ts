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

describe('grounded enums', () => {
  const TICKET = {
    type: 'object',
    properties: {
      channel: { enum: ['email', 'phone', 'chat', 'in_person'] },
      severity: { enum: ['minor', 'major', 3] },
    },
    required: ['channel'],
    additionalProperties: false,
  } as const;
  const fill = (seed: number, members: { channel?: string[]; severity?: string[] }) =>
    infill({
      model: randomFixtureModel({ seed }),
      schema: TICKET,
      prompt: 'A ticket',
      seed,
      sampling: { temperature: 1 },
      ground: ({ path, kind }) => {
        expect(kind).toBe('enum');
        const values = members[path[0] as 'channel' | 'severity'];
        return values === undefined ? undefined : { values };
      },
    });

  it('takes only the members its `{ values }` name, and leaves out an optional enum none of whose members they name', async () => {
    const channels = new Set<unknown>();
    const severities = new Set<unknown>();
    for (let seed = 0; seed < 16; seed++) {
      const value = (await fill(seed, { channel: ['chat', 'in_person', 'fax'], severity: ['critical'] })).value as Record<string, unknown>;
      channels.add(value.channel);
      expect(Object.hasOwn(value, 'severity')).toBe(false);
      const free = (await fill(seed, { channel: ['phone'], severity: ['3', 'minor'] })).value as Record<string, unknown>;
      expect(free.channel).toBe('phone');
      if (Object.hasOwn(free, 'severity')) severities.add(free.severity);
    }
    expect([...channels].sort()).toEqual(['chat', 'in_person']);
    expect([...severities].every((severity) => severity === 3 || severity === 'minor')).toBe(true);
    expect(severities.size).toBeGreaterThan(0);
  });

  it('leaves an enum whose grounding names no value free', async () => {
    const channels = new Set<unknown>();
    for (let seed = 0; seed < 16; seed++) channels.add(((await fill(seed, {})).value as Record<string, unknown>).channel);
    expect(channels.size).toBeGreaterThan(2);
  });
});

describe('optional properties whose presence the caller knows', () => {
  const fill = (seed: number, present: boolean | undefined, context = 'Forecast for Lisbon for 3 days') =>
    infill({ model: randomFixtureModel({ seed }), schema: FORECAST, prompt: context, seed, sampling: { temperature: 1 }, ground: () => context, present: () => present });

  it('writes a property `present` says is there, leaves out one it says is not, and lets the model decide otherwise', async () => {
    const decided = new Set<boolean>();
    for (let seed = 0; seed < 12; seed++) {
      expect(((await fill(seed, true)).value as { days?: number }).days).toBe(3);
      expect(Object.hasOwn((await fill(seed, false)).value as object, 'days')).toBe(false);
      decided.add(Object.hasOwn((await fill(seed, undefined)).value as object, 'days'));
      // Nothing to copy: left out whatever `present` says.
      expect(Object.hasOwn((await fill(seed, true, 'Forecast for Lisbon on the 17th, 2027')).value as object, 'days')).toBe(false);
    }
    expect([...decided].sort()).toEqual([false, true]);
  });
});
