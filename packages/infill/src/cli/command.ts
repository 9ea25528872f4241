/** A subcommand: arguments after its name, a writer for stdout; resolves to the exit code. */
export type Command = (argv: readonly string[], out: (text: string) => void) => Promise<number>;

export interface CommandEntry {
  readonly run: Command;
  readonly summary: string;
}
