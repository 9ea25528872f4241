import { describe, expect, it } from 'vitest';
import { infill } from '../infill.js';
import { randomFixtureModel } from '../testing/fixture-tokenizer.js';

const SCHEMA = { type: 'object', properties: { name: { type: 'string', maxLength: 6 }, age: { type: 'integer', minimum: -50, maximum: 50 } }, required: ['name', 'age'] };

describe('canvas layout and BPE boundary healing', () => {
  it('lets each value hole absorb the literal tokens at its boundaries', async () => {
    const model = randomFixtureModel({ seed: 2 });
    const result = await infill({ model, schema: SCHEMA, prompt: 'x', seed: 4 });
    const holes = result.session.holes();
    const name = holes.find((hole) => hole.path[0] === 'name');
    const age = holes.find((hole) => hole.path[0] === 'age');
    // `{"name":"` ends with the token `":"`; the next literal `","age":` starts with `","`, which the name hole takes,
    // and ends with `":`, which the age hole takes.
    expect(name?.prefixText).toBe('":"');
    expect(name?.suffixText).toBe('","');
    expect(age?.prefixText).toBe('":');
    expect(age?.suffixText).toBe('}');
    const ids = result.canvas?.toArray() ?? [];
    const decoded = model.tokenizer.decode(ids.filter((id) => id !== model.spec.padTokenId));
    expect(decoded).toContain(result.text);
  });

  it('fills validly without healing too', async () => {
    const model = randomFixtureModel({ seed: 3 });
    for (let seed = 0; seed < 5; seed++) {
      const result = await infill({ model, schema: SCHEMA, prompt: 'x', seed, healBoundaries: false, sampling: { temperature: 1 } });
      const value = result.value as { name: string; age: number };
      expect(value.name.length).toBeLessThanOrEqual(6);
      expect(Math.abs(value.age)).toBeLessThanOrEqual(50);
      expect(result.session.holes().every((hole) => hole.prefixText === '' && hole.suffixText === '')).toBe(true);
    }
  });
});
