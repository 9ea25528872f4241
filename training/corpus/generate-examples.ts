import { EXAMPLE_KINDS, type Example, type ExampleKind } from './example-types.js';
import { answerFromResultExample } from './kinds/answer-from-result-examples.js';
import { exampleContext, type ExampleContext } from './kinds/example-context.js';
import { extractionExample } from './kinds/extraction-examples.js';
import { noToolExample } from './kinds/no-tool-examples.js';
import { proceduralToolCallExample } from './kinds/procedural-tool-call-examples.js';
import { toolCallExample } from './kinds/tool-call-examples.js';
import { createRandom, exampleSeed } from './random.js';
import type { Split } from './splits.js';

export type KindMix = Readonly<Record<ExampleKind, number>>;

export const DEFAULT_MIX: KindMix = {
  tool_call: 0.55,
  procedural_tool_call: 0.15,
  extraction: 0.12,
  answer_from_result: 0.12,
  no_tool: 0.06,
};

/** `test_tools` holds made-up tools out, so it is made of calls to them alone. */
export const TEST_TOOLS_MIX: KindMix = { tool_call: 0, procedural_tool_call: 1, extraction: 0, answer_from_result: 0, no_tool: 0 };

const GENERATORS: Readonly<Record<ExampleKind, (context: ExampleContext) => Example>> = {
  tool_call: toolCallExample,
  procedural_tool_call: proceduralToolCallExample,
  extraction: extractionExample,
  answer_from_result: answerFromResultExample,
  no_tool: noToolExample,
};

/**
 * Example `index` of a split. Its randomness is seeded by (seed, split, index) alone, so an example does
 * not depend on the ones before it: `--count 1000` writes the first thousand lines of `--count 200000`.
 */
export function generateExample(seed: number, split: Split, index: number, mix: KindMix = split === 'test_tools' ? TEST_TOOLS_MIX : DEFAULT_MIX): Example {
  const random = createRandom(exampleSeed(seed, split, index));
  const kind = random.weighted(EXAMPLE_KINDS.map((name) => [name, mix[name]] as const));
  const context = exampleContext(`${split}-${String(index).padStart(6, '0')}`, random, split);
  return GENERATORS[kind](context);
}

export function* generateExamples(seed: number, split: Split, count: number, mix?: KindMix): Generator<Example> {
  for (let index = 0; index < count; index++) yield generateExample(seed, split, index, mix);
}

/** Parses `tool_call=0.5,no_tool=0.1`; kinds not named keep their default share. */
export function parseMix(text: string): KindMix {
  const mix: Record<ExampleKind, number> = { ...DEFAULT_MIX };
  for (const part of text.split(',').filter(Boolean)) {
    const [name, value] = part.split('=');
    if (!EXAMPLE_KINDS.includes(name as ExampleKind) || value === undefined || !Number.isFinite(Number(value)) || Number(value) < 0) {
      throw new RangeError(`Cannot read mix entry "${part}": expected one of ${EXAMPLE_KINDS.join(', ')} with a share >= 0.`);
    }
    mix[name as ExampleKind] = Number(value);
  }
  return mix;
}
