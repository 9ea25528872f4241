import type { Random } from '../random.js';
import type { Side } from '../splits.js';
import type { ProceduralField } from './procedural-fields.js';
import { fieldsOfSide, type ProceduralTool } from './procedural-tools.js';

/**
 * Whether training's made-up tool requests also state fields the tool does not have (generate-corpus.ts
 * `--distractor-mentions`). Held-out files never do, so they stay the same either way.
 */
let distractorsInTraining = false;

export function useDistractorMentions(on: boolean): void {
  distractorsInTraining = on;
}

export function distractorMentionsOn(): boolean {
  return distractorsInTraining;
}

/** Share of training's made-up tool requests that state distractors when the flag is on. */
export const DISTRACTOR_SHARE = 0.5;

/** Two fields whose values a model could only tell apart by their names: both cities, both dates, both codes. */
function valueKind(field: ProceduralField): string {
  return field.value.kind === 'entity' ? `entity:${field.value.entity}` : field.value.kind;
}

function labelsOverlap(left: string, right: string): boolean {
  return left.includes(right) || right.includes(left);
}

/**
 * One or two fields the tool lacks, for the request to state beside the real ones ("for the arrival city
 * Lyon" where the tool has only `departure_city`). The expected call leaves them out, so copying a value
 * because it is the right kind of value (a city for a city field) is wrong, and only reading the field's name
 * against the words that introduce each value is right: the skill a tool never seen in training needs.
 * Mostly of the same kind as a stated field, which is the confusable case. No label contains another, so the
 * request never names two fields with words that could be either's.
 */
export function drawDistractorFields(tool: ProceduralTool, stated: readonly ProceduralField[], random: Random, side: Side): ProceduralField[] {
  const labels = tool.fields.map((field) => field.label);
  const candidates = fieldsOfSide(side).filter((field) => !labels.some((label) => labelsOverlap(label, field.label)));
  if (candidates.length === 0) return [];
  const statedKinds = new Set(stated.map(valueKind));
  const sameKind = candidates.filter((field) => statedKinds.has(valueKind(field)));
  const wanted = random.integer(1, 2);
  const chosen: ProceduralField[] = [];
  for (let attempt = 0; attempt < 4 * wanted && chosen.length < wanted; attempt++) {
    const pool = sameKind.length > 0 && random.chance(0.6) ? sameKind : candidates;
    const field = random.pick(pool);
    if (chosen.some((other) => labelsOverlap(other.label, field.label))) continue;
    chosen.push(field);
  }
  return chosen;
}
