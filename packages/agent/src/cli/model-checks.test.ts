import { modelPath as fixtureModelPath } from '@lacuna/model-tiny-random';
import { describe, expect, it } from 'vitest';
import { checksForModel, fixtureNotice } from './model-checks.js';

describe('checks and notices per model', () => {
  const fixture = { folder: fixtureModelPath, source: 'fixture', isFixture: true } as const;
  const trained = { folder: '/models/default', source: 'default', isFixture: false } as const;

  it('relaxes grounding and confidence on the fixture only', () => {
    expect(checksForModel(fixture)).toEqual({ minConfidence: 0, grounding: false });
    expect(checksForModel(trained)).toEqual({});
  });

  it('tells the user when the run is on the fixture', () => {
    expect(fixtureNotice(fixture, { agent: true })).toMatch(/no trained model found.*outputs are noise; the agent's checks are relaxed/);
    expect(fixtureNotice({ ...fixture, source: 'flag' }, { agent: false })).toBe('lacuna: running the random-weight fixture model: outputs are noise.');
    expect(fixtureNotice(trained, { agent: true })).toBeUndefined();
  });
});
