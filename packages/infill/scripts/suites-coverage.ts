/**
 * Schema coverage on the public suites (../shared/suites, relative to the repository root):
 *
 * - JSONSchemaBench (5 subsets): declared coverage (the schema compiles), compile time per schema, and for a
 *   sample of each subset, empirical coverage (the filled value validates with ajv, the schema's draft).
 * - BFCL: every function definition compiles to a tool-call skeleton (BFCL types mapped to JSON Schema).
 *
 * Values are filled by a random-logits model over the fixture tokenizer: the worst model there is, so that only
 * the constraints can make outputs valid. Prints Markdown and rewrites the "Schema coverage" part of the
 * "Infill" section of docs/benchmarks.md.
 *
 *   npx tsx packages/infill/scripts/suites-coverage.ts [--sample 200] [--no-write]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextTokenizer, type ModelSpec } from '@lacuna/core';
import { modelPath } from '@lacuna/model-tiny-random';
import { compileSchema, infill, LacunaInfillError } from '../src/index.js';
import { compileValidator } from '../src/schema/validate-json-schema.js';
import { createRandomPredictor } from '../src/testing/random-predictor.js';
import { bfclToolCallSchema } from './bfcl-schema.js';
import { updateBenchmarkSection } from './benchmarks-doc.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const suites = resolve(root, '../shared/suites');
const args = process.argv.slice(2);
const sampleSize = Number(args[args.indexOf('--sample') + 1] ?? 200) || 200;
const write = !args.includes('--no-write');

const spec = JSON.parse(readFileSync(join(modelPath, 'lacuna-model.json'), 'utf8')) as ModelSpec;
const tokenizer = new TextTokenizer(
  JSON.parse(readFileSync(join(modelPath, 'tokenizer.json'), 'utf8')) as object,
  JSON.parse(readFileSync(join(modelPath, 'tokenizer_config.json'), 'utf8')) as Record<string, unknown>,
);
const model = { predictor: createRandomPredictor({ vocabularySize: spec.vocabularySize, maxLength: 16_384, seed: 11 }), tokenizer, spec };

interface SubsetReport {
  name: string;
  total: number;
  compiled: number;
  compileMs: number[];
  refusals: Map<string, number>;
  sampled: number;
  sampledCompiled: number;
  valid: number;
  invalid: { file: string; why: string }[];
  unvalidatable: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Deterministic sample: every k-th file. */
function sample<T>(items: readonly T[], size: number): T[] {
  if (items.length <= size) return [...items];
  const step = items.length / size;
  return Array.from({ length: size }, (_, index) => items[Math.floor(index * step)] as T);
}

function refusalKey(error: unknown): string {
  if (LacunaInfillError.isInstance(error)) return error.code === 'UNSUPPORTED_SCHEMA_FEATURE' ? `unsupported: ${error.feature}` : error.code.toLowerCase();
  return `crash: ${(error as Error).message.slice(0, 60)}`;
}

async function runSubset(name: string): Promise<SubsetReport> {
  const folder = join(suites, 'jsonschemabench', name);
  const files = readdirSync(folder).filter((file) => file.endsWith('.json')).sort();
  const report: SubsetReport = { name, total: files.length, compiled: 0, compileMs: [], refusals: new Map(), sampled: 0, sampledCompiled: 0, valid: 0, invalid: [], unvalidatable: 0 };
  const schemas = new Map<string, unknown>();
  const compiledOk = new Set<string>();
  for (const file of files) {
    const schema = JSON.parse(readFileSync(join(folder, file), 'utf8')) as unknown;
    schemas.set(file, schema);
    const started = performance.now();
    try {
      compileSchema(schema as Record<string, unknown>);
      report.compileMs.push(performance.now() - started);
      report.compiled++;
      compiledOk.add(file);
    } catch (error) {
      report.compileMs.push(performance.now() - started);
      const key = refusalKey(error);
      report.refusals.set(key, (report.refusals.get(key) ?? 0) + 1);
    }
  }
  for (const [index, file] of sample(files, sampleSize).entries()) {
    report.sampled++;
    if (!compiledOk.has(file)) continue;
    report.sampledCompiled++;
    const schema = schemas.get(file) as Record<string, unknown>;
    const compiled = compileSchema(schema);
    let validate: ReturnType<typeof compileValidator>;
    try {
      validate = compileValidator(schema, compiled.draft);
    } catch {
      report.unvalidatable++;
      continue;
    }
    try {
      const result = await infill({ model, schema: compiled, prompt: 'Fill in a realistic example.', seed: index, sampling: { temperature: 1 }, repairAttempts: 0 });
      if (validate(result.value)) report.valid++;
      else report.invalid.push({ file, why: JSON.stringify(validate.errors?.slice(0, 2)) });
    } catch (error) {
      report.invalid.push({ file, why: `${refusalKey(error)}: ${(error as Error).message.slice(0, 160)}` });
    }
  }
  return report;
}

interface BfclReport {
  file: string;
  functions: number;
  compiled: number;
  filled: number;
  valid: number;
  failures: string[];
}

/** Every function compiled; the first `BFCL_FILLS` per file also filled and validated. */
const BFCL_FILLS = 50;

async function runBfcl(): Promise<BfclReport[]> {
  const folder = join(suites, 'bfcl');
  const reports: BfclReport[] = [];
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json')).sort()) {
    const report: BfclReport = { file, functions: 0, compiled: 0, filled: 0, valid: 0, failures: [] };
    for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const entry = JSON.parse(line) as { id: string; question: { role: string; content: string }[][]; function: { name: string; parameters: unknown }[] };
      for (const fn of entry.function) {
        report.functions++;
        const schema = bfclToolCallSchema(fn);
        let compiled;
        try {
          compiled = compileSchema(schema);
          report.compiled++;
        } catch (error) {
          report.failures.push(`${entry.id} ${fn.name}: ${(error as Error).message.slice(0, 160)}`);
          continue;
        }
        if (report.filled >= BFCL_FILLS) continue;
        report.filled++;
        try {
          const prompt = entry.question[0]?.at(-1)?.content ?? '';
          const result = await infill({ model, schema: compiled, prompt, seed: report.filled, sampling: { temperature: 1 }, repairAttempts: 0 });
          if (compileValidator(schema, compiled.draft)(result.value)) report.valid++;
          else report.failures.push(`${entry.id} ${fn.name}: filled value invalid`);
        } catch (error) {
          report.failures.push(`${entry.id} ${fn.name}: ${(error as Error).message.slice(0, 160)}`);
        }
      }
    }
    reports.push(report);
  }
  return reports;
}

const pct = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
const subsets = readdirSync(join(suites, 'jsonschemabench')).filter((name) => !name.startsWith('.')).sort();
const reports: SubsetReport[] = [];
for (const name of subsets) {
  const report = await runSubset(name);
  reports.push(report);
  console.error(`${name}: ${report.compiled}/${report.total} compiled, ${report.valid}/${report.sampledCompiled} valid`);
}
const bfcl = await runBfcl();

const lines: string[] = [];
lines.push(
  `JSONSchemaBench (\`../shared/suites/jsonschemabench\`), every schema compiled; a sample of ${sampleSize} per subset (every n-th file) filled by a random-logits model over the fixture tokenizer and checked by ajv (the schema's draft, ajv-formats).`,
  '',
  '| subset | schemas | declared coverage | compile median (ms) | compile p99 (ms) | sampled | empirical coverage | valid / compiled |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
);
for (const report of reports) {
  lines.push(
    `| ${report.name} | ${report.total} | ${pct(report.compiled, report.total)} | ${percentile(report.compileMs, 50).toFixed(2)} | ${percentile(report.compileMs, 99).toFixed(2)} | ${report.sampled} | ${pct(report.valid, report.sampled)} | ${report.valid}/${report.sampledCompiled - report.unvalidatable}${report.unvalidatable > 0 ? ` (+${report.unvalidatable} ajv cannot compile)` : ''} |`,
  );
}
lines.push('', 'Refusals (schemas not compiled), by reason:', '', '| subset | reason | schemas |', '| --- | --- | --- |');
for (const report of reports) {
  for (const [reason, count] of [...report.refusals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8)) lines.push(`| ${report.name} | ${reason} | ${count} |`);
}
const invalid = reports.flatMap((report) => report.invalid.map((entry) => `${report.name}/${entry.file}: ${entry.why}`));
if (invalid.length > 0) lines.push('', 'Compiled but not valid:', '', ...invalid.map((entry) => `- ${entry}`));
lines.push('', 'BFCL (`../shared/suites/bfcl`): each function definition as a tool-call skeleton `{"name": <const>, "arguments": <parameters>}` (dict→object, float→number, tuple→array, any→string; an array-level enum of item values moved to the items).', '', `| file | functions | compiled | filled (first ${BFCL_FILLS}) valid |`, '| --- | --- | --- | --- |');
for (const report of bfcl) lines.push(`| ${report.file} | ${report.functions} | ${pct(report.compiled, report.functions)} | ${report.valid}/${report.filled} |`);
const bfclFailures = bfcl.flatMap((report) => report.failures);
if (bfclFailures.length > 0) lines.push('', 'BFCL failures:', '', ...bfclFailures.slice(0, 20).map((failure) => `- ${failure}`));

const markdown = lines.join('\n');
console.log(markdown);
if (write) updateBenchmarkSection(join(root, 'docs/benchmarks.md'), 'Schema coverage', `Command: \`npx tsx packages/infill/scripts/suites-coverage.ts\` (${new Date().toISOString().slice(0, 10)}).\n\n${markdown}`);
