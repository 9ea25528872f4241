/**
 * Structured extraction: a zod schema filled from a text with @lacuna/infill. The value always parses (the
 * model writes only inside the schema's holes, under token constraints); each field is then checked against
 * the text the way the agent checks tool arguments, and its least confident token is shown.
 *
 *   npx tsx examples/extract-contact.ts [model-folder] ["text"]
 */
import { groundingFailure } from '@lacuna/agent';
import { loadBestModel } from '@lacuna/agent/cli';
import { infill } from '@lacuna/infill';
import { z } from 'zod';
import { isScript } from './shared/run-as-script.js';
import { processTerminal, type Terminal } from './shared/terminal.js';

/** The contact fields the default model is trained to extract, in its training order. */
export const Contact = z.object({
  name: z.string().min(1).max(60).describe('Full name'),
  job_title: z.string().max(60).optional().describe('Job title'),
  company: z.string().max(60).optional().describe('Company name'),
  email: z.email().optional().describe('Email address'),
  phone: z.string().max(30).optional().describe('Phone number as written'),
  city: z.string().max(40).optional().describe('City'),
});
export type Contact = z.infer<typeof Contact>;

export const CONTACT_TEXT = "Hi, I'm Ada Lovelace, analyst from Babbage & Co. You can email me at ada@example.org. My number is +44 20 7946 0958. I'm based in London.";

export interface ExtractOptions {
  readonly model?: string;
  readonly text?: string;
  readonly terminal?: Terminal;
  readonly seed?: number;
}

export interface Extraction {
  readonly contact: Contact;
  /** Per field: whether the value occurs in the text, and the least probability among its sampled tokens. */
  readonly fields: readonly { readonly path: string; readonly value: unknown; readonly grounded: boolean; readonly leastConfidence: number }[];
  readonly forwardPasses: number;
}

export async function main(options: ExtractOptions = {}): Promise<Extraction> {
  const terminal = options.terminal ?? processTerminal();
  const text = options.text ?? CONTACT_TEXT;
  const { model } = await loadBestModel({ model: options.model, agent: false });
  try {
    // The text is the user's message, as in the extraction examples the default model is trained on.
    const result = await infill({ model, schema: Contact, prompt: [{ role: 'user', content: text }], seed: options.seed ?? 0 });
    terminal.write(`text: ${text}\n${JSON.stringify(result.value, null, 2)}\n`);
    const fields = result.holes
      .filter((hole) => hole.kind === 'value')
      .map((hole) => {
        const value = (result.value as Record<string, unknown>)[String(hole.path[0])];
        const sampled = hole.confidences.filter((confidence) => Number.isFinite(confidence) && confidence < 1);
        return { path: hole.jsonPath, value, grounded: groundingFailure(value, text) === undefined, leastConfidence: sampled.length === 0 ? 1 : Math.min(...sampled) };
      });
    for (const field of fields) {
      terminal.write(`  ${field.path.padEnd(12)} ${field.grounded ? 'in the text    ' : 'NOT in the text'}  least token probability ${field.leastConfidence.toFixed(3)}\n`);
    }
    terminal.write(`${result.forwardPasses} forward passes, ${Math.round(result.elapsedMs)} ms\n`);
    return { contact: result.value, fields, forwardPasses: result.forwardPasses };
  } finally {
    await model.dispose();
  }
}

if (isScript(import.meta.url)) {
  const [model, text] = process.argv.slice(2);
  await main({ ...(model === undefined || model === '' ? {} : { model }), ...(text === undefined ? {} : { text }) });
}
