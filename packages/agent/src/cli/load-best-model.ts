import type { DiffusionModel, LoadModelOptions } from '@lacuna/core';
import type { AgentOptions } from '../agent/agent-types.js';
import { checksForModel, fixtureNotice } from './model-checks.js';
import { loadResolvedModel, resolveModelFolder, type ResolvedModel } from '@lacuna/infill';

export interface BestModel {
  readonly model: DiffusionModel;
  readonly resolved: ResolvedModel;
  /** The agent's checks for this model: relaxed on the fixture, the defaults otherwise. */
  readonly checks: NonNullable<AgentOptions['checks']>;
}

/**
 * Loads the best model available (see `resolveModelFolder`) and, when that is the random fixture, says so on
 * stderr: stdout stays for the program's output.
 */
export async function loadBestModel(
  options: { model?: string | undefined; onnxVariant?: string | undefined; load?: LoadModelOptions; warn?: (line: string) => void; agent?: boolean } = {},
): Promise<BestModel> {
  const resolved = await resolveModelFolder({ flag: options.model, onnxVariantFlag: options.onnxVariant });
  const notice = fixtureNotice(resolved, { agent: options.agent ?? true });
  if (notice !== undefined) (options.warn ?? ((line: string) => process.stderr.write(`${line}\n`)))(notice);
  const model = await loadResolvedModel(resolved, options.load);
  return { model, resolved, checks: checksForModel(resolved) };
}
