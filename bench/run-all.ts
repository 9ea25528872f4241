/**
 * `npm run bench`: every benchmark of the repo. Each one runs its compared variants side by side in one
 * process and prints Markdown tables (copied into docs/benchmarks.md with the machine they ran on).
 * The JSONSchemaBench coverage run (about ten minutes) is separate: packages/infill/scripts/suites-coverage.ts.
 * The agent benchmark takes its options when run alone: `node --import tsx bench/agent-repair.bench.ts --help`.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { benchAgentRepair } from './agent-repair.bench.js';
import { benchCoreSampler } from './core-sampler.bench.js';
import { benchModelVariants } from './model-variants.bench.js';
import { benchPlanValidation } from './plan-validation.bench.js';
import { benchPromptCache } from './prompt-cache.bench.js';

console.log(`# Lacuna benchmarks\n\nMachine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
await benchCoreSampler();
// The default model's float32 and int8 ONNX files, forward pass against forward pass.
await benchModelVariants();
// The default model's prompt cache against whole passes: one forward pass, and one planned call end to end.
await benchPromptCache();
// The agent's plan schema per request: compiled whole for ajv against validated item by item.
await benchPlanValidation();
// Infill's benchmark rewrites its section of docs/benchmarks.md unless told not to; `npm run bench` only prints.
execFileSync(process.execPath, ['--import', 'tsx', 'packages/infill/scripts/infill-benchmark.ts', '--no-write'], { stdio: 'inherit' });
// Seeded faults repaired by re-masking against regeneration and re-asking, and one planned call end to end.
await benchAgentRepair();
