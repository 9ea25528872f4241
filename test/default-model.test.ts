import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createAgent, type AgentResult } from '@lacuna/agent';
import { demoToolMenu, demoToolSet, planCall, resolveModelFolder } from '@lacuna/agent/cli';
import { loadModel, logitsRow, OnnxPredictor, type DiffusionModel, type PredictionRequest } from '@lacuna/core';
import { compareWithReferenceLogits } from '@lacuna/core/testing';
import { demoTools } from '@lacuna/demo-toolbox';
import { infill } from '@lacuna/infill';
import { modelPath } from '@lacuna/model-default';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

// Requests it plans right end to end (see the model card for how often it does on held-out requests): the
// tool and every argument exactly, no optional one invented; strings are spans of the request by
// construction (grounded holes).
const PLANNED_RIGHT = [
  ["What's the weather in Lisbon?", 'get_weather', { city: 'Lisbon' }],
  ['Convert 250 USD to EUR.', 'convert_currency', { amount: 250, from: 'USD', to: 'EUR' }],
  ['Set a timer for 10 minutes for the pasta.', 'set_timer', { minutes: 10, label: 'pasta' }],
] as const;

/**
 * The trained default model (models/default) on the real ONNX runtime, end to end: the folder loads (checksum
 * verified) and matches PyTorch, the agent plans and runs calls and answers, infill extracts into a schema.
 */
describe('the default model', () => {
  let model: DiffusionModel;
  beforeAll(async () => {
    model = await loadModel(modelPath, { intraOpThreads: 1 });
  });
  afterAll(async () => {
    await model.dispose();
  });

  it('is the model the CLIs and examples pick when nothing else is named', async () => {
    const resolved = await resolveModelFolder({ environment: {} });
    expect(resolved).toMatchObject({ source: 'default', isFixture: false });
    expect(await readFile(join(resolved.folder, 'lacuna-model.json'), 'utf8')).toBe(await readFile(join(modelPath, 'lacuna-model.json'), 'utf8'));
  });

  it('returns the logits PyTorch computed, within 1e-4', async () => {
    const results = await compareWithReferenceLogits(model.predictor, modelPath);
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(result.rowsAsAsked, result.name).toBe(true);
      expect(result.largestDifference, result.name).toBeLessThan(1e-4);
    }
  });

  const plan = (request: string) => planCall(request, { model, tools: demoToolSet(demoToolMenu(request)), seed: 0 });

  it.each(PLANNED_RIGHT)('plans %j with the right tool and exactly the right arguments', async (request, tool, exact) => {
    const planned = await plan(request);
    expect(planned.calls).toHaveLength(1);
    expect(planned.tool).toBe(tool);
    expect(planned.args).toEqual(exact);
    expect(demoTools[tool].inputSchema.safeParse(planned.args).success).toBe(true);
    for (const [field, value] of Object.entries(planned.args)) {
      const grounded = typeof value === 'string' && !['from', 'to', 'unit'].includes(field);
      if (grounded) expect(request, field).toContain(value);
    }
  });

  it("repairs a value copied from the part of the request another call holds, from its own call's parts (other-clause)", async () => {
    const cases = [
      [
        'put a 14 minute timer on. Also, book Performance review on Dec 3, 2025 from quarter past nine in the morning for one and a half hours!',
        [{ tool: 'set_timer', args: { minutes: 14 } }, { tool: 'create_event', args: { title: 'Performance review', date: '2025-12-03', time: '09:15', duration_minutes: 90 } }],
        { tool: 'create_event', path: ['duration_minutes'], before: 14, after: 90 },
      ],
      [
        'Evaluate the sum of 9.70 and 641. Then create an event called "Car service" on the 16th of January 2026 and then look up the weather in Suzhou asap',
        [{ tool: 'create_event', args: { title: 'Car service', date: '2026-01-16' } }, { tool: 'get_weather', args: { city: 'Suzhou' } }, { tool: 'calculate', args: { expression: '9.70 + 641' } }],
        { tool: 'create_event', path: ['title'], before: 'Evaluate the sum', after: 'Car service' },
      ],
    ] as const;
    for (const [request, calls, repair] of cases) {
      const planned = await plan(request);
      expect(planned.calls, request).toEqual(calls);
      expect(planned.repairs.filter((record) => record.check === 'other-clause'), request).toEqual([expect.objectContaining(repair)]);
    }
  });

  it('plans a call again as the tool its part of the request asks for, when another tool reads all of it (another-tool)', async () => {
    const request = 'calculate 141 times 17. Then add buy a doormat to my to-do list, due 2026-05-02!';
    const planned = await plan(request);
    expect(planned.calls).toEqual([
      { tool: 'calculate', args: { expression: '141 * 17' } },
      { tool: 'add_todo', args: { task: 'buy a doormat', due_date: '2026-05-02' } },
    ]);
    expect(planned.repairs.filter((record) => record.check === 'another-tool')).toEqual([
      expect.objectContaining({ tool: 'add_todo', path: [], before: { tool: 'add_todo', arguments: { task: '141 times' } }, after: { tool: 'calculate', arguments: { expression: '141 * 17' } } }),
    ]);
  });

  it('plans a call again as the tool the model calls for its part of the request read alone (another-tool)', async () => {
    const cases = [
      [
        'put finish the essay draft on my list. Then play Weightless not shuffled thank you',
        [{ tool: 'add_todo', args: { task: 'finish the essay draft' } }, { tool: 'play_music', args: { query: 'Weightless', shuffle: false } }],
        'play_music',
      ],
      [
        'Could you add Strategy offsite to my calendar on 2027-12-01, then add unsubscribe from newsletters to my to-dos with a due date of Mar 1, 2027?',
        [{ tool: 'create_event', args: { title: 'Strategy offsite', date: '2027-12-01' } }, { tool: 'add_todo', args: { task: 'unsubscribe from newsletters', due_date: '2027-03-01' } }],
        'add_todo',
      ],
    ] as const;
    for (const [request, calls, wrongTool] of cases) {
      const planned = await plan(request);
      expect(planned.calls, request).toEqual(calls);
      const replanned = planned.repairs.filter((record) => record.check === 'another-tool');
      expect(replanned, request).toEqual([expect.objectContaining({ tool: wrongTool, path: [] })]);
      expect(replanned[0]?.reason, request).toMatch(/^Read alone, /);
    }
  });

  it('decides again a call added for a part of the request that holds nothing of it, and repairs it from that part alone', async () => {
    // Read alone, "play something by Velvet Static?" came out as a calculation; the music call added instead copied
    // "play" and then "pay the" of the to-do's part before it was kept to its own part.
    const tools = demoToolSet(['get_stock_price', 'calculate', 'convert_currency', 'add_todo', 'play_music', 'translate_text', 'create_event', 'search_flights']);
    const request = 'Could you add water the plants to my to-dos with a due date of Friday 3 July 2026 and play something by Velvet Static?';
    const result = await createAgent({ model, tools, maxSteps: 1, seed: 0, today: '2026-06-01' }).run(request);
    expect(result.toolCalls.map((call) => [call.tool, call.input])).toEqual([
      ['add_todo', { task: 'water the plants', due_date: '2026-07-03' }],
      ['play_music', { query: 'Velvet Static' }],
    ]);
    expect(result.repairs.at(-1)).toEqual(expect.objectContaining({ check: 'uncovered-clause', tool: 'play_music' }));
  });

  it("leaves out an optional text copied from a part read alone as another tool's, and plans that part its own call", async () => {
    const request = 'Put a 5 minute timer on, and add call the plumber to my list';
    const planned = await plan(request);
    expect(planned.calls).toEqual([
      { tool: 'set_timer', args: { minutes: 5 } },
      { tool: 'add_todo', args: { task: 'call the plumber' } },
    ]);
    expect(planned.repairs.map((record) => [record.check, record.tool, record.path])).toEqual([
      ['other-clause', 'set_timer', ['label']],
      ['uncovered-clause', 'add_todo', []],
    ]);
  });

  it('asks in words for a required value the request never states, where it may answer, instead of calling with a guess', async () => {
    for (const request of ['translate "Dinner is ready."', 'translate "I lost my wallet."']) {
      const tools = demoToolSet(['translate_text', 'get_weather', 'set_timer']);
      const result = await createAgent({ model, tools, maxSteps: 1, seed: 0 }).run(request);
      expect(result.toolCalls, request).toEqual([]);
      expect(result.finishReason, request).toBe('answer');
      const asked = result.repairs.at(-1);
      expect(asked, request).toEqual(expect.objectContaining({ check: 'function-words', tool: 'translate_text', after: undefined }));
      expect(asked?.reason, request).toMatch(/^The request never states (text|target_language), which translate_text requires .*: the step answers in words instead of calling translate_text\.$/);
      // A step that must call a tool still calls it.
      const required = await createAgent({ model, tools, maxSteps: 1, seed: 0, toolChoice: 'required' }).run(request);
      expect(required.toolCalls.map((call) => call.tool), request).toEqual(['translate_text']);
    }
  });

  it('asks in words where a request of one part names a tool it states too little for, instead of calling another', async () => {
    for (const request of ['Reserve a table for 2 people tonight.', 'Reserve a table for four guests tonight.']) {
      // The table's booking is not offered (no time stated): the model would call the weather or a to-do with "tonight".
      const tools = demoToolSet(['book_table', 'get_weather', 'add_todo', 'set_timer']);
      const result = await createAgent({ model, tools, maxSteps: 1, seed: 0 }).run(request);
      expect(result.toolCalls, request).toEqual([]);
      expect(result.finishReason, request).toBe('answer');
      expect(result.repairs.at(-1)?.check, request).toBe('another-tool');
      expect(result.repairs.at(-1)?.reason, request).toMatch(/^The request asks for book_table and never states every value it requires, so book_table was not offered: the step answers in words instead of calling \w+\.$/);
    }
  });

  it('runs the call and answers from its result', async () => {
    const request = 'Set a timer for 10 minutes for the pasta.';
    const agent = createAgent({ model, tools: demoToolSet(demoToolMenu(request)), maxSteps: 3, seed: 0 });
    const result: AgentResult = await agent.run(request);
    expect(result.toolCalls.map((call) => call.tool)).toEqual(['set_timer']);
    expect(result.toolResults[0]?.output).toEqual(demoTools.set_timer.execute(result.toolCalls[0]?.input as never));
    expect(result.finishReason).toBe('answer');
    expect(result.text.length).toBeGreaterThan(0);
  });

  it("answers in words of its lexicon and the conversation (the agent's words: 'known' for a model with a lexicon)", async () => {
    expect(model.lexicon?.length).toBeGreaterThan(1000);
    const wordsOf = (text: string) => text.match(/[A-Za-z\u0080-\u{10FFFF}]+/gu) ?? [];
    for (const [request] of PLANNED_RIGHT) {
      const agent = createAgent({ model, tools: demoToolSet(demoToolMenu(request)), maxSteps: 3, seed: 0 });
      const result = await agent.run(request);
      expect(result.finishReason).toBe('answer');
      // The conversation: the request, the tool results and the prompt's tool list, which the answer's canvas holds.
      const known = new Set([...(model.lexicon ?? []), ...wordsOf(`${request} ${JSON.stringify(result.toolResults)} ${JSON.stringify(result.toolCalls)}`)]);
      const unknown = wordsOf(result.text).filter((word) => !known.has(word));
      expect(unknown, `${request} -> ${result.text}`).toEqual([]);
    }
  });

  it('extracts into a zod schema with grounded holes: a valid value whose strings all come from the text', async () => {
    const Contact = z.object({
      name: z.string().min(1).max(60).describe('Full name'),
      company: z.string().max(60).optional().describe('Company name'),
      city: z.string().max(40).optional().describe('City'),
    });
    const text = 'Hi, this is Maria Santos from Northwind Traders. I work from Denver.';
    const result = await infill({ model, schema: Contact, prompt: [{ role: 'user', content: text }], seed: 0, ground: () => text });
    expect(Contact.safeParse(result.value).success).toBe(true);
    for (const value of Object.values(result.value)) expect(text).toContain(value);
  });
});

/**
 * The default model was trained with prefix attention, and its graph takes a prompt cache: a prompt encoded once,
 * then each pass over the answer alone. It must change nothing but the time.
 */
describe("the default model's prompt cache", () => {
  let cached: DiffusionModel;
  let whole: DiffusionModel;
  beforeAll(async () => {
    [cached, whole] = await Promise.all([
      loadModel(modelPath, { intraOpThreads: 1 }),
      loadModel(modelPath, { intraOpThreads: 1, promptCacheSize: 0 }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([cached.dispose(), whole.dispose()]);
  });

  const cacheOf = (model: DiffusionModel) => (model.predictor as OnnxPredictor).promptCacheStats;
  const canvas = (request: string, answer: readonly number[]): PredictionRequest => {
    const prompt = cached.tokenizer.encode(cached.tokenizer.applyChatTemplate([{ role: 'user', content: request }], { addGenerationPrompt: true }));
    const inputIds = [...prompt, ...answer];
    return { inputIds, positions: answer.flatMap((id, index) => (id === cached.spec.maskTokenId ? [prompt.length + index] : [])) };
  };

  it('returns the logits of whole passes, within 1e-4, for a batch of cached prompts and sequences it cannot serve', async () => {
    const mask = cached.spec.maskTokenId;
    const answer = cached.tokenizer.encode('{"tool": "get_weather", "arguments": {"city": "');
    const batch: PredictionRequest[] = [
      canvas("What's the weather in Lisbon?", [...answer, mask, mask, mask, mask]),
      canvas("What's the weather in Lisbon?", [...answer.slice(0, 3), mask, mask, ...answer.slice(5), mask, mask]),
      canvas('Convert 250 USD to EUR.', [mask, mask, mask, ...answer]),
      // No answer-start token, and a row of the prompt: both run whole.
      { inputIds: answer.map((id, index) => (index % 4 === 0 ? mask : id)), positions: [0, 4, 8] },
      { ...canvas('Set a timer for 10 minutes.', [mask, mask]), positions: [1] },
    ];
    expect(cacheOf(whole)).toBeUndefined();
    const [withCache, without] = await Promise.all([cached.predictor.predict(batch), whole.predictor.predict(batch)]);
    batch.forEach((request, sequence) => {
      const actual = withCache[sequence]!;
      const expected = without[sequence]!;
      expect(actual.rows).toBe(request.positions.length);
      expect(Array.from(actual.argmax ?? [])).toEqual(Array.from(expected.argmax ?? []));
      for (let row = 0; row < actual.rows; row++) {
        const difference = Math.max(...logitsRow(actual, row).map((value, token) => Math.abs(value - logitsRow(expected, row)[token]!)));
        expect(difference, `request ${sequence}, row ${row}`).toBeLessThan(1e-4);
      }
    });
    // Two prompts encoded once each; the batch's other canvas of the first prompt shared its pass.
    expect(cacheOf(cached)).toMatchObject({ misses: 2, hits: 0, size: 2 });
    await cached.predictor.predict(batch.slice(0, 1));
    expect(cacheOf(cached)).toMatchObject({ misses: 2, hits: 1 });
  });

  it("serves the agent's canvases: planning encodes the request's prompt once and reuses it", async () => {
    const [request, tool, exact] = PLANNED_RIGHT[1];
    const before = { ...cacheOf(cached)! };
    const planned = await planCall(request, { model: cached, tools: demoToolSet(demoToolMenu(request)), seed: 0 });
    expect([planned.tool, planned.args]).toEqual([tool, exact]);
    const cache = cacheOf(cached)!;
    expect(cache.hits - before.hits).toBeGreaterThan(cache.misses - before.misses);
  });
});

describe("the default model's int8 variant", () => {
  let model: DiffusionModel;
  beforeAll(async () => {
    model = await loadModel(modelPath, { variant: 'int8', intraOpThreads: 1 });
  });
  afterAll(async () => {
    await model.dispose();
  });

  it('is a smaller file than the float32 model, verified on load', async () => {
    const config = JSON.parse(await readFile(join(modelPath, 'lacuna-model.json'), 'utf8')) as { onnxVariants: Record<string, string>; sha256: Record<string, string> };
    const int8File = config.onnxVariants.int8 as string;
    expect(config.sha256[int8File]).toMatch(/^[0-9a-f]{64}$/);
    const [int8Bytes, float32Bytes] = await Promise.all([readFile(join(modelPath, int8File)), readFile(join(modelPath, 'model.onnx'))]);
    expect(int8Bytes.length).toBeLessThan(float32Bytes.length * 0.6);
  });

  it.each(PLANNED_RIGHT)('plans %j as the float32 model does', async (request, tool, exact) => {
    const planned = await planCall(request, { model, tools: demoToolSet(demoToolMenu(request)), seed: 0 });
    expect(planned.calls).toHaveLength(1);
    expect(planned.tool).toBe(tool);
    expect(planned.args).toEqual(exact);
  });
});
