import { LacunaCoreError, LruCache, renderCanvasText, type DenoiseStepEvent } from '@lacuna/core';
import { compileSchema, forkResult, infill, LacunaInfillError, repair, type CompiledSchema, type InfillResult } from '@lacuna/infill';
import { EventEmitter } from 'eventemitter3';
import { argumentLabels, insideLongerMention, labelMentions, namesArgument } from '../checks/argument-labels.js';
import { checkCalls, parametersOf, samePath, type PlannedCall } from '../checks/check-calls.js';
import { groundedHoleText, groundingContext, holdsStatedValue, isEmailProperty, numbersInDigits, statedValuesText, typesOf } from '../checks/grounding.js';
import { mentionsTakenFrom } from '../checks/repeated-calls.js';
import { occurrences } from '../checks/repeated-values.js';
import { blanked, copiesOnlyFrom, holdsClause, namesTool, requestClauses, uncoveredClauses, wholeWordSpans, type RequestClause } from '../checks/request-clauses.js';
import { mentionsOfCalls, statedMentions, uncoveredMentions, type StatedMention } from '../checks/stated-mentions.js';
import { statedNumbersPattern } from '../checks/stated-numbers.js';
import type { FieldCheck, FieldIssue } from '../checks/field-issue.js';
import { calendarDateOf, isCalendarDate, type DateReading } from '../checks/stated-dates-and-times.js';
import { LacunaAgentError } from '../errors/lacuna-agent-error.js';
import { ToolExecutor, type ToolCallOutcome } from '../execution/tool-executor.js';
import { ANSWER_TOOL, renderAgentMessages, type AgentTurn, type ToolSignature } from '../prompt/agent-messages.js';
import { judgeToolChoices } from '../planning/calls-of-another-tool.js';
import { doublingCall } from '../planning/doubled-calls.js';
import { asksForTool, canGroundRequiredArguments, readsRequiredArguments } from '../planning/groundable-tools.js';
import { planGrounding } from '../planning/plan-grounding.js';
import { planPresence } from '../planning/plan-presence.js';
import { isWholeCall, textsWithin, withinConfined, wordsTaken } from './words-taken.js';
import { MAX_CALLS_PER_STEP, planArgumentsSchema, planSchema } from '../planning/plan-schema.js';
import { createPlanValidator } from '../planning/plan-validator.js';
import type {
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
} from './agent-types.js';

type PlanItem = { tool: string; arguments?: Record<string, unknown>; text?: string };

/**
 * The agent's threshold for Fast-dLLM's rule inside holes. On the default model it plans with 44% fewer
 * forward passes at the same accuracy (its model card); infill itself leaves the rule off unless asked.
 */
export const DEFAULT_PARALLEL_THRESHOLD = 0.9;
/**
 * The agent's rule for its plan's decisions (how many calls, which tool, which optional arguments): by whole
 * label (infill's `decisions: 'label'`; infill itself decides by first token unless asked). On the default model
 * (its card) requests for tools it had never seen got the right tool 99.5% of the time by label and 84.0% by
 * first token, held-out toolbox requests 81.8-96.9% against 81.1-96.1%, at no extra forward pass.
 */
export const DEFAULT_DECISIONS = 'label';
/** The agent's order for a round's decisions (infill's `decisionOrder`). */
export const DEFAULT_DECISION_ORDER = 'together';
/**
 * How the agent writes grounded arguments (infill's `groundedValues`): by whole span. On the default model (session
 * 19, 200 held-out requests a split, against token by token) more plans had every argument right: toolbox requests
 * with held-out entities 64.9 against 64.0%, with held-out phrasings 60.4 against 58.2%, tools never seen in
 * training 44.0 against 41.5%; no row lost a plan, and planning took fewer forward passes (4.7 against 5.1 a
 * request on never-seen tools). Infill itself writes token by token unless asked.
 */
export const DEFAULT_GROUNDED_VALUES = 'span';
/**
 * Whether the agent's free text (its answers, arguments not copied from the conversation) may take the word token
 * it just wrote again (infill's `repeatedWords`): forbidden. On the default model (session 20) answers written from
 * a tool's result shared more of the reference's words (mean word F1 0.28 against 0.24, 39 held-out answers) and
 * no tool-use count changed. Infill itself allows it unless asked.
 */
export const DEFAULT_REPEATED_WORDS = 'forbid';
/**
 * The agent's rule for which words free text may spell (infill's `words`): a model that ships a lexicon (the words it
 * learnt to write) spells only those and the conversation's; one without, any. On the default model (session 24, all
 * 123 held-out answers) the answers' mean word F1 rose from 0.28 to 0.36, and 2 more of 294 held-out phrasings'
 * plans had every argument right (tickers written from a company's name kept to tickers it knows); no other
 * tool-use count changed.
 */
export function defaultWords(model: { readonly lexicon?: readonly string[] }): 'any' | 'known' {
  return model.lexicon === undefined ? 'any' : 'known';
}
/**
 * Rounds of re-masking per step before the agent gives up on a rejected field. Each round writes a rejected value's
 * next best candidate (the one rejected stays excluded), so more rounds search deeper. On the default model (session
 * 28, all 500 held-out requests a split) plans for tools never seen in training had every argument right 367 times
 * with 2 rounds, 398 with 3, 413 with 4, 428 with 6 and 430 with 10, at 6.4 and 7.3 forward passes a request for 2
 * and 6; the toolbox's counts did not move and no plan was lost.
 */
export const DEFAULT_REPAIR_ATTEMPTS = 6;
/**
 * Checks whose rejection is doubtful, not invalid (a mention two calls or two arguments read, a copy of a doubtful
 * shape): once repairs are spent, a required argument keeps its value and an optional one is left out.
 */
const DOUBTFUL_CHECKS: ReadonlySet<FieldCheck> = new Set(['repeated-call', 'another-tool', 'repeated-value', 'other-clause', 'function-words', 'partial-name', 'partial-phrase']);
/** Times a call added to a plan is decided again when the model answers in words there or repeats a tool. */
const CALL_DECISIONS = 3;
/** Compiled plans an agent keeps (the answer's numbers make most of them one-off). */
const MAX_CACHED_PLANS = 16;

/** An optional argument a planned call left out, and the value the request states for it (`argumentLeftOut`). */
interface ArgumentLeftOut {
  readonly callIndex: number;
  readonly name: string;
  readonly mention: StatedMention;
}

/** A step's plan once checked and repaired (`mendPlan`): the infill result, its calls and the repairs made. */
interface MendedPlan {
  readonly planned: InfillResult<PlanItem[]>;
  readonly calls: PlannedCall[];
  readonly repairs: RepairRecord[];
}

/**
 * An agent on a masked diffusion model. Each step plans tool calls by infilling the plan schema (the tool is a
 * constrained choice, the arguments are the tool's schema), checks every field, repairs a rejected field by
 * re-masking only its hole, runs the tools concurrently and feeds their results back, until the model answers
 * or a stop condition holds. Listen to events named like the stream parts, or iterate `stream()`.
 */
export class Agent extends EventEmitter<AgentEvents> {
  readonly options: AgentOptions;
  private readonly signatures: ToolSignature[];
  /**
   * Compiled plan schemas by the tools they offer, whether they allow an answer and the numbers it may state;
   * the answer's numbers change with the conversation, so only the latest are kept.
   */
  private readonly plans = new LruCache<string, CompiledSchema<PlanItem[]>>(MAX_CACHED_PLANS);
  /** Each tool's arguments as a plan holds them, compiled once: plans are validated item by item against them. */
  private readonly argumentSchemas = new Map<string, CompiledSchema>();
  private readonly executor: ToolExecutor;

  constructor(options: AgentOptions) {
    super();
    this.options = options;
    this.signatures = Object.entries(options.tools).map(([name, tool]) => {
      if (name === ANSWER_TOOL || !/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) {
        throw new LacunaAgentError({ code: 'INVALID_TOOL', message: `"${name}" cannot be a tool name: use letters, digits, _ and -, and not "${ANSWER_TOOL}".`, tool: name });
      }
      const { parameters, argumentsSchema } = compileToolParameters(name, tool);
      this.argumentSchemas.set(name, argumentsSchema);
      return { name, description: tool.description, parameters };
    });
    if (this.signatures.length === 0) throw new LacunaAgentError({ code: 'INVALID_TOOL', message: 'An agent needs at least one tool.' });
    const { today } = options;
    if (typeof today === 'string' ? !isCalendarDate(today) : today instanceof Date && Number.isNaN(today.getTime())) {
      throw new LacunaAgentError({ code: 'INVALID_OPTIONS', message: `today: ${String(today)} is not a date; pass a Date, a day as YYYY-MM-DD (e.g. "2026-11-30"), or false.` });
    }
    this.planFor(this.activeSignatures(options.activeTools), true);
    this.executor = new ToolExecutor({
      tools: options.tools,
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      ...(options.toolTimeoutMs === undefined ? {} : { timeoutMs: options.toolTimeoutMs }),
    });
  }

  /** Runs the agent on a request and resolves with the result once it answers or stops. */
  async run(request: string, options: AgentRunOptions = {}): Promise<AgentResult> {
    let result: AgentResult | undefined;
    for await (const part of this.stream(request, options)) if (part.type === 'finish') result = part.result;
    return result as AgentResult;
  }

  /** The run as typed parts: steps, denoising, repairs, tool calls and results, the answer. */
  async *stream(request: string, options: AgentRunOptions = {}): AsyncGenerator<AgentStreamPart> {
    const { signal } = options;
    const active = this.activeSignatures(options.activeTools ?? this.options.activeTools);
    const started = performance.now();
    const maxSteps = this.options.maxSteps ?? 8;
    const turns: AgentTurn[] = [{ role: 'user', content: request }];
    const reading = this.dateReading();
    const steps: AgentStep[] = [];
    const total: AgentUsage = { forwardPasses: 0, tokens: 0, wallMs: 0, modelMs: 0 };
    let finishReason: FinishReason = 'max-steps';
    let text = '';
    const parts: AgentStreamPart[] = [];
    const emit = (part: AgentStreamPart): void => {
      parts.push(part);
      (this.emit as (type: string, part: AgentStreamPart) => boolean)(part.type, part);
    };
    const drain = function* (): Generator<AgentStreamPart> {
      while (parts.length > 0) yield parts.shift() as AgentStreamPart;
    };

    for (let step = 1; step <= maxSteps; step++) {
      const stepStarted = performance.now();
      const usage: AgentUsage = { forwardPasses: 0, tokens: 0, wallMs: 0, modelMs: 0 };
      emit({ type: 'step-start', step });
      yield* drain();
      const messages = renderAgentMessages({ tools: active, turns, ...(this.options.instructions === undefined ? {} : { instructions: this.options.instructions }) });
      const { tokenizer } = this.options.model;
      // Infill reuses the plan's onStep for repairs (the session keeps its options), so the phase and where the
      // answer starts (a repair's prompt carries the feedback) are read when each step is reported.
      let phase: 'plan' | 'repair' = 'plan';
      let promptLength: number | undefined = tokenizer.encode(tokenizer.applyChatTemplate(messages, { addGenerationPrompt: true })).length;
      let planned: InfillResult<PlanItem[]> | undefined;
      const onStep = (event: DenoiseStepEvent) => {
        usage.tokens += event.canvas.length;
        promptLength ??= planned?.session.promptIds().length ?? 0;
        emit({
          type: 'denoise',
          step,
          phase,
          canvasText: renderCanvasText(tokenizer, event.canvas, { from: promptLength }),
          committed: event.committed.length,
          forwardPasses: event.forwardPasses,
        });
      };

      const planStarted = performance.now();
      let allowAnswer = !(step === 1 && this.options.toolChoice === 'required');
      // What grounded arguments may be copied from this step: the same for the tool choice, sampling and checks.
      const context = groundingContext(turns);
      const offered = this.offeredTools(active, context, allowAnswer, reading);
      // A new request that states every argument a tool reads asks for a call (readsRequiredArguments), and so does one
      // that names a tool and states the values it needs (asksForTool).
      if (allowAnswer && step === 1 && this.options.checks?.grounding !== false) {
        const last = turns.at(-1);
        const request = last?.role === 'user' ? last.content : undefined;
        if (request !== undefined && offered.some((signature) => readsRequiredArguments(this.options.tools[signature.name] ?? {}, signature, request, reading) || asksForTool(this.options.tools[signature.name] ?? {}, signature, request, reading))) {
          allowAnswer = false;
        }
      }
      // A canvas that outgrows the model's context fails the run with what to offer less of (contextTooLong).
      let mended: MendedPlan;
      // Parts of the request read alone this step, by text: the checks judge a plan again after each repair.
      const toolsReadAlone = new Map<string, Promise<string | undefined>>();
      try {
        planned = await this.guard(
          infill({
            model: this.options.model,
            schema: this.planFor(offered, allowAnswer, allowAnswer && this.options.checks?.grounding !== false ? statedNumbersPattern(context) : undefined),
            prompt: messages,
            onStep,
            ...this.fillOptions(signal),
            ...(this.options.checks?.grounding === false ? {} : { ground: planGrounding(this.options.tools, offered, context, reading), present: planPresence(this.options.tools, offered, context) }),
          }),
        );
        usage.modelMs += performance.now() - planStarted;
        usage.forwardPasses += planned.forwardPasses;
        yield* drain();

        mended = yield* this.mendPlan({
          planned,
          step,
          request,
          turns,
          context,
          reading,
          offered,
          // Read of a new request only: later steps plan from tool results.
          withheld: step === 1 ? active.filter((signature) => !offered.includes(signature)) : [],
          allowAnswer,
          usage,
          emit,
          drain,
          enterRepair: () => {
            phase = 'repair';
            promptLength = undefined;
          },
          answerInstead: () =>
            this.guard(
              infill({
                model: this.options.model,
                schema: this.planFor([], true, this.options.checks?.grounding !== false ? statedNumbersPattern(context) : undefined),
                prompt: messages,
                onStep,
                ...this.fillOptions(signal),
              }),
            ),
          toolReadAlone: (text) => {
            let tool = toolsReadAlone.get(text);
            if (tool === undefined) {
              tool = this.toolOfPartAlone(text, active, offered, reading, usage, signal);
              toolsReadAlone.set(text, tool);
            }
            return tool;
          },
        });
      } catch (error) {
        throw this.contextTooLong(error, step, active);
      }
      planned = mended.planned;
      const { calls, repairs } = mended;

      const answer = calls.length === 0 ? answerOf(planned.value) : undefined;
      const toolCalls: PlannedToolCall[] = calls.map((call, index) => ({ callId: `call_${step}_${index + 1}`, tool: call.tool, input: call.arguments }));
      let toolResults: ToolCallOutcome[] = [];
      if (answer !== undefined) {
        text = answer;
        finishReason = 'answer';
        emit({ type: 'answer', step, text: answer });
      } else {
        for (const call of toolCalls) emit({ type: 'tool-call', step, call });
        yield* drain();
        toolResults = await this.executor.run(
          toolCalls.map((call) => ({ callId: call.callId, tool: call.tool, input: call.input })),
          signal,
        );
        for (const result of toolResults) emit({ type: 'tool-result', step, result });
        turns.push({ role: 'assistant', calls: calls.map((call) => ({ tool: call.tool, arguments: call.arguments })) });
        turns.push({ role: 'tool', results: toolResults.map((result) => (result.error === undefined ? { tool: result.tool, result: result.output } : { tool: result.tool, error: result.error.message })) });
      }
      usage.wallMs = performance.now() - stepStarted;
      const record: AgentStep = { step, toolCalls, toolResults, repairs, answer, usage };
      steps.push(record);
      total.forwardPasses += usage.forwardPasses;
      total.tokens += usage.tokens;
      total.modelMs += usage.modelMs;
      emit({ type: 'step-finish', step: record });
      yield* drain();
      if (answer !== undefined) break;
      if (toolCalls.some((call) => this.options.finalTools?.includes(call.tool))) {
        finishReason = 'final-tool';
        break;
      }
      if (this.options.stopWhen?.({ steps })) {
        finishReason = 'stop-condition';
        break;
      }
    }
    total.wallMs = performance.now() - started;
    const result: AgentResult = {
      text,
      finishReason,
      steps,
      toolCalls: steps.flatMap((step) => step.toolCalls),
      toolResults: steps.flatMap((step) => step.toolResults),
      repairs: steps.flatMap((step) => step.repairs),
      usage: total,
    };
    emit({ type: 'finish', result });
    yield* drain();
  }

  /**
   * What a step's plan goes through once infilled: every field checked and a rejected one repaired by re-masking
   * its hole (rounds up to `repair.maxAttempts`; an optional argument nobody stated is left out), then, when the
   * request states a value no call holds, one more call planned, or an argument a call left out given it, and kept
   * only if it holds it (whyExtensionDrops). A call planned again with another tool that holds nothing the request
   * states is dropped.
   * Yields the repair parts as they happen; returns the plan, its calls and the repairs.
   */
  private async *mendPlan(input: {
    readonly planned: InfillResult<PlanItem[]>;
    readonly step: number;
    readonly request: string;
    readonly turns: readonly AgentTurn[];
    readonly context: string;
    readonly reading: DateReading;
    readonly offered: ToolSignature[];
    readonly allowAnswer: boolean;
    readonly usage: AgentUsage;
    readonly emit: (part: AgentStreamPart) => void;
    readonly drain: () => Generator<AgentStreamPart>;
    /** Called before each repair's denoising: its steps are reported as the repair phase. */
    readonly enterRepair: () => void;
    /** The tools of the run this step does not offer: their required values go unstated (`canGroundRequiredArguments`). */
    readonly withheld: readonly ToolSignature[];
    /** The step's plan made again with the answer as its one choice. */
    readonly answerInstead: () => Promise<InfillResult<PlanItem[]>>;
    /** The one tool the model calls for a text read alone as a request (`toolOfPartAlone`). */
    readonly toolReadAlone: (text: string) => Promise<string | undefined>;
  }): AsyncGenerator<AgentStreamPart, MendedPlan> {
    const { step, request, turns, context, reading, offered, withheld, allowAnswer, usage, emit, drain, enterRepair, answerInstead, toolReadAlone } = input;
    let { planned } = input;
    const repairs: RepairRecord[] = [];
    // Calls planned again this step because they repeated another: the checks keep them off its words.
    const replanned = new Set<number>();
    // Of those, the calls planned again whole with another tool (a repeated call), not added for a value left out.
    const replannedWhole = new Set<number>();
    let calls = callsOf(planned.value);
    // The values the request states in an argument's shape (dates, addresses, numbers, quotes), which some call
    // of this run should hold, and the plan before a call or an argument was added for those it left out.
    const mentions = this.options.checks?.grounding === false ? [] : statedMentions(request, reading);
    const earlierCalls = callsMadeIn(turns);
    // The parts of the request (one thing asked each), which some call of this run should hold, and those a call
    // was added for already.
    const clauses = this.options.checks?.grounding === false ? [] : requestClauses(request);
    const clausesTried = new Set<number>();
    const clauseOptions = this.clauseOptions(reading);
    // Whether a call holds a part by what it holds there, not by its tool's name alone (`holdsClause`).
    const holdsPart = (clause: RequestClause, call: PlannedCall | Omit<PlannedCall, 'index'>) =>
      holdsClause(clause, call, request, this.options.tools, { ...clauseOptions, byName: false });
    let mentionsTried = false;
    let extended:
      | {
          planned: InfillResult<PlanItem[]>;
          calls: PlannedCall[];
          uncovered: StatedMention[];
          unexplained: StatedMention[];
          inclusion: ArgumentLeftOut | undefined;
          /** For a call added for a part of the request no call held: that part, and the parts calls held then. */
          clause?: { readonly left: RequestClause; readonly held: readonly RequestClause[] };
        }
      | undefined;
    // Values rejected for copying from another call's part, by `"call:argument"`, with their call's tool and parts:
    // later repairs of them copy from those parts too (withinConfined).
    const confined = new Map<string, { readonly tool: string; readonly texts: readonly string[] }>();
    // Whether that plan was restored: the plan extended outgrew the canvas or could not be mended.
    let fellBack = false;
    // Calls planned again as another tool this step (check `another-tool`): judged once.
    const replannedAs = new Set<number>();
    // Required arguments that, repairs spent, still copy words naming nothing (function words, the names of the tool
    // and its arguments, the verb the request asks with), by call, with the value they held: the request never
    // states what they need (`target_language: "translate"` for `translate "Dinner is ready."`).
    const namingNothing = new Map<number, { readonly issue: FieldIssue; readonly value: unknown }>();
    const checkPlan = async (plan: InfillResult<PlanItem[]>, planCalls: readonly PlannedCall[]) => {
      const issues = await checkFields(plan, planCalls, await optionalTextsReadAlone(planCalls));
      const judged = { calls: planCalls, clauses, request, tools: this.options.tools, offered, reading };
      const { another: others, unsettled } = this.options.checks?.grounding === false ? { another: [], unsettled: [] } : judgeToolChoices(judged);
      const wrong = others.flatMap(({ position, tool, clause, because }): FieldIssue[] => {
        const call = planCalls[position] as PlannedCall;
        const callIndex = call.index ?? position;
        if (replannedAs.has(callIndex)) return [];
        const why = because === 'reads' ? `it states every argument ${tool} reads there` : because === 'names' ? `it names ${tool} there` : `it names arguments of ${tool} there`;
        const message = `The request asks for ${tool} in ${JSON.stringify(clause.text)} (${why}) and never for ${call.tool}: this call is planned again as ${tool}.`;
        return [{ callIndex, tool: call.tool, path: [], check: 'another-tool', message, within: [clause.text], replanAs: tool }];
      });
      // A doubtful call no reader settles is settled by the model reading its part alone: in a request that asks for
      // two or three things it confuses which part asks for what far more often than in a request for one.
      const doubtful = clauses.length < 2 ? [] : unsettled;
      for (const { position, clause } of doubtful) {
        const call = planCalls[position] as PlannedCall;
        const callIndex = call.index ?? position;
        if (replannedAs.has(callIndex)) continue;
        const tool = await toolReadAlone(clause.text);
        const held = (other: PlannedCall) => other !== call && other.tool === tool && holdsPart(clause, other);
        if (tool === undefined || tool === call.tool || planCalls.some(held)) continue;
        const message = `Read alone, ${JSON.stringify(clause.text)} asks for ${tool}, and it never names ${call.tool}: this call is planned again as ${tool}.`;
        wrong.push({ callIndex, tool: call.tool, path: [], check: 'another-tool', message, within: [clause.text], replanAs: tool });
      }
      // A call planned again whole: its fields' own issues go with it. A call that repeats another is judged again once
      // these are planned anew (a translation of "155102" beside one of the quote repeats its language; planned as the
      // currency conversion, it repeats nothing).
      return [...issues.filter((issue) => wrong.length === 0 || (!isWholeCall(issue) && !wrong.some((call) => call.callIndex === issue.callIndex))), ...wrong];
    };
    // An optional text a call copied from a part that no other call holds, beside parts of its own, may be a call
    // left out's (`label: "put draft the newsletter"` of a timer beside "put draft the newsletter on my list"): that
    // part is read alone, and where the model calls another tool for it, the copy is `other-clause`'s.
    const optionalTextsReadAlone = async (planCalls: readonly PlannedCall[]) => {
      const read = new Map<string, string>();
      if (this.options.checks?.grounding === false || clauses.length < 2) return read;
      for (const [position, call] of planCalls.entries()) {
        const required = this.signatureParameters(call.tool)?.required ?? [];
        for (const [name, value] of Object.entries(call.arguments)) {
          if (required.includes(name) || typeof value !== 'string' || wholeWordSpans(request, value.trim()).length !== 1) continue;
          const part = clauses.find((clause) => wholeWordSpans(clause.text, value.trim()).length > 0);
          if (part === undefined || planCalls.some((other, index) => index !== position && holdsPart(part, other))) continue;
          // A part that names the call's tool or one of its arguments ("with the notes ...") is the call's own.
          if (holdsClause(part, { tool: call.tool, arguments: {} }, request, this.options.tools, clauseOptions)) continue;
          const without = { tool: call.tool, arguments: Object.fromEntries(Object.entries(call.arguments).filter(([other]) => other !== name)) };
          if (!clauses.some((clause) => clause !== part && holdsPart(clause, without))) continue;
          const tool = await toolReadAlone(part.text);
          if (tool !== undefined) read.set(part.text, tool);
        }
      }
      return read;
    };
    // The parts whose every argument exactly one offered tool reads ("check TSM" for `get_stock_price`): they ask for it.
    // Only a request of two parts or more has a part to ask for another call (`otherClauseCopies`).
    const partsRead = new Map<string, string>();
    for (const clause of clauses.length < 2 ? [] : clauses) {
      const readers = offered.filter((signature) => readsRequiredArguments(this.options.tools[signature.name] ?? {}, signature, clause.text, reading));
      if (readers.length === 1) partsRead.set(clause.text, (readers[0] as ToolSignature).name);
    }
    const checkFields = (plan: InfillResult<PlanItem[]>, planCalls: readonly PlannedCall[], readAlone?: ReadonlyMap<string, string>) =>
      checkCalls(planCalls, this.options.tools, {
        context,
        request,
        // What the model reads a part alone as settles what the readers do not.
        partsAskingFor: new Map([...partsRead, ...(readAlone ?? [])]),
        minConfidence: this.options.checks?.minConfidence ?? 0.05,
        holes: plan.holes,
        grounding: this.options.checks?.grounding !== false,
        reading,
        replanned,
        replannable: offered.length + (allowAnswer ? 1 : 0) > 1,
        ...(this.options.checks?.validators === undefined ? {} : { validators: this.options.checks.validators }),
      });
    for (;;) {
      for (let attempt = 1; calls.length > 0; attempt++) {
        let issues: FieldIssue[] = await checkPlan(planned, calls);
        const exhausted = attempt > (this.options.repair?.maxAttempts ?? DEFAULT_REPAIR_ATTEMPTS);
        // Two calls of one tool, two arguments reading one mention, a copy from where another argument is named, or
        // a copy of a doubtful shape (function words, a name cut short) are doubtful, not invalid: once repairs are
        // spent, they stay (such an optional argument is left out, below).
        if (exhausted) {
          for (const issue of issues) {
            if (namesNothingAlone(issue) && issue.path.length === 1 && !this.isOptionalArgument(issue, calls)) {
              namingNothing.set(issue.callIndex, { issue, value: valueAt(callAt(calls, issue.callIndex)?.arguments, issue.path) });
            }
          }
          issues = issues.filter((issue) => (DOUBTFUL_CHECKS.has(issue.check) ? this.isOptionalArgument(issue, calls) : issue.check !== 'labelled-value'));
        }
        if (issues.length === 0) break;
        // An optional argument that, repaired, still does not occur in the conversation was never stated:
        // it is left out (through the canvas: its key and value leave it), where a required one fails the run.
        const unstated = exhausted ? issues.filter((issue) => (issue.check === 'grounding' || DOUBTFUL_CHECKS.has(issue.check)) && this.isOptionalArgument(issue, calls)) : [];
        if (exhausted && unstated.length < issues.length) {
          // A plan extended with a call or an argument that cannot be mended falls back to the plan as it was (it
          // passed the checks).
          if (extended !== undefined) {
            fellBack = true;
            ({ planned, calls } = extended);
            break;
          }
          const first = issues.find((issue) => !unstated.includes(issue)) as FieldIssue;
          throw new LacunaAgentError({
            code: 'REPAIR_FAILED',
            message: `The ${first.tool} call still has a rejected field after ${attempt - 1} repairs: ${first.message} (${first.check} check at ${formatArgumentPath(first.path)}).`,
            tool: first.tool,
            path: first.path,
          });
        }
        // An optional argument holding only words another call copied, only function words, or a mention another
        // argument holds, where the request never names it, or copied from another call's part, where its own call's
        // parts give it nothing, was never stated for its call: it is left out at once (repaired, it would copy other
        // words for a value nobody gave).
        const leftOut = exhausted
          ? unstated
          : issues.filter(
              (issue) =>
                ((issue.check === 'repeated-call' && !isWholeCall(issue)) ||
                  namesNothingAlone(issue) ||
                  (issue.check === 'repeated-value' && !namesArgument(context, String(issue.path[0]), this.propertiesOf(issue.tool)[String(issue.path[0])]?.description)) ||
                  (issue.check === 'other-clause' && !this.ownPartsGiveValue(issue, context, reading))) &&
                this.isOptionalArgument(issue, calls),
            );
        const refilled = issues.filter((issue) => !leftOut.includes(issue));
        for (const issue of issues) {
          if (!isWholeCall(issue)) continue;
          replanned.add(issue.callIndex);
          replannedWhole.add(issue.callIndex);
          if (issue.replanAs !== undefined) replannedAs.add(issue.callIndex);
        }
        for (const issue of refilled) {
          if (issue.check === 'other-clause' && issue.within !== undefined) confined.set(`${issue.callIndex}:${String(issue.path[0])}`, { tool: issue.tool, texts: issue.within });
          // A call planned again as another tool copies every argument from its part of the request.
          if (issue.replanAs !== undefined && issue.within !== undefined) {
            for (const name of Object.keys(this.propertiesOf(issue.replanAs))) confined.set(`${issue.callIndex}:${name}`, { tool: issue.replanAs, texts: issue.within });
          }
        }
        const taken = wordsTaken(refilled, calls, context);
        const toolAfter = (index: number) => refilled.find((issue) => issue.callIndex === index && issue.replanAs !== undefined)?.replanAs ?? callAt(calls, index)?.tool;
        const within = withinConfined(
          textsWithin(refilled),
          taken,
          new Map([...confined].filter(([key, { tool }]) => toolAfter(Number(key.split(':')[0])) === tool).map(([key, { texts }]) => [key, texts])),
        );
        const chosen = refilled.flatMap((issue) => (issue.replanAs === undefined ? [] : [{ path: [issue.callIndex], branches: [issue.replanAs] }]));
        const before = calls;
        const repairStarted = performance.now();
        enterRepair();
        let repaired: InfillResult<PlanItem[]>;
        try {
          repaired = await this.guard(
            exhausted || refilled.length === 0
              ? repair(planned, { omit: leftOut.map((issue) => [issue.callIndex, 'arguments', ...issue.path]) })
              : repair(planned, {
                  // A repeated call is planned again whole, its tool excluded; a field, only its hole.
                  paths: refilled.filter((issue) => issue.replanAs === undefined).map((issue) => (isWholeCall(issue) ? [issue.callIndex] : [issue.callIndex, 'arguments', ...issue.path])),
                  ...(chosen.length === 0 ? {} : { choose: chosen }),
                  ...(leftOut.length === 0 ? {} : { omit: leftOut.map((issue) => [issue.callIndex, 'arguments', ...issue.path]) }),
                  ...(taken === undefined && within === undefined ? {} : { ground: planGrounding(this.options.tools, offered, context, reading, taken, within) }),
                  ...(this.options.repair?.feedback === true ? { feedback: issues.map((issue) => `${issue.tool}: ${issue.message}`).join('\n') } : {}),
                }),
          );
        } catch (error) {
          if (extended === undefined || !isCanvasTooLong(error)) throw error;
          fellBack = true;
          ({ planned, calls } = extended);
          break;
        }
        planned = repaired;
        usage.modelMs += performance.now() - repairStarted;
        usage.forwardPasses += planned.forwardPasses;
        calls = callsOf(planned.value);
        for (const issue of issues) {
          const record: RepairRecord = {
            step,
            attempt,
            tool: issue.tool,
            path: issue.path,
            check: issue.check,
            reason: issue.message,
            before: isWholeCall(issue) ? callAt(before, issue.callIndex) : valueAt(callAt(before, issue.callIndex)?.arguments, issue.path),
            after: isWholeCall(issue) ? callAt(calls, issue.callIndex) : valueAt(callAt(calls, issue.callIndex)?.arguments, issue.path),
            forwardPasses: planned.forwardPasses,
          };
          repairs.push(record);
          emit({ type: 'repair', step, repair: record });
        }
        yield* drain();
      }
      const uncovered = calls.length === 0 ? [] : uncoveredMentions(mentions, [...earlierCalls, ...calls]);
      if (extended !== undefined) {
        const [plan, planCalls] = [planned, calls];
        // The call judged: the one added last, or the one an argument was added to.
        const judged = extended.inclusion?.callIndex ?? plan.value.length - 1;
        const added = fellBack ? undefined : callAt(planCalls, judged);
        const failsACheck = async () => (await checkPlan(plan, planCalls)).some((issue) => issue.callIndex === judged);
        let kept: boolean;
        let record: RepairRecord;
        if (extended.clause !== undefined) {
          // The parts and the mentions the plan held before the call was added must stay held.
          const { left, held } = extended.clause;
          const before = extended.uncovered;
          const dropped = fellBack
            ? 'the plan with it could not be filled or mended'
            : await whyClauseCallDrops({
                added,
                before: extended.calls,
                holdsPart: (call) => holdsPart(left, call),
                copiesOnlyFromPart: (call) => copiesOnlyFrom(left, call, request),
                lostNothing: () =>
                  uncoveredClauses(held, [...earlierCalls, ...planCalls], request, this.options.tools, clauseOptions).length === 0 &&
                  uncovered.every((mention) => before.some((earlier) => earlier.at === mention.at)),
                failsACheck,
              });
          kept = dropped === undefined;
          record = {
            step,
            attempt: 1,
            tool: added?.tool ?? ANSWER_TOOL,
            path: [],
            check: 'uncovered-clause',
            reason: `No call held ${JSON.stringify(left.text)} of the request: one more call was planned${kept ? '' : `, and dropped: ${dropped}`}.`,
            before: undefined,
            after: kept ? added : undefined,
            forwardPasses: planned.forwardPasses,
          };
        } else {
          const { unexplained, inclusion } = extended;
          const dropped = fellBack
            ? 'the plan with it could not be filled or mended'
            : await whyExtensionDrops({
                added,
                newCall: inclusion === undefined,
                before: extended,
                uncovered,
                failsACheck,
              });
          kept = dropped === undefined;
          const tool = inclusion === undefined ? (added?.tool ?? ANSWER_TOOL) : (callAt(extended.calls, judged)?.tool ?? ANSWER_TOOL);
          record = {
            step,
            attempt: 1,
            tool,
            path: inclusion === undefined ? [] : [inclusion.name],
            check: 'uncovered-mention',
            reason:
              `${describeMentions(unexplained)} no call held: ` +
              `${inclusion === undefined ? 'one more call was planned' : `the ${tool} call was given \`${inclusion.name}\``}${kept ? '' : `, and dropped: ${dropped}`}.`,
            before: undefined,
            after: kept ? (inclusion === undefined ? added : added?.arguments[inclusion.name]) : undefined,
            forwardPasses: planned.forwardPasses,
          };
          mentionsTried = true;
        }
        if (!kept) ({ planned, calls } = extended);
        repairs.push(record);
        emit({ type: 'repair', step, repair: record });
        yield* drain();
        extended = undefined;
        fellBack = false;
      }
      // A plan that holds in no call a value the request states (a date, an address, a number, a quoted text) may
      // have left a call out: one more is planned, everything else kept, and judged once checked and repaired
      // (whyExtensionDrops). A date, a time, an address or a number that one left-out optional argument of a
      // planned call takes by its format is given to that argument instead (argumentLeftOut), and judged the same way.
      // A value given after the name of an argument a planned call takes, or next to a value it copied, is that
      // call's, not a sign of a call left out.
      const ofCalls = mentionsOfCalls(uncovered, calls.map((call) => ({ arguments: call.arguments, properties: this.propertiesOf(call.tool) })), request);
      const unexplained = mentionsTried ? [] : uncovered.filter((mention) => !ofCalls.includes(mention));
      const inclusion = unexplained.length === 0 ? undefined : this.argumentLeftOut(unexplained, calls, reading, (mention, call) => this.holdsPartOf(mention, call, clauses, request, reading));
      let extend: () => Promise<InfillResult<PlanItem[]>>;
      if (unexplained.length === 0 || (inclusion === undefined && planned.value.length >= MAX_CALLS_PER_STEP)) {
        // A part of the request no call holds anything of ("..., and play something by Neon Cathedral") may be a
        // call left out: one more is planned, copying only from that part, and kept only if it is of a tool the plan
        // does not call, holds something of that part, and passes every check. Each part is tried once.
        const untried = calls.length === 0 ? [] : clauses.filter((clause) => !clausesTried.has(clause.at));
        const open = uncoveredClauses(untried, [...earlierCalls, ...calls], request, this.options.tools, clauseOptions);
        const left = open[0];
        if (left === undefined || planned.value.length >= MAX_CALLS_PER_STEP) break;
        clausesTried.add(left.at);
        extended = { planned: forkResult(planned), calls, uncovered, unexplained: [], inclusion: undefined, clause: { left, held: untried.filter((clause) => !open.includes(clause)) } };
        const [from, index] = [planned, planned.value.length];
        replanned.add(index);
        const ground = planGrounding(this.options.tools, offered, context, reading, undefined, (path) => (path[0] === index ? [left.text] : undefined));
        // The one tool the part names or reads every argument of is the call's tool, not the model's guess; else the
        // tool the model calls for the part read alone, where the plan calls it nowhere.
        const alone = async () => {
          const tool = clauses.length < 2 ? undefined : await toolReadAlone(left.text);
          return calls.some((call) => call.tool === tool) ? undefined : tool;
        };
        const asked = this.toolAskedIn(left, offered, calls, request, reading) ?? (await alone());
        extend = () => this.appendCall(from, calls, ground, usage, CALL_DECISIONS, asked, (call) => holdsPart(left, call));
      } else {
        extended = { planned: forkResult(planned), calls, uncovered, unexplained, inclusion };
        const from = planned;
        if (inclusion === undefined) {
          const index: number = planned.value.length;
          const taken = mentionsTakenFrom(calls, index, context);
          replanned.add(index);
          const ground = planGrounding(this.options.tools, offered, context, reading, (path) => (path[0] === index && taken.length > 0 ? taken : undefined));
          // Decided once: a value's call decided again only ever came out of the wrong tool (session 31).
          extend = () => this.appendCall(from, calls, ground, usage, 0);
        } else {
          const path = [inclusion.callIndex, 'arguments', inclusion.name];
          const ground = planGrounding(this.options.tools, offered, context, reading, undefined, (holePath) => (samePath(holePath, path) ? [inclusion.mention.text] : undefined));
          extend = async () => {
            const result = await this.guard(repair(from, { include: [path], ground }));
            usage.forwardPasses += result.forwardPasses;
            return result;
          };
        }
      }
      const extensionStarted = performance.now();
      enterRepair();
      try {
        planned = await extend();
      } catch (error) {
        // A plan with no room for another call or argument (the canvas, or the count its first fill allowed) keeps
        // the plan it has.
        if (!isCanvasTooLong(error) && !isArrayFull(error)) throw error;
        fellBack = true;
        ({ planned, calls } = extended);
        continue;
      }
      usage.modelMs += performance.now() - extensionStarted;
      calls = callsOf(planned.value);
      // A call added for a part of the request copies from that part, its repairs too.
      const part = extended.clause?.left;
      const added = part === undefined ? undefined : callAt(calls, planned.value.length - 1);
      if (part !== undefined && added !== undefined) {
        for (const name of Object.keys(this.propertiesOf(added.tool))) confined.set(`${added.index ?? planned.value.length - 1}:${name}`, { tool: added.tool, texts: [part.text] });
      }
    }

    // A call planned again with another tool is the model's guess at what else the request asks: it stays only if
    // one of its arguments holds a value the request states, not when the model wrote every value itself
    // (`calculate {expression: "14 ^ 0"}` in place of a second e-mail to the same address).
    // So does one that still repeats a value another call holds and the request states once (a second e-mail to
    // the one address): its repairs could not make it a call of its own. Of two such calls planned again, the later.
    const kept = (other: PlannedCall, call: PlannedCall) => !replannedWhole.has(other.index ?? -1) || (other.index ?? 0) < (call.index ?? 0);
    const repeats = (call: PlannedCall) =>
      Object.values(call.arguments).find(
        (value) =>
          typeof value === 'string' &&
          value.trim() !== '' &&
          occurrences(context, value) === 1 &&
          calls.some((other) => other !== call && kept(other, call) && Object.values(other.arguments).includes(value)),
      );
    // Any call beside one that holds a value the request states is dropped too when it holds none itself: its values
    // are the model's own (`calculate {expression: "1 ^ 3"}` beside the translation "Amharic please: \"thank you\""
    // asks for). Part of the grounding check.
    const states = (call: PlannedCall) => holdsStatedValue(this.options.tools[call.tool] ?? {}, call.arguments, context);
    const replannedAgain = (call: PlannedCall) => replannedWhole.has(call.index ?? -1);
    // So is a call that only doubles a call of another tool the request asks for there (`doublingCall`).
    const doubling = (call: PlannedCall) => doublingCall({ call, calls, clauses, request, tools: this.options.tools, offered, reading });
    // Why a call is dropped, each judgement made once: undefined keeps it.
    const whyDropped = (call: PlannedCall): string | undefined => {
      const again = replannedAgain(call);
      const stated = states(call);
      const repeated = again ? repeats(call) : undefined;
      const statesNothing = `The ${call.tool} call${again ? ' planned again' : ''} holds nothing the request states: it was dropped.`;
      if (again && repeated !== undefined) {
        return `The ${call.tool} call planned again still holds ${JSON.stringify(repeated)}, which the request states once and another call holds: it was dropped.`;
      }
      if (again && !stated) return statesNothing;
      if (this.options.checks?.grounding === false) return undefined;
      if (!stated && calls.some(states)) return statesNothing;
      const doubled = doubling(call);
      if (doubled === undefined) return undefined;
      return stated ? `The ${call.tool} call holds only values the ${doubled.tool} call holds, in words that ask for ${doubled.tool}: it was dropped.` : statesNothing;
    };
    const guessed = calls.length > 1 ? calls.flatMap((call) => {
      const reason = whyDropped(call);
      return reason === undefined ? [] : [{ call, reason }];
    }) : [];
    for (const { call, reason } of guessed) {
      const record: RepairRecord = {
        step,
        attempt: 1,
        tool: call.tool,
        path: [],
        check: 'repeated-call',
        reason,
        before: { tool: call.tool, arguments: call.arguments },
        after: undefined,
        forwardPasses: 0,
      };
      repairs.push(record);
      emit({ type: 'repair', step, repair: record });
    }
    yield* drain();
    const left = calls.filter((call) => !guessed.some((dropped) => dropped.call === call));
    // A request that leaves out a value its one call requires is asked about in words, not called with a guess: the
    // step is planned again as an answer alone (the training corpus answers such requests with a question).
    const asked = allowAnswer && left.length === 1 ? this.valueLeftOut(left[0] as PlannedCall, namingNothing, clauses, request, withheld) : undefined;
    if (asked === undefined) return { planned, calls: left, repairs };
    const answerStarted = performance.now();
    enterRepair();
    const answered = await answerInstead();
    usage.modelMs += performance.now() - answerStarted;
    usage.forwardPasses += answered.forwardPasses;
    const record: RepairRecord = { step, attempt: 1, ...asked, before: { tool: left[0]?.tool, arguments: left[0]?.arguments }, after: undefined, forwardPasses: answered.forwardPasses };
    repairs.push(record);
    emit({ type: 'repair', step, repair: record });
    yield* drain();
    return { planned: answered, calls: [], repairs };
  }

  /**
   * A plan with one more call (infill's `append`, every other token kept). The model tends to answer in words at the
   * end of a plan, or to call a tool it called already: the call is then decided again without that choice (a union
   * re-masked whole takes another branch), `decisions` times at most. A call added for a part of the request that
   * holds nothing of it (`holds`) is the model's guess: it is decided again once, and what comes then is kept for the
   * caller to judge. Its forward passes are added to `usage`.
   */
  private async appendCall(
    planned: InfillResult<PlanItem[]>,
    calls: readonly PlannedCall[],
    ground: ReturnType<typeof planGrounding>,
    usage: AgentUsage,
    decisions = CALL_DECISIONS,
    /** The call's tool, when the request names it: the new item takes that branch alone. */
    tool?: string,
    /** Whether a call holds what it was added for (a part of the request): one that does not is decided again too. */
    holds?: (call: PlannedCall) => boolean,
  ): Promise<InfillResult<PlanItem[]>> {
    const index = planned.value.length;
    let result = await this.guard(repair(planned, { append: [[]], ground, ...(tool === undefined ? {} : { choose: [{ path: [index], branches: [tool] }] }) }));
    usage.forwardPasses += result.forwardPasses;
    // A call that held nothing is the model's guess: decided again once, and what comes then is judged as it is.
    let guessed = false;
    for (let again = 0; tool === undefined && again < decisions; again++) {
      const item = result.value[index];
      if (item === undefined || guessed) break;
      const call = item.tool === ANSWER_TOOL ? undefined : { tool: item.tool, arguments: item.arguments ?? {} };
      if (call !== undefined && !calls.some((other) => other.tool === call.tool)) {
        if (holds === undefined || holds(call)) break;
        guessed = true;
      }
      result = await this.guard(repair(result, { paths: [[index]], ground }));
      usage.forwardPasses += result.forwardPasses;
    }
    return result;
  }

  /**
   * The tool the model calls for a part of the request read alone, as the one request of a conversation of its own
   * (the same tools listed, the same offered, grounded in that text): the one tool of the plan it infills for it, with
   * no check or repair; undefined when that plan calls more than one tool or copies nothing of the text. Its forward
   * passes are added to `usage`.
   */
  private async toolOfPartAlone(
    text: string,
    active: readonly ToolSignature[],
    offered: readonly ToolSignature[],
    reading: DateReading,
    usage: AgentUsage,
    signal: AbortSignal | undefined,
  ): Promise<string | undefined> {
    const turns: AgentTurn[] = [{ role: 'user', content: text }];
    const context = groundingContext(turns);
    const started = performance.now();
    const alone = await this.guard(
      infill({
        model: this.options.model,
        schema: this.planFor(offered, false),
        prompt: renderAgentMessages({ tools: active, turns, ...(this.options.instructions === undefined ? {} : { instructions: this.options.instructions }) }),
        ...this.fillOptions(signal),
        ground: planGrounding(this.options.tools, offered, context, reading),
        present: planPresence(this.options.tools, offered, context),
      }),
    );
    usage.modelMs += performance.now() - started;
    usage.forwardPasses += alone.forwardPasses;
    const [tool, ...others] = new Set(alone.value.map((item) => item.tool));
    // A plan that copies nothing of the text is the model's guess, not its reading ("say \"You should read ...\"" alone
    // came out as `calculate {expression: "-4 ^ 3"}`).
    const copies = alone.value.some((item) => item.tool === tool && holdsStatedValue(this.options.tools[item.tool] ?? {}, item.arguments ?? {}, context));
    return others.length === 0 && copies ? tool : undefined;
  }

  /**
   * Why the one call of a plan asks for a value the request never states, as a repair record's tool, path, check and
   * reason: a required argument that, repairs spent, still copies only words naming nothing (`namingNothing`), or a
   * request of one part that names, outside the call's values and its arguments' labels, never the call's tool but a
   * tool this step did not offer as its required values go unstated ("Reserve a table for 2 people tonight" names the
   * table's booking and states no time; the model then calls whatever else is offered, `get_weather {city:
   * "tonight"}`).
   */
  private valueLeftOut(
    call: PlannedCall,
    namingNothing: ReadonlyMap<number, { readonly issue: FieldIssue; readonly value: unknown }>,
    clauses: readonly RequestClause[],
    request: string,
    withheld: readonly ToolSignature[],
  ): Pick<RepairRecord, 'tool' | 'path' | 'check' | 'reason'> | undefined {
    const unstated = namingNothing.get(call.index ?? 0);
    if (unstated !== undefined && valueAt(call.arguments, unstated.issue.path) === unstated.value) {
      const { issue } = unstated;
      const why = issue.message.replace(/; copy the value itself\.$/, '');
      return { tool: issue.tool, path: issue.path, check: issue.check, reason: `The request never states ${formatArgumentPath(issue.path)}, which ${issue.tool} requires (${why}): the step answers in words instead of calling ${issue.tool}.` };
    }
    if (clauses.length > 1 || withheld.length === 0 || this.options.checks?.grounding === false) return undefined;
    // What the call copied, and the labels of its own arguments ("delivery date" of `find_invoice`), name no other tool.
    const values = Object.values(call.arguments).flatMap((value) => (typeof value === 'string' ? wholeWordSpans(request, value.trim()) : []));
    const withoutValues = blanked(request, values.map(([at, end]) => ({ at, end })));
    const labels = Object.entries(this.propertiesOf(call.tool)).flatMap(([name, property]) => argumentLabels(name, property.description));
    const text = blanked(withoutValues, labelMentions(withoutValues, labels));
    const whole = { at: 0, end: text.length, text };
    // A request that names the call's own tool too ("turn off my security camera ... without a confirmation email") asks for it.
    if (namesTool(whole, call.tool)) return undefined;
    const named = withheld.find((signature) => signature.name !== call.tool && namesTool(whole, signature.name));
    if (named === undefined) return undefined;
    const reason = `The request asks for ${named.name} and never states every value it requires, so ${named.name} was not offered: the step answers in words instead of calling ${call.tool}.`;
    return { tool: call.tool, path: [], check: 'another-tool', reason };
  }

  /**
   * The one offered tool the plan does not call that a part of the request asks for: the part names it (a word of its
   * name after the verb, an argument's label: "add back up my laptop to my to-do list") or states every argument it
   * reads with a reader of its own ("check NFLX"). Undefined when none or more than one does.
   */
  private toolAskedIn(clause: RequestClause, offered: readonly ToolSignature[], calls: readonly PlannedCall[], request: string, reading: DateReading): string | undefined {
    const asked = offered.filter(
      (signature) =>
        !calls.some((call) => call.tool === signature.name) &&
        (holdsClause(clause, { tool: signature.name, arguments: {} }, request, this.options.tools, this.clauseOptions(reading)) ||
          readsRequiredArguments(this.options.tools[signature.name] ?? {}, signature, clause.text, reading)),
    );
    return asked.length === 1 ? asked[0]?.name : undefined;
  }

  /**
   * The one optional argument a planned call left out that takes, by its format or type, a date, a time, an e-mail
   * address or a number the request states and no call holds ("book a table ... at 7pm tomorrow" without a date,
   * "flights ... for 2 people" without passengers); of several, the one whose call holds the part of the request the
   * mention is in ("Schedule a 90-minute Gallery tour ..., then get flight options ..." gives the event 90 minutes, not
   * the flight 90 passengers); undefined when no argument or more than one would. Quotes are left to a call added:
   * any string argument would take one.
   */
  private argumentLeftOut(
    mentions: readonly StatedMention[],
    calls: readonly PlannedCall[],
    reading: DateReading,
    /** Whether a call holds the part of the request a mention is stated in: of two arguments that could take it, the one whose call does. */
    holdsPartOf: (mention: StatedMention, call: PlannedCall) => boolean = () => false,
  ): ArgumentLeftOut | undefined {
    const found: ArgumentLeftOut[] = [];
    for (const mention of mentions) {
      if (mention.kind === 'quote') continue;
      calls.forEach((call, callIndex) => {
        const parameters = this.signatureParameters(call.tool);
        for (const [name, described] of Object.entries(parameters?.properties ?? {})) {
          if (name in call.arguments || (parameters?.required ?? []).includes(name)) continue;
          const property = described as Parameters<typeof statedValuesText>[1];
          const takes =
            mention.kind === 'email'
              ? isEmailProperty(property)
              : mention.kind === 'number'
                ? typesOf(property).some((type) => type === 'number' || type === 'integer')
                : (statedValuesText(mention.text, property, reading) ?? '') !== '';
          if (takes) found.push({ callIndex, name, mention });
        }
      });
    }
    if (found.length === 1) return found[0];
    const inPart = found.filter(({ callIndex, mention }) => holdsPartOf(mention, calls[callIndex] as PlannedCall));
    return inPart.length === 1 ? inPart[0] : undefined;
  }

  /** Whether a call holds (by its values) the part of the request a mention is stated in (`uncoveredClauses`). */
  private holdsPartOf(mention: StatedMention, call: PlannedCall, clauses: readonly RequestClause[], request: string, reading: DateReading): boolean {
    const part = clauses.find((clause) => clause.at <= mention.at && mention.end <= clause.end);
    return part !== undefined && holdsClause(part, call, request, this.options.tools, { ...this.clauseOptions(reading), byName: false });
  }

  /** How the parts of a request are read against this agent's tools (`uncoveredClauses`' options). */
  private clauseOptions(reading: DateReading): { propertiesOf: (tool: string) => Record<string, { description?: string }>; reading: DateReading } {
    return { propertiesOf: (tool) => this.propertiesOf(tool), reading };
  }

  /** A tool's parameters schema, by the tool's name, as its signature gives it. */
  private signatureParameters(tool: string): { properties?: Record<string, { description?: string }>; required?: readonly string[] } | undefined {
    return this.signatures.find((candidate) => candidate.name === tool)?.parameters as
      | { properties?: Record<string, { description?: string }>; required?: readonly string[] }
      | undefined;
  }

  /** A tool's top-level properties, by name. */
  private propertiesOf(tool: string): Record<string, { description?: string }> {
    return this.signatureParameters(tool)?.properties ?? {};
  }

  /**
   * Whether the request gives the argument of an `other-clause` issue a value in its own call's parts (`within`): the
   * request names the argument, or those parts state a number for a number argument, a date or time for one the
   * schema normalises, or a value its tool's reader finds ("for one and a half hours" for a duration).
   */
  private ownPartsGiveValue(issue: FieldIssue, context: string, reading: DateReading): boolean {
    const name = String(issue.path[0]);
    const property = this.propertiesOf(issue.tool)[name] as Parameters<typeof groundedHoleText>[2];
    // Named by a label of its own: not inside another tool's longer label (the "date" of a to-do's "due date").
    const otherLabels = this.signatures
      .filter((signature) => signature.name !== issue.tool)
      .flatMap((signature) => Object.entries(this.propertiesOf(signature.name)).flatMap(([other, described]) => labelMentions(context, argumentLabels(other, described.description))));
    if (labelMentions(context, argumentLabels(name, property?.description)).some((mention) => !insideLongerMention(mention, otherLabels))) return true;
    const tool = this.options.tools[issue.tool];
    const offered = tool === undefined ? undefined : groundedHoleText(tool, name, property, (issue.within ?? []).join('\n'), reading);
    if (typeof offered === 'object') return offered.values.length > 0;
    // A date or time the schema normalises: those the parts state.
    if (statedValuesText('', property) !== undefined) return (offered ?? '') !== '';
    return typesOf(property).some((type) => type === 'number' || type === 'integer') && numbersInDigits(offered ?? '').length > 0;
  }

  /** A rejection of a top-level argument the tool does not require. */
  private isOptionalArgument(issue: FieldIssue, calls: readonly PlannedCall[]): boolean {
    if (issue.path.length !== 1 || callAt(calls, issue.callIndex)?.tool !== issue.tool) return false;
    const parameters = this.signatureParameters(issue.tool);
    return parameters !== undefined && !(parameters.required ?? []).includes(String(issue.path[0]));
  }

  /**
   * The tools the tool-choice hole may pick this step: those whose required arguments that must be copied from
   * the conversation have a candidate there (canGroundRequiredArguments). The prompt still lists every tool. With
   * the grounding check off, or when no tool would be left for a step that must call one, all are offered.
   */
  private offeredTools(active: ToolSignature[], context: string, allowAnswer: boolean, reading: DateReading): ToolSignature[] {
    if (this.options.checks?.grounding === false) return active;
    const groundable = active.filter((signature) => canGroundRequiredArguments(this.options.tools[signature.name] ?? {}, signature, context, reading));
    return groundable.length > 0 || allowAnswer ? groundable : active;
  }

  /** The signatures of the tools a run offers (`activeTools`, in the agent's order), every name checked. */
  private activeSignatures(activeTools: readonly string[] | undefined): ToolSignature[] {
    if (activeTools === undefined) return this.signatures;
    const known = this.signatures.map((signature) => signature.name);
    const unknown = activeTools.filter((name) => !known.includes(name));
    if (activeTools.length === 0 || unknown.length > 0) {
      throw new LacunaAgentError({
        code: 'INVALID_OPTIONS',
        message: `${unknown.length > 0 ? `activeTools names ${unknown.map((name) => JSON.stringify(name)).join(', ')}, which the agent does not have` : 'activeTools is empty'}: name the tools to offer among the agent's own (${known.join(', ')}).`,
        ...(unknown[0] === undefined ? {} : { tool: unknown[0] }),
      });
    }
    return this.signatures.filter((signature) => activeTools.includes(signature.name));
  }

  /**
   * A plan's canvas that outgrew the model's context, as the agent's error: what takes the room (the tools listed,
   * the conversation so far) and what to do about it, infill's error as its cause. Any other error as it is.
   */
  private contextTooLong(error: unknown, step: number, active: readonly ToolSignature[]): unknown {
    // With a path, the error is a value that outgrew its hole, not the canvas the model's context: infill's own.
    if (!isCanvasTooLong(error) || (error as LacunaInfillError).path !== undefined) return error;
    const { maxLength } = this.options.model.spec;
    return new LacunaAgentError({
      code: 'CONTEXT_TOO_LONG',
      message:
        `Step ${step}'s plan does not fit the model's context of ${maxLength} positions: its prompt lists ${active.length} tools` +
        `${step > 1 ? ' and the conversation so far, tool results included' : ''}. Offer fewer tools for this request (\`activeTools\`, ` +
        `in the agent's options or in run()'s), shorten \`instructions\`${step > 1 ? ', return smaller tool results' : ''}, or use a model with a longer context.`,
      cause: error,
    });
  }

  /** What this run reads relative dates against: `options.today`, or the local day the run starts. */
  private dateReading(): DateReading {
    const { today = new Date() } = this.options;
    if (today === false) return {};
    return { today: typeof today === 'string' ? today : calendarDateOf(today) };
  }

  private planFor(tools: readonly ToolSignature[], allowAnswer: boolean, answerPattern?: string): CompiledSchema<PlanItem[]> {
    const key = `${allowAnswer}:${tools.map((tool) => tool.name).join(',')}:${answerPattern ?? ''}`;
    let plan = this.plans.get(key);
    if (plan === undefined) {
      const shape = { allowAnswer, ...(answerPattern === undefined ? {} : { answerPattern }) };
      const validate = createPlanValidator({ tools: new Map(tools.map((tool) => [tool.name, this.argumentSchemas.get(tool.name) as CompiledSchema])), ...shape });
      plan = compileSchema(planSchema(tools, shape) as Record<string, unknown>, { validate }) as CompiledSchema<PlanItem[]>;
      this.plans.set(key, plan);
    }
    return plan;
  }

  private fillOptions(signal: AbortSignal | undefined) {
    return {
      ...(signal === undefined ? {} : { signal }),
      ...(this.options.sampling === undefined ? {} : { sampling: this.options.sampling }),
      ...(this.options.seed === undefined ? {} : { seed: this.options.seed }),
      ...(this.options.parallelThreshold === false ? {} : { parallelThreshold: this.options.parallelThreshold ?? DEFAULT_PARALLEL_THRESHOLD }),
      decisions: this.options.decisions ?? DEFAULT_DECISIONS,
      decisionOrder: this.options.decisionOrder ?? DEFAULT_DECISION_ORDER,
      groundedValues: this.options.groundedValues ?? DEFAULT_GROUNDED_VALUES,
      repeatedWords: this.options.repeatedWords ?? DEFAULT_REPEATED_WORDS,
      words: this.options.words ?? defaultWords(this.options.model),
    };
  }

  /** Model errors of an aborted run become the agent's ABORTED error. */
  private async guard<T>(promise: Promise<T>): Promise<T> {
    try {
      return await promise;
    } catch (error) {
      if (LacunaCoreError.isInstance(error) && (error.code === 'ABORTED' || error.code === 'TIMEOUT')) {
        throw new LacunaAgentError({ code: 'ABORTED', message: `The agent run stopped: ${error.message}`, cause: error });
      }
      throw error;
    }
  }
}

/** Creates an agent: `createAgent({ model, tools: { get_weather }, maxSteps: 8 })`. */
export function createAgent(options: AgentOptions): Agent {
  return new Agent(options);
}

/** A tool's JSON Schema, and its arguments compiled as plans hold them (which also tells that they can be planned). */
function compileToolParameters(name: string, tool: AgentOptions['tools'][string]): { parameters: object; argumentsSchema: CompiledSchema } {
  const parameters = parametersOf(tool);
  try {
    return { parameters, argumentsSchema: compileSchema(planArgumentsSchema({ name, description: tool.description, parameters }) as Record<string, unknown>) };
  } catch (error) {
    if (error instanceof LacunaInfillError) {
      throw new LacunaAgentError({
        code: 'TOOL_SCHEMA_UNSUPPORTED',
        message: `The input schema of tool "${name}" cannot be planned: ${error.message}`,
        tool: name,
        cause: error,
      });
    }
    throw error;
  }
}

/** The plan's calls, each with its place in the plan (which an answer item may shift from its place among the calls). */
function callsOf(plan: readonly PlanItem[]): PlannedCall[] {
  return plan.flatMap((item, index) => (item.tool === ANSWER_TOOL ? [] : [{ tool: item.tool, arguments: item.arguments ?? {}, index }]));
}

/** The call at a place in the plan, as `{ tool, arguments }`. */
function callAt(calls: readonly PlannedCall[], index: number): PlannedCall | undefined {
  const call = calls.find((candidate) => candidate.index === index);
  return call === undefined ? undefined : { tool: call.tool, arguments: call.arguments };
}

/** The calls earlier steps of the run made. */
function callsMadeIn(turns: readonly AgentTurn[]): { tool: string; arguments: Record<string, unknown> }[] {
  return turns.flatMap((turn) => (turn.role === 'assistant' && 'calls' in turn ? turn.calls.map((call) => ({ tool: call.tool, arguments: (call.arguments ?? {}) as Record<string, unknown> })) : []));
}

/** `"2026-10-15" and "I am learning the language."`, as the request writes them. */
function describeMentions(mentions: readonly StatedMention[]): string {
  const texts = mentions.map((mention) => JSON.stringify(mention.kind === 'quote' ? mention.values[0] : mention.text));
  return texts.length === 1 ? `The request states ${texts[0]}, which` : `The request states ${texts.slice(0, -1).join(', ')} and ${texts.at(-1)}, which`;
}

/**
 * Why a call added for the values a plan left out, or an argument added to a call for them, is dropped, or
 * undefined when it stays. It stays only when it holds one of those values and the plan loses nothing it held. An
 * added call is of a tool the plan does not call yet: a second call of one would hold what the first should (a
 * duration copied from the wrong place). And it passes every check: once repairs are spent, a doubtful copy stays
 * in a call the model planned, but a value added on a guess needs better evidence than that.
 */
async function whyExtensionDrops(input: {
  /** The call added, or the call an argument was added to (undefined: the model answered in words there). */
  readonly added: PlannedCall | undefined;
  /** Whether a whole call was added. */
  readonly newCall: boolean;
  /** The plan before the extension: its calls, the values no call held, and those no call's argument explains. */
  readonly before: { readonly calls: readonly PlannedCall[]; readonly uncovered: readonly StatedMention[]; readonly unexplained: readonly StatedMention[] };
  /** The values no call holds now. */
  readonly uncovered: readonly StatedMention[];
  readonly failsACheck: () => Promise<boolean>;
}): Promise<string | undefined> {
  const { added, before } = input;
  if (added === undefined) return 'the model answered in words there';
  if (input.newCall && before.calls.some((call) => call.tool === added.tool)) return `the plan calls ${added.tool} already`;
  if (uncoveredMentions(before.unexplained, [added]).length === before.unexplained.length) return 'it held none of them';
  if (!input.uncovered.every((mention) => before.uncovered.some((earlier) => earlier.at === mention.at))) return 'the plan lost a value it held';
  return (await input.failsACheck()) ? 'it failed a check' : undefined;
}

/**
 * Why a call added for a part of the request no call held is dropped, or undefined when it stays: it must be a call
 * (not an answer), of a tool the plan does not call yet, hold something of that part and copy from no other part,
 * leave the plan holding all it held, and pass every check.
 */
async function whyClauseCallDrops(input: {
  readonly added: PlannedCall | undefined;
  readonly before: readonly PlannedCall[];
  readonly holdsPart: (call: PlannedCall) => boolean;
  readonly copiesOnlyFromPart: (call: PlannedCall) => boolean;
  readonly lostNothing: () => boolean;
  readonly failsACheck: () => Promise<boolean>;
}): Promise<string | undefined> {
  const { added } = input;
  if (added === undefined) return 'the model answered in words there';
  if (input.before.some((call) => call.tool === added.tool)) return `the plan calls ${added.tool} already`;
  if (!input.holdsPart(added)) return 'it held nothing of it';
  if (!input.copiesOnlyFromPart(added)) return 'it copied from another part';
  if (!input.lostNothing()) return 'the plan lost a value it held';
  return (await input.failsACheck()) ? 'it failed a check' : undefined;
}

/** infill's refusal to append to an array that holds the most items its count decision offered. */
function isArrayFull(error: unknown): boolean {
  return LacunaInfillError.isInstance(error) && error.code === 'INVALID_OPTIONS';
}

function isCanvasTooLong(error: unknown): boolean {
  return LacunaInfillError.isInstance(error) && error.code === 'CANVAS_TOO_LONG';
}

/** A `function-words` rejection of a copy that names nothing, with no text after a label or trimmed value to copy instead. */
function namesNothingAlone(issue: FieldIssue): boolean {
  return issue.check === 'function-words' && issue.within === undefined && issue.values === undefined;
}

function answerOf(plan: readonly PlanItem[]): string {
  return plan.find((item) => item.tool === ANSWER_TOOL)?.text ?? '';
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const segment of path) current = (current as Record<string | number, unknown> | undefined)?.[segment];
  return current;
}

function formatArgumentPath(path: readonly (string | number)[]): string {
  return path.length === 0 ? 'the arguments' : path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`)).join('').replace(/^\./, '');
}
