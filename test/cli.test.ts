import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { demoTools } from '@lacuna/demo-toolbox';
import { modelPath as defaultModelPath } from '@lacuna/model-default';
import { modelPath as fixtureModelPath } from '@lacuna/model-tiny-random';
import { describe, expect, it } from 'vitest';

/**
 * The `lacuna` bin as a user runs it: a child process from the repository root, on the fixture model (set
 * through $LACUNA_MODEL so the test does not change when the default model lands).
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

async function lacuna(args: string[], options: { bin?: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const bin = options.bin ?? 'packages/infill/bin/lacuna.js';
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root, timeout: 60_000, env: { ...process.env, LACUNA_MODEL: fixtureModelPath } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Stdout must be exactly one JSON object and a newline. */
function oneObject(stdout: string): Record<string, unknown> {
  expect(stdout.endsWith('\n')).toBe(true);
  expect(stdout.trim().split('\n')).toHaveLength(1);
  const value = JSON.parse(stdout) as unknown;
  expect(value).toBeTypeOf('object');
  return value as Record<string, unknown>;
}

describe('lacuna call', () => {
  it('prints the planned call as one JSON object, without running it', async () => {
    const { code, stdout, stderr } = await lacuna(['call', "What's the weather in Lisbon?", '--json']);
    expect(code).toBe(0);
    const plan = oneObject(stdout);
    expect(Object.keys(plan)).toEqual(['tool', 'args', 'forwardPasses', 'repairs', 'calls']);
    const tool = demoTools[plan.tool as keyof typeof demoTools];
    expect(tool).toBeDefined();
    expect(tool.inputSchema.safeParse(plan.args).success).toBe(true);
    expect(plan.forwardPasses).toBeGreaterThan(0);
    expect(plan.repairs).toEqual([]);
    expect((plan.calls as unknown[])[0]).toEqual({ tool: plan.tool, args: plan.args });
    expect(stderr).toMatch(/random-weight fixture model: outputs are noise; the agent's checks are relaxed/);
  });

  it("runs another ONNX file of the folder with --onnx-variant, and names the folder's variants when it has no such one", async () => {
    const request = ['call', 'Convert 250 USD to EUR.', '--json', '--model', defaultModelPath];
    const { code, stdout } = await lacuna([...request, '--onnx-variant', 'int8']);
    expect(code).toBe(0);
    expect(oneObject(stdout)).toMatchObject({ tool: 'convert_currency', args: { amount: 250, from: 'USD', to: 'EUR' } });
    const unknown = await lacuna([...request, '--onnx-variant', 'int4']);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^lacuna call: INVALID_OPTIONS: loadModel: .*has no ONNX variant "int4" \(it names "int8"\)/);
  });

  it('prints one call per line without --json', async () => {
    const { code, stdout, stderr } = await lacuna(['call', 'Convert', '20', 'USD', 'to', 'EUR', '--tools', 'convert_currency,get_weather']);
    expect(code).toBe(0);
    for (const line of stdout.trim().split('\n')) expect(line).toMatch(/^(convert_currency|get_weather) \{.*\}$/);
    expect(stderr).toMatch(/planned in \d+ forward passes, 0 repairs; not run\./);
  });
});

describe('lacuna run', () => {
  it('prints the run as one JSON object with the documented keys', async () => {
    const { code, stdout } = await lacuna(['run', 'Set a timer for 10 minutes', '--json', '--max-steps', '2']);
    expect(code).toBe(0);
    const result = oneObject(stdout);
    expect(Object.keys(result)).toEqual(['text', 'finishReason', 'toolCalls', 'toolResults', 'repairs', 'usage']);
    expect(['answer', 'final-tool', 'stop-condition', 'max-steps']).toContain(result.finishReason);
    expect(result.usage).toMatchObject({ forwardPasses: expect.any(Number), tokens: expect.any(Number), wallMs: expect.any(Number), modelMs: expect.any(Number) });
    const calls = result.toolCalls as { callId: string; tool: string; input: unknown }[];
    const results = result.toolResults as { callId: string; output?: unknown; error?: unknown }[];
    expect(results.map((outcome) => outcome.callId)).toEqual(calls.map((call) => call.callId));
    // The demo tools ran for real: a successful result is the tool's own output for the planned input.
    for (const [index, call] of calls.entries()) {
      const outcome = results[index];
      if (outcome?.error === undefined) expect(outcome?.output).toEqual(demoTools[call.tool as keyof typeof demoTools].execute(call.input as never));
    }
  });

  it('prints the answer on stdout and the calls on stderr without --json', async () => {
    const { code, stdout, stderr } = await lacuna(['run', "What's the weather in Lisbon?", '--max-steps', '1']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^-> \w+ \{/m);
    // The fixture rarely answers in one step; when it does not, stdout stays empty and stderr says why.
    if (stdout === '') expect(stderr).toMatch(/no answer: the run stopped after 1 step because/);
    else expect(stdout.endsWith('\n')).toBe(true);
  });
});

describe('lacuna usage errors', () => {
  it('exits non-zero with a message on stderr and nothing on stdout', async () => {
    for (const args of [['call'], ['call', '--json'], ['run', '--json'], ['frobnicate'], ['call', 'hi', '--bogus'], ['run', 'hi', '--tools', 'teleport'], ['run', 'hi', '--max-steps', '0'], []]) {
      const { code, stdout, stderr } = await lacuna(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout, args.join(' ')).toBe('');
      expect(stderr.length, args.join(' ')).toBeGreaterThan(0);
    }
    expect((await lacuna(['call', '--json'])).stderr).toMatch(/^lacuna call: CLI_USAGE: a request is required/);
    expect((await lacuna(['frobnicate'])).stderr).toMatch(/^lacuna: unknown command "frobnicate"/);
  });

  it('lists every command, infill and the agent’s, and runs from node_modules/.bin', async () => {
    const { code, stdout } = await lacuna(['--help'], { bin: 'node_modules/.bin/lacuna' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}call /m);
    expect(stdout).toMatch(/^ {2}run /m);
    expect(stdout).toMatch(/^ {2}infill /m);
    const help = await lacuna(['run', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: lacuna run "<request>"/);
  });
});
