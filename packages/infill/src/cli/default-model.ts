import { modelPath } from '@lacuna/model-tiny-random';

/**
 * The model the CLI uses without `--model`: `$LACUNA_MODEL` when set, else the fixture model (random weights)
 * until the default model lands.
 */
export function defaultModelFolder(): string {
  return process.env.LACUNA_MODEL ?? modelPath;
}
