import { describe, expect, it } from 'vitest';
import { LacunaInfillError } from './errors/lacuna-infill-error.js';
import { infill } from './infill.js';
import { compileSchema } from './schema/compile-schema.js';
import { compileValidator } from './schema/validate-json-schema.js';
import { randomFixtureModel } from './testing/fixture-tokenizer.js';

const model = randomFixtureModel({ seed: 5 });

async function fillMany(schema: Record<string, unknown>, runs = 12): Promise<unknown[]> {
  const validate = compileValidator(schema, compileSchema(schema).draft);
  const values: unknown[] = [];
  for (let seed = 0; seed < runs; seed++) {
    const result = await infill({ model, schema, prompt: 'Fill.', seed, sampling: { temperature: 1 }, repairAttempts: 0 });
    expect(validate(result.value), `${result.text} ${JSON.stringify(validate.errors)}`).toBe(true);
    values.push(result.value);
  }
  return values;
}

describe('schema features, each filled validly by a random-logits model', () => {
  it('optional properties: the model decides presence', async () => {
    const values = await fillMany({ type: 'object', properties: { a: { type: 'integer' }, b: { type: 'boolean' } } }, 16);
    const presence = new Set(values.map((value) => Object.keys(value as object).join(',')));
    expect(presence.size).toBeGreaterThan(1);
  });

  it('nullable values and type lists', async () => {
    const values = await fillMany({ type: 'object', properties: { n: { type: ['string', 'null'], maxLength: 3 }, m: { type: ['number', 'boolean'] } }, required: ['n', 'm'] }, 16);
    expect(values.some((value) => (value as { n: unknown }).n === null)).toBe(true);
  });

  it('arrays within minItems and maxItems, and tuples', async () => {
    await fillMany({ type: 'array', items: { type: 'integer', minimum: 1, maximum: 9 }, minItems: 2, maxItems: 4 });
    await fillMany({ type: 'array', prefixItems: [{ type: 'string', format: 'date' }, { const: 'x' }], items: false, minItems: 1 });
    await fillMany({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'array', items: [{ type: 'boolean' }], additionalItems: { type: 'null' }, maxItems: 3 });
  });

  it('anyOf, oneOf and discriminated unions', async () => {
    await fillMany({ anyOf: [{ type: 'string', pattern: '^[a-z]{2}$' }, { type: 'integer', minimum: 100 }] });
    await fillMany({ oneOf: [{ type: 'string' }, { type: 'string', enum: ['reserved'] }] });
    await fillMany({ oneOf: [{ type: 'integer', minimum: 0 }, { type: 'number' }] });
    const tagged = await fillMany({
      oneOf: [
        { type: 'object', properties: { kind: { const: 'circle' }, r: { type: 'number', exclusiveMinimum: 0 } }, required: ['kind', 'r'] },
        { type: 'object', properties: { kind: { const: 'square' }, side: { type: 'number' } }, required: ['kind', 'side'] },
      ],
    }, 16);
    expect(new Set(tagged.map((value) => (value as { kind: string }).kind)).size).toBe(2);
  });

  it('oneOf over required-property variants (function-calling schemas)', async () => {
    await fillMany({
      type: 'object',
      properties: { radius: { type: 'number' }, length: { type: 'number' }, width: { type: 'number' } },
      oneOf: [{ required: ['radius'] }, { required: ['length', 'width'] }],
    });
  });

  it('local $ref, $defs, anchors and recursion', async () => {
    await fillMany({
      $defs: { node: { type: 'object', properties: { value: { type: 'integer' }, children: { type: 'array', items: { $ref: '#/$defs/node' }, maxItems: 2 } }, required: ['value'] } },
      $ref: '#/$defs/node',
    });
    await fillMany({ definitions: { a: { $id: '#thing', type: 'string', maxLength: 2 } }, type: 'object', properties: { x: { $ref: '#thing' } }, required: ['x'] });
  });

  it('allOf, not, dependencies and minProperties', async () => {
    await fillMany({ allOf: [{ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, { properties: { a: { maxLength: 3 }, b: { type: 'integer' } } }] });
    await fillMany({ type: 'string', not: { pattern: '^a' }, maxLength: 3 });
    await fillMany({ type: 'integer', not: { minimum: 10 } });
    await fillMany({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, dependencies: { a: ['b'] } });
    await fillMany({ type: 'object', minProperties: 1, additionalProperties: { type: 'integer' } });
    await fillMany({ type: 'object', minProperties: 1, patternProperties: { '^x-': { type: 'boolean' } }, additionalProperties: false });
  });

  it('decimal multipleOf, checked as validators divide', async () => {
    await fillMany({ type: 'object', properties: { price: { type: 'number', multipleOf: 0.01, minimum: 0, maximum: 100 }, step: { type: 'number', multipleOf: 0.5 } }, required: ['price', 'step'] });
  });

  it('additionalProperties: false with required keys, draft-04 exclusive bounds', async () => {
    await fillMany({ type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false });
    await fillMany({ $schema: 'http://json-schema.org/draft-04/schema#', type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 1 });
  });
});

describe('refusals name the feature and the JSON pointer', () => {
  const refuse = (schema: unknown, feature: string, pointer: string): void => {
    try {
      compileSchema(schema as Record<string, unknown>);
      expect.unreachable(`compiled ${JSON.stringify(schema)}`);
    } catch (error) {
      expect(LacunaInfillError.isInstance(error)).toBe(true);
      const infillError = error as LacunaInfillError;
      expect(infillError.code).toBe('UNSUPPORTED_SCHEMA_FEATURE');
      expect(infillError.feature).toBe(feature);
      expect(infillError.pointer).toBe(pointer);
      expect(infillError.message).toContain(pointer);
    }
  };

  it('refuses if/then/else, contains, backreferences, external refs, overlapping oneOf', () => {
    refuse({ type: 'object', properties: { a: { if: { type: 'string' }, then: { minLength: 1 } } } }, 'if', '#/properties/a/if');
    refuse({ type: 'array', contains: { type: 'integer' } }, 'contains', '#/contains');
    refuse({ type: 'string', pattern: '(a)\\1' }, 'pattern', '#/pattern');
    refuse({ $ref: 'https://example.com/schema.json' }, '$ref', '#');
    refuse({ oneOf: [{ type: 'string' }, { type: 'string', format: 'email' }] }, 'oneOf', '#/oneOf');
    refuse({ type: 'number', multipleOf: 1e-12 }, 'multipleOf', '#/multipleOf');
  });

  it('reports schemas no value satisfies as INVALID_SCHEMA', () => {
    expect(() => compileSchema({ type: 'integer', minimum: 5, maximum: 4 })).toThrow(/no number/);
    expect(() => compileSchema({ allOf: [{ type: 'string' }, { type: 'integer' }] })).toThrow(LacunaInfillError);
  });
});
