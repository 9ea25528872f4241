import { loadModel, type DiffusionModel } from '@lacuna/core';
import { get_weather } from '@lacuna/demo-toolbox';
import { modelPath } from '@lacuna/model-tiny-random';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopWhenContextFull } from './stop-when-context-full.js';

describe('stopWhenContextFull on the fixture model (1,024 positions)', () => {
  let model: DiffusionModel;
  beforeAll(async () => {
    model = await loadModel(modelPath, { intraOpThreads: 1 });
  });
  afterAll(async () => {
    await model.dispose();
  });

  it('stops a run once the conversation leaves no room for the next plan', () => {
    const tools = { get_weather };
    const stop = stopWhenContextFull({ model, tools, request: 'Weather in Lisbon?' });
    expect(stop({ steps: [] })).toBe(false);
    const call = { callId: 'call_1_1', tool: 'get_weather', input: { city: 'Lisbon' } };
    const result = { ...call, output: { note: 'x'.repeat(4000) }, attempts: 1, durationMs: 1 };
    const usage = { forwardPasses: 1, tokens: 1, wallMs: 1, modelMs: 1 };
    expect(stop({ steps: [{ step: 1, toolCalls: [call], toolResults: [result], repairs: [], answer: undefined, usage }] })).toBe(true);
    expect(stopWhenContextFull({ model, tools, request: 'Weather in Lisbon?', reserve: model.spec.maxLength })({ steps: [] })).toBe(true);
  });
});
