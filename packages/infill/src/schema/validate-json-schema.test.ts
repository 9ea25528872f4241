import { describe, expect, it } from 'vitest';
import { ajvFor, compileValidator } from './validate-json-schema.js';

describe('compileValidator', () => {
  it('validates with local references, as compiled', () => {
    const validate = compileValidator(
      { type: 'object', $defs: { short: { type: 'string', maxLength: 3 } }, properties: { code: { $ref: '#/$defs/short' } }, required: ['code'] },
      '2020-12',
    );
    expect([validate({ code: 'EUR' }), validate({ code: 'EURO' }), validate({})]).toEqual([true, false, false]);
  });

  it('leaves nothing behind in the shared validator: an agent compiles a plan schema per request', () => {
    // ajv keeps compiled schemas in a private map, one entry per schema object, for the life of the instance.
    const cache = (ajvFor('2020-12') as unknown as { _cache: Map<unknown, unknown> })._cache;
    const before = cache.size;
    for (let length = 1; length <= 20; length++) {
      const validate = compileValidator({ type: 'object', properties: { task: { type: 'string', maxLength: length } } }, '2020-12');
      expect(validate({ task: 'x'.repeat(length) })).toBe(true);
    }
    expect(cache.size).toBe(before);
  });

  it('compiles a schema once: the same JSON gives the same validator', () => {
    const schema = () => ({ type: 'object', properties: { city: { type: 'string', minLength: 1 } }, required: ['city'] });
    const first = compileValidator(schema(), '2020-12');
    expect(compileValidator(schema(), '2020-12')).toBe(first);
    expect(compileValidator(schema(), 'draft-07')).not.toBe(first);
    expect([first({ city: 'Lisbon' }), first({ city: '' })]).toEqual([true, false]);
  });
});
