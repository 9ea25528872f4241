#!/usr/bin/env node
// The `lacuna` command. Runs the built CLI (dist/cli/main.js); in a fresh checkout where the package is not
// built yet, runs the TypeScript sources through tsx instead, so `npx lacuna` works right after `npm install`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/cli/main.js', import.meta.url);
let main;
if (existsSync(fileURLToPath(built))) {
  ({ main } = await import(built.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(new URL('../src/cli/main.ts', import.meta.url).href));
}
process.exitCode = await main(process.argv.slice(2));
