/**
 * Generates text with a masked diffusion model and shows the canvas being denoised, step by step.
 *
 *   npx tsx examples/generate-text.ts "Your prompt" [model-folder]
 *
 * Without a folder it runs the best model available (see loadBestModel): the default model, which is trained
 * for tool plans and short answers rather than free text, so expect little more than the shape of a sentence;
 * every step, the parallel commits and the forward-pass count are real.
 */
import { loadBestModel } from '@lacuna/agent/cli';
import { confidenceThreshold, DiffusionPipeline, lowConfidence } from '@lacuna/core';

const prompt = process.argv[2] ?? 'Write one sentence about Lisbon.';
const { model } = await loadBestModel({ model: process.argv[3], agent: false });
const pipeline = new DiffusionPipeline(model);

for (const [label, strategy, steps] of [
  ['low-confidence, one token per step', lowConfidence(), 32],
  ['Fast-dLLM threshold 0.9 (parallel)', confidenceThreshold({ threshold: 0.9 }), 32],
] as const) {
  console.log(`\n== ${label}`);
  const stream = pipeline.stream({ prompt: [{ role: 'user', content: prompt }], generationLength: 32, steps, blockLength: 16, strategy });
  for await (const event of stream) {
    const committed = event.committed.map((change) => change.position).join(',');
    console.log(`step ${String(event.step).padStart(2)}  +${event.committed.length} [${committed}]  ${JSON.stringify(event.text)}`);
  }
  const result = await stream.result;
  console.log(`-> ${result.forwardPasses} forward passes, ${result.elapsedMs.toFixed(1)} ms: ${JSON.stringify(result.text)}`);
}
await model.dispose();
