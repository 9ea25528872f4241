/**
 * Streaming: iterate `agent.stream()` and watch the plan canvas fill in. A masked diffusion model does not
 * write left to right: each forward pass commits tokens anywhere in the answer (here the frontier of every
 * hole at once), so the masks (░) disappear in parallel across all the fields.
 *
 *   npx tsx examples/stream-canvas.ts [model-folder] ["request"]
 */
import { createAgent, type AgentResult } from '@lacuna/agent';
import { demoToolMenu, demoToolSet, loadBestModel } from '@lacuna/agent/cli';
import { CanvasView } from './shared/canvas-view.js';
import { isScript } from './shared/run-as-script.js';
import { processTerminal, type Terminal } from './shared/terminal.js';

export const STREAM_REQUEST = 'Book a table for 4 at Casa Lisboa at 19:30.';

export interface StreamOptions {
  readonly model?: string;
  readonly request?: string;
  readonly terminal?: Terminal;
  /** Abandons the run after this many milliseconds (the stream then throws ABORTED). */
  readonly timeoutMs?: number;
}

export interface StreamFrame {
  readonly phase: 'plan' | 'repair';
  readonly forwardPasses: number;
  readonly committed: number;
  readonly masked: number;
  readonly canvasText: string;
}

export async function main(options: StreamOptions = {}): Promise<{ frames: StreamFrame[]; result: AgentResult }> {
  const terminal = options.terminal ?? processTerminal();
  const request = options.request ?? STREAM_REQUEST;
  const { model, checks } = await loadBestModel({ model: options.model });
  try {
    // One planning step: the canvas is what this example is about; the tool still runs. One token per hole per
    // pass, so that the frames show the holes filling: with the agent's default threshold rule the model commits
    // every value it is sure of in a single pass, and this request's plan takes one pass per round.
    const agent = createAgent({ model, tools: demoToolSet(demoToolMenu(request)), checks, maxSteps: 1, parallelThreshold: false });
    const view = new CanvasView(terminal);
    const frames: StreamFrame[] = [];
    let result: AgentResult | undefined;
    terminal.write(`request: ${request}\n`);
    for await (const part of agent.stream(request, { signal: AbortSignal.timeout(options.timeoutMs ?? 60_000) })) {
      if (part.type === 'denoise') {
        const masked = [...part.canvasText].filter((character) => character === '░').length;
        frames.push({ phase: part.phase, forwardPasses: part.forwardPasses, committed: part.committed, masked, canvasText: part.canvasText });
        view.frame(`${part.phase} pass ${String(part.forwardPasses).padStart(2)} +${String(part.committed).padEnd(2)} ░${String(masked).padEnd(2)}`, part.canvasText);
      } else if (part.type === 'tool-call') {
        view.settle();
        terminal.write(`-> ${part.call.tool} ${JSON.stringify(part.call.input)}\n`);
      } else if (part.type === 'finish') {
        result = part.result;
      }
    }
    const finished = result as AgentResult;
    terminal.write(`${frames.length} denoising steps, ${finished.usage.forwardPasses} forward passes, ${Math.round(finished.usage.modelMs)} ms in the model\n`);
    return { frames, result: finished };
  } finally {
    await model.dispose();
  }
}

if (isScript(import.meta.url)) {
  const [model, request] = process.argv.slice(2);
  await main({ ...(model === undefined || model === '' ? {} : { model }), ...(request === undefined ? {} : { request }) });
}
