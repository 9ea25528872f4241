import { describe, expect, it } from 'vitest';
import { DEMO_TOOL_NAMES, demoTools, executeDemoTool, argumentOrder, type DemoToolName } from './demo-toolbox.js';
import { COMPANIES } from './entities/companies.js';
import type { AnswerFromResultExample, Example, ToolCall } from './example-types.js';
import { CODE_BY_CURRENCY_WORD, CURRENCY_BY_CODE } from './formats/currencies.js';
import { formatResult } from './formats/expressions.js';
import { containsNumber, numberInWords } from './formats/numbers.js';
import { REQUEST_TEMPLATES } from './templates/request-templates.js';
import { TOOL_CAPABILITIES } from './templates/no-tool-requests.js';
import type { RequestTemplate } from './templates/template.js';
import { groundedValues, schemaErrors } from './corpus-checks.js';
import { sample } from './test-support.js';

const examples: Example[] = [...sample('train', 8000), ...sample('test_entities', 500), ...sample('test_templates', 500), ...sample('test_tools', 500)];
const demoCalls: { example: Example; call: ToolCall; index: number }[] = examples.flatMap((example): { example: Example; call: ToolCall; index: number }[] => {
  if (example.kind === 'tool_call') return example.calls.map((call, index) => ({ example, call, index }));
  if (example.kind === 'answer_from_result') return [{ example, call: example.call, index: 0 }];
  return [];
});
const templatesById = new Map<string, RequestTemplate>(Object.values(REQUEST_TEMPLATES).flat().map((template) => [template.id, template]));

describe('demo tool calls', () => {
  it('validate against the tool\'s zod schema', () => {
    expect(demoCalls.length).toBeGreaterThan(5000);
    for (const { call } of demoCalls) {
      const tool = demoTools[call.tool as DemoToolName];
      expect(tool, call.tool).toBeDefined();
      expect(() => tool.inputSchema.parse(call.arguments), JSON.stringify(call)).not.toThrow();
    }
  });

  it('list arguments in schema order', () => {
    for (const { call } of demoCalls) {
      const order = argumentOrder(call.tool as DemoToolName);
      expect(Object.keys(call.arguments)).toEqual(order.filter((name) => name in call.arguments));
    }
  });

  it('hold exactly the arguments their template mentions, so optional ones appear only when stated', () => {
    for (const { example, call, index } of demoCalls) {
      const template = templatesById.get(example.provenance.templates[index] ?? '');
      expect(template, example.id).toBeDefined();
      const mentioned = (template?.slots ?? []).map((slot) => slot.name).filter((name) => !name.startsWith('_'));
      expect(new Set(Object.keys(call.arguments)), `${example.id} ${template?.text}`).toEqual(new Set(mentioned));
    }
  });

  it('often leave optional arguments out', () => {
    for (const tool of DEMO_TOOL_NAMES) {
      const calls = demoCalls.filter(({ call }) => call.tool === tool).map(({ call }) => call);
      const schema = demoTools[tool].inputSchema as unknown as { shape: Record<string, { isOptional(): boolean }> };
      for (const [name, field] of Object.entries(schema.shape)) {
        if (!field.isOptional()) continue;
        const share = calls.filter((call) => !(name in call.arguments)).length / calls.length;
        expect(share, `${tool}.${name} left out`).toBeGreaterThan(0.3);
        expect(share, `${tool}.${name} left out`).toBeLessThan(0.9);
      }
    }
  });

  it('come in menus of 3 to 8 distinct tools that include every called tool', () => {
    for (const example of examples) {
      if (example.kind === 'extraction') continue;
      const names = example.tools.map((tool) => tool.name);
      expect(new Set(names).size, example.id).toBe(names.length);
      expect(names.length, example.id).toBeGreaterThanOrEqual(3);
      expect(names.length, example.id).toBeLessThanOrEqual(8);
      const called = example.kind === 'answer_from_result' ? [example.call] : example.calls;
      for (const call of called) expect(names, example.id).toContain(call.tool);
    }
  });

  it('include parallel requests of two and three calls', () => {
    const counts = examples.filter((example) => example.kind === 'tool_call').map((example) => (example.kind === 'tool_call' ? example.calls.length : 0));
    expect(counts.filter((count) => count === 2).length).toBeGreaterThan(100);
    expect(counts.filter((count) => count === 3).length).toBeGreaterThan(20);
  });
});

describe('grounding', () => {
  it('copies every value not marked normalised verbatim from the request or text', () => {
    for (const example of examples) {
      const normalised = new Set('normalised' in example ? example.normalised : []);
      for (const { path, value, source } of groundedValues(example)) {
        if (normalised.has(path)) continue;
        if (typeof value === 'string') expect(source.includes(value), `${example.id} ${path}=${value} in ${source}`).toBe(true);
        else if (typeof value === 'number') expect(containsNumber(source, value), `${example.id} ${path}=${value} in ${source}`).toBe(true);
        else expect.fail(`${example.id} ${path}: a ${typeof value} is never a copy, so it must be marked normalised`);
      }
    }
  });

  it('marks only paths that exist', () => {
    for (const example of examples) {
      if (!('normalised' in example)) continue;
      const paths = new Set(groundedValues(example).map(({ path }) => path));
      for (const path of example.normalised) expect(paths.has(path), `${example.id} ${path}`).toBe(true);
    }
  });

  it('normalises currency words and symbols to ISO codes', () => {
    let words = 0;
    for (const { example, call, index } of demoCalls) {
      if (call.tool !== 'convert_currency') continue;
      const request = 'request' in example ? example.request : '';
      const prefix = example.kind === 'answer_from_result' ? '$.call' : `$.calls[${index}]`;
      for (const side of ['from', 'to'] as const) {
        const code = call.arguments[side] as string;
        const currency = CURRENCY_BY_CODE.get(code);
        expect(currency, code).toBeDefined();
        if ('normalised' in example && example.normalised.includes(`${prefix}.arguments.${side}`)) {
          words++;
          const named = [...(currency?.words ?? []), currency?.symbol].filter((form): form is string => form !== undefined && request.includes(form));
          expect(named.length, `${example.id}: ${code} in ${request}`).toBeGreaterThan(0);
        }
      }
    }
    expect(words).toBeGreaterThan(200);
    expect(CODE_BY_CURRENCY_WORD.get('Swiss francs')).toBe('CHF');
  });

  it('writes tickers in upper case, from the company name when the request names the company', () => {
    const tickerOf = new Map(COMPANIES.map((company) => [company.name, company.ticker]));
    let byName = 0;
    for (const { example, call } of demoCalls) {
      if (call.tool !== 'get_stock_price') continue;
      const symbol = call.arguments.symbol as string;
      expect(symbol).toMatch(/^[A-Z]{1,5}$/);
      const request = 'request' in example ? example.request : '';
      if (!containsWord(request, symbol)) {
        byName++;
        const company = [...tickerOf.entries()].find(([name, ticker]) => ticker === symbol && request.includes(name));
        expect(company, `${example.id}: ${symbol} from ${request}`).toBeDefined();
      }
    }
    expect(byName).toBeGreaterThan(50);
  });

  it('turns small numbers in words into digits', () => {
    let inWords = 0;
    for (const { example, call } of demoCalls) {
      const request = 'request' in example ? example.request : '';
      for (const name of ['party_size', 'passengers']) {
        const value = call.arguments[name];
        if (typeof value !== 'number' || containsNumber(request, value)) continue;
        inWords++;
        expect(request.toLowerCase(), example.id).toContain(numberInWords(value));
      }
    }
    expect(inWords).toBeGreaterThan(50);
  });

  it('holds times as HH:MM on the 24-hour clock, often from spoken forms', () => {
    let spoken = 0;
    for (const { example, call } of demoCalls) {
      const time = call.arguments.time;
      if (time === undefined) continue;
      expect(time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      if (!('request' in example) || !example.request.includes(time as string)) spoken++;
    }
    expect(spoken).toBeGreaterThan(200);
  });
});

function containsWord(text: string, word: string): boolean {
  return new RegExp(`(^|[^A-Za-z])${word}([^A-Za-z]|$)`).test(text);
}

describe('procedural tool calls', () => {
  it('validate against the made-up tool\'s schema, in schema order', () => {
    const procedural = examples.filter((example) => example.kind === 'procedural_tool_call');
    expect(procedural.length).toBeGreaterThan(1000);
    for (const example of procedural) {
      const call = example.calls[0] as ToolCall;
      const spec = example.tools.find((tool) => tool.name === call.tool);
      expect(spec, example.id).toBeDefined();
      expect(schemaErrors(spec!.parameters, call.arguments), `${example.id} ${JSON.stringify(call)}`).toEqual([]);
      const order = Object.keys(spec!.parameters.properties ?? {});
      expect(Object.keys(call.arguments)).toEqual(order.filter((name) => name in call.arguments));
    }
  });
});

describe('extraction', () => {
  it('fills the schema from the text, optional fields only when stated', () => {
    const extraction = examples.filter((example) => example.kind === 'extraction');
    expect(extraction.length).toBeGreaterThan(500);
    let omitted = 0;
    for (const example of extraction) {
      expect(schemaErrors(example.schema, example.output), `${example.id} ${JSON.stringify(example.output)}`).toEqual([]);
      const order = Object.keys(example.schema.properties ?? {});
      expect(Object.keys(example.output)).toEqual(order.filter((name) => name in example.output));
      omitted += order.length - Object.keys(example.output).length;
    }
    expect(omitted).toBeGreaterThan(extraction.length / 2);
  });
});

/** Strings the answer must carry for the result to have been stated. */
function mustMention(example: AnswerFromResultExample): string[] {
  const result = example.result as Record<string, unknown>;
  const args = example.call.arguments;
  switch (example.call.tool) {
    case 'get_weather':
      return [String(result.city), String(result.temperature), String(result.condition)];
    case 'convert_currency':
      return [String(result.converted), String(result.to)];
    case 'create_event':
      return [String(result.title), ...(result.time === undefined ? [] : [String(result.time)])];
    case 'send_email':
      return [String(result.to)];
    case 'search_flights':
      return [String(result.origin), String(result.destination)];
    case 'set_timer':
      return [String(result.minutes)];
    case 'calculate':
      return [formatResult(result.result as number).text];
    case 'get_stock_price':
      return [(result.priceUsd as number).toFixed(2)];
    case 'translate_text':
      return result.translated === null ? [] : [String(result.translated)];
    case 'add_todo':
      return [String(result.task)];
    case 'book_table':
      return [String(result.restaurant), String(result.time), String(args.party_size)];
    case 'play_music':
      return [String(result.nowPlaying)];
    default:
      return [];
  }
}

describe('answers from results', () => {
  const answers = examples.filter((example): example is AnswerFromResultExample => example.kind === 'answer_from_result');

  it('hold the demo tool\'s own result', () => {
    expect(answers.length).toBeGreaterThan(500);
    for (const example of answers) expect(example.result, example.id).toEqual(executeDemoTool(example.call.tool as DemoToolName, example.call.arguments));
  });

  it('state the result in one sentence, inventing no numbers', () => {
    for (const example of answers) {
      expect(example.answer, example.id).toMatch(/^[^\n]+[.!]$/);
      for (const text of mustMention(example)) expect(example.answer, `${example.id}: ${text}`).toContain(text);
      const sources = `${example.request} ${JSON.stringify(example.call)} ${JSON.stringify(example.result)}`;
      const known = new Set((sources.match(/\d+(\.\d+)?/g) ?? []).flatMap((token) => [Number(token), Math.round(Number(token) * 10000) / 10000]));
      for (const value of Object.values(example.result as Record<string, unknown>)) {
        if (typeof value === 'number') known.add(Math.round(value * 10000) / 10000);
        if (Array.isArray(value)) known.add(value.length);
      }
      for (const token of example.answer.replace(/\d{4}-\d{2}-\d{2}/g, '').match(/\d+(\.\d+)?/g) ?? []) {
        expect(known.has(Number(token)), `${example.id}: ${token} in "${example.answer}"`).toBe(true);
      }
    }
  });

  it('include translations found and not found', () => {
    const translations = answers.filter((example) => example.call.tool === 'translate_text').map((example) => (example.result as { translated: string | null }).translated);
    expect(translations.filter((translated) => translated !== null).length).toBeGreaterThan(10);
    expect(translations.filter((translated) => translated === null).length).toBeGreaterThan(10);
  });
});

describe('no-tool requests', () => {
  const noTool = examples.filter((example) => example.kind === 'no_tool');

  it('answer in words, never with a call', () => {
    expect(noTool.length).toBeGreaterThan(300);
    for (const example of noTool) {
      expect(example.calls).toEqual([]);
      expect(example.answer.length).toBeGreaterThan(0);
    }
  });

  it('refuse a tool request only when the prompt lacks the tool, and ask when a required value is missing', () => {
    let unavailable = 0;
    let missing = 0;
    for (const example of noTool) {
      const id = example.provenance.templates[0] ?? '';
      const names = example.tools.map((tool) => tool.name);
      const requested = id.split(':')[0] as DemoToolName;
      if (DEMO_TOOL_NAMES.includes(requested)) {
        unavailable++;
        expect(names, example.id).not.toContain(requested);
        expect(example.answer).toContain(TOOL_CAPABILITIES[requested]);
      } else if (id.startsWith('missing:')) {
        missing++;
        expect(names, example.id).toContain(id.split(':')[1]);
        expect(example.answer).toMatch(/\?$/);
      }
    }
    expect(unavailable).toBeGreaterThan(50);
    expect(missing).toBeGreaterThan(30);
  });

  it('describe only the tools on offer when asked what they can do', () => {
    for (const example of noTool) {
      if (!example.provenance.templates[0]?.startsWith('chat:capability')) continue;
      for (const name of DEMO_TOOL_NAMES) {
        const offered = example.tools.some((tool) => tool.name === name);
        expect(example.answer.includes(TOOL_CAPABILITIES[name]), `${example.id} ${name}`).toBe(offered);
      }
    }
  });
});
