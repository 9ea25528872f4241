import { describe, expect, it } from 'vitest';
import { infill } from '../infill.js';
import { serializeValue } from '../skeleton/serialize-value.js';
import { randomFixtureModel } from '../testing/fixture-tokenizer.js';
import { renderTrainingCanvas } from './training-canvas.js';
import { renderTrainingCanvases } from './training-canvases.js';

const SCHEMA = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    age: { type: 'integer', minimum: 0 },
    email: { type: 'string', format: 'email' },
    tags: { type: 'array', items: { enum: ['a', 'b', 'c'] }, maxItems: 3 },
    pet: { anyOf: [{ type: 'null' }, { type: 'object', properties: { kind: { const: 'cat' }, lives: { type: 'integer' } }, required: ['kind'] }] },
  },
  required: ['name', 'age'],
} as const;

describe('serialisation for training corpora', () => {
  const model = randomFixtureModel();

  it('writes values as the skeleton does: compact, keys in schema order', () => {
    expect(serializeValue(SCHEMA, { tags: ['b'], age: 36, name: 'Ada "the" Countess', pet: null })).toBe('{"name":"Ada \\"the\\" Countess","age":36,"tags":["b"],"pet":null}');
    expect(serializeValue(SCHEMA, { name: 'x', age: 1, pet: { lives: 9, kind: 'cat' } })).toBe('{"name":"x","age":1,"pet":{"kind":"cat","lives":9}}');
  });

  it('gives an enum hole room for its longest value with the literal text it absorbs', () => {
    const weather = { type: 'object', properties: { city: { type: 'string' }, unit: { enum: ['celsius', 'fahrenheit'] } }, required: ['city'] };
    const plan = { type: 'array', minItems: 1, maxItems: 2, items: { type: 'object', properties: { tool: { const: 'get_weather' }, arguments: weather }, required: ['tool', 'arguments'] } };
    for (const unit of ['celsius', 'fahrenheit']) {
      const value = [{ tool: 'get_weather', arguments: { city: 'Lisbon', unit } }];
      const canvases = renderTrainingCanvases({ model, schema: plan, value, prompt: 'Weather in Lisbon in degrees.' });
      expect(canvases.final.text).toBe(JSON.stringify(value));
    }
  });

  it('renders a value that occurs twice (the tokenizer cache is not written through)', () => {
    const timers = { type: 'array', items: { type: 'object', properties: { minutes: { type: 'integer' } }, required: ['minutes'] }, maxItems: 3 };
    const canvas = renderTrainingCanvas({ model, schema: timers, value: [{ minutes: 5 }, { minutes: 5 }], prompt: 'Two timers of 5 minutes.' });
    expect(canvas.text).toBe('[{"minutes":5},{"minutes":5}]');
  });

  it('renders the canvas inference would end with, pads and all', () => {
    const value = { name: 'Ada', age: 36, email: 'ada@example.org', tags: ['a', 'c'], pet: { kind: 'cat', lives: 9 } };
    const canvas = renderTrainingCanvas({ model, schema: SCHEMA, value, prompt: 'Ada, 36, ada@example.org, a and c, a cat with 9 lives.' });
    expect(canvas.text).toBe(serializeValue(SCHEMA, value));
    const skeleton = canvas.inputIds.slice(canvas.promptLength, -1).filter((id) => id !== model.spec.padTokenId);
    expect(model.tokenizer.decode(skeleton)).toBe(canvas.text);
    expect(canvas.holeMask.filter(Boolean).length).toBe(canvas.holes.reduce((sum, hole) => sum + hole.length, 0));
    for (const hole of canvas.holes) expect(canvas.holeMask.slice(hole.start, hole.start + hole.length).every(Boolean)).toBe(true);
    expect(canvas.roles.slice(0, canvas.promptLength).every((role) => role === 0)).toBe(true);
    expect(canvas.roles.filter((role) => role === 2).length).toBe(canvas.holeMask.filter(Boolean).length);
    expect(canvas.inputIds).not.toContain(model.spec.maskTokenId);
    // Inference lays out the same skeleton: same length, same literal positions.
    expect(canvas.inputIds.length).toBeGreaterThan(canvas.promptLength);
  });

  it('matches the layout of an infill run with the same structure', async () => {
    const result = await infill({ model, schema: { type: 'object', properties: { n: { type: 'integer' }, s: { type: 'string', maxLength: 4 } }, required: ['n', 's'] }, prompt: 'p', seed: 1 });
    const canvas = renderTrainingCanvas({ model, schema: { type: 'object', properties: { n: { type: 'integer' }, s: { type: 'string', maxLength: 4 } }, required: ['n', 's'] }, value: result.value, prompt: 'p' });
    expect(canvas.text).toBe(result.text);
  });
});
