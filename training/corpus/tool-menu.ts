import { DEMO_TOOL_NAMES, DEMO_TOOL_SPECS } from './demo-toolbox.js';
import type { ToolSpec } from './example-types.js';
import { drawProceduralTool } from './procedural/procedural-tools.js';
import type { Random } from './random.js';
import type { Side } from './splits.js';

export interface MenuOptions {
  /** Made-up tools among the distractors, from this side of the tool split; none when undefined. */
  readonly proceduralSide?: Side;
  /** Share of menus that get made-up distractors at all. */
  readonly proceduralShare?: number;
}

/**
 * The tools a prompt offers: the ones the answer needs plus distractors, 3 to 8 in all, in random order,
 * so the model learns to choose by name and description rather than by position or menu size.
 */
export function toolMenu(random: Random, required: readonly ToolSpec[], options: MenuOptions = {}): ToolSpec[] {
  const size = Math.max(required.length, random.integer(3, 8));
  const taken = new Set(required.map((tool) => tool.name));
  const candidates: ToolSpec[] = DEMO_TOOL_NAMES.filter((name) => !taken.has(name)).map((name) => DEMO_TOOL_SPECS[name]);
  if (options.proceduralSide !== undefined && random.chance(options.proceduralShare ?? 0.3)) {
    const wanted = random.integer(1, 4);
    for (let attempt = 0, added = 0; attempt < wanted * 3 && added < wanted; attempt++) {
      const spec = drawProceduralTool(random, options.proceduralSide).spec;
      if (taken.has(spec.name) || candidates.some((tool) => tool.name === spec.name)) continue;
      candidates.push(spec);
      added++;
    }
  }
  const distractors = random.sample(candidates, size - required.length);
  return random.shuffle([...required, ...distractors]);
}
