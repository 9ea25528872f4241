import type { AgentOptions } from '../agent/agent-types.js';
import type { ResolvedModel } from '@lacuna/infill';

/**
 * The agent's checks for a model. A random-weight model never writes a grounded or confident value, so on the
 * fixture the grounding and confidence checks would reject every plan: they are turned off there, and only
 * there. The schema check and validators stay on.
 */
export function checksForModel(resolved: ResolvedModel): NonNullable<AgentOptions['checks']> {
  return resolved.isFixture ? { minConfidence: 0, grounding: false } : {};
}

/** What the user is told on stderr when the run is on the fixture; undefined on a real model. */
export function fixtureNotice(resolved: ResolvedModel, options: { agent: boolean }): string | undefined {
  if (!resolved.isFixture) return undefined;
  const why = resolved.source === 'fixture' ? 'no trained model found (models/default, $LACUNA_MODEL or --model): running' : 'running';
  const relaxed = options.agent ? "; the agent's checks are relaxed (minConfidence 0, grounding off)" : '';
  return `lacuna: ${why} the random-weight fixture model: outputs are noise${relaxed}.`;
}
