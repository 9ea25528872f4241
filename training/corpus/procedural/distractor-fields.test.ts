import { afterEach, describe, expect, it } from 'vitest';
import type { ProceduralToolCallExample } from '../example-types.js';
import { generateExample, TEST_TOOLS_MIX } from '../generate-examples.js';
import { createRandom } from '../random.js';
import { DISTRACTOR_SHARE, drawDistractorFields, useDistractorMentions } from './distractor-fields.js';
import { drawProceduralTool, fieldsOfSide } from './procedural-tools.js';

function proceduralExamples(split: 'train' | 'test_tools', count: number): ProceduralToolCallExample[] {
  return Array.from({ length: count }, (_, index) => generateExample(3, split, index, TEST_TOOLS_MIX) as ProceduralToolCallExample);
}

describe('distractor mentions (--distractor-mentions)', () => {
  afterEach(() => useDistractorMentions(false));

  it('are fields the tool lacks, named with words no field of the tool is named with', () => {
    const random = createRandom(11);
    let drawn = 0;
    for (let index = 0; index < 500; index++) {
      const tool = drawProceduralTool(random, 'train');
      const labels = tool.fields.map((field) => field.label);
      const distractors = drawDistractorFields(tool, tool.fields, random, 'train');
      drawn += distractors.length;
      for (const distractor of distractors) {
        expect(tool.fields.some((field) => field.name === distractor.name)).toBe(false);
        for (const label of labels) expect(label.includes(distractor.label) || distractor.label.includes(label), `${label} / ${distractor.label}`).toBe(false);
      }
    }
    expect(drawn).toBeGreaterThan(500);
  });

  it('state fields the tool lacks in about half of the training requests, and change no call', () => {
    const labels = new Map(fieldsOfSide('train').map((field) => [field.name, field.label]));
    /** Share of requests naming a field (by its label) that their tool lacks. */
    const foreignShare = (examples: readonly ProceduralToolCallExample[]): number => {
      const naming = examples.filter((example) => {
        const call = example.calls[0];
        const spec = example.tools.find((tool) => tool.name === call?.tool);
        const own = Object.keys(spec?.parameters.properties ?? {}).map((name) => labels.get(name) ?? name);
        const request = example.request.toLowerCase();
        return [...labels.values()].some((label) => !own.some((mine) => mine.includes(label) || label.includes(mine)) && new RegExp(`\\b${label.toLowerCase()}\\b`).test(request));
      });
      return naming.length / examples.length;
    };
    const before = proceduralExamples('train', 400);
    useDistractorMentions(true);
    const after = proceduralExamples('train', 400);
    // The tool, its stated fields and their values are drawn before the distractors.
    after.forEach((example, index) => expect(example.calls).toEqual(before[index]?.calls));
    for (const example of after) {
      for (const [name, value] of Object.entries(example.calls[0]?.arguments ?? {})) {
        if (typeof value === 'string' && !example.normalised.includes(`$.calls[0].arguments.${name}`)) expect(example.request).toContain(value);
      }
    }
    const added = foreignShare(after) - foreignShare(before);
    expect(added).toBeGreaterThan(DISTRACTOR_SHARE - 0.15);
    expect(added).toBeLessThan(DISTRACTOR_SHARE + 0.1);
  });

  it('leave held-out requests as they were', () => {
    const before = proceduralExamples('test_tools', 100).map((example) => JSON.stringify(example));
    useDistractorMentions(true);
    expect(proceduralExamples('test_tools', 100).map((example) => JSON.stringify(example))).toEqual(before);
  });
});
