import { afterEach, describe, expect, it } from 'vitest';
import { createRandom } from '../random.js';
import { composedFields, PROCEDURAL_FIELDS } from './procedural-fields.js';
import { drawProceduralTool, FIELD_PARTITION, useComposedFields } from './procedural-tools.js';

const handWritten = new Set(PROCEDURAL_FIELDS.map((field) => field.name));
const composed = new Set(composedFields().map((field) => field.name));

/** The argument names of `count` made-up tools drawn on a side, from a fixed seed. */
function drawnNames(side: 'train' | 'test', count = 3000): Set<string> {
  const random = createRandom(7);
  const names = new Set<string>();
  for (let index = 0; index < count; index++) for (const field of drawProceduralTool(random, side).fields) names.add(field.name);
  return names;
}

describe('composed field names (--composed-fields)', () => {
  afterEach(() => useComposedFields(false));

  it('are hundreds of new names, none hand-written, so none held out', () => {
    expect(composed.size).toBeGreaterThan(250);
    expect(composed.size).toBe(composedFields().length);
    for (const name of composed) expect(handWritten.has(name), name).toBe(false);
    expect(composed.has('manager_phone')).toBe(true);
    // Held-out names stay new: manager_email is hand-written (held out), so it is never composed.
    expect(FIELD_PARTITION.test.some((field) => field.name === 'manager_email')).toBe(true);
    expect(composed.has('manager_email')).toBe(false);
  });

  it('reach training tools only when asked, and leave held-out tools as they were', () => {
    const trainBefore = drawnNames('train');
    const testBefore = drawnNames('test');
    expect([...trainBefore].some((name) => composed.has(name))).toBe(false);
    useComposedFields(true);
    const trainAfter = drawnNames('train');
    const testAfter = drawnNames('test');
    expect([...trainAfter].filter((name) => composed.has(name)).length).toBeGreaterThan(100);
    expect(trainAfter.size).toBeGreaterThan(trainBefore.size + 100);
    expect([...testAfter].sort()).toEqual([...testBefore].sort());
    for (const name of testAfter) expect(trainAfter.has(name), name).toBe(false);
  });
});
