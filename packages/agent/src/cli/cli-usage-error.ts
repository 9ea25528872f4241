/**
 * A command-line mistake (a missing request, an unknown option value). The `lacuna` dispatcher exits with 2
 * for errors whose code is `CLI_USAGE`, as it does for infill's.
 */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
  readonly code = 'CLI_USAGE';
}
