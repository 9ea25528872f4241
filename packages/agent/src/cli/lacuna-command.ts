/**
 * A `lacuna` subcommand, in the shape the dispatcher of `@lacuna/infill` registers: the arguments after its
 * name and a writer for stdout; it resolves to the exit code and throws errors with a `code` for stderr.
 */
export type LacunaCommand = (argv: readonly string[], out: (text: string) => void) => Promise<number>;

export interface LacunaCommandEntry {
  readonly run: LacunaCommand;
  readonly summary: string;
}
