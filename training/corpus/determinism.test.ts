import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateExample, generateExamples, parseMix } from './generate-examples.js';

describe('determinism', () => {
  it('writes the same examples for the same seed, and others for another seed', () => {
    const first = [...generateExamples(42, 'train', 400)].map((example) => JSON.stringify(example));
    const second = [...generateExamples(42, 'train', 400)].map((example) => JSON.stringify(example));
    const other = [...generateExamples(43, 'train', 400)].map((example) => JSON.stringify(example));
    expect(second).toEqual(first);
    expect(other.filter((line, index) => line === first[index]).length).toBeLessThan(5);
  });

  it('makes each example depend only on its seed, split and index', () => {
    expect(JSON.stringify(generateExample(5, 'test_entities', 123))).toBe(JSON.stringify([...generateExamples(5, 'test_entities', 124)][123]));
  });

  it('honours the kind mix', () => {
    const onlyExtraction = parseMix('tool_call=0,procedural_tool_call=0,answer_from_result=0,no_tool=0,extraction=1');
    expect([...generateExamples(1, 'train', 50, onlyExtraction)].every((example) => example.kind === 'extraction')).toBe(true);
    expect(() => parseMix('tool_calls=1')).toThrow(/Cannot read mix entry/);
  });

  it('writes byte-identical files from the command line', () => {
    const directory = mkdtempSync(join(tmpdir(), 'corpus-'));
    try {
      const run = (name: string): string[] => {
        const out = join(directory, name, 'corpus.jsonl');
        execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'generate-corpus.ts'), '--seed', '9', '--count', '300', '--test-count', '20', '--out', out], { stdio: 'pipe' });
        return ['corpus.jsonl', 'corpus.test_entities.jsonl', 'corpus.test_templates.jsonl', 'corpus.test_tools.jsonl'].map((file) => readFileSync(join(directory, name, file), 'utf8'));
      };
      const first = run('a');
      expect(run('b')).toEqual(first);
      expect(first[0]?.split('\n').filter(Boolean)).toHaveLength(300);
      expect(first[3]?.split('\n').filter(Boolean)).toHaveLength(20);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
