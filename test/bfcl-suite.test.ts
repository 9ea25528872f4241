/**
 * Every function definition of the Berkeley Function Calling Leaderboard suites (../shared/suites/bfcl, read in
 * place, never copied) compiles to a tool-call skeleton. The coverage script fills samples of them as well;
 * this keeps the compile guarantee under `npm test`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileSchema } from '@lacuna/infill';
import { describe, expect, it } from 'vitest';
import { bfclToolCallSchema } from '../packages/infill/scripts/bfcl-schema.js';

const folder = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/suites/bfcl');

describe('BFCL function definitions', () => {
  if (!existsSync(folder)) {
    throw new Error(`The BFCL suites are read in place from ${folder}, which does not exist: this test needs the workplace's shared data folder (shared/suites/bfcl) beside the repository's folder.`);
  }
  const files = readdirSync(folder).filter((file) => file.endsWith('.json'));

  it('finds the five suites', () => {
    expect(files).toHaveLength(5);
  });

  it.each(files)('%s: every function compiles to a tool-call skeleton', (file) => {
    const failures: string[] = [];
    let functions = 0;
    for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      for (const fn of (JSON.parse(line) as { function: { name: string; parameters: unknown }[] }).function) {
        functions++;
        try {
          compileSchema(bfclToolCallSchema(fn));
        } catch (error) {
          failures.push(`${fn.name}: ${(error as Error).message}`);
        }
      }
    }
    expect(functions).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });
});
