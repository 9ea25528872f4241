import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_TOOL_NAMES } from '../demo-toolbox.js';
import { generateExamples } from '../generate-examples.js';
import { templateIdsBySide } from '../template-sides.js';
import { EXTRA_REQUEST_TEMPLATES, nearCopy } from './extra-templates.js';
import { EXTRA_PHRASINGS, REQUEST_TEMPLATE_PARTITIONS, REQUEST_TEMPLATES, requestTemplates, useExtraPhrasings } from './request-templates.js';

afterEach(() => useExtraPhrasings(undefined));

describe('extra phrasings', () => {
  it('tells a near copy from a new phrasing', () => {
    expect(nearCopy('What would {amount} {from} be in {to}?', 'What would {amount} {from} be in {to}?')).toBe(true);
    expect(nearCopy('Is it snowing in {city}?', 'Is it raining in {city}?')).toBe(true);
    expect(nearCopy('give me a weather update for {city}', 'grab the forecast for {city}')).toBe(false);
  });

  it('keeps none that is a near copy of a template of its tool, held out or not', () => {
    for (const tool of DEMO_TOOL_NAMES) {
      const kept = EXTRA_PHRASINGS[tool];
      expect(kept.length, tool).toBeGreaterThan(0);
      expect(kept.length, tool).toBeLessThanOrEqual(EXTRA_REQUEST_TEMPLATES[tool].length);
      for (const extra of kept) {
        for (const template of REQUEST_TEMPLATES[tool]) expect(nearCopy(extra.text, template.text), `${extra.text} ~ ${template.text}`).toBe(false);
      }
    }
  });

  it('adds them to the training side only, and only when asked', () => {
    expect(requestTemplates('get_weather', 'train')).toEqual(REQUEST_TEMPLATE_PARTITIONS.get_weather.train);
    useExtraPhrasings('train');
    expect(requestTemplates('get_weather', 'train')).toEqual([...REQUEST_TEMPLATE_PARTITIONS.get_weather.train, ...EXTRA_PHRASINGS.get_weather]);
    expect(requestTemplates('get_weather', 'test')).toEqual(REQUEST_TEMPLATE_PARTITIONS.get_weather.test);
    const sides = templateIdsBySide();
    for (const extra of EXTRA_PHRASINGS.play_music) {
      expect(sides.train.has(extra.id)).toBe(true);
      expect(sides.test.has(extra.id)).toBe(false);
    }
  });

  it('stands them in for the held-out phrasings when asked, and then holds them out', () => {
    useExtraPhrasings('test');
    expect(requestTemplates('play_music', 'test')).toEqual(EXTRA_PHRASINGS.play_music);
    expect(requestTemplates('play_music', 'train')).toEqual(REQUEST_TEMPLATE_PARTITIONS.play_music.train);
    const sides = templateIdsBySide();
    for (const extra of EXTRA_PHRASINGS.play_music) {
      expect(sides.test.has(extra.id)).toBe(true);
      expect(sides.train.has(extra.id)).toBe(false);
    }
    const heldOut = [...generateExamples(1, 'test_templates', 300)].filter((example) => example.kind === 'tool_call');
    expect(heldOut.length).toBeGreaterThan(50);
    for (const example of heldOut) expect(example.provenance.templates.every((id) => id.includes('#extra:')), example.request).toBe(true);
  });

  it('has training requests use them when asked, and held-out phrasings never', () => {
    const withExtra = (examples: ReturnType<typeof generateExamples>) => [...examples].filter((example) => example.provenance.templates.some((id) => id.includes('#extra:')));
    expect(withExtra(generateExamples(1, 'train', 1000))).toEqual([]);
    useExtraPhrasings('train');
    expect(withExtra(generateExamples(1, 'train', 1000)).length).toBeGreaterThan(50);
    expect(withExtra(generateExamples(1, 'test_templates', 300))).toEqual([]);
  });
});
