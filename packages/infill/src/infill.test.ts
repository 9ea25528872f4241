import { loadModel, type DiffusionModel } from '@lacuna/core';
import { modelPath } from '@lacuna/model-tiny-random';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { z as z3 } from 'zod/v3';
import { compileValidator } from './schema/validate-json-schema.js';
import { infill } from './infill.js';

const PERSON = {
  type: 'object',
  properties: {
    name: { type: 'string', maxLength: 12 },
    age: { type: 'integer', minimum: 0, maximum: 120 },
    color: { enum: ['red', 'green', 'blue'] },
    active: { type: 'boolean' },
    nickname: { type: 'string' },
    tags: { type: 'array', items: { type: 'string', maxLength: 6 }, maxItems: 3 },
  },
  required: ['name', 'age', 'color', 'active', 'tags'],
  additionalProperties: false,
} as const;

describe('infill on the real ONNX runtime (tiny random model)', () => {
  let model: DiffusionModel;
  beforeAll(async () => {
    model = await loadModel(modelPath);
  });
  afterAll(async () => {
    await model.dispose();
  });

  it('fills a JSON Schema with values that validate, every seed', async () => {
    const validate = compileValidator(PERSON, '2020-12');
    for (let seed = 0; seed < 8; seed++) {
      const result = await infill({ model, schema: PERSON, prompt: 'A person:', seed, sampling: { temperature: 1 } });
      expect(validate(result.value), JSON.stringify(validate.errors)).toBe(true);
      expect(JSON.parse(result.text)).toEqual(result.value);
      // Keys in schema order, no whitespace: the skeleton wrote the structure.
      const keys = Object.keys(result.value as object);
      expect(keys).toEqual(Object.keys(PERSON.properties).filter((key) => keys.includes(key)));
      expect(result.forwardPasses).toBeGreaterThan(0);
      for (const hole of result.holes) expect(hole.tokens.length).toBe(hole.confidences.length);
    }
  });

  it('reports the decisions the value was built by, each with its label and its tokens\' probabilities', async () => {
    const schema = {
      type: 'array',
      minItems: 1,
      maxItems: 3,
      items: { oneOf: [{ type: 'object', properties: { kind: { const: 'a' }, note: { type: 'string', maxLength: 4 } }, required: ['kind'], additionalProperties: false }, { type: 'object', properties: { kind: { const: 'b' } }, required: ['kind'], additionalProperties: false }] },
    } as const;
    const result = await infill({ model, schema, prompt: 'Items:', seed: 2, sampling: { temperature: 1 } });
    const value = result.value as { kind: string; note?: string }[];
    const count = result.decisions.find((decision) => decision.kind === 'count');
    expect(count?.text).toBe(String(value.length));
    const branches = result.decisions.filter((decision) => decision.kind === 'branch');
    expect(branches.map((decision) => decision.jsonPath)).toEqual(value.map((_, index) => `$[${index}]`));
    expect(branches.map((decision) => decision.text)).toEqual(value.map((item) => JSON.stringify(item.kind)));
    for (const decision of result.decisions) {
      expect(decision.confidences.length).toBe(decision.tokens.length);
      for (const confidence of decision.confidences) expect(confidence).toBeGreaterThan(0);
    }
    // Decided holes are no longer holes of the skeleton.
    for (const decision of result.decisions) expect(result.holes.some((hole) => hole.id === decision.id)).toBe(false);
  });

  it('decodes the canvas to exactly the skeleton text plus pads', async () => {
    const result = await infill({ model, schema: PERSON, prompt: 'A person:', seed: 3 });
    const canvas = result.canvas;
    expect(canvas).toBeDefined();
    const ids = canvas?.toArray() ?? [];
    const decoded = model.tokenizer.decode(ids.filter((id) => id !== model.spec.padTokenId), { skipSpecialTokens: false });
    expect(decoded).toContain(result.text);
  });

  it('fills a zod 4 schema and returns the parsed, typed value', async () => {
    const schema = z.object({
      title: z.string().min(2).max(10),
      count: z.int().min(-5).max(5),
      ratio: z.number().gt(0).lt(1),
      kind: z.enum(['a', 'b']),
      when: z.iso.date(),
      note: z.string().nullable(),
      extra: z.boolean().optional(),
    });
    for (let seed = 0; seed < 4; seed++) {
      const result = await infill({ model, schema, prompt: 'Fill in:', seed, sampling: { temperature: 1 } });
      const value: { title: string; count: number } = result.value;
      expect(schema.safeParse(value).success).toBe(true);
      expect(value.title.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('fills a zod 3 schema (through zod-to-json-schema)', async () => {
    const schema = z3.object({ id: z3.string().uuid(), score: z3.number().int().nonnegative(), mail: z3.string().email() });
    const result = await infill({ model, schema, prompt: 'Fill in:', seed: 1 });
    expect(schema.safeParse(result.value).success).toBe(true);
  });
});
