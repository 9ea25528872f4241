import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sample } from '../corpus/test-support.js';
import { readTokenizerFiles } from '../tokenizer/load-tokenizer.js';
import { MemoTokenizer } from './memo-tokenizer.js';
import { normalisedAnswerPaths, renderCorpusFile, renderingModel, withNormalisedRoles } from './render-dataset.js';

const NORMALISED = 5;
const folder = mkdtempSync(join(tmpdir(), 'lacuna-normalised-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('normalised values (role 5)', () => {
  it("names a normalised value by the answer's path, as infill names its hole", () => {
    const examples = sample('train', 400).filter((example) => example.kind !== 'no_tool' && example.normalised.length > 0);
    const call = examples.find((example) => example.kind === 'tool_call');
    const extraction = examples.find((example) => example.kind === 'extraction');
    const answer = examples.find((example) => example.kind === 'answer_from_result');
    if (call?.kind !== 'tool_call' || extraction?.kind !== 'extraction' || answer === undefined) throw new Error('the sample lacks a kind');
    expect(normalisedAnswerPaths(call)).toEqual(new Set(call.normalised.map((path) => path.replace('$.calls[', '$['))));
    expect(normalisedAnswerPaths(extraction)).toEqual(new Set(extraction.normalised.map((path) => path.replace('$.output', '$'))));
    // An answer's normalised values are its call's, which the prompt holds: nothing to mark.
    expect(normalisedAnswerPaths(answer).size).toBe(0);
  });

  it("marks the target positions of a normalised value's hole, not its decision holes nor fixed masks", () => {
    const holes = [
      { jsonPath: '$[0].tool', kind: 'branch' as const, start: 0, length: 2 },
      { jsonPath: '$[0].arguments.from', kind: 'value' as const, start: 2, length: 3 },
      { jsonPath: '$[0].arguments.amount', kind: 'value' as const, start: 5, length: 2 },
    ];
    const unmatched = new Set(['$[0].arguments.from', '$[1].arguments.to']);
    const roles = withNormalisedRoles([4, 4, 2, 2, 3, 2, 2], holes, new Set(['$[0].tool', '$[0].arguments.from', '$[1].arguments.to']), unmatched);
    expect(roles).toEqual([4, 4, NORMALISED, NORMALISED, 3, 2, 2]);
    expect([...unmatched]).toEqual(['$[1].arguments.to']);
  });

  it('writes role 5 exactly under the normalised values when a corpus is rendered', async () => {
    const examples = sample('train', 300);
    const corpus = join(folder, 'corpus.jsonl');
    writeFileSync(corpus, examples.map((example) => `${JSON.stringify(example)}\n`).join(''));
    const { tokenizerJson, tokenizerConfig } = readTokenizerFiles('models/default/model');
    const tokenizer = new MemoTokenizer(tokenizerJson, tokenizerConfig);
    // Throws when a normalised path matches no value hole, so every example's paths are checked here.
    await renderCorpusFile(corpus, join(folder, 'dataset'), renderingModel(tokenizer, 4096, 512), {
      maxLength: 512,
      decisionShare: 1,
      decisionRepeats: {},
      decisionValues: 'filled',
      valueLayout: 'rounds',
      valueTokens: 'canonical',
    });
    const tokens = new Uint16Array(readFileSync(join(folder, 'dataset', 'tokens.u16')).buffer.slice(0));
    const roles = new Uint8Array(readFileSync(join(folder, 'dataset', 'roles.u8')));
    const pad = tokenizer.tokenToId('<|pad|>');
    const written = tokenizer.decode([...tokens.filter((token, index) => roles[index] === NORMALISED && token !== pad)], { skipSpecialTokens: true });
    // A currency code written from words is among them; a value the request states verbatim is not.
    const conversion = examples.find(
      (example) => example.kind === 'tool_call' && example.calls.length === 1 && example.normalised.includes('$.calls[0].arguments.to') && example.calls[0]?.tool === 'convert_currency',
    );
    expect(conversion?.kind === 'tool_call' && written.includes(String(conversion.calls[0]?.arguments.to))).toBe(true);
    const copiedCity = examples.find((example) => example.kind === 'tool_call' && example.calls[0]?.tool === 'get_weather' && example.normalised.length === 0);
    expect(copiedCity?.kind === 'tool_call' && written.includes(String(copiedCity.calls[0]?.arguments.city))).toBe(false);
  });
});
