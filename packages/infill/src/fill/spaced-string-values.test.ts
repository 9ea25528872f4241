import { createScriptedPredictor } from '@lacuna/core/testing';
import { describe, expect, it } from 'vitest';
import { infill } from '../infill.js';
import { createRandomPredictor } from '../testing/random-predictor.js';
import { fixtureTokenizer } from '../testing/fixture-tokenizer.js';
import { renderTrainingCanvases } from './training-canvases.js';

const { tokenizer, spec } = fixtureTokenizer();
const spacedSpec = { ...spec, spacedStringValues: true };
const SCHEMA = { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0, maximum: 99 } }, required: ['name', 'age'], additionalProperties: false };

function randomModel(seed: number) {
  return { tokenizer, spec: spacedSpec, predictor: createRandomPredictor({ vocabularySize: spec.vocabularySize, seed, maxLength: 4096 }) };
}

describe('spacedStringValues: a string value written after one space that is not part of it', () => {
  it('gives quoted holes, and only those, a space after the literal text they absorb, with healing and without', async () => {
    for (const healBoundaries of [true, false]) {
      const result = await infill({ model: randomModel(1), schema: SCHEMA, prompt: 'x', seed: 2, healBoundaries });
      const holes = result.session.holes();
      const name = holes.find((hole) => hole.path[0] === 'name');
      const age = holes.find((hole) => hole.path[0] === 'age');
      expect(name?.prefixText).toBe(healBoundaries ? '":" ' : ' ');
      expect(age?.prefixText).toBe(healBoundaries ? '":' : '');
      const value = result.value as { name: string; age: number };
      // The space is on the canvas, never in the value or its JSON text.
      expect(result.text).toBe(JSON.stringify(value));
      const ids = (result.canvas?.toArray() ?? []).filter((id) => id !== spec.padTokenId);
      expect(tokenizer.decode(ids)).toContain(`{"name":" ${JSON.stringify(value.name).slice(1)}`);
    }
  });

  it('renders training canvases whose string values start with the spaced token the request has', () => {
    const model = randomModel(1);
    const value = { name: 'Lisbon', age: 7 };
    const canvases = renderTrainingCanvases({ model, schema: SCHEMA, value, prompt: 'Call it Lisbon, age 7.' });
    expect(canvases.final.text).toBe(JSON.stringify(value));
    const spaced = tokenizer.encode(' Lisbon');
    const ids = Array.from(canvases.final.inputIds);
    const promptEnd = ids.indexOf(spaced[0] as number) + spaced.length;
    // After the prompt, the skeleton holds the value as the prompt does: ` Lisbon`, not `L`... after a quote.
    const skeleton = ids.slice(promptEnd);
    expect(tokenizer.decode(skeleton)).toContain('{"name":" Lisbon"');
    expect(skeleton.join(' ')).toContain(spaced.join(' '));
    expect(spaced).not.toEqual(tokenizer.encode('Lisbon'));
  });

  it('copies a grounded value token for token from the request, first word included', async () => {
    const context = 'Book it for Ann Lee today';
    const copied = tokenizer.encode(' Ann Lee');
    // A model that writes the request's own tokens for the name, then pads.
    const predictor = createScriptedPredictor({
      vocabularySize: spec.vocabularySize,
      logitsFor: (inputIds, position) => {
        const ids = Array.from(inputIds);
        let start = position;
        while (start > 0 && (ids[start - 1] === spec.maskTokenId || copied.includes(ids[start - 1] as number))) start--;
        const logits = new Float32Array(spec.vocabularySize).fill(-5);
        const token = copied[position - start] ?? spec.padTokenId;
        logits[token] = 5;
        return logits;
      },
    });
    const schema = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'], additionalProperties: false };
    const result = await infill({ model: { tokenizer, spec: spacedSpec, predictor }, schema, prompt: context, ground: () => context, healBoundaries: false });
    expect(result.value).toEqual({ name: 'Ann Lee' });
    const name = result.session.holes().find((hole) => hole.path[0] === 'name');
    expect(name?.tokens.filter((token) => token !== spec.padTokenId)).toEqual(copied);
  });
});
