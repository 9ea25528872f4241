import { startsOf } from './repeated-values.js';

/** Words of a name: capitalised, letters with apostrophes and hyphens ("O'Neill", "Jean-Luc"). */
const NAME_WORD = /^ (\p{Lu}[\p{L}'’-]*)/u;
/** Words a name goes on with at most: "Oliver" of "Oliver Hoffmann", "The Green" of "The Green Door". */
const MAX_WORDS_ADDED = 3;

/**
 * A copy that stops inside a name, with the rest of the name: the capitalised words that follow it, in every
 * statement of the copy alike ("Oliver" of "candidate Oliver Hoffmann and" is Oliver Hoffmann, "The Green" of "at
 * The Green Door" The Green Door). A weak model often stops a name it never saw after its first word. The name
 * goes on only over words no other argument holds and no date or time (`blocked`, by their offset in `context`):
 * "flight Seoul Houston Friday" gives origin "Seoul", destination "Houston" and a date. "I" is no part of a name.
 * Returns the copy itself when it ends in a lower-case word, stops before no capitalised word, or goes on differently
 * in two statements.
 */
export function wholeName(value: string, context: string, blocked: (at: number) => boolean): string {
  const last = value.split(/\s+/).at(-1) ?? '';
  if (!/^\p{Lu}/u.test(last)) return value;
  let whole: string | undefined;
  for (const start of startsOf(context, value)) {
    let end = start + value.length;
    let name = value;
    for (let added = 0; added < MAX_WORDS_ADDED; added++) {
      const next = NAME_WORD.exec(context.slice(end));
      if (next === null || next[1] === 'I' || blocked(end + 1)) break;
      name += ` ${next[1] as string}`;
      end += next[0].length;
    }
    if (name === value || (whole !== undefined && whole !== name)) return value;
    whole = name;
  }
  return whole ?? value;
}
