export { LacunaAgentError, type LacunaAgentErrorCode, type LacunaAgentErrorDetails } from './errors/lacuna-agent-error.js';
export { RetryableToolError, tool, type Grounding, type ToolDefinition, type ToolExecutionContext, type ToolSet } from './tools/tool.js';
export { ToolExecutor, type ToolCall, type ToolCallOutcome, type ToolExecutorOptions } from './execution/tool-executor.js';
export { ANSWER_TOOL, renderAgentMessages, type AgentTurn, type ToolSignature } from './prompt/agent-messages.js';
export { describeTool, describeType } from './prompt/describe-tool.js';
export { MAX_CALLS_PER_STEP, planSchema } from './planning/plan-schema.js';
