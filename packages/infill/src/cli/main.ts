#!/usr/bin/env node
import { infillCommand } from './infill-command.js';

/** A subcommand: arguments after its name, a writer for stdout; resolves to the exit code. */
export type Command = (argv: readonly string[], out: (text: string) => void) => Promise<number>;

/** The `lacuna` commands. Other packages' commands (call, run) register here. */
export const COMMANDS: Record<string, { readonly run: Command; readonly summary: string }> = {
  infill: { run: infillCommand, summary: 'fill a JSON Schema with a model and print the value as JSON' },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(8)} ${command.summary}`);
  return `Usage: lacuna <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun lacuna <command> --help for its options.\n`;
}

/** Runs the CLI; returns the exit code. Errors go to stderr as one line: `lacuna: CODE: message`. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    (name === undefined ? process.stderr : process.stdout).write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    process.stderr.write(`lacuna: unknown command "${name}".\n\n${usage()}`);
    return 2;
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
