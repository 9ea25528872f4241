import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel, TextTokenizer, type DiffusionModel, type ModelSpec } from '@lacuna/core';
import { createScriptedPredictor } from '@lacuna/core/testing';
import { convert_currency, create_event, get_weather, set_timer } from '@lacuna/demo-toolbox';
import { modelPath } from '@lacuna/model-tiny-random';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tool } from '../tools/tool.js';
import { createAgent, DEFAULT_DECISIONS } from './agent.js';
import type { AgentStreamPart } from './agent-types.js';

/**
 * The agent on the real ONNX runtime with the random-weight fixture model: its plans are noise, but they are
 * always valid plans (infill's constraints), so the loop, the checks, the repairs and the tools all run for real.
 */
describe('createAgent on the fixture model', () => {
  let model: DiffusionModel;
  beforeAll(async () => {
    model = await loadModel(modelPath, { intraOpThreads: 1 });
  });
  afterAll(async () => {
    await model.dispose();
  });
  const tools = { get_weather, convert_currency, set_timer };

  it('plans valid calls, runs the tools and streams typed parts in order', async () => {
    const agent = createAgent({ model, tools, maxSteps: 1, seed: 3, checks: { minConfidence: 0, grounding: false } });
    const events: string[] = [];
    agent.on('tool-call', (part) => events.push(`event:${part.call.tool}`));
    const parts: AgentStreamPart[] = [];
    for await (const part of agent.stream("What's the weather in Lisbon?")) parts.push(part);
    const types = parts.map((part) => part.type);
    expect(types[0]).toBe('step-start');
    expect(types.at(-1)).toBe('finish');
    expect(types).toContain('denoise');
    const finish = parts.at(-1) as Extract<AgentStreamPart, { type: 'finish' }>;
    const { result } = finish;
    expect(result.steps.length).toBeGreaterThanOrEqual(1);
    expect(result.usage.forwardPasses).toBeGreaterThan(0);
    expect(result.usage.modelMs).toBeLessThanOrEqual(result.usage.wallMs);
    for (const call of result.toolCalls) {
      // Whatever the random model wrote, it is a call of an offered tool with arguments its schema accepts.
      expect(Object.keys(tools)).toContain(call.tool);
      expect(tools[call.tool as keyof typeof tools].inputSchema.safeParse(call.input).success).toBe(true);
    }
    expect(result.toolResults.map((outcome) => outcome.callId)).toEqual(result.toolCalls.map((call) => call.callId));
    expect(events).toEqual(result.toolCalls.map((call) => `event:${call.tool}`));
    if (result.finishReason === 'answer') expect(result.text.length).toBeGreaterThan(0);
    else expect(result.finishReason).toBe('max-steps');
  });

  it('repairs a rejected field by re-masking only its hole, and records the repair', async () => {
    const timer = tool({
      description: 'Start a countdown timer.',
      inputSchema: z.object({ minutes: z.number().int().min(1).max(90), label: z.string().max(20) }),
      execute: ({ minutes, label }) => ({ minutes, label }),
    });
    const checked: { minutes: number; label: string }[] = [];
    const agent = createAgent({
      model,
      tools: { timer },
      toolChoice: 'required',
      maxSteps: 1,
      seed: 5,
      checks: {
        minConfidence: 0,
        grounding: false,
        // Rejects the label the first time it is checked, whatever it is: exactly one repair must follow.
        validators: {
          timer: async (input) => {
            checked.push(input as { minutes: number; label: string });
            return checked.length === 1 ? [{ path: ['label'], message: 'label: not an allowed label' }] : [];
          },
        },
      },
      // With the rejection in the prompt, so that the repair's canvas starts later than the plan's.
      repair: { feedback: true },
    });
    const repairEvents: AgentStreamPart[] = [];
    agent.on('repair', (part) => repairEvents.push(part));
    const repairSteps: string[] = [];
    agent.on('denoise', (part) => (part.phase === 'repair' ? repairSteps.push(part.canvasText) : undefined));
    const result = await agent.run('Set a timer for 10 minutes called tea');

    expect(result.toolCalls.length).toBeGreaterThanOrEqual(1);
    expect(result.repairs.length).toBeGreaterThanOrEqual(1);
    const [record] = result.repairs;
    expect(record).toMatchObject({ step: 1, attempt: 1, tool: 'timer', path: ['label'], check: 'validator', before: checked[0]?.label });
    expect(record?.forwardPasses).toBeGreaterThan(0);
    expect(repairEvents).toHaveLength(result.repairs.length);
    // The repair's denoising steps are reported as such, showing the answer canvas, not the feedback prompt.
    expect(repairSteps.length).toBeGreaterThan(0);
    for (const text of repairSteps) expect(text.startsWith('[{"tool":"timer"')).toBe(true);
    // Only the label's hole was denoised again: the minutes the model wrote the first time are kept.
    expect(checked[1]?.minutes).toBe(checked[0]?.minutes);
    expect(result.toolResults[0]?.output).toEqual(result.toolCalls[0]?.input);
  });

  it('grounds arguments while sampling: names and amounts are spans of the request, by construction', async () => {
    const request = 'Please convert 120 dollars into euros, and what is the weather in Rio de Janeiro?';
    const agent = createAgent({ model, tools: { get_weather, convert_currency }, toolChoice: 'required', maxSteps: 1, seed: 7, checks: { minConfidence: 0 } });
    const result = await agent.run(request);
    expect(result.toolCalls.length).toBeGreaterThan(0);
    for (const call of result.toolCalls) {
      if (call.tool === 'get_weather') expect(request).toContain(call.input.city as string);
      // The random model can only pick the one number the request holds.
      if (call.tool === 'convert_currency') expect(call.input.amount).toBe(120);
    }
    // Grounded by construction: no grounding repair was needed (a currency the random model wrote for both sides
    // is a repeated value, which is another check).
    expect(result.repairs.filter((repair) => repair.check === 'grounding')).toEqual([]);
  });

  it('grounds a number stated in words in its digits: the random model can only write 35', async () => {
    for (const seed of [1, 2, 3]) {
      const agent = createAgent({ model, tools: { set_timer }, toolChoice: 'required', maxSteps: 1, seed, checks: { minConfidence: 0 } });
      const result = await agent.run('Set a timer for thirty-five minutes, please.');
      expect(result.toolCalls.length).toBeGreaterThan(0);
      for (const call of result.toolCalls) expect(call.input.minutes).toBe(35);
      expect(result.repairs.filter((repair) => repair.check === 'grounding')).toEqual([]);
    }
  });

  it("writes only the values a tool's reader finds: the random model converts between the currencies named", async () => {
    for (const seed of [1, 2, 3]) {
      const agent = createAgent({ model, tools: { convert_currency }, toolChoice: 'required', maxSteps: 1, seed, checks: { minConfidence: 0 } });
      const result = await agent.run('How many euros would 40 quid get me?');
      expect(result.toolCalls.length).toBeGreaterThan(0);
      for (const call of result.toolCalls) {
        expect(['EUR', 'GBP']).toContain(call.input.from);
        expect(['EUR', 'GBP']).toContain(call.input.to);
      }
      // Only the one currency the random model wrote twice is repaired (repeated-value): none is written that is not named.
      expect(result.repairs.filter((repair) => repair.check === 'grounding')).toEqual([]);
    }
  });

  it('copies dates and times the request states into the form the schema asks for, and invents none', async () => {
    for (const seed of [1, 2, 3]) {
      const agent = createAgent({ model, tools: { create_event }, toolChoice: 'required', maxSteps: 1, seed, checks: { minConfidence: 0 } });
      const withTime = await agent.run('Put the dentist in my calendar on Nov 18, 2026 at 7:15 PM.');
      for (const call of withTime.toolCalls) {
        expect(call.input.date).toBe('2026-11-18');
        if (call.input.time !== undefined) expect(call.input.time).toBe('19:15');
      }
      // No time stated: the optional time cannot be written at all.
      const withoutTime = await agent.run('Put the dentist in my calendar on the 2nd of March 2027.');
      for (const call of withoutTime.toolCalls) expect([call.input.date, call.input.time]).toEqual(['2027-03-02', undefined]);
    }
  });

  it('reads relative dates against the day it is given: "tomorrow" is the only date the random model can write', async () => {
    for (const seed of [1, 2, 3]) {
      const agent = createAgent({ model, tools: { create_event }, toolChoice: 'required', maxSteps: 1, seed, checks: { minConfidence: 0 }, today: '2026-11-30' });
      const result = await agent.run('Put the dentist in my calendar tomorrow at 7:15 PM.');
      expect(result.toolCalls.length).toBeGreaterThan(0);
      for (const call of result.toolCalls) expect(call.input.date).toBe('2026-12-01');
    }
    expect(() => createAgent({ model, tools: { create_event }, today: '2026-02-30' })).toThrow(
      expect.objectContaining({ name: 'LacunaAgentError', code: 'INVALID_OPTIONS', message: expect.stringContaining('YYYY-MM-DD') }),
    );
  });

  it('answers with only the numbers the conversation states, even from a model that would write 7s everywhere', async () => {
    const [seven] = model.tokenizer.encode('7');
    const sevens: DiffusionModel = {
      ...model,
      predictor: {
        vocabularySize: model.predictor.vocabularySize,
        maxLength: model.predictor.maxLength,
        async predict(batch) {
          const rows = await model.predictor.predict(batch);
          for (const row of rows) {
            for (let index = 0; index < row.rows; index++) {
              const at = index * row.vocabularySize + (seven as number);
              row.data[at] = (row.data[at] as number) + 30;
            }
          }
          return rows;
        },
      },
    };
    // No number in the request: set_timer cannot be grounded, so the plan can only answer. (Decisions by first
    // token: by whole label this random model plans a call when nothing is pruned, and there is no answer to read.)
    const answer = async (checks: { grounding: boolean }) =>
      (
        await createAgent({ model: sevens, tools: { set_timer }, maxSteps: 1, seed: 0, decisions: 'token', checks: { minConfidence: 0, ...checks } }).run(
          'Hello there, how are you?',
        )
      ).text;
    expect(await answer({ grounding: false })).toContain('7');
    const grounded = await answer({ grounding: true });
    expect(grounded.length).toBeGreaterThan(0);
    expect(grounded).not.toMatch(/\d/);
  });

  it('offers the tool choice only tools whose required grounded arguments the conversation can supply', async () => {
    // No number in the request: convert_currency and set_timer would have to invent one, so even the random
    // model can only pick get_weather; the prompt still lists all three. (set_timer without its reader of minutes,
    // which would leave a length it does not find to the model.)
    const request = 'What is the weather in Lisbon?';
    const groundedTools = { ...tools, set_timer: { ...set_timer, grounding: undefined } };
    for (const seed of [1, 2, 3, 4]) {
      const agent = createAgent({ model, tools: groundedTools, toolChoice: 'required', maxSteps: 1, seed, checks: { minConfidence: 0 } });
      const result = await agent.run(request);
      expect(result.toolCalls.map((call) => call.tool)).toEqual(result.toolCalls.map(() => 'get_weather'));
      expect(result.toolCalls.length).toBeGreaterThan(0);
    }
    // With the grounding check off nothing is pruned: some seed picks another tool (by first token, as this random
    // model's whole-label scores favour get_weather for every seed).
    const picked = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const agent = createAgent({ model, tools: groundedTools, toolChoice: 'required', maxSteps: 1, seed, decisions: 'token', checks: { minConfidence: 0, grounding: false } });
      for (const call of (await agent.run(request)).toolCalls) picked.add(call.tool);
    }
    expect([...picked].some((name) => name !== 'get_weather')).toBe(true);
  });

  it('fails with REPAIR_FAILED, naming the tool and field, when a field keeps being rejected', async () => {
    const agent = createAgent({
      model,
      tools: { get_weather },
      toolChoice: 'required',
      maxSteps: 1,
      seed: 2,
      checks: { minConfidence: 0, validators: { get_weather: async () => [{ path: ['city'], message: 'city: no such city' }] } },
      repair: { maxAttempts: 1 },
    });
    const run = agent.run('What is the weather in Lisbon?');
    await expect(run).rejects.toMatchObject({ name: 'LacunaAgentError', code: 'REPAIR_FAILED', tool: 'get_weather', path: ['city'] });
    await expect(run).rejects.toThrow(/after 1 repairs: city: no such city \(validator check at city\)/);
  });

  it('leaves out an optional argument the conversation never states once its repairs are spent', async () => {
    // A custom grounding check that finds no number of days in the request: sampled at temperature 1, the
    // random model writes a `days` anyway, repairs cannot fix it, and it leaves the canvas.
    const forecast = tool({
      description: 'Get the forecast.',
      inputSchema: z.object({ city: z.string(), days: z.number().int().min(1).max(7).optional() }),
      grounding: { days: () => 'the request gives no number of days' },
      execute: (input) => input,
    });
    const agent = createAgent({ model, tools: { forecast }, toolChoice: 'required', maxSteps: 1, seed: 3, sampling: { temperature: 1 }, checks: { minConfidence: 0 } });
    const result = await agent.run('What is the forecast for Lisbon on the 17th?');
    const omitted = result.repairs.filter((record) => record.after === undefined);
    expect(omitted.length).toBeGreaterThan(0);
    expect(omitted.every((record) => record.check === 'grounding' && record.path[0] === 'days' && record.forwardPasses === 0)).toBe(true);
    expect(result.toolCalls.length).toBeGreaterThan(0);
    expect(result.toolCalls.every((call) => call.input.days === undefined)).toBe(true);
  });

  it('refuses a tool whose schema cannot be planned', () => {
    const doubled = tool({ description: 'x', inputSchema: z.object({ word: z.string().regex(/(ab)\1/) }) });
    expect(() => createAgent({ model, tools: { doubled } })).toThrow(expect.objectContaining({ code: 'TOOL_SCHEMA_UNSUPPORTED', tool: 'doubled' }));
  });

  it('stops with ABORTED when the signal fires, returning no partial result', async () => {
    const agent = createAgent({ model, tools, maxSteps: 3, checks: { minConfidence: 0, grounding: false } });
    const controller = new AbortController();
    agent.on('denoise', () => controller.abort());
    await expect(agent.run('Convert 20 USD to EUR', { signal: controller.signal })).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('offers only the active tools: in the options, or for one run', async () => {
    const agent = createAgent({ model, tools, maxSteps: 1, seed: 3, activeTools: ['set_timer'], checks: { minConfidence: 0, grounding: false }, toolChoice: 'required' });
    // The random model picks among the tools it is offered: here only one.
    const timerOnly = await agent.run('Set a timer for 10 minutes and convert 20 USD to EUR');
    expect(timerOnly.toolCalls.length).toBeGreaterThan(0);
    expect(timerOnly.toolCalls.every((call) => call.tool === 'set_timer')).toBe(true);
    const weatherOnly = await agent.run('Weather in Lisbon and a timer for 10 minutes', { activeTools: ['get_weather'] });
    expect(weatherOnly.toolCalls.length).toBeGreaterThan(0);
    expect(weatherOnly.toolCalls.every((call) => call.tool === 'get_weather')).toBe(true);
  });

  it('refuses active tools it does not have, naming its own', async () => {
    expect(() => createAgent({ model, tools, activeTools: ['book_table'] })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS', tool: 'book_table', message: expect.stringContaining('get_weather, convert_currency, set_timer') }),
    );
    const agent = createAgent({ model, tools });
    await expect(agent.run('Weather in Lisbon', { activeTools: [] })).rejects.toMatchObject({ code: 'INVALID_OPTIONS', message: expect.stringContaining('activeTools is empty') });
  });

  it("fails with CONTEXT_TOO_LONG, saying what to offer less of, when the plan outgrows the model's context", async () => {
    // Instructions long enough that the prompt alone nearly fills the fixture's 1,024 positions.
    const instructions = 'Always answer politely and check the arguments twice before calling a tool. '.repeat(60);
    const agent = createAgent({ model, tools, maxSteps: 1, instructions, checks: { minConfidence: 0, grounding: false } });
    const failure = await agent.run('Weather in Lisbon').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ name: 'LacunaAgentError', code: 'CONTEXT_TOO_LONG', message: expect.stringContaining('activeTools') });
    expect((failure as Error).message).toContain('1024 positions');
    expect((failure as Error).cause).toMatchObject({ code: 'CANVAS_TOO_LONG' });
  });
});

/** The fixture's tokenizer with the same row at every position: the given texts' first tokens at these logits, the rest at 0. */
function constantRowModel(scores: readonly (readonly [string, number])[]): DiffusionModel {
  const spec = JSON.parse(readFileSync(join(modelPath, 'lacuna-model.json'), 'utf8')) as ModelSpec;
  const tokenizer = new TextTokenizer(
    JSON.parse(readFileSync(join(modelPath, 'tokenizer.json'), 'utf8')) as object,
    JSON.parse(readFileSync(join(modelPath, 'tokenizer_config.json'), 'utf8')) as Record<string, unknown>,
  );
  const logits = new Float32Array(spec.vocabularySize);
  for (const [text, value] of scores) logits[tokenizer.encode(text)[0] as number] = value;
  const predictor = createScriptedPredictor({ vocabularySize: spec.vocabularySize, logitsFor: () => logits });
  return { spec, tokenizer, predictor, dispose: () => Promise.resolve() };
}

/** "a" a little above "c", "d" far above "b". */
const AB_OR_CD: readonly (readonly [string, number])[] = [['a', 1], ['c', 0.8], ['b', -3], ['d', 3]];

describe("the plan's decisions", () => {
  const noArguments = z.object({});
  const tools = { ab: tool({ description: 'One tool.', inputSchema: noArguments }), cd: tool({ description: 'Another tool.', inputSchema: noArguments }) };
  const plannedTools = async (options: { decisions?: 'label' | 'token' }) => {
    const agent = createAgent({ model: constantRowModel(AB_OR_CD), tools, toolChoice: 'required', maxSteps: 1, checks: { minConfidence: 0 }, ...options });
    const result = await agent.run('Use a tool.');
    return new Set(result.toolCalls.map((call) => call.tool));
  };

  it('chooses a tool by its whole label by default (DEFAULT_DECISIONS), by its first token when asked', async () => {
    expect(DEFAULT_DECISIONS).toBe('label');
    // "cd" scores 0.8 + 3 over its two letters, "ab" 1 - 3; the first letter alone prefers "a".
    expect(await plannedTools({})).toEqual(new Set(['cd']));
    expect(await plannedTools({ decisions: 'token' })).toEqual(new Set(['ab']));
  });
});

describe('createAgent planning a tool twice for one mention', () => {
  /** Two calls, each naming "cd" over "ab". */
  const twoCalls = () => constantRowModel([...AB_OR_CD, ['2', 6]]);
  const named = z.object({ name: z.string() });
  const tools = { ab: tool({ description: 'One tool.', inputSchema: named }), cd: tool({ description: 'Another tool.', inputSchema: named }) };

  it('plans the second call again with another tool, copying from the words the first left', async () => {
    const agent = createAgent({ model: twoCalls(), tools, toolChoice: 'required', maxSteps: 1, checks: { minConfidence: 0 } });
    const result = await agent.run('Ask Ann, then Bob.');
    // The same row everywhere: both calls first name "cd" and copy the same words.
    const replanned = result.repairs.filter((repair) => repair.check === 'repeated-call');
    expect(replanned).toHaveLength(1);
    expect((replanned[0]?.before as { tool: string }).tool).toBe('cd');
    expect(result.toolCalls.map((call) => call.tool).sort()).toEqual(['ab', 'cd']);
    const [first, second] = result.toolCalls.map((call) => call.input.name as string);
    expect(first).not.toBe(second);
    expect('Ask Ann, then Bob.').toContain(first);
    expect('Ask Ann, then Bob.').toContain(second);
  });

  it("leaves out an optional argument holding only another call's words", async () => {
    // Quotes above the rest: the optional note is there, and both calls again first name "cd".
    const model = constantRowModel([...AB_OR_CD, ['2', 6], ['"', 2]]);
    const noted = { ...tools, cd: tool({ description: 'Another tool.', inputSchema: z.object({ name: z.string(), note: z.string().optional() }) }) };
    const agent = createAgent({ model, tools: noted, toolChoice: 'required', maxSteps: 1, checks: { minConfidence: 0 } });
    const result = await agent.run('Ask Ann, later Bob.');
    const leftOut = result.repairs.filter((repair) => repair.check === 'repeated-call' && repair.path[0] === 'note');
    expect(leftOut).toHaveLength(1);
    expect(leftOut[0]?.after).toBeUndefined();
    // The same row everywhere: the call planned again as "ab" can only copy "Bob" again, so it is dropped.
    expect(result.toolCalls.map((call) => call.tool)).toEqual(['cd']);
    expect(result.repairs.at(-1)?.reason).toBe('The ab call planned again still holds "Bob", which the request states once and another call holds: it was dropped.');
    expect(result.toolCalls.find((call) => call.tool === 'cd')?.input).not.toHaveProperty('note');
  });

  it('leaves two calls of one tool alone when no other tool may be planned, or with the grounding check off', async () => {
    for (const options of [{ tools: { cd: tools.cd } }, { tools, checks: { minConfidence: 0, grounding: false } }]) {
      const agent = createAgent({ model: twoCalls(), toolChoice: 'required', maxSteps: 1, checks: { minConfidence: 0 }, ...options });
      const result = await agent.run('Ask Ann, then Bob.');
      expect(result.toolCalls.map((call) => call.tool)).toEqual(['cd', 'cd']);
      expect(result.repairs.filter((repair) => repair.check === 'repeated-call')).toEqual([]);
    }
  });
});

describe('createAgent with a call holding nothing the request states', () => {
  const spec = JSON.parse(readFileSync(join(modelPath, 'lacuna-model.json'), 'utf8')) as ModelSpec;
  const tokenizer = new TextTokenizer(
    JSON.parse(readFileSync(join(modelPath, 'tokenizer.json'), 'utf8')) as object,
    JSON.parse(readFileSync(join(modelPath, 'tokenizer_config.json'), 'utf8')) as Record<string, unknown>,
  );
  /** Which item of the plan a position is in: by the tool choices written before it, or the items' separators. */
  const itemAt = (prefix: string) => {
    const plan = prefix.slice(prefix.lastIndexOf('<|assistant|>'));
    const tools = plan.split('"tool":"').length - 1;
    return tools > 0 ? tools - 1 : plan.split(',"').length - 1;
  };
  /** Two calls: the first names "cd", the second "ef" (by where the row is asked for). */
  const model = (): DiffusionModel => {
    const scores = (pairs: readonly (readonly [string, number])[]) => {
      const logits = new Float32Array(spec.vocabularySize);
      for (const [text, value] of pairs) logits[tokenizer.encode(text)[0] as number] = value;
      return logits;
    };
    const first = scores([['c', 3], ['d', 3], ['e', -3], ['f', -3], ['a', -3], ['b', -3], ['2', 6]]);
    const second = scores([['e', 3], ['f', 3], ['c', -3], ['d', -3], ['a', -3], ['b', -3], ['2', 6]]);
    const predictor = createScriptedPredictor({
      vocabularySize: spec.vocabularySize,
      logitsFor: (inputIds, position) => (itemAt(tokenizer.decode([...inputIds].slice(0, position))) > 0 ? second : first),
    });
    return { spec, tokenizer, predictor, dispose: () => Promise.resolve() };
  };
  const tools = {
    cd: tool({ description: 'Ask someone.', inputSchema: z.object({ name: z.string() }) }),
    ef: tool({ description: 'Pick a code.', inputSchema: z.object({ code: z.enum(['xq', 'zw']) }) }),
  };

  it('drops it where another call holds a value the request states, and keeps it with the grounding check off', async () => {
    const agent = createAgent({ model: model(), tools, toolChoice: 'required', maxSteps: 1, checks: { minConfidence: 0 } });
    const result = await agent.run('Ask Ann.');
    expect(result.toolCalls.map((call) => call.tool)).toEqual(['cd']);
    expect(result.repairs.at(-1)).toEqual(expect.objectContaining({ check: 'repeated-call', tool: 'ef', path: [], after: undefined }));
    expect(result.repairs.at(-1)?.reason).toBe('The ef call holds nothing the request states: it was dropped.');
    const unchecked = createAgent({ model: model(), tools, toolChoice: 'required', maxSteps: 1, checks: { minConfidence: 0, grounding: false } });
    expect((await unchecked.run('Ask Ann.')).toolCalls.map((call) => call.tool)).toEqual(['cd', 'ef']);
  });
});

describe('createAgent planning a call the plan left out', () => {
  const spec = JSON.parse(readFileSync(join(modelPath, 'lacuna-model.json'), 'utf8')) as ModelSpec;
  const tokenizer = new TextTokenizer(
    JSON.parse(readFileSync(join(modelPath, 'tokenizer.json'), 'utf8')) as object,
    JSON.parse(readFileSync(join(modelPath, 'tokenizer_config.json'), 'utf8')) as Record<string, unknown>,
  );
  /** A model that names "cd" until its canvas holds a call of it, then "ab". */
  const model = (): DiffusionModel => {
    const scores = (pairs: readonly (readonly [string, number])[]) => {
      const logits = new Float32Array(spec.vocabularySize);
      for (const [text, value] of pairs) logits[tokenizer.encode(text)[0] as number] = value;
      return logits;
    };
    const first = scores(AB_OR_CD);
    const second = scores([['a', 3], ['b', 3], ['c', -3], ['d', -3]]);
    const predictor = createScriptedPredictor({
      vocabularySize: spec.vocabularySize,
      logitsFor: (inputIds) => (tokenizer.decode([...inputIds]).includes('"tool":"cd"') ? second : first),
    });
    return { spec, tokenizer, predictor, dispose: () => Promise.resolve() };
  };
  const tools = {
    ab: tool({ description: 'Book a day.', inputSchema: z.object({ day: z.iso.date() }) }),
    cd: tool({ description: 'Ask someone.', inputSchema: z.object({ name: z.string() }) }),
  };

  it('adds a call for a date no call holds, everything else kept, and records it', async () => {
    const agent = createAgent({ model: model(), tools, toolChoice: 'required', maxSteps: 1, checks: { minConfidence: 0 } });
    const result = await agent.run('Book 2026-05-03 and ask Ann.');
    // The plan held one call, of `cd`, which copied a name and left the date; the call added holds it.
    expect(result.toolCalls.map((call) => [call.tool, call.input])).toEqual([
      ['cd', { name: 'ask Ann' }],
      ['ab', { day: '2026-05-03' }],
    ]);
    expect(result.repairs).toEqual([
      expect.objectContaining({ check: 'uncovered-mention', path: [], tool: 'ab', before: undefined, after: { tool: 'ab', arguments: { day: '2026-05-03' } } }),
    ]);
    expect(result.repairs[0]?.reason).toBe('The request states "2026-05-03", which no call held: one more call was planned.');
  });

  it('drops the added call when it is of a tool the plan calls already, and adds none with the grounding check off', async () => {
    const agent = createAgent({ model: constantRowModel(AB_OR_CD), tools, toolChoice: 'required', maxSteps: 1, checks: { minConfidence: 0 } });
    // The request's one part that asks for something is the `cd` call's (no call is planned for a part, below).
    const result = await agent.run('Ann is free on 2026-05-03; ask Ann.');
    expect(result.toolCalls.map((call) => call.tool)).toEqual(['cd']);
    // The added call's own repairs come first; the record of the call added comes once it is judged.
    expect(result.repairs.at(-1)).toEqual(expect.objectContaining({ check: 'uncovered-mention', tool: 'cd', after: undefined }));
    expect(result.repairs.at(-1)?.reason).toContain('dropped: the plan calls cd already');
    const unchecked = createAgent({ model: model(), tools, toolChoice: 'required', maxSteps: 1, checks: { minConfidence: 0, grounding: false } });
    const plain = await unchecked.run('Book 2026-05-03 and ask Ann.');
    expect(plain.toolCalls).toHaveLength(1);
    expect(plain.repairs).toEqual([]);
  });

  it('plans a call for a part of the request no call holds, deciding again while the model repeats a tool', async () => {
    const agent = createAgent({ model: constantRowModel(AB_OR_CD), tools, toolChoice: 'required', maxSteps: 1, checks: { minConfidence: 0 } });
    const result = await agent.run('Book 2026-05-03 and ask Ann.');
    // The date's own call was dropped (the model named `cd` again); "Book 2026-05-03", which no call held, got one.
    expect(result.toolCalls.map((call) => [call.tool, call.input])).toEqual([
      ['cd', { name: 'ask Ann' }],
      ['ab', { day: '2026-05-03' }],
    ]);
    expect(result.repairs.filter((repair) => repair.check.startsWith('uncovered')).map((repair) => [repair.check, repair.after === undefined])).toEqual([
      ['uncovered-mention', true],
      ['uncovered-clause', false],
    ]);
    expect(result.repairs.at(-1)?.reason).toBe('No call held "Book 2026-05-03" of the request: one more call was planned.');
  });
});

describe('createAgent giving a planned call an argument it left out', () => {
  const tools = { cd: tool({ description: 'Ask someone.', inputSchema: z.object({ name: z.enum(['Ann', 'Bob']), day: z.iso.date().optional() }) }) };

  it('gives the date no call holds to the one left-out argument that takes a date, and records it', async () => {
    // The constant model leaves `day` out: its row favours no key.
    const agent = createAgent({ model: constantRowModel(AB_OR_CD), tools, toolChoice: 'required', maxSteps: 1, checks: { minConfidence: 0 } });
    const result = await agent.run('Ask Ann on 2026-05-03.');
    expect(result.toolCalls.map((call) => [call.tool, call.input])).toEqual([['cd', { name: 'Ann', day: '2026-05-03' }]]);
    expect(result.repairs.at(-1)).toEqual(expect.objectContaining({ check: 'uncovered-mention', tool: 'cd', path: ['day'], after: '2026-05-03' }));
    expect(result.repairs.at(-1)?.reason).toBe('The request states "2026-05-03", which no call held: the cd call was given `day`.');
  });

  it('gives a number no call holds to the one left-out argument that takes a number', async () => {
    const counted = { cd: tool({ description: 'Ask someone.', inputSchema: z.object({ name: z.enum(['Ann', 'Bob']), guests: z.number().int().optional() }) }) };
    const agent = createAgent({ model: constantRowModel(AB_OR_CD), tools: counted, toolChoice: 'required', maxSteps: 1, checks: { minConfidence: 0 } });
    const result = await agent.run('Ask Ann for 3.');
    expect(result.toolCalls.map((call) => call.input)).toEqual([{ name: 'Ann', guests: 3 }]);
    expect(result.repairs.at(-1)).toEqual(expect.objectContaining({ check: 'uncovered-mention', path: ['guests'], after: 3 }));
  });

  it('gives it to no argument when two could take it', async () => {
    const twoDays = { cd: tool({ description: 'Ask someone.', inputSchema: z.object({ name: z.enum(['Ann', 'Bob']), day: z.iso.date().optional(), until: z.iso.date().optional() }) }) };
    const agent = createAgent({ model: constantRowModel(AB_OR_CD), tools: twoDays, toolChoice: 'required', maxSteps: 1, checks: { minConfidence: 0 } });
    const result = await agent.run('Ask Ann on 2026-05-03.');
    expect(result.toolCalls.map((call) => call.input)).toEqual([{ name: 'Ann' }]);
    expect(result.repairs.some((repair) => repair.check === 'uncovered-mention' && repair.path.length > 0)).toBe(false);
  });
});

describe('createAgent with an optional argument repeating another', () => {
  const tools = { cd: tool({ description: 'Ask someone.', inputSchema: z.object({ note: z.string().optional(), name: z.string() }) }) };

  it('leaves it out at once when the request never names it', async () => {
    // Quotes above the rest: the optional note is there, and copies what the name copies.
    const agent = createAgent({ model: constantRowModel([...AB_OR_CD, ['"', 2]]), tools, toolChoice: 'required', maxSteps: 1, checks: { minConfidence: 0 } });
    const result = await agent.run('Ask Ann.');
    expect(result.toolCalls.map((call) => call.input)).toEqual([{ name: 'Ann' }]);
    // One record, with no value after it and no forward pass: the note left the canvas, nothing was denoised.
    expect(result.repairs).toEqual([expect.objectContaining({ check: 'repeated-value', path: ['note'], before: 'Ann', after: undefined, forwardPasses: 0 })]);
  });
});
