import { loadModel, type DiffusionModel } from '@lacuna/core';
import { get_weather, set_timer } from '@lacuna/demo-toolbox';
import { modelPath } from '@lacuna/model-tiny-random';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tool } from '../tools/tool.js';
import { planCall } from './plan-call.js';

describe('planCall on the fixture model', () => {
  let model: DiffusionModel;
  beforeAll(async () => {
    model = await loadModel(modelPath, { intraOpThreads: 1 });
  });
  afterAll(async () => {
    await model.dispose();
  });

  it('plans a valid call without running any tool', async () => {
    const executed: string[] = [];
    const tools = {
      get_weather: tool({ ...get_weather, execute: (input) => executed.push(`get_weather ${JSON.stringify(input)}`) }),
      set_timer: tool({ ...set_timer, execute: (input) => executed.push(`set_timer ${JSON.stringify(input)}`) }),
    };
    const denoised: string[] = [];
    const plan = await planCall("What's the weather in Lisbon?", {
      model,
      tools,
      checks: { minConfidence: 0, grounding: false },
      onPart: (part) => {
        if (part.type === 'denoise') denoised.push(part.canvasText);
      },
    });
    expect(executed).toEqual([]);
    expect(plan.calls.length).toBeGreaterThanOrEqual(1);
    expect(plan.calls[0]).toEqual({ tool: plan.tool, args: plan.args });
    for (const call of plan.calls) expect(tools[call.tool as keyof typeof tools].inputSchema.safeParse(call.args).success).toBe(true);
    expect(plan.forwardPasses).toBeGreaterThan(0);
    expect(plan.repairs).toEqual([]);
    expect(denoised.length).toBeGreaterThan(0);
  });
});
