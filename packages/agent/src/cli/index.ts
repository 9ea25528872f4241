// The `lacuna call` and `lacuna run` commands, and the helpers the examples share with them. The `lacuna` bin
// of @lacuna/infill finds `commands` here at run time (infill must not depend on the agent).
import { callCommand } from './call-command.js';
import type { LacunaCommandEntry } from './lacuna-command.js';
import { runCommand } from './run-command.js';

export const commands: Readonly<Record<string, LacunaCommandEntry>> = {
  call: { run: callCommand, summary: 'plan the tool call for a request (demo toolbox) and print it without running it' },
  run: { run: runCommand, summary: 'run the agent on a request with the demo toolbox and print the answer' },
};

export { callCommand, CALL_USAGE } from './call-command.js';
export { runCommand, RUN_USAGE, DEFAULT_CLI_MAX_STEPS } from './run-command.js';
export type { LacunaCommand, LacunaCommandEntry } from './lacuna-command.js';
export { CliUsageError } from './cli-usage-error.js';
export { resolveModelFolder, DEFAULT_MODEL_PACKAGE, type ModelSource, type ResolvedModel } from '@lacuna/infill';
export { checksForModel, fixtureNotice } from './model-checks.js';
export { loadBestModel, type BestModel } from './load-best-model.js';
export { planCall, type CallPlan, type PlanCallOptions } from './plan-call.js';
export { demoToolMenu, parseToolNames, DEFAULT_MENU_SIZE } from './demo-tool-menu.js';
export { stopWhenContextFull, DEFAULT_PLAN_RESERVE } from './stop-when-context-full.js';
export { describeRepair } from './describe-repair.js';
export { demoToolSet } from './agent-command-arguments.js';
