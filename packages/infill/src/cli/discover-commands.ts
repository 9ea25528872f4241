import type { CommandEntry } from './command.js';

/**
 * Modules whose `commands` export adds `lacuna` subcommands: `call` and `run` of @lacuna/agent. They are
 * imported at run time, never statically, because the agent depends on infill and infill must not depend on
 * it; without the agent installed (or built), `lacuna` has only infill's commands.
 */
export const COMMAND_MODULES: readonly string[] = ['@lacuna/agent/cli'];

export interface DiscoveredCommands {
  readonly commands: Record<string, CommandEntry>;
  /** Modules that could not be loaded, and why (shown when a command is not found). */
  readonly unavailable: readonly { readonly module: string; readonly reason: string }[];
}

export async function discoverCommands(modules: readonly string[] = COMMAND_MODULES): Promise<DiscoveredCommands> {
  const commands: Record<string, CommandEntry> = {};
  const unavailable: { module: string; reason: string }[] = [];
  for (const specifier of modules) {
    try {
      const loaded = (await import(specifier)) as { commands?: Record<string, CommandEntry> };
      Object.assign(commands, loaded.commands ?? {});
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const missing = code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED';
      unavailable.push({ module: specifier, reason: missing ? 'not installed or not built (npm install, npm run build)' : (error as Error).message });
    }
  }
  return { commands, unavailable };
}
