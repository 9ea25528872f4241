import type { PredictionRequest, PredictionRows, Predictor } from '@lacuna/core';
import { describe, expect, it } from 'vitest';
import { infill } from '../infill.js';
import { fixtureTokenizer } from '../testing/fixture-tokenizer.js';
import type { InfillModel } from './infill-session.js';
import { renderTrainingCanvas } from './training-canvas.js';
import { FIXED_MASK_ROLE, renderTrainingCanvases, type DecisionCanvas } from './training-canvases.js';

const PROFILE = {
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

/** A plan as the agent asks for one: a list of calls, each a branch tagged by the tool's name. */
const PLAN = {
  type: 'array',
  minItems: 1,
  maxItems: 3,
  items: {
    oneOf: [
      {
        type: 'object',
        properties: {
          tool: { const: 'get_weather' },
          arguments: { type: 'object', properties: { city: { type: 'string' }, unit: { enum: ['celsius', 'fahrenheit'] } }, required: ['city'], additionalProperties: false },
        },
        required: ['tool', 'arguments'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          tool: { const: 'set_timer' },
          arguments: { type: 'object', properties: { minutes: { type: 'integer', minimum: 1 }, label: { type: 'string' } }, required: ['minutes'], additionalProperties: false },
        },
        required: ['tool', 'arguments'],
        additionalProperties: false,
      },
      { type: 'object', properties: { tool: { const: 'answer' }, text: { type: 'string', minLength: 1 } }, required: ['tool', 'text'], additionalProperties: false },
    ],
  },
} as const;

const CASES = [
  { name: 'optional properties, an array length and a nullable branch', schema: PROFILE, value: { name: 'Ada', age: 36, tags: ['a', 'c'], pet: { kind: 'cat', lives: 9 } } },
  { name: 'every optional property absent', schema: PROFILE, value: { name: 'Bo', age: 7 } },
  {
    name: 'a plan: call count, tool branches, optional arguments',
    schema: PLAN,
    value: [
      { tool: 'get_weather', arguments: { city: 'Lisbon' } },
      { tool: 'set_timer', arguments: { minutes: 5, label: 'tea' } },
    ],
  },
  { name: 'a plan that answers in words', schema: PLAN, value: [{ tool: 'answer', text: 'Hello there.' }] },
  {
    name: 'values longer than their first budget, which infill grows',
    schema: PLAN,
    value: [{ tool: 'answer', text: 'The weather in Lisbon is sunny and warm today, with a light breeze from the ocean and no rain expected until the weekend.' }],
  },
];

/**
 * A predictor that has read the teacher-forced canvases: it finds the one the canvas it is shown belongs to
 * (equal everywhere but at masked target positions) and puts all its weight on the target tokens. Every canvas
 * it is shown is recorded with the index of the expected canvas it matched (-1: none).
 */
function scriptedPredictor(expected: readonly { inputIds: readonly number[]; roles: readonly number[] }[], maskTokenId: number, vocabularySize: number) {
  const seen: number[] = [];
  const matches = (ids: ArrayLike<number>, canvas: (typeof expected)[number]): boolean => {
    if (ids.length !== canvas.inputIds.length) return false;
    for (let position = 0; position < ids.length; position++) {
      const token = ids[position] as number;
      if (token !== canvas.inputIds[position] && !(token === maskTokenId && canvas.roles[position] === 2)) return false;
    }
    return true;
  };
  const predictor: Predictor = {
    vocabularySize,
    maxLength: 4096,
    async predict(batch: readonly PredictionRequest[]): Promise<PredictionRows[]> {
      return batch.map((request) => {
        const index = expected.findIndex((canvas) => matches(request.inputIds, canvas));
        seen.push(index);
        const data = new Float32Array(request.positions.length * vocabularySize);
        if (index >= 0) {
          request.positions.forEach((position, row) => {
            data[row * vocabularySize + ((expected[index] as (typeof expected)[number]).inputIds[position] as number)] = 20;
          });
        }
        return { data, rows: request.positions.length, vocabularySize };
      });
    },
  };
  return { predictor, seen };
}

describe('renderTrainingCanvases (teacher-forced infill)', () => {
  const { tokenizer, spec } = fixtureTokenizer();
  const stubModel: InfillModel = { tokenizer, spec, predictor: { vocabularySize: spec.vocabularySize, maxLength: 4096, predict: () => Promise.reject(new Error('not used')) } };

  for (const testCase of CASES) {
    it(`lays out what infill lays out when the model decides as the value says: ${testCase.name}`, async () => {
      const prompt = 'Fill it in.';
      const rendered = renderTrainingCanvases({ model: stubModel, schema: testCase.schema, value: testCase.value, prompt, valueHoles: 'masked' });
      expect(rendered.decisions.length).toBeGreaterThan(0);
      const expected = [...rendered.decisions, ...rendered.values];
      const { predictor, seen } = scriptedPredictor(expected, spec.maskTokenId, spec.vocabularySize);
      const result = await infill({ model: { tokenizer, spec, predictor }, schema: testCase.schema, prompt });

      expect(result.value).toEqual(testCase.value);
      // Every forward pass saw one of the teacher-forced canvases, each round in turn, the last value round last.
      expect(seen).not.toContain(-1);
      expect([...new Set(seen)]).toEqual(expected.map((_, index) => index));
      expect(result.canvas?.toArray()).toEqual(rendered.values.at(-1)?.inputIds);
      expect(rendered.final).toEqual(renderTrainingCanvas({ model: stubModel, schema: testCase.schema, value: testCase.value, prompt }));
    });
  }

  it('marks decision holes as targets and value holes as fixed masks in masked mode', () => {
    const { decisions } = renderTrainingCanvases({ model: stubModel, schema: PLAN, value: CASES[2]?.value, prompt: 'p', valueHoles: 'masked' });
    // Count, then the two tools, then the optional arguments of each call beside the required ones' masks.
    expect(decisions.map((canvas) => canvas.holes.map((hole) => hole.kind))).toEqual([['count'], ['branch', 'branch'], ['value', 'presence', 'value', 'presence']]);
    const last = decisions[2] as DecisionCanvas;
    for (const [position, role] of last.roles.entries()) {
      expect(role === 2).toBe(last.decisionMask[position]);
      if (role === FIXED_MASK_ROLE) expect(last.inputIds[position]).toBe(spec.maskTokenId);
    }
    // An absent optional argument is written as pads only: the model learns to leave it out.
    const unit = last.holes[1] as DecisionCanvas['holes'][number];
    expect(last.inputIds.slice(unit.start, unit.start + unit.length).every((token) => token === spec.padTokenId)).toBe(true);
    const label = last.holes[3] as DecisionCanvas['holes'][number];
    expect(tokenizer.decode(last.inputIds.slice(label.start, label.start + label.length).filter((token) => token !== spec.padTokenId))).toBe('"label":');
  });

  it('lets a long value fill its budget without a pad, round after round, as the hole grows', () => {
    const value = CASES[4]?.value;
    const { values, final } = renderTrainingCanvases({ model: stubModel, schema: PLAN, value, prompt: 'p' });
    const spans = values.map((canvas) => canvas.holes.find((hole) => hole.jsonPath === '$[0].text') as DecisionCanvas['holes'][number]);
    expect(spans.map((span) => span.length)).toEqual([16, 32, 64].slice(0, values.length));
    expect(values.length).toBeGreaterThan(1);
    values.forEach((canvas, round) => {
      const span = spans[round] as DecisionCanvas['holes'][number];
      const ended = canvas.inputIds.slice(span.start, span.start + span.length).includes(spec.padTokenId);
      expect(ended).toBe(round === values.length - 1);
    });
    // The serialised layout gives the same value one pad and no more.
    expect(final.holes.find((hole) => hole.jsonPath === '$[0].text')?.length).toBeLessThan(spans.at(-1)?.length ?? 0);
  });

  it('writes the values into decision canvases in filled mode: roles 0-2 only, no mask token', () => {
    const value = CASES[2]?.value;
    const filled = renderTrainingCanvases({ model: stubModel, schema: PLAN, value, prompt: 'p' });
    const masked = renderTrainingCanvases({ model: stubModel, schema: PLAN, value, prompt: 'p', valueHoles: 'masked' });
    expect(filled.final).toEqual(masked.final);
    filled.decisions.forEach((canvas, round) => {
      expect(canvas.inputIds).not.toContain(spec.maskTokenId);
      expect(canvas.roles.every((role) => role <= 2)).toBe(true);
      // The decisions are the same; only the value holes differ (values here fit their first budgets).
      const other = masked.decisions[round] as DecisionCanvas;
      expect(canvas.decisionMask).toEqual(other.decisionMask);
      canvas.inputIds.forEach((token, position) => {
        if (other.roles[position] !== FIXED_MASK_ROLE) expect(token).toBe(other.inputIds[position]);
      });
    });
  });

  it('writes a value that occurs twice in both places', () => {
    // The session caches encodings; a writer that appended its pad to a cached array would corrupt the second.
    const value = [
      { tool: 'set_timer', arguments: { minutes: 5, label: 'tea' } },
      { tool: 'set_timer', arguments: { minutes: 5, label: 'tea' } },
    ];
    const { final } = renderTrainingCanvases({ model: stubModel, schema: PLAN, value, prompt: 'p' });
    expect(JSON.parse(final.text)).toEqual(value);
  });

  it("writes a copied value with the prompt's tokens (valueTokens 'as-in-prompt'), and infill lays that out as it does", async () => {
    const prompt = 'Set a timer for 5 minutes called ticker call';
    const value = [{ tool: 'set_timer', arguments: { minutes: 5, label: 'ticker call' } }];
    const canonical = renderTrainingCanvases({ model: stubModel, schema: PLAN, value, prompt, valueHoles: 'masked' });
    const copied = renderTrainingCanvases({ model: stubModel, schema: PLAN, value, prompt, valueHoles: 'masked', valueTokens: 'as-in-prompt' });
    const labelTokens = (canvases: typeof copied) => {
      const canvas = canvases.values.at(-1) as (typeof copied.values)[number];
      const hole = canvas.holes.find((span) => span.jsonPath === '$[0].arguments.label') as (typeof canvas.holes)[number];
      return canvas.inputIds.slice(hole.start, hole.start + hole.length).filter((token) => token !== spec.padTokenId).map((token) => tokenizer.decode([token]));
    };
    // The prompt cuts " ticker" as " t|ic|k|er"; alone the tokenizer cuts "ti|c|k|er". The hole absorbs the literal tokens on either side (`":"`, `"`).
    expect(labelTokens(canonical)).toEqual(['":"', 'ti', 'c', 'k', 'er', ' c', 'al', 'l', '"']);
    expect(labelTokens(copied)).toEqual(['":"', 't', 'ic', 'k', 'er', ' c', 'al', 'l', '"']);
    // Inference keeps the cut the model writes: infill, fed these canvases, lays out the same ones.
    const expected = [...copied.decisions, ...copied.values];
    const { predictor, seen } = scriptedPredictor(expected, spec.maskTokenId, spec.vocabularySize);
    const result = await infill({ model: { tokenizer, spec, predictor }, schema: PLAN, prompt });
    expect(result.value).toEqual(value);
    expect(seen).not.toContain(-1);
    expect(result.canvas?.toArray()).toEqual(copied.values.at(-1)?.inputIds);
    // A value no prompt message states is cut as the tokenizer cuts it.
    const other = renderTrainingCanvases({ model: stubModel, schema: PLAN, value, prompt: 'p', valueHoles: 'masked', valueTokens: 'as-in-prompt' });
    expect(labelTokens(other)).toEqual(labelTokens(canonical));
  });

  it('refuses a value the skeleton cannot write', () => {
    expect(() => renderTrainingCanvases({ model: stubModel, schema: PLAN, value: [{ tool: 'set_timer', arguments: { minutes: 0 } }], validate: false })).toThrow(/outside what the skeleton generates|no branch/);
    expect(() => renderTrainingCanvases({ model: stubModel, schema: PLAN, value: [], validate: false })).toThrow(/0 items/);
  });
});
