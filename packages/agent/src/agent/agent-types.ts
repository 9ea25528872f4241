import type { DiffusionModel, SamplingOptions } from '@lacuna/core';
import type { FieldCheck, FieldIssue } from '../checks/field-issue.js';
import type { ToolCallOutcome } from '../execution/tool-executor.js';
import type { ToolSet } from '../tools/tool.js';

/** Model calls, counted per step and in total. */
export interface AgentUsage {
  forwardPasses: number;
  /** Canvas tokens the model read, summed over forward passes' canvases. */
  tokens: number;
  /** Wall time of the step or run, and the part spent in infill and repair (forward passes, sampling, constraints). */
  wallMs: number;
  modelMs: number;
}

/** A repair: a field re-masked and denoised again. */
export interface RepairRecord {
  readonly step: number;
  readonly attempt: number;
  readonly tool: string;
  readonly path: readonly (string | number)[];
  readonly check: FieldCheck;
  readonly reason: string;
  /** The field's value before and after the repair; for a call planned again whole, the call `{ tool, arguments }`. */
  readonly before: unknown;
  readonly after: unknown;
  readonly forwardPasses: number;
}

export interface PlannedToolCall {
  readonly callId: string;
  readonly tool: string;
  readonly input: Record<string, unknown>;
}

export interface AgentStep {
  readonly step: number;
  readonly toolCalls: readonly PlannedToolCall[];
  readonly toolResults: readonly ToolCallOutcome[];
  readonly repairs: readonly RepairRecord[];
  /** The answer, when the model answered at this step. */
  readonly answer: string | undefined;
  readonly usage: AgentUsage;
}

export type FinishReason = 'answer' | 'final-tool' | 'stop-condition' | 'max-steps';

export interface AgentResult {
  /** The model's answer; empty when the run stopped before it answered. */
  readonly text: string;
  readonly finishReason: FinishReason;
  readonly steps: readonly AgentStep[];
  readonly toolCalls: readonly PlannedToolCall[];
  readonly toolResults: readonly ToolCallOutcome[];
  readonly repairs: readonly RepairRecord[];
  readonly usage: AgentUsage;
}

/** Typed parts of `agent.stream()`; the same objects are emitted as events named by their `type`. */
export type AgentStreamPart =
  | { readonly type: 'step-start'; readonly step: number }
  | {
      readonly type: 'denoise';
      readonly step: number;
      readonly phase: 'plan' | 'repair';
      /** The answer canvas as it stands, masks shown as ░. */
      readonly canvasText: string;
      readonly committed: number;
      readonly forwardPasses: number;
    }
  | { readonly type: 'tool-call'; readonly step: number; readonly call: PlannedToolCall }
  | { readonly type: 'repair'; readonly step: number; readonly repair: RepairRecord }
  | { readonly type: 'tool-result'; readonly step: number; readonly result: ToolCallOutcome }
  | { readonly type: 'answer'; readonly step: number; readonly text: string }
  | { readonly type: 'step-finish'; readonly step: AgentStep }
  | { readonly type: 'finish'; readonly result: AgentResult };

export type AgentEvents = { [Part in AgentStreamPart as Part['type']]: [part: Part] };

export interface StopConditionInput {
  readonly steps: readonly AgentStep[];
}

export interface AgentOptions {
  readonly model: DiffusionModel;
  readonly tools: ToolSet;
  readonly instructions?: string;
  /**
   * `auto` (default): the model calls tools or answers. `required`: the first step must call a tool (the
   * answer branch is left out of its plan); later steps may answer.
   */
  readonly toolChoice?: 'auto' | 'required';
  /**
   * The tools a run offers the model (listed in its prompt, open to its tool choice), by name; the others stay
   * defined but unseen. Default: every tool. A small model's context holds a few tools' descriptions, and it was
   * trained on menus of a few: give the ones a request may need (`run(request, { activeTools })` for one run).
   */
  readonly activeTools?: readonly string[];
  /** Planning steps at most (default 8). */
  readonly maxSteps?: number;
  /** Tools whose call ends the run once it has run. */
  readonly finalTools?: readonly string[];
  /** Ends the run when it returns true after a step. */
  readonly stopWhen?: (input: StopConditionInput) => boolean;
  readonly checks?: {
    /** Least token probability a field may hold (default 0.05; 0 turns the check off). */
    readonly minConfidence?: number;
    /** Ground strings, numbers, dates and times in the conversation, and the answer's numbers (default true). */
    readonly grounding?: boolean;
    /** Async checks per tool: return the rejected fields. */
    readonly validators?: Readonly<Record<string, (input: unknown) => Promise<readonly { path: readonly (string | number)[]; message: string }[]>>>;
  };
  readonly repair?: {
    /** Rounds of re-masking per step before REPAIR_FAILED (default `DEFAULT_REPAIR_ATTEMPTS`, 6). */
    readonly maxAttempts?: number;
    /**
     * Add the rejections to the prompt for the new fill (default false: the default model, never trained on
     * such a message, recovers fewer fields with it; see docs/agent.md).
     */
    readonly feedback?: boolean;
  };
  /**
   * The day relative dates are read against ("tomorrow", "on Friday", "in 3 days", "March 5" without a year),
   * so that a date argument stated that way is grounded like one stated in full: a `Date` (its local calendar
   * day) or YYYY-MM-DD. Default: the day each run starts. `false` reads only dates stated in full.
   */
  readonly today?: Date | string | false;
  /** Tool calls running at once (default 4). */
  readonly concurrency?: number;
  /** Default tool timeout in milliseconds (default 30 s). */
  readonly toolTimeoutMs?: number;
  readonly sampling?: SamplingOptions;
  readonly seed?: number;
  /**
   * Fast-dLLM's threshold rule inside the plan's holes (infill's `parallelThreshold`): positions after a hole's
   * frontier are committed in the same forward pass while the model is at least this sure of them. Default
   * `DEFAULT_PARALLEL_THRESHOLD` (0.9); `false` commits one token per hole per forward pass.
   */
  readonly parallelThreshold?: number | false;
  /**
   * How the plan's decisions (how many calls, which tool, which optional arguments) are made: infill's `decisions`.
   * Default `DEFAULT_DECISIONS` (`'label'`: every label scored through all its positions).
   */
  readonly decisions?: 'label' | 'token';
  /**
   * Whether the decisions of one round (the tools of a plan's calls; their optional arguments) are begun together
   * or the most confident first, the rest predicted again with it in view: infill's `decisionOrder`. Default
   * `DEFAULT_DECISION_ORDER`.
   */
  readonly decisionOrder?: 'together' | 'confidence';
  /**
   * How the plan's grounded arguments (values the request states) are written: infill's `groundedValues`.
   * Default `DEFAULT_GROUNDED_VALUES` (`'span'`: each value chosen on its whole span of the conversation).
   */
  readonly groundedValues?: 'span' | 'token';
  /**
   * Whether free text (the answer, arguments not copied from the conversation) may take the word token it just
   * wrote again, or a second space: infill's `repeatedWords`. Default `DEFAULT_REPEATED_WORDS` (`'forbid'`).
   */
  readonly repeatedWords?: 'allow' | 'forbid';
  /**
   * Which words free text (the answer, arguments not copied from the conversation) may spell: infill's `words`.
   * Default `defaultWords(model)`: `'known'` (the model's lexicon and the conversation's words) for a model with a
   * lexicon, `'any'` for one without.
   */
  readonly words?: 'any' | 'known';
}

/** Options of one run (`run`, `stream`). */
export interface AgentRunOptions {
  /** Aborts the run: it stops with ABORTED, returning no partial result. */
  readonly signal?: AbortSignal;
  /** The tools this run offers the model, by name, in place of `AgentOptions.activeTools`. */
  readonly activeTools?: readonly string[];
}

export type { FieldIssue };
