#!/usr/bin/env node
import type { CommandEntry } from './command.js';
import { discoverCommands } from './discover-commands.js';
import { infillCommand } from './infill-command.js';

export type { Command, CommandEntry } from './command.js';

/**
 * The `lacuna` commands of this package. Other packages' commands (`call` and `run` of @lacuna/agent) are
 * found at run time by `discoverCommands`, so that infill never depends on them.
 */
export const COMMANDS: Record<string, CommandEntry> = {
  infill: { run: infillCommand, summary: 'fill a JSON Schema with a model and print the value as JSON' },
};

function usage(commands: Readonly<Record<string, CommandEntry>>): string {
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(8)} ${command.summary}`);
  return `Usage: lacuna <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun lacuna <command> --help for its options.\n`;
}

/** Runs the CLI; returns the exit code. Errors go to stderr as one line: `lacuna: CODE: message`. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  // Infill's own commands run without loading other packages; the others are looked up only when needed.
  let command = name === undefined ? undefined : COMMANDS[name];
  if (command === undefined) {
    const discovered = await discoverCommands();
    const commands = { ...discovered.commands, ...COMMANDS };
    if (name === undefined || name === '--help' || name === '-h') {
      (name === undefined ? process.stderr : process.stdout).write(usage(commands));
      return name === undefined ? 2 : 0;
    }
    command = commands[name];
    if (command === undefined) {
      const missing = discovered.unavailable.map((entry) => `(${entry.module}: ${entry.reason})\n`).join('');
      process.stderr.write(`lacuna: unknown command "${name}".\n${missing}\n${usage(commands)}`);
      return 2;
    }
  }
  try {
    return await command.run(rest, (text) => process.stdout.write(text));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = (error as Error).message ?? String(error);
    process.stderr.write(`lacuna ${name}: ${typeof code === 'string' ? `${code}: ` : ''}${message}\n`);
    return code === 'CLI_USAGE' || code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? 2 : 1;
  }
}

// Run when executed (the bin), not when imported.
const invoked = process.argv[1] ?? '';
if (invoked.endsWith('/cli/main.js') || invoked.endsWith('/cli/main.ts') || process.env.LACUNA_CLI_MAIN === '1') {
  process.exitCode = await main(process.argv.slice(2));
}
