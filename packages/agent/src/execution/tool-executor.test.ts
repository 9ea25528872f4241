import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RetryableToolError, tool } from '../tools/tool.js';
import { ToolExecutor } from './tool-executor.js';

const delay = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('ToolExecutor', () => {
  it('runs calls concurrently up to the limit and returns outcomes in call order', async () => {
    let running = 0;
    let mostAtOnce = 0;
    const slow = tool({
      description: 'slow',
      inputSchema: z.object({ value: z.number() }),
      execute: async ({ value }) => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        await delay(20);
        running--;
        return value * 2;
      },
    });
    const executor = new ToolExecutor({ tools: { slow }, concurrency: 2 });
    const outcomes = await executor.run([1, 2, 3, 4, 5].map((value) => ({ callId: `c${value}`, tool: 'slow', input: { value } })));
    expect(outcomes.map((outcome) => outcome.output)).toEqual([2, 4, 6, 8, 10]);
    expect(mostAtOnce).toBe(2);
  });

  it('turns a thrown error into the outcome instead of failing the run', async () => {
    const broken = tool({ description: 'broken', inputSchema: z.object({}), execute: () => {
      throw new Error('service unavailable');
    } });
    const [outcome] = await new ToolExecutor({ tools: { broken } }).run([{ callId: 'a', tool: 'broken', input: {} }]);
    expect(outcome?.error).toEqual({ code: 'TOOL_FAILED', message: 'service unavailable' });
    expect(outcome?.attempts).toBe(1);
  });

  it('times out a tool that hangs and aborts its signal', async () => {
    let sawAbort = false;
    const hanging = tool({
      description: 'hangs',
      inputSchema: z.object({}),
      timeoutMs: 30,
      execute: (_input, { signal }) =>
        new Promise(() => {
          signal.addEventListener('abort', () => (sawAbort = true));
        }),
    });
    const [outcome] = await new ToolExecutor({ tools: { hanging } }).run([{ callId: 'a', tool: 'hanging', input: {} }]);
    expect(outcome?.error?.code).toBe('TOOL_TIMEOUT');
    expect(outcome?.error?.message).toMatch(/did not finish within 30 ms/);
    expect(sawAbort).toBe(true);
  });

  it('retries errors marked retryable, with backoff, and not others', async () => {
    const attemptsSeen: number[] = [];
    const flaky = tool({
      description: 'flaky',
      inputSchema: z.object({}),
      retries: 3,
      execute: (_input, { attempt }) => {
        attemptsSeen.push(attempt);
        if (attempt < 3) throw new RetryableToolError('busy');
        return 'ok';
      },
    });
    const started = performance.now();
    const [outcome] = await new ToolExecutor({ tools: { flaky }, retryDelayMs: 10 }).run([{ callId: 'a', tool: 'flaky', input: {} }]);
    expect(outcome?.output).toBe('ok');
    expect(outcome?.attempts).toBe(3);
    expect(attemptsSeen).toEqual([1, 2, 3]);
    // Backoff of 10 ms then 20 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(28);

    let calls = 0;
    const fatal = tool({ description: 'fatal', inputSchema: z.object({}), retries: 3, execute: () => {
      calls++;
      throw new Error('bad request');
    } });
    const [fatalOutcome] = await new ToolExecutor({ tools: { fatal } }).run([{ callId: 'b', tool: 'fatal', input: {} }]);
    expect(fatalOutcome?.error?.code).toBe('TOOL_FAILED');
    expect(calls).toBe(1);
  });

  it('reports an unknown tool in the outcome', async () => {
    const [outcome] = await new ToolExecutor({ tools: {} }).run([{ callId: 'a', tool: 'teleport', input: {} }]);
    expect(outcome?.error?.code).toBe('UNKNOWN_TOOL');
  });

  it('throws ABORTED when the run is aborted while tools run', async () => {
    const controller = new AbortController();
    const waits = tool({ description: 'waits', inputSchema: z.object({}), execute: () => delay(200).then(() => 'late') });
    const run = new ToolExecutor({ tools: { waits } }).run([{ callId: 'a', tool: 'waits', input: {} }], controller.signal);
    setTimeout(() => controller.abort(), 10);
    await expect(run).rejects.toMatchObject({ name: 'LacunaAgentError', code: 'ABORTED' });
  });
});
