import type { RepairRecord } from '../agent/agent-types.js';

/** One line for a repair: which field, which check rejected it, the value before and after; or the call added. */
export function describeRepair(repair: RepairRecord): string {
  if (repair.check === 'uncovered-mention' || repair.check === 'uncovered-clause') {
    return `${repair.after === undefined ? 'planned and dropped' : 'added'} a call (${repair.check} check): ${JSON.stringify(repair.after ?? null)}: ${repair.reason}`;
  }
  const field = [repair.tool, ...repair.path.map(String)].join('.');
  return `repaired ${field} (${repair.check} check, attempt ${repair.attempt}): ${JSON.stringify(repair.before)} -> ${JSON.stringify(repair.after)}: ${repair.reason}`;
}
