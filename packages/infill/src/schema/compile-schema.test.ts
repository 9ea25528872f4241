import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileSchema } from './compile-schema.js';

describe('compileSchema', () => {
  it('validates with the schema own validator: ajv for JSON Schema, zod for zod', () => {
    const fromJson = compileSchema({ type: 'object', properties: { code: { type: 'string', maxLength: 3 } }, required: ['code'] });
    const fromZod = compileSchema(z.object({ code: z.string().max(3) }));
    for (const compiled of [fromJson, fromZod]) {
      expect(compiled.validate({ code: 'EUR' }).ok).toBe(true);
      const outcome = compiled.validate({ code: 'EURO' });
      expect(outcome.ok ? [] : outcome.issues.map((issue) => issue.path)).toEqual([['code']]);
    }
  });

  it('validates with the caller validator when one is given, for both kinds of schema', () => {
    const calls: unknown[] = [];
    const validate = (value: unknown) => {
      calls.push(value);
      return { ok: false as const, issues: [{ path: ['code'], message: '/code is not a currency' }] };
    };
    for (const schema of [{ type: 'object', properties: { code: { type: 'string' } } }, z.object({ code: z.string() })]) {
      const outcome = compileSchema(schema, { validate }).validate({ code: 'EUR' });
      expect(outcome).toEqual({ ok: false, issues: [{ path: ['code'], message: '/code is not a currency' }] });
    }
    expect(calls).toEqual([{ code: 'EUR' }, { code: 'EUR' }]);
  });
});
