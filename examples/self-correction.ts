/**
 * Self-correction: a planned call with a hallucinated field, caught by the agent's grounding check and
 * repaired by re-masking only that field's hole; every other token of the plan is kept.
 *
 *   npx tsx examples/self-correction.ts [model-folder]
 *
 * The call is planned exactly as the agent plans one (its prompt format, plan schema and grounded holes). The
 * hallucination is injected: the destination the checks see is replaced by a city the request never mentions.
 * Repair re-masks the hole whatever it held, so the mechanism is the one the agent runs when a check rejects a
 * value the model wrote, and the grounded hole can only write a span of the request again. On the random
 * fixture the repaired value is some such span; on a trained model it is the city of the request.
 */
import { checkCalls, parametersOf, planGrounding, planSchema, renderAgentMessages, type FieldIssue } from '@lacuna/agent';
import { loadBestModel } from '@lacuna/agent/cli';
import { renderCanvasText, type DenoiseStepEvent } from '@lacuna/core';
import { search_flights } from '@lacuna/demo-toolbox';
import { infill, repair } from '@lacuna/infill';
import { CanvasView } from './shared/canvas-view.js';
import { isScript } from './shared/run-as-script.js';
import { processTerminal, type Terminal } from './shared/terminal.js';

export const FLIGHT_REQUEST = 'Find flights from Lisbon to Paris on 2025-07-14 for 2 people.';
/** The hallucination: a destination that does not occur in the request. */
export const INJECTED = { field: 'destination', value: 'Atlantis' } as const;

type Plan = { tool: string; arguments: Record<string, unknown> }[];

export interface SelfCorrectionOptions {
  readonly model?: string;
  readonly terminal?: Terminal;
  readonly seed?: number;
}

export interface SelfCorrection {
  /** The arguments as the model planned them. */
  readonly planned: Record<string, unknown>;
  /** The same arguments with the hallucinated field. */
  readonly injected: Record<string, unknown>;
  /** What the checks rejected in the injected arguments. */
  readonly issues: readonly FieldIssue[];
  /** The arguments after repairing the injected field. */
  readonly repaired: Record<string, unknown>;
  /** The canvas at each denoising step of the repair (masks shown as ░). */
  readonly repairFrames: readonly string[];
  readonly forwardPasses: { readonly plan: number; readonly repair: number };
}

export async function main(options: SelfCorrectionOptions = {}): Promise<SelfCorrection> {
  const terminal = options.terminal ?? processTerminal();
  const { model } = await loadBestModel({ model: options.model, agent: false });
  try {
    const signature = { name: 'search_flights', description: search_flights.description, parameters: parametersOf(search_flights) };
    const messages = renderAgentMessages({ tools: [signature], turns: [{ role: 'user', content: FLIGHT_REQUEST }] });
    const { tokenizer } = model;
    const view = new CanvasView(terminal);
    const repairFrames: string[] = [];
    let phase: 'plan' | 'repair' = 'plan';
    const answerStart = tokenizer.encode(tokenizer.applyChatTemplate(messages, { addGenerationPrompt: true })).length;
    const onStep = (event: DenoiseStepEvent) => {
      const text = renderCanvasText(tokenizer, event.canvas, { from: answerStart });
      if (phase === 'repair') repairFrames.push(text);
      view.frame(`  ${phase.padEnd(6)} pass ${String(event.forwardPasses).padStart(2)}`, text);
    };

    terminal.write(`request: ${FLIGHT_REQUEST}\n`);
    const plan = await infill({
      model,
      schema: planSchema([signature], { allowAnswer: false, maxCalls: 1 }) as Record<string, unknown>,
      prompt: messages,
      onStep,
      ground: planGrounding({ search_flights }, [signature], FLIGHT_REQUEST),
      seed: options.seed ?? 0,
    });
    const planned = (plan.value as Plan)[0]?.arguments ?? {};
    view.settle();
    terminal.write(`planned:  ${JSON.stringify(planned)}\n`);

    const injected: Record<string, unknown> = { ...planned, [INJECTED.field]: INJECTED.value };
    terminal.write(`injected: ${JSON.stringify(injected)}   <- "${INJECTED.value}" is not in the request\n`);
    const issues = await checkCalls([{ tool: 'search_flights', arguments: injected }], { search_flights }, { context: FLIGHT_REQUEST, minConfidence: 0, holes: plan.holes });
    for (const issue of issues) terminal.write(`  rejected ${issue.path.join('.')} (${issue.check} check): ${issue.message}\n`);
    const rejected = issues.filter((issue) => issue.path[0] === INJECTED.field);
    if (rejected.length === 0) throw new Error(`The grounding check accepted "${INJECTED.value}"; the example expects it to be rejected.`);
    if (issues.length > rejected.length) terminal.write('  (only the injected field is repaired here; the others are what the model wrote)\n');

    // Only the destination's hole is masked again, as the agent repairs: every other token stays on the canvas.
    phase = 'repair';
    const repairedPlan = await repair(plan, { paths: [[0, 'arguments', INJECTED.field]] });
    const repaired = (repairedPlan.value as Plan)[0]?.arguments ?? {};
    view.settle();
    terminal.write(`repaired: ${JSON.stringify(repaired)}\n`);
    for (const field of Object.keys({ ...injected, ...repaired })) {
      const changed = JSON.stringify(injected[field]) !== JSON.stringify(repaired[field]);
      terminal.write(`  ${field.padEnd(12)} ${changed ? `re-masked: ${JSON.stringify(injected[field])} -> ${JSON.stringify(repaired[field])}` : 'kept'}\n`);
    }
    terminal.write(`${plan.forwardPasses} forward passes to plan, ${repairedPlan.forwardPasses} to repair\n`);
    return { planned, injected, issues, repaired, repairFrames, forwardPasses: { plan: plan.forwardPasses, repair: repairedPlan.forwardPasses } };
  } finally {
    await model.dispose();
  }
}

if (isScript(import.meta.url)) {
  const [model] = process.argv.slice(2);
  await main(model === undefined || model === '' ? {} : { model });
}
