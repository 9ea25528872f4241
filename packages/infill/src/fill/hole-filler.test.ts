import { describe, expect, it } from 'vitest';
import { infill } from '../infill.js';
import { randomFixtureModel } from '../testing/fixture-tokenizer.js';

describe('a canvas over the model length', () => {
  const PAIR = { type: 'object', properties: { first: { type: 'string' }, second: { type: 'string' } }, required: ['first', 'second'], additionalProperties: false } as const;
  const fill = (maxLength: number) => infill({ model: randomFixtureModel({ seed: 3, maxLength }), schema: PAIR, prompt: 'Two words', seed: 3 });

  it('takes the spare budget of holes not begun rather than failing, and fails with CANVAS_TOO_LONG only when that is not enough', async () => {
    // Two 16-token string holes do not fit in 40 positions; values of a few tokens each do.
    const value = (await fill(40)).value as { first: string; second: string };
    expect(typeof value.first).toBe('string');
    expect(typeof value.second).toBe('string');
    await expect(fill(12)).rejects.toMatchObject({ code: 'CANVAS_TOO_LONG' });
  });
});
