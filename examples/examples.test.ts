import { demoTools } from '@lacuna/demo-toolbox';
import { modelPath as defaultModelPath } from '@lacuna/model-default';
import { modelPath as fixtureModelPath } from '@lacuna/model-tiny-random';
import { describe, expect, it } from 'vitest';
import { main as runDemo } from './demo-agent.js';
import { Contact, main as extractContact } from './extract-contact.js';
import { INJECTED, main as selfCorrect } from './self-correction.js';
import { recordingTerminal } from './shared/terminal.js';
import { main as streamCanvas } from './stream-canvas.js';
import { main as travel, travelTools } from './travel-agent.js';

/**
 * Every example's `main`, on the trained default model (what `npm start` and the examples run) and on the
 * random-weight fixture (whose outputs are noise, so that nothing here depends on a model being good). What is
 * asserted holds for any model.
 */
const MODELS = [
  ['the default model', defaultModelPath],
  ['the fixture', fixtureModelPath],
] as const;

/** A demo tool's own implementation is deterministic: a successful result must be exactly what it returns. */
function expectResultsFromTheTools(result: { toolCalls: readonly { tool: string; input: unknown }[]; toolResults: readonly { tool: string; input: unknown; output?: unknown; error?: unknown }[] }) {
  expect(result.toolResults).toHaveLength(result.toolCalls.length);
  for (const outcome of result.toolResults) {
    const implementation = demoTools[outcome.tool as keyof typeof demoTools];
    expect(implementation.inputSchema.safeParse(outcome.input).success).toBe(true);
    if (outcome.error === undefined) expect(outcome.output).toEqual(implementation.execute(outcome.input as never));
  }
}

describe.each(MODELS)('examples on %s', (_name, model) => {
  it('demo-agent: streams the canvas, the calls and their results for each request', async () => {
    const terminal = recordingTerminal();
    // Two steps: the plan may be committed in passes that leave no mask in view (one span, no decision left open),
    // and the answer after the tool's result is written with its rest still masked.
    const runs = await runDemo({ model, terminal, requests: ["What's the weather in Lisbon?"], maxSteps: 2 });
    expect(runs).toHaveLength(1);
    const [run] = runs;
    expect(run?.tools[0]).toBe('get_weather');
    expect(run?.error).toBeUndefined();
    const result = run?.result;
    if (result === undefined) throw new Error('no result');
    expectResultsFromTheTools(result);
    expect(terminal.text).toMatch(/^ {2}plan +pass +1 /m);
    expect(terminal.text).toMatch(/░/);
    for (const call of result.toolCalls) expect(terminal.text).toContain(`-> ${call.tool} ${JSON.stringify(call.input)}`);
    expect(terminal.text).toMatch(/^done: (answer|max-steps|stop-condition) after [12] steps?,/m);
  });

  it('travel-agent: every call is valid for its tool and every result is the tool’s own', async () => {
    const terminal = recordingTerminal();
    const { result, error } = await travel({ model, terminal, maxSteps: 2 });
    if (result === undefined) {
      // The only way a run may stop: a field its repairs could not fix, named in the error and on the terminal.
      expect(error).toMatchObject({ name: 'LacunaAgentError', code: 'REPAIR_FAILED' });
      expect(Object.keys(travelTools)).toContain(error?.tool);
      expect(terminal.text).toContain(`stopped: REPAIR_FAILED (${error?.tool} ${JSON.stringify(error?.path)})`);
      expect(terminal.text).toMatch(/^ {2}repaired /m);
      return;
    }
    expect(result.steps.length).toBeGreaterThanOrEqual(1);
    for (const call of result.toolCalls) expect(Object.keys(travelTools)).toContain(call.tool);
    expectResultsFromTheTools(result);
    expect(terminal.text).toContain('request: ');
    expect(terminal.text).toMatch(/\d+ tool calls, \d+ repairs, \d+ forward passes/);
  });

  it('extract-contact: the value validates against the zod schema', async () => {
    const terminal = recordingTerminal();
    const extraction = await extractContact({ model, terminal });
    expect(Contact.safeParse(extraction.contact).success).toBe(true);
    expect(extraction.fields.map((field) => field.path)).toContain('$.name');
    for (const field of extraction.fields) expect(field.leastConfidence).toBeGreaterThan(0);
    expect(terminal.text).toContain(JSON.stringify(extraction.contact, null, 2));
  });

  it('self-correction: the grounding check rejects the injected field; repair changes it and keeps every other field', async () => {
    const terminal = recordingTerminal();
    const outcome = await selfCorrect({ model, terminal });
    expect(outcome.injected[INJECTED.field]).toBe(INJECTED.value);
    expect(outcome.issues).toContainEqual(expect.objectContaining({ check: 'grounding', path: [INJECTED.field] }));
    expect(outcome.repaired[INJECTED.field]).not.toBe(INJECTED.value);
    for (const field of Object.keys(outcome.injected)) if (field !== INJECTED.field) expect(outcome.repaired[field]).toEqual(outcome.injected[field]);
    expect(Object.keys(outcome.repaired).sort()).toEqual(Object.keys(outcome.injected).sort());
    // The repair re-masked a hole: its canvas starts with masks and ends with none.
    expect(outcome.repairFrames[0]).toContain('░');
    expect(outcome.repairFrames.at(-1)).not.toContain('░');
    expect(outcome.forwardPasses.repair).toBeGreaterThan(0);
    expect(terminal.text).toMatch(/destination +re-masked: "Atlantis" -> /);
  });

  it('stream-canvas: masks fill in step by step and the last frame is the plan the agent called', async () => {
    const terminal = recordingTerminal();
    const { frames, result } = await streamCanvas({ model, terminal });
    expect(frames.length).toBeGreaterThan(1);
    expect(frames.some((frame) => frame.masked > 0)).toBe(true);
    const last = frames.at(-1);
    expect(last?.masked).toBe(0);
    const plan = JSON.parse(last?.canvasText ?? '') as { tool: string; arguments: unknown }[];
    expect(plan).toEqual(result.toolCalls.map((call) => ({ tool: call.tool, arguments: call.input })));
    expect(terminal.text.split('\n').filter((line) => line.startsWith('plan pass'))).toHaveLength(frames.length);
  });
});
