export { LacunaAgentError, type LacunaAgentErrorCode, type LacunaAgentErrorDetails } from './errors/lacuna-agent-error.js';
export { jsonSchema } from './tools/json-schema.js';
export { RetryableToolError, tool, type Grounding, type StatedValues, type ToolDefinition, type ToolExecutionContext, type ToolSet } from './tools/tool.js';
export { ToolExecutor, type ToolCall, type ToolCallOutcome, type ToolExecutorOptions } from './execution/tool-executor.js';
export { ANSWER_TOOL, renderAgentMessages, type AgentTurn, type ToolSignature } from './prompt/agent-messages.js';
export { describeTool, describeType } from './prompt/describe-tool.js';
export { MAX_CALLS_PER_STEP, planArgumentsSchema, planSchema } from './planning/plan-schema.js';
export { createPlanValidator } from './planning/plan-validator.js';
export { planGrounding } from './planning/plan-grounding.js';
export { Agent, createAgent, defaultWords, DEFAULT_DECISION_ORDER, DEFAULT_DECISIONS, DEFAULT_GROUNDED_VALUES, DEFAULT_PARALLEL_THRESHOLD, DEFAULT_REPAIR_ATTEMPTS, DEFAULT_REPEATED_WORDS } from './agent/agent.js';
export type {
  AgentEvents,
  AgentOptions,
  AgentResult,
  AgentRunOptions,
  AgentStep,
  AgentStreamPart,
  AgentUsage,
  FinishReason,
  PlannedToolCall,
  RepairRecord,
  StopConditionInput,
} from './agent/agent-types.js';
export { checkCalls, parametersOf, type CheckOptions, type PlannedCall } from './checks/check-calls.js';
export type { FieldCheck, FieldIssue } from './checks/field-issue.js';
export { groundedHoleText, groundingContext, groundingFailure, groundingOf, statedValueFailure } from './checks/grounding.js';
export { statedNumbersPattern } from './checks/stated-numbers.js';
