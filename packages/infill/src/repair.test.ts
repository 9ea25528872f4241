import { createScriptedPredictor } from '@lacuna/core/testing';
import { describe, expect, it } from 'vitest';
import { infill } from './infill.js';
import { forkResult, parsePath, repair } from './repair.js';
import { fixtureTokenizer, randomFixtureModel } from './testing/fixture-tokenizer.js';

const SCHEMA = {
  type: 'object',
  properties: {
    name: { type: 'string', maxLength: 10 },
    when: { type: 'string', format: 'date' },
    items: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string', maxLength: 6 }, qty: { type: 'integer', minimum: 1, maximum: 9 } }, required: ['sku', 'qty'] }, minItems: 2, maxItems: 2 },
  },
  required: ['name', 'when', 'items'],
} as const;

/** Logits that depend only on the sequence and the position: the same canvas is filled the same way. */
function canvasDeterminedModel() {
  const { tokenizer, spec } = fixtureTokenizer();
  const predictor = createScriptedPredictor({
    vocabularySize: spec.vocabularySize,
    logitsFor: (inputIds, position) => {
      let hash = position * 2654435761;
      for (const id of inputIds) hash = Math.imul(hash ^ id, 16777619) >>> 0;
      return Float32Array.from({ length: spec.vocabularySize }, (_, id) => (Math.imul(hash ^ (id * 40503), 2246822519) >>> 0) / 2 ** 32);
    },
  });
  return { tokenizer, spec, predictor };
}

describe('repair', () => {
  it('re-masks exactly the holes on the given paths and keeps everything else', async () => {
    const model = randomFixtureModel({ seed: 4 });
    const first = await infill({ model, schema: SCHEMA, prompt: 'An order.', seed: 1, sampling: { temperature: 1 } });
    const before = new Map(first.holes.map((report) => [report.jsonPath, report.tokens]));
    const repaired = await repair(first, { paths: ['$.items[1].qty', '/when'], feedback: 'qty must match the invoice' });
    const after = new Map(repaired.holes.map((report) => [report.jsonPath, report.tokens]));
    for (const [path, tokens] of before) {
      if (path === '$.items[1].qty' || path === '$.when') continue;
      expect([path, after.get(path)]).toEqual([path, tokens]);
    }
    expect(repaired.forwardPasses).toBeGreaterThan(0);
    expect(typeof repaired.value).toBe('object');
    expect(repaired.session.prompt).toContain('qty must match the invoice');
  });

  it('writes another value than the rejected one, unless asked to allow it', async () => {
    const schema = { type: 'object', properties: { code: { enum: ['red', 'green', 'blue'] }, name: { type: 'string', maxLength: 6 } }, required: ['code', 'name'] };
    const { tokenizer, spec, predictor } = canvasDeterminedModel();
    const first = await infill({ model: { tokenizer, spec, predictor }, schema, prompt: 'A colour.' });
    const { code, name } = first.value as { code: string; name: string };
    // Greedy decoding with everything else as it was: the same value again, when allowed.
    const again = await repair(first, { paths: ['$.code', '$.name'], allowRejected: true });
    expect(again.value).toEqual({ code, name });
    const other = await repair(first, { paths: ['$.code', '$.name'] });
    const repaired = other.value as { code: string; name: string };
    expect(repaired.code).not.toBe(code);
    expect(repaired.name).not.toBe(name);
    // A second repair excludes both values rejected so far: the enum's last one is left.
    const last = await repair(other, { paths: ['$.code'] });
    expect([code, repaired.code, (last.value as { code: string }).code].sort()).toEqual(['blue', 'green', 'red']);
    // With every value excluded, the hole may repeat one rather than get stuck.
    const stuck = await repair(last, { paths: ['$.code'] });
    expect(['red', 'green', 'blue']).toContain((stuck.value as { code: string }).code);
  });

  it('excludes a rejected grounded value that filled its hole exactly, as a code of the context does', async () => {
    const schema = { type: 'object', properties: { from: { type: 'string', pattern: '^[A-Z]{3}$' }, to: { type: 'string', pattern: '^[A-Z]{3}$' } }, required: ['from', 'to'] };
    const { tokenizer, spec, predictor } = canvasDeterminedModel();
    const first = await infill({ model: { tokenizer, spec, predictor }, schema, prompt: 'Convert INR to CAD.', ground: () => 'INR\nCAD' });
    const { to } = first.value as { from: string; to: string };
    const repaired = await repair(first, { paths: ['$.to'] });
    expect((repaired.value as { to: string }).to).toBe(to === 'INR' ? 'CAD' : 'INR');
  });

  it('takes another branch for a union re-masked whole, and grounds its new holes as the repair says', async () => {
    const call = (tool: string) => ({ type: 'object', properties: { tool: { const: tool }, name: { type: 'string', maxLength: 8 } }, required: ['tool', 'name'] });
    const schema = { type: 'array', minItems: 2, maxItems: 2, items: { oneOf: [call('ask'), call('greet'), call('thank')] } };
    const { tokenizer, spec, predictor } = canvasDeterminedModel();
    const first = await infill({ model: { tokenizer, spec, predictor }, schema, prompt: 'Ask Ann, greet Bob.', ground: () => 'Ask Ann, greet Bob.' });
    const [kept, rejected] = first.value as { tool: string; name: string }[];
    const tools = ['ask', 'greet', 'thank'];
    const again = await repair(first, { paths: [[1]], ground: ({ path }) => (path[0] === 1 ? ['Bob'] : 'Ask Ann, greet Bob.') });
    const [same, other] = again.value as { tool: string; name: string }[];
    expect(same).toEqual(kept);
    expect(tools.filter((tool) => tool !== rejected?.tool)).toContain(other?.tool);
    expect(other?.name).toBe('Bob');
    // The branches rejected so far stay excluded; with all of them rejected, any may be taken again.
    const third = await repair(again, { paths: [[1]] });
    const last = (third.value as { tool: string }[])[1]?.tool;
    expect([rejected?.tool, other?.tool]).not.toContain(last);
    const fourth = await repair(third, { paths: [[1]] });
    expect(tools).toContain((fourth.value as { tool: string }[])[1]?.tool);
  });

  it('decides a union again among only the branches chosen, by discriminator value or index, everything else kept', async () => {
    const call = (tool: string) => ({ type: 'object', properties: { tool: { const: tool }, name: { type: 'string', maxLength: 8 } }, required: ['tool', 'name'] });
    const schema = { type: 'array', minItems: 2, maxItems: 2, items: { oneOf: [call('ask'), call('greet'), call('thank')] } };
    const { tokenizer, spec, predictor } = canvasDeterminedModel();
    const first = await infill({ model: { tokenizer, spec, predictor }, schema, prompt: 'Ask Ann, thank Bob.', ground: () => 'Ask Ann, thank Bob.' });
    const [kept] = first.value as { tool: string; name: string }[];
    for (const [branches, tool] of [[['thank'], 'thank'], [[1], 'greet']] as const) {
      const chosen = await repair(forkResult(first), { choose: [{ path: [1], branches }], ground: ({ path }) => (path[0] === 1 ? ['Bob'] : 'Ask Ann, thank Bob.') });
      expect(chosen.value).toEqual([kept, { tool, name: 'Bob' }]);
    }
    await expect(repair(forkResult(first), { choose: [{ path: [1], branches: ['wave'] }] })).rejects.toMatchObject({ code: 'INVALID_OPTIONS', message: expect.stringContaining('"wave"') });
    await expect(repair(forkResult(first), { choose: [{ path: [1, 'name'], branches: [0] }] })).rejects.toMatchObject({ code: 'INVALID_OPTIONS', message: expect.stringContaining('no union') });
    // A path the value does not have: nothing to choose.
    await expect(repair(forkResult(first), { choose: [{ path: [5], branches: [0] }] })).rejects.toMatchObject({ code: 'INVALID_OPTIONS', message: expect.stringContaining('nothing to repair') });
  });

  it('grounds a re-masked value anew with the repair\'s ground, keeping the values rejected before', async () => {
    const schema = { type: 'object', properties: { city: { type: 'string', maxLength: 12 } }, required: ['city'] };
    const { tokenizer, spec, predictor } = canvasDeterminedModel();
    const text = 'Oslo, Rome or Lima';
    // Three texts: the value is one of the three cities.
    const cities = ['Oslo', 'Rome', 'Lima'];
    const first = await infill({ model: { tokenizer, spec, predictor }, schema, prompt: text, ground: () => cities });
    const { city } = first.value as { city: string };
    // Grounded in one other city alone, the value can only be that one, whichever it is.
    const others = cities.filter((name) => name !== city);
    expect(others).toHaveLength(2);
    for (const target of others) {
      const again = await infill({ model: { tokenizer, spec, predictor }, schema, prompt: text, ground: () => cities });
      expect((await repair(again, { paths: ['$.city'], ground: () => [target] })).value).toEqual({ city: target });
    }
    const second = await repair(first, { paths: ['$.city'], ground: () => [others[0] as string] });
    const next = (second.value as { city: string }).city;
    // Grounded in the three cities again, the two rejected so far stay excluded.
    const third = await repair(second, { paths: ['$.city'], ground: () => cities });
    expect((third.value as { city: string }).city).toBe(others[1]);
    // A text with no span that fits leaves the value its language: it is not written free.
    const fourth = await repair(third, { paths: ['$.city'], ground: () => ', ' });
    expect(cities).toContain((fourth.value as { city: string }).city);
  });

  it('re-decides structure under a path', async () => {
    const model = randomFixtureModel({ seed: 8 });
    const first = await infill({ model, schema: { type: 'object', properties: { tags: { type: 'array', items: { type: 'string', maxLength: 3 }, maxItems: 4 }, keep: { type: 'integer' } }, required: ['tags', 'keep'] }, seed: 3 });
    const repaired = await repair(first, { issues: [{ path: ['tags'], message: '/tags must hold exactly what the user listed' }], feedback: true });
    expect((repaired.value as { keep: number }).keep).toBe((first.value as { keep: number }).keep);
  });

  it('leaves out an optional property and keeps every other token', async () => {
    const schema = {
      type: 'object',
      properties: { city: { type: 'string', maxLength: 8 }, unit: { enum: ['celsius', 'fahrenheit'] }, days: { type: 'integer', minimum: 1, maximum: 7 } },
      required: ['city'],
      additionalProperties: false,
    };
    // A seed whose first fill writes the optional `unit`.
    let first;
    for (let seed = 0; seed < 40 && !(first !== undefined && 'unit' in (first.value as object)); seed++) {
      first = await infill({ model: randomFixtureModel({ seed }), schema, prompt: 'Weather?', seed, sampling: { temperature: 1 } });
    }
    if (first === undefined || !('unit' in (first.value as object))) throw new Error('no seed wrote the optional property');
    const kept = first.holes.filter((report) => report.jsonPath !== '$.unit').map((report) => [report.jsonPath, report.tokens]);
    const repaired = await repair(first, { omit: ['$.unit'] });
    const { unit: _unit, ...rest } = first.value as Record<string, unknown>;
    expect(repaired.value).toEqual(rest);
    expect(repaired.holes.map((report) => [report.jsonPath, report.tokens])).toEqual(kept);
    expect(repaired.forwardPasses).toBe(0);
    await expect(repair(repaired, { omit: ['$.city'] })).rejects.toMatchObject({ name: 'LacunaInfillError', code: 'INVALID_OPTIONS', path: '$.city' });
  });

  it('adds a left-out optional property, masked, and keeps every other token', async () => {
    const schema = {
      type: 'object',
      properties: { city: { type: 'string', maxLength: 8 }, unit: { enum: ['celsius', 'fahrenheit'] } },
      required: ['city'],
      additionalProperties: false,
    };
    // The first fill leaves `unit` out (infill's `present`), as a model may.
    const first = await infill({ model: randomFixtureModel({ seed: 1 }), schema, prompt: 'Weather?', seed: 1, present: ({ path }) => (path[0] === 'unit' ? false : undefined) });
    expect('unit' in (first.value as object)).toBe(false);
    // Texts, not tokens: the city's hole heals into the literal after it, which the new property changes, so its
    // tokens are written again as the tokenizer cuts the same text there.
    const kept = first.holes.map((report) => [report.jsonPath, report.text]);
    const included = await repair(first, { include: ['$.unit'] });
    const value = included.value as { city: string; unit?: string };
    expect(value.city).toBe((first.value as { city: string }).city);
    expect(['celsius', 'fahrenheit']).toContain(value.unit);
    expect(included.holes.filter((report) => report.jsonPath !== '$.unit').map((report) => [report.jsonPath, report.text])).toEqual(kept);
    expect(included.forwardPasses).toBeGreaterThan(0);
    await expect(repair(included, { include: ['$.unit'] })).rejects.toMatchObject({ name: 'LacunaInfillError', code: 'INVALID_OPTIONS', path: '$.unit' });
    await expect(repair(included, { include: ['$.country'] })).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
  });

  it('appends a masked item to an array and keeps every other token', async () => {
    const schema = { type: 'array', items: { type: 'object', properties: { city: { type: 'string', maxLength: 6 } }, required: ['city'] }, minItems: 1, maxItems: 3 };
    // A seed whose first fill holds fewer items than the most.
    let first;
    for (let seed = 0; seed < 40 && !(first !== undefined && (first.value as unknown[]).length < 3); seed++) {
      first = await infill({ model: randomFixtureModel({ seed }), schema, prompt: 'Cities?', seed });
    }
    if (first === undefined || (first.value as unknown[]).length === 3) throw new Error('no seed held fewer than three items');
    const before = first.value as { city: string }[];
    const kept = first.holes.map((report) => [report.jsonPath, report.tokens]);
    let grown = await repair(first, { append: ['$'] });
    const after = grown.value as { city: string }[];
    expect(after).toHaveLength(before.length + 1);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(grown.holes.slice(0, kept.length).map((report) => [report.jsonPath, report.tokens])).toEqual(kept);
    expect(grown.holes.at(-1)?.jsonPath).toBe(`$[${before.length}].city`);
    expect(grown.forwardPasses).toBeGreaterThan(0);
    while ((grown.value as unknown[]).length < 3) grown = await repair(grown, { append: ['$'] });
    await expect(repair(grown, { append: ['$'] })).rejects.toMatchObject({ name: 'LacunaInfillError', code: 'INVALID_OPTIONS', path: '$' });
  });

  it('forks a result: repairing the copy leaves the original, which repairs as if the copy never was', async () => {
    const { tokenizer, spec, predictor } = canvasDeterminedModel();
    const model = { tokenizer, spec, predictor };
    const schema = { type: 'array', items: { type: 'object', properties: { city: { type: 'string', maxLength: 6 } }, required: ['city'] }, minItems: 1, maxItems: 3 };
    const first = await infill({ model, schema, prompt: 'Cities?' });
    const kept = forkResult(first);
    const grown = await repair(first, { append: ['$'] });
    expect((grown.value as unknown[]).length).toBe((first.value as unknown[]).length + 1);
    // The original's session is as it was: a repair of it matches the same repair of a fresh fill.
    const fresh = await infill({ model, schema, prompt: 'Cities?' });
    const fromKept = await repair(kept, { paths: ['$[0].city'] });
    const fromFresh = await repair(fresh, { paths: ['$[0].city'] });
    expect(fromKept.value).toEqual(fromFresh.value);
    expect(fromKept.holes.map((report) => report.tokens)).toEqual(fromFresh.holes.map((report) => report.tokens));
    // And the copy goes on by itself.
    expect((grown.session.value() as unknown[]).length).toBe((first.value as unknown[]).length + 1);
  });

  it('reads JSON paths and pointers', () => {
    expect(parsePath('$.a[0]["b c"].d')).toEqual(['a', 0, 'b c', 'd']);
    expect(parsePath('/a/0/b~1c')).toEqual(['a', 0, 'b/c']);
    expect(parsePath(['x', 1])).toEqual(['x', 1]);
  });
});
