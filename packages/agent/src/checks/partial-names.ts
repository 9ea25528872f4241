import { startsOf } from './repeated-values.js';

/** A word of a name: capitalised, letters with apostrophes and hyphens ("O'Neill", "Jean-Luc"). */
const NAME_WORD_AFTER = /^ (\p{Lu}[\p{L}'’-]*)/u;
const NAME_WORD_BEFORE = /(?:^|\s)(\p{Lu}[\p{L}'’-]*) $/u;
/** The possessive ending right after a name: "'s", "’s". */
const POSSESSIVE_AFTER = /^['’]s(?![\p{L}\p{N}])/u;
/** Words a name goes on with at most, on each side: "Oliver" of "Oliver Hoffmann", "The Green" of "The Green Door". */
const MAX_WORDS_ADDED = 3;

/**
 * A copy that stops inside a name, with the rest of the name: the capitalised words right after it and right before
 * it, in every statement of the copy alike ("Oliver" of "candidate Oliver Hoffmann and" is Oliver Hoffmann, "The
 * Green" of "at The Green Door" The Green Door, "Pham" of "requester is Aleksander Pham" Aleksander Pham, "pipeline
 * review" of "book Sales pipeline review" Sales pipeline review), its possessive and an "&" included ("Nando's",
 * "Ember & Oak"). A weak model often cuts a name it never saw. The
 * name goes over no word another argument holds and no date or time (`blocked`, by offset in `context`) and no "I";
 * backwards, over no word that begins a sentence ("Please", "Book") and no word of an argument's label (`labelWords`,
 * lower-case: the "ID" of "account ID ACC-524169"; forwards, "Kuwait City" keeps its "City" beside a clinic city).
 * Returns the copy itself when nothing is added or two statements go on differently.
 */
export function wholeName(value: string, context: string, blocked: (at: number) => boolean, labelWords: ReadonlySet<string> = new Set()): string {
  const joins = (word: string, at: number) => word !== 'I' && !blocked(at);
  let whole: string | undefined;
  for (const start of startsOf(context, value)) {
    let end = start + value.length;
    let name = value;
    // Forwards, over the capitalised words after a copy that ends in one, or in the "&" that joins two ("Ember &").
    // A name's possessive is part of it ("Nando" of "at Nando's tonight", "Joe" of "Joe's Diner").
    const possessive = endsInName(value) ? POSSESSIVE_AFTER.exec(context.slice(end)) : null;
    if (possessive !== null) {
      name += possessive[0];
      end += possessive[0].length;
    }
    for (let added = 0; added < MAX_WORDS_ADDED && endsInName(value); added++) {
      const next = NAME_WORD_AFTER.exec(context.slice(end));
      if (next === null || !joins(next[1] as string, end + 1)) break;
      name += ` ${next[1] as string}`;
      end += next[0].length;
    }
    // Backwards, over the capitalised words before it that do not begin a sentence.
    let at = start;
    for (let added = 0; added < MAX_WORDS_ADDED; added++) {
      const previous = NAME_WORD_BEFORE.exec(context.slice(0, at));
      if (previous === null) break;
      const word = previous[1] as string;
      const wordStart = at - 1 - word.length;
      const before = context.slice(0, wordStart).trimEnd();
      if (before === '' || /[.!?:;\n"“]$/u.test(before) || labelWords.has(word.toLowerCase()) || !joins(word, wordStart)) break;
      name = `${word} ${name}`;
      at = wordStart;
    }
    if (name === value || (whole !== undefined && whole !== name)) return value;
    whole = name;
  }
  return whole ?? value;
}

/** Whether a copy's last word is capitalised, or is an "&" after a capitalised word. */
function endsInName(value: string): boolean {
  const words = value.split(/\s+/);
  const last = words.at(-1) === '&' ? words.at(-2) : words.at(-1);
  return /\p{Lu}/u.test(last?.[0] ?? '');
}
