import type { AgentResult, AgentStreamPart } from '@lacuna/agent';
import { describeRepair } from '@lacuna/agent/cli';
import { CanvasView } from './canvas-view.js';
import type { Terminal } from './terminal.js';

/**
 * Prints an agent run as it happens: the plan canvas at every denoising step, each repair, the tool calls,
 * their results and the answer. Resolves with the run's result.
 */
export async function printAgentStream(parts: AsyncIterable<AgentStreamPart>, terminal: Terminal): Promise<AgentResult> {
  const canvas = new CanvasView(terminal);
  const line = (text: string) => {
    canvas.settle();
    terminal.write(`${text}\n`);
  };
  let result: AgentResult | undefined;
  for await (const part of parts) {
    switch (part.type) {
      case 'step-start':
        line(`step ${part.step}`);
        break;
      case 'denoise':
        canvas.frame(`  ${part.phase.padEnd(6)} pass ${String(part.forwardPasses).padStart(2)} +${String(part.committed).padEnd(2)}`, part.canvasText);
        break;
      case 'repair':
        line(`  ${describeRepair(part.repair)}`);
        break;
      case 'tool-call':
        line(`  -> ${part.call.tool} ${JSON.stringify(part.call.input)}`);
        break;
      case 'tool-result':
        line(`  <- ${part.result.tool} ${part.result.error === undefined ? JSON.stringify(part.result.output) : `error ${part.result.error.code}: ${part.result.error.message}`}`);
        break;
      case 'answer':
        line(`  answer: ${part.text}`);
        break;
      case 'step-finish':
        break;
      case 'finish': {
        result = part.result;
        const { usage } = part.result;
        const steps = part.result.steps.length;
        line(`done: ${part.result.finishReason} after ${steps} step${steps === 1 ? '' : 's'}, ${usage.forwardPasses} forward passes, ${Math.round(usage.wallMs)} ms (${Math.round(usage.modelMs)} ms in the model)`);
        break;
      }
    }
  }
  return result as AgentResult;
}
