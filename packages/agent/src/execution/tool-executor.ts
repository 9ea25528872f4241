import PQueue from 'p-queue';
import { LacunaAgentError } from '../errors/lacuna-agent-error.js';
import type { ToolSet } from '../tools/tool.js';

export interface ToolCall {
  readonly callId: string;
  readonly tool: string;
  readonly input: unknown;
}

/** What a call came to: its output, or the error that goes back to the model as the tool's result. */
export interface ToolCallOutcome extends ToolCall {
  readonly output?: unknown;
  readonly error?: { readonly code: 'TOOL_FAILED' | 'TOOL_TIMEOUT' | 'UNKNOWN_TOOL'; readonly message: string };
  readonly attempts: number;
  readonly durationMs: number;
}

export interface ToolExecutorOptions {
  readonly tools: ToolSet;
  /** Tool calls running at once (default 4). */
  readonly concurrency?: number;
  /** Default per-call timeout in milliseconds (default 30 s); a tool's own `timeoutMs` wins. */
  readonly timeoutMs?: number;
  /** First retry delay; doubles on every further attempt (default 100 ms). */
  readonly retryDelayMs?: number;
}

/**
 * Runs tool calls through a p-queue: at most `concurrency` at once, each with a timeout, retried with backoff
 * when it fails with an error marked `retryable`. A tool that throws or hangs does not fail the run: its
 * outcome carries the error, which the agent gives back to the model. Only an aborted run throws.
 */
export class ToolExecutor {
  private readonly queue: PQueue;
  private readonly options: ToolExecutorOptions;

  constructor(options: ToolExecutorOptions) {
    this.options = options;
    this.queue = new PQueue({ concurrency: options.concurrency ?? 4 });
  }

  async run(calls: readonly ToolCall[], signal?: AbortSignal): Promise<ToolCallOutcome[]> {
    try {
      const outcomes = await Promise.all(calls.map((call) => this.queue.add(() => this.runOne(call, signal), signal === undefined ? {} : { signal })));
      if (signal?.aborted) throw abortError(signal);
      return outcomes as ToolCallOutcome[];
    } catch (error) {
      // p-queue rejects queued calls with the signal's own AbortError: report one error for the whole run.
      if (signal?.aborted) throw LacunaAgentError.isInstance(error) ? error : abortError(signal);
      throw error;
    }
  }

  private async runOne(call: ToolCall, runSignal: AbortSignal | undefined): Promise<ToolCallOutcome> {
    const started = performance.now();
    const definition = this.options.tools[call.tool];
    const finish = (attempts: number, result: { output?: unknown; error?: ToolCallOutcome['error'] }): ToolCallOutcome => ({
      ...call,
      ...result,
      attempts,
      durationMs: performance.now() - started,
    });
    if (definition?.execute === undefined) {
      const known = Object.keys(this.options.tools).join(', ');
      const message = definition === undefined ? `There is no tool named "${call.tool}" (tools: ${known}).` : `The tool "${call.tool}" has no execute function.`;
      return finish(0, { error: { code: definition === undefined ? 'UNKNOWN_TOOL' : 'TOOL_FAILED', message } });
    }
    const timeoutMs = definition.timeoutMs ?? this.options.timeoutMs ?? 30_000;
    const retries = definition.retries ?? 0;
    for (let attempt = 1; ; attempt++) {
      if (runSignal?.aborted) throw abortError(runSignal);
      const attemptController = new AbortController();
      const onRunAbort = () => attemptController.abort(runSignal?.reason);
      runSignal?.addEventListener('abort', onRunAbort, { once: true });
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            attemptController.abort(new Error('timeout'));
            reject(new LacunaAgentError({ code: 'TOOL_TIMEOUT', message: `The tool "${call.tool}" did not finish within ${timeoutMs} ms.`, tool: call.tool }));
          }, timeoutMs);
        });
        const aborted = new Promise<never>((_, reject) => {
          attemptController.signal.addEventListener('abort', () => {
            if (runSignal?.aborted) reject(abortError(runSignal));
          });
        });
        const execution = Promise.resolve().then(() => definition.execute?.(call.input as never, { signal: attemptController.signal, callId: call.callId, attempt }));
        const output = await Promise.race([execution, timeout, aborted]);
        return finish(attempt, { output });
      } catch (error) {
        if (LacunaAgentError.isInstance(error) && error.code === 'ABORTED') throw error;
        if (LacunaAgentError.isInstance(error) && error.code === 'TOOL_TIMEOUT') return finish(attempt, { error: { code: 'TOOL_TIMEOUT', message: error.message } });
        const retryable = (error as { retryable?: unknown } | undefined)?.retryable === true;
        if (retryable && attempt <= retries) {
          await sleep((this.options.retryDelayMs ?? 100) * 2 ** (attempt - 1), runSignal);
          continue;
        }
        const message = error instanceof Error ? error.message : String(error);
        return finish(attempt, { error: { code: 'TOOL_FAILED', message } });
      } finally {
        clearTimeout(timer);
        runSignal?.removeEventListener('abort', onRunAbort);
      }
    }
  }
}

function abortError(signal: AbortSignal): LacunaAgentError {
  return new LacunaAgentError({ code: 'ABORTED', message: 'The agent run was aborted by its AbortSignal.', cause: signal.reason });
}

function sleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const timer = setTimeout(resolve, milliseconds);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(abortError(signal));
      },
      { once: true },
    );
  });
}
