import { describe, expect, it } from 'vitest';
import { ENTITY_PARTITIONS, entityStrings } from './entities/entity-pools.js';
import { FIELD_PARTITION, TOOL_NAME_PARTITION } from './procedural/procedural-tools.js';
import { templateIdsBySide } from './template-sides.js';
import { createEntityScanner, visibleText } from './corpus-checks.js';
import { sample } from './test-support.js';

const train = sample('train', 20000);
const testEntities = sample('test_entities', 500);
const testTemplates = sample('test_templates', 500);
const testTools = sample('test_tools', 500);

function occurrences(texts: readonly string[], needles: readonly string[]): Set<string> {
  const scan = createEntityScanner(needles);
  return new Set(texts.flatMap(scan));
}

describe('held-out entities', () => {
  it('partitions every entity list into disjoint, non-empty halves', () => {
    for (const [name, partition] of Object.entries(ENTITY_PARTITIONS)) {
      expect(partition.test.length, name).toBeGreaterThan(0);
      expect(partition.train.length, name).toBeGreaterThan(partition.test.length);
      const train = new Set(partition.train.map((item) => JSON.stringify(item)));
      for (const item of partition.test) expect(train.has(JSON.stringify(item)), `${name}: ${JSON.stringify(item)}`).toBe(false);
    }
  });

  it('never shows a held-out entity in a training example', () => {
    const found = occurrences(train.map(visibleText), entityStrings('test'));
    expect([...found]).toEqual([]);
  });

  it('uses only held-out entities in test_entities, and only training ones elsewhere', () => {
    const testSide = new Set(entityStrings('test'));
    const trainSide = new Set(entityStrings('train'));
    const isEmail = (entity: string): boolean => entity.includes('@');
    for (const example of testEntities) {
      for (const entity of example.provenance.entities) if (!isEmail(entity)) expect(testSide.has(entity), `${example.id}: ${entity}`).toBe(true);
    }
    for (const example of [...train.slice(0, 5000), ...testTemplates, ...testTools]) {
      for (const entity of example.provenance.entities) if (!isEmail(entity)) expect(trainSide.has(entity), `${example.id}: ${entity}`).toBe(true);
    }
    // Calculations, currency conversions, timers and chat name no entities; most other examples do.
    expect(testEntities.filter((example) => example.provenance.entities.length > 0).length).toBeGreaterThan(300);
  });

  it('builds held-out e-mail addresses from held-out names and domains', () => {
    const trainText = train.map(visibleText).join('\n');
    for (const example of testEntities) {
      for (const entity of example.provenance.entities) if (entity.includes('@')) expect(trainText.includes(entity), entity).toBe(false);
    }
  });
});

describe('held-out templates', () => {
  const sides = templateIdsBySide();

  it('partitions templates into disjoint halves', () => {
    for (const id of sides.test) expect(sides.train.has(id), id).toBe(false);
    expect(sides.test.size).toBeGreaterThan(60);
  });

  it('keeps held-out templates out of training and every other split', () => {
    for (const example of [...train, ...testEntities, ...testTools]) {
      for (const id of example.provenance.templates) expect(sides.train.has(id), `${example.id}: ${id}`).toBe(true);
    }
  });

  it('builds test_templates from held-out templates only', () => {
    const kinds = new Set<string>();
    for (const example of testTemplates) {
      kinds.add(example.kind);
      for (const id of example.provenance.templates) expect(sides.test.has(id), `${example.id}: ${id}`).toBe(true);
    }
    expect(kinds).toEqual(new Set(['tool_call', 'procedural_tool_call', 'extraction', 'answer_from_result', 'no_tool']));
  });

  it('holds out phrasings of every demo tool', () => {
    const tools = new Set([...sides.test].map((id) => id.split(':')[0]));
    for (const tool of ['get_weather', 'convert_currency', 'create_event', 'send_email', 'search_flights', 'set_timer', 'calculate', 'get_stock_price', 'translate_text', 'add_todo', 'book_table', 'play_music']) {
      expect(tools.has(tool), tool).toBe(true);
    }
  });
});

describe('held-out tools', () => {
  it('partitions made-up tool names and field names', () => {
    const trainNames = new Set(TOOL_NAME_PARTITION.train.map((tool) => tool.name));
    for (const tool of TOOL_NAME_PARTITION.test) expect(trainNames.has(tool.name)).toBe(false);
    const trainFields = new Set(FIELD_PARTITION.train.map((field) => field.name));
    for (const field of FIELD_PARTITION.test) expect(trainFields.has(field.name)).toBe(false);
  });

  it('never shows a test_tools tool, or any of its field names, in training', () => {
    const trainToolNames = new Set<string>();
    const trainFieldNames = new Set<string>();
    for (const example of train) {
      if (example.kind === 'extraction') for (const field of Object.keys(example.schema.properties ?? {})) trainFieldNames.add(field);
      if (!('tools' in example)) continue;
      for (const tool of example.tools) {
        trainToolNames.add(tool.name);
        for (const field of Object.keys(tool.parameters.properties ?? {})) trainFieldNames.add(field);
      }
    }
    const heldOutNames = new Set(TOOL_NAME_PARTITION.test.map((tool) => tool.name));
    for (const name of trainToolNames) expect(heldOutNames.has(name), name).toBe(false);
    for (const example of testTools) {
      expect(example.kind).toBe('procedural_tool_call');
      if (example.kind !== 'procedural_tool_call') continue;
      const call = example.calls[0];
      expect(trainToolNames.has(call?.tool ?? ''), call?.tool).toBe(false);
      expect(heldOutNames.has(call?.tool ?? ''), call?.tool).toBe(true);
      const spec = example.tools.find((tool) => tool.name === call?.tool);
      for (const field of Object.keys(spec?.parameters.properties ?? {})) expect(trainFieldNames.has(field), `${call?.tool}.${field}`).toBe(false);
    }
  });
});
