import { startsOf } from './repeated-values.js';
import { followsAsking, isFunctionWord } from './function-words.js';
import { numberAlone } from './grounding.js';

/** A word of a name: capitalised, letters with apostrophes and hyphens ("O'Neill", "Jean-Luc"). */
const NAME_WORD_AFTER = /^ (\p{Lu}[\p{L}'’-]*)/u;
const NAME_WORD_BEFORE = /(?:^|\s)(\p{Lu}[\p{L}'’-]*) $/u;
/** The possessive ending right after a name: "'s", "’s". */
const POSSESSIVE_AFTER = /^['’]s(?![\p{L}\p{N}])/u;
/** Words a name goes on with at most, on each side: "Oliver" of "Oliver Hoffmann", "The Green" of "The Green Door". */
const MAX_WORDS_ADDED = 3;

/**
 * A copy that stops inside a name, with the rest of the name: the capitalised words right after it and right before
 * it, in every statement of the copy alike (`ownStatements`: not those inside another argument's words). "Oliver" of
 * "candidate Oliver Hoffmann and" is Oliver Hoffmann, "The Green" of "at The Green Door" The Green Door, "Pham" of
 * "requester is Aleksander Pham" Aleksander Pham, "pipeline review" of "book Sales pipeline review" Sales pipeline
 * review; its possessive and an "&" are included ("Nando's", "Ember & Oak"). A weak model often cuts a name it never
 * saw. The name goes over no word another argument holds and no date or time (`blocked`, by offset in `context`) and
 * no "I"; backwards, over no word that begins a sentence ("Please", "Book") and no word of an argument's label
 * (`labelWords`, lower-case: the "ID" of "account ID ACC-524169"; forwards, "Kuwait City" keeps its "City" beside a
 * clinic city). Returns the copy itself when nothing is added or two statements go on differently.
 */
export function wholeName(value: string, context: string, blocked: (at: number) => boolean, labelWords: ReadonlySet<string> = new Set()): string {
  const joins = (word: string, at: number) => word !== 'I' && !blocked(at);
  let whole: string | undefined;
  for (const start of ownStatements(value, context, blocked)) {
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

/** A lower-case word of a phrase ("ride", "dentist", "living-room"). */
const PHRASE_WORD_AFTER = /^ (\p{Ll}[\p{L}'’-]*)/u;
/** The lower-case word right before a copy. */
const PHRASE_WORD_BEFORE = /(?:^|\s)(\p{Ll}[\p{L}'’-]*) $/u;
/** Words that introduce a value rather than begin it ("an event called the kickoff"). */
const NAMING_WORDS: ReadonlySet<string> = new Set(['called', 'named', 'titled', 'labelled', 'labeled', 'saying', 'say']);
/** Words that join a phrase only before another word of it ("the" of "cancel the gym membership"). */
const DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'my', 'our', 'your', 'his', 'her', 'their']);
/**
 * Words a phrase does not go on over besides function words: a negation, the modal verbs ("tea will take"), thanks
 * and "using" ("Antalya using centigrade"), which begin the next part of the request.
 */
const NOT_PHRASE_WORDS: ReadonlySet<string> = new Set(['not', 'will', 'would', 'can', 'could', 'should', 'shall', 'must', 'may', 'might', 'thank', 'thanks', 'using']);
/** Words that state a moment, which end a phrase as a date would ("right now", "tomorrow"). */
const MOMENT_WORDS = /^(?:now|today|tonight|tomorrow|yesterday|asap|rn|morning|afternoon|evening|night|noon|midnight)$/u;
/**
 * What may come right after a whole phrase: the end of the text or of a line, punctuation, or a preposition,
 * conjunction or courtesy that begins the next part of the request ("Sales pipeline review on 21st September", "book
 * train tickets (low priority)"). A phrase followed by anything else ("Bucharest departing 2026-10-15", "Lucerne
 * right now") is not known to end there, and the copy is left as it is.
 */
const PHRASE_END = /^(?:\s*(?:[,.;:!?()]|$)|[^\S\n]*\n| (?:to|on|for|at|by|from|in|with|and|then|plus|also|or|due|before|after|until|please|thanks|thank|using)(?![\p{L}\p{N}]))/u;

/**
 * A copy that stops inside a phrase, with the rest of it: the lower-case words right after it up to where the next
 * part of the request begins (`PHRASE_END`), a determiner among them ("Cycling group" of "entry for Cycling group
 * ride on 2027-08-22" is Cycling group ride, "glue the broken" of "add glue the broken mug to my tasks" glue the
 * broken mug, "cancel" of "add cancel the gym membership to" cancel the gym membership). A weak model ends a title
 * or a task where its own words would. The phrase goes on over no function word, modal verb or word of a moment,
 * no word of an argument's label or a form of one (`labelWords`: the "shuffled" of "play Golden Static shuffled"),
 * no digits and no word another argument holds or a date or time (`blocked`, by offset in `context`), and by at
 * most three words; only a copy made of words, not all capitals, not a number in words and not ending in a function
 * word goes on. A sentence of four words or more that begins the request or follows a colon or a stop keeps its own
 * stop. A copy that starts with a determiner takes the one lower-case word before it ("the professor" of "Add email
 * the professor to my to-dos"), unless that word is where the request puts its own verb or introduces the value
 * ("called"). Returns the copy itself when nothing is added or two statements go on differently.
 */
export function wholePhrase(value: string, context: string, blocked: (at: number) => boolean, labelWords: ReadonlySet<string> = new Set()): string {
  if (!/^[\p{L}'’ -]+$/u.test(value) || !/\p{Ll}/u.test(value)) return value;
  // A copy that ends in a function word ("Ljubljana by") took a word past its value, which function-words trims;
  // a number in words ("six" of "six mins") is a count, which the check of numbers alone judges.
  if (isFunctionWord(value.split(' ').at(-1)?.toLowerCase() ?? '') || numberAlone(value) !== undefined) return value;
  const labelled = (word: string) => [...labelWords].some((label) => word === label || (label.length >= 4 && word.startsWith(label)));
  const joins = (word: string, at: number) =>
    !isFunctionWord(word) && !NOT_PHRASE_WORDS.has(word) && !MOMENT_WORDS.test(word) && !labelled(word) && !blocked(at);
  let whole: string | undefined;
  for (const start of ownStatements(value, context, blocked)) {
    let end = start + value.length;
    let phrase = value;
    // A copy that starts with a determiner took a task's object without its verb ("the professor" of "Add email the
    // professor to my to-dos"): the word before it joins, unless it is the request's own verb or names the value.
    if (DETERMINERS.has(value.split(' ')[0] as string)) {
      const previous = PHRASE_WORD_BEFORE.exec(context.slice(0, start));
      const word = previous?.[1];
      const wordStart = start - 1 - (word?.length ?? 0);
      if (word !== undefined && joins(word, wordStart) && !NAMING_WORDS.has(word) && !atRequestVerb(context.slice(0, wordStart))) phrase = `${word} ${phrase}`;
    }
    for (let added = 0; added < MAX_WORDS_ADDED; ) {
      const next = PHRASE_WORD_AFTER.exec(context.slice(end));
      if (next === null) break;
      let word = next[1] as string;
      let taken = next[0];
      if (DETERMINERS.has(word)) {
        const after = PHRASE_WORD_AFTER.exec(context.slice(end + taken.length));
        if (after === null) break;
        word = after[1] as string;
        taken += after[0];
      }
      if (!joins(word, end + taken.length - word.length)) break;
      phrase += taken;
      end += taken.length;
      added++;
    }
    // The next part of the request begins at punctuation, a joining word, or a word of another argument's label
    // ("house music shuffled").
    const next = PHRASE_WORD_AFTER.exec(context.slice(end));
    if (phrase === value || !(PHRASE_END.test(context.slice(end)) || (next !== null && labelled(next[1] as string)))) return value;
    // A sentence the request gives whole (after a colon, of four words or more) ends with its stop: "What time does
    // the museum open?" to translate, an e-mail body.
    const stop = /^[.?!]/.exec(context.slice(end));
    if (stop !== null && /(?:^|[:.!?]\s+)$/u.test(context.slice(0, start)) && /^\p{Lu}/u.test(phrase) && phrase.split(' ').length >= 4) phrase += stop[0];
    if (whole !== undefined && whole !== phrase) return value;
    whole = phrase;
  }
  return whole ?? value;
}

/**
 * Whether a text ends where a request puts the verb it asks with: a sentence's start, or after "you", "please",
 * "also" or "then".
 */
function atRequestVerb(before: string): boolean {
  return /(?:^|[.!?:;]\s*)$/u.test(before) || followsAsking(before);
}

/**
 * Where a copy is stated, but inside the words another argument holds ("party" of the body "You are invited to our
 * garden party" is the body's, not a statement of the subject "party" of "the subject Garden party").
 */
function ownStatements(value: string, context: string, blocked: (at: number) => boolean): number[] {
  return startsOf(context, value).filter((start) => !blocked(start));
}
