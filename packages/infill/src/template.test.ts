import { loadModel } from '@lacuna/core';
import { modelPath } from '@lacuna/model-tiny-random';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { LacunaInfillError } from './errors/lacuna-infill-error.js';
import { hole, template } from './template.js';
import { randomFixtureModel } from './testing/fixture-tokenizer.js';

describe('template', () => {
  it('fills typed holes between literal text', async () => {
    const card = template`Name: ${hole.string({ maxTokens: 8, name: 'name' })} Age: ${hole.integer({ minimum: 0, maximum: 130 })} Member: ${hole.boolean()} Tier: ${hole.enum(['gold', 'silver'])}`;
    const model = randomFixtureModel({ seed: 3 });
    for (let seed = 0; seed < 10; seed++) {
      const result = await card.fill({ model, seed, sampling: { temperature: 1 } });
      const [name, age, member, tier] = result.values;
      expectTypeOf(result.values).toEqualTypeOf<[string, number, boolean, 'gold' | 'silver']>();
      expect(result.holes[0]?.tokens.filter((token) => token !== model.spec.padTokenId).length).toBeLessThanOrEqual(8);
      expect(Number.isInteger(age) && age >= 0 && age <= 130).toBe(true);
      expect(typeof member).toBe('boolean');
      expect(['gold', 'silver']).toContain(tier);
      expect(result.named.name).toBe(name);
      expect(result.text).toBe(`Name: ${name} Age: ${age} Member: ${member} Tier: ${tier}`);
      expect(name).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    }
  });

  it('runs on the real ONNX model with a prompt', async () => {
    const model = await loadModel(modelPath);
    try {
      const result = await template`Name: ${hole.string({ maxTokens: 8 })} Age: ${hole.integer()}`.fill({ model, prompt: 'Describe Ada.', seed: 1 });
      expect(result.text.startsWith('Name: ')).toBe(true);
      expect(Number.isInteger(result.values[1])).toBe(true);
      expect(result.forwardPasses).toBeGreaterThan(0);
    } finally {
      await model.dispose();
    }
  });

  it('matches a pattern and refuses non-hole interpolations', async () => {
    const code = template`Code: ${hole.string({ pattern: '[A-Z]{3}-\\d{2}' })}`;
    const result = await code.fill({ model: randomFixtureModel({ seed: 9 }), seed: 2 });
    expect(result.values[0]).toMatch(/^[A-Z]{3}-\d{2}$/);
    expect(() => template`x ${'literal' as never}`).toThrow(LacunaInfillError);
  });
});
