import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sample } from '../corpus/test-support.js';
import { readTokenizerFiles } from '../tokenizer/load-tokenizer.js';
import { MemoTokenizer } from './memo-tokenizer.js';
import { parseStringValues, renderCorpusFile, renderingModel, type RenderSettings, type StringValues } from './render-dataset.js';

const folder = mkdtempSync(join(tmpdir(), 'lacuna-spaced-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const SETTINGS: RenderSettings = { maxLength: 512, decisionShare: 1, decisionRepeats: {}, decisionValues: 'filled', valueLayout: 'rounds', valueTokens: 'canonical' };

describe('render-dataset --string-values', () => {
  const examples = sample('train', 200).filter((example) => example.kind === 'tool_call' && example.calls[0]?.tool === 'get_weather');
  const corpus = join(folder, 'corpus.jsonl');
  writeFileSync(corpus, examples.map((example) => `${JSON.stringify(example)}\n`).join(''));
  const { tokenizerJson, tokenizerConfig } = readTokenizerFiles('models/default/model');
  const tokenizer = new MemoTokenizer(tokenizerJson, tokenizerConfig);

  async function render(stringValues: StringValues): Promise<{ header: Record<string, unknown>; text: string }> {
    const out = join(folder, stringValues);
    await renderCorpusFile(corpus, out, renderingModel(tokenizer, 4096, 512, stringValues), SETTINGS);
    const tokens = new Uint16Array(readFileSync(join(out, 'tokens.u16')).buffer.slice(0));
    return { header: JSON.parse(readFileSync(join(out, 'dataset.json'), 'utf8')) as Record<string, unknown>, text: tokenizer.decode([...tokens], { skipSpecialTokens: true }) };
  }

  it('writes each string value after a space, and says so in dataset.json for package-model.ts', async () => {
    const city = examples[0]?.kind === 'tool_call' ? String(examples[0].calls[0]?.arguments.city) : '';
    expect(city).not.toBe('');
    const spaced = await render('spaced');
    const plain = await render('plain');
    expect(spaced.header.spacedStringValues).toBe(true);
    expect(plain.header).not.toHaveProperty('spacedStringValues');
    expect(spaced.text).toContain(`"city":" ${city}"`);
    expect(spaced.text).not.toContain(`"city":"${city}"`);
    expect(plain.text).toContain(`"city":"${city}"`);
  });

  it('refuses a way of writing string values it does not know', () => {
    expect(() => parseStringValues('padded')).toThrow(/--string-values is plain or spaced/);
  });
});
