import type { RepairRecord } from '../agent/agent-types.js';

/** One line for a repair: which field, which check rejected it, the value before and after. */
export function describeRepair(repair: RepairRecord): string {
  const field = [repair.tool, ...repair.path.map(String)].join('.');
  return `repaired ${field} (${repair.check} check, attempt ${repair.attempt}): ${JSON.stringify(repair.before)} -> ${JSON.stringify(repair.after)}: ${repair.reason}`;
}
