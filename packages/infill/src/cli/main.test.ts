import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compileValidator } from '../schema/validate-json-schema.js';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/lacuna.js', import.meta.url));

async function lacuna(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('lacuna infill (CLI)', () => {
  it('prints the filled value as JSON on stdout, nothing else', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'lacuna-cli-'));
    const schema = { type: 'object', properties: { city: { type: 'string', maxLength: 8 }, year: { type: 'integer', minimum: 1900, maximum: 2100 } }, required: ['city', 'year'] };
    await writeFile(join(folder, 'schema.json'), JSON.stringify(schema));
    // The default model's own ONNX file, then its int8 variant (--onnx-variant).
    for (const variant of [[], ['--onnx-variant', 'int8']]) {
      const { code, stdout } = await lacuna(['infill', '--schema', join(folder, 'schema.json'), '--prompt', 'Paris, 1889', ...variant]);
      expect(code, variant.join(' ')).toBe(0);
      expect(stdout.endsWith('\n')).toBe(true);
      const value = JSON.parse(stdout) as unknown;
      expect(compileValidator(schema, '2020-12')(value), variant.join(' ')).toBe(true);
    }
  });

  it('reports errors on stderr with a non-zero exit and an empty stdout', async () => {
    const missing = await lacuna(['infill', '--schema', '/does/not/exist.json', '--prompt', 'x']);
    expect(missing.code).not.toBe(0);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/Cannot read the schema file/);
    const folder = await mkdtemp(join(tmpdir(), 'lacuna-cli-'));
    await writeFile(join(folder, 'bad.json'), JSON.stringify({ type: 'string', pattern: '(a)\\1' }));
    const refused = await lacuna(['infill', '--schema', join(folder, 'bad.json'), '--prompt', 'x']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/UNSUPPORTED_SCHEMA_FEATURE.*#\/pattern/);
    await writeFile(join(folder, 'good.json'), JSON.stringify({ type: 'string', maxLength: 8 }));
    const noSuchVariant = await lacuna(['infill', '--schema', join(folder, 'good.json'), '--prompt', 'x', '--onnx-variant', 'int4']);
    expect(noSuchVariant.code).toBe(1);
    expect(noSuchVariant.stdout).toBe('');
    expect(noSuchVariant.stderr).toMatch(/INVALID_OPTIONS: loadModel: .*has no ONNX variant "int4" \(it names "int8"\)/);
    const unknown = await lacuna(['frobnicate']);
    expect(unknown.code).toBe(2);
  });
});
