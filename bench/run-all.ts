/** `npm run bench`: every benchmark of the repo, one after another in one process. */
import { cpus } from 'node:os';
import { benchCoreSampler } from './core-sampler.bench.js';

console.log(`# Lacuna benchmarks\n\nMachine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
await benchCoreSampler();
