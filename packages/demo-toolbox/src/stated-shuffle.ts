import { inTextOrder, type FoundAt } from './in-text-order.js';

/** How a text asks not to shuffle: a negated shuffle, "shuffle off", "in order". Read before the asks for one. */
const NOT_SHUFFLED = /\b(?:no|not|don't|do not|without|never)\s+(?:\w+\s+)?shuffl\w*|\bshuffle\s*(?:off|disabled)\b|\bunshuffled\b|\bin (?:album |track )?order\b(?!\s+to\b)/giu;
/** How a text asks to shuffle: the word in any form, or a random order. */
const SHUFFLED = /\bshuffl\w*|\bin (?:a )?random order\b|\brandomly\b|\bat random\b/giu;

/**
 * Whether a text asks to shuffle what is played: play_music's `shuffle`, `['true']` for "on shuffle", "shuffled",
 * "in random order", `['false']` for "not shuffled", "shuffle off", "in order", both when it says both, none when
 * it says neither, and the optional shuffle is then left out rather than written by the model.
 */
export function shuffleIn(text: string): ('true' | 'false')[] {
  const negated = [...text.matchAll(NOT_SHUFFLED)].map((match): [number, number] => [match.index, match.index + match[0].length]);
  const asked = [...text.matchAll(SHUFFLED)].filter((match) => !negated.some(([start, end]) => start <= match.index && match.index < end));
  const said: FoundAt<'true' | 'false'>[] = [];
  if (negated[0] !== undefined) said.push({ value: 'false', at: negated[0][0] });
  if (asked[0] !== undefined) said.push({ value: 'true', at: asked[0].index });
  return inTextOrder(said);
}
