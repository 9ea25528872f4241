import { argumentLabels, escapeRegExp } from './argument-labels.js';

/**
 * English words that state no value on their own: articles, conjunctions, prepositions, forms of "be", relative
 * words and the speaker's pronouns. Object pronouns a title may be ("Her", "Us") are left out of the list.
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'so', 'then', 'also', 'plus',
  'to', 'of', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'without', 'about', 'as', 'into', 'onto', 'per', 'via',
  'is', 'are', 'was', 'were', 'be', 'been', 'am', 'do', 'does', 'please',
  'where', 'which', 'that', 'when', 'whose',
  'i', 'me', 'my', 'mine', 'we', 'our', 'ours', 'your', 'yours',
]);

/** Whether a lower-case word is one of the English function words above. */
export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word);
}

/**
 * Whether a copied value is made only of function words, placeholders ("something") and words of the tool's argument
 * labels ("is", "and for", "The notes", "requester", "play something"): it names no value, whatever argument holds
 * it. A weak model fills a hole it cannot place with the words around a value ("where the notes is \"second floor,
 * flat 4\"" gave `notes: "is"`).
 * `labelWords` are the lower-case words of the tool's argument labels (`labelWordsOf`).
 */
export function namesNothing(value: string, labelWords: ReadonlySet<string>): boolean {
  const words = value.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.every((word) => FUNCTION_WORDS.has(word) || PLACEHOLDERS.has(word) || labelWords.has(word));
}

/** Words that stand for a thing the request does not name ("play something by Stone Fruit"). */
const PLACEHOLDERS: ReadonlySet<string> = new Set(['something', 'anything']);

/** Particles that make one verb of the word before them ("block out", "pencil in"). */
const PARTICLE = '(?:in|out|up|down|off|on|over|away|back)(?![\\p{L}\\p{N}])';
/** A lower-case word and the particles that make one verb of it, at the start of a text. */
const VERB = new RegExp(`^\\p{Ll}+(?:\\s+${PARTICLE})*\\s*`, 'u');
/** The same with at least one particle. */
const PHRASAL_VERB = new RegExp(`^\\p{Ll}+\\s+${PARTICLE}`, 'u');

/**
 * A copy without the verb a request asks with at its start: a lower-case word, with its particles, that every
 * statement of the copy has where a request puts what it asks to be done, after "you", "please", "also" or "then",
 * or first in a sentence with a particle ("could you block out an hour", "pencil in Quarterly earnings call", "please
 * set a timer", "Also, add collect the package"). Empty when the copy is nothing but that verb; the copy itself when
 * it does not begin with one. A weak model takes the verb for the title or label it cannot place, or copies from it
 * on.
 */
export function withoutRequestVerb(value: string, context: string): string {
  const verb = VERB.exec(value);
  if (verb === null) return value;
  const statements = [...context.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(value)}(?![\\p{L}\\p{N}])`, 'gu'))];
  // First in a sentence, a request may as well start with its value ("accountant meeting on Friday; add it"): only a
  // verb with a particle counts there ("pencil in", "block out").
  const atVerb =
    statements.length > 0 &&
    statements.every((statement) => {
      const before = context.slice(0, statement.index);
      return followsAsking(before) || (/(?:^|[.!?]\s+)$/.test(before) && PHRASAL_VERB.test(context.slice(statement.index)));
    });
  return atVerb ? value.slice(verb[0].length) : value;
}

/** Words that open a sentence before its subject, capitalised there only because they open it. */
const SENTENCE_OPENERS = /^(?:The|A|An|Some)\s+(?=\p{Ll})/u;

/**
 * A copy without the article or quantifier it begins with where every statement of it opens a sentence, when only
 * lower-case words follow ("The nap" of "The nap will take two minutes; set a timer." is nap, "Some acoustic guitar"
 * of "Some acoustic guitar, please!"): the word is capitalised because the sentence starts there, not because it
 * begins a name ("The Green Door" keeps it). Only a copy of up to three words after it: a longer one is a sentence
 * given whole. Returns the copy itself otherwise.
 */
export function withoutSentenceOpener(value: string, context: string): string {
  const opener = SENTENCE_OPENERS.exec(value);
  const rest = value.slice(opener?.[0].length ?? 0);
  // A sentence given whole (an e-mail body: "The move-in date is confirmed.") keeps its first word.
  if (opener === null || /\s\p{Lu}/u.test(rest) || /[.!?]$/.test(rest) || rest.split(/\s+/).length > 3) return value;
  const starts = statementsOf(value, context);
  const opensSentence = (at: number) => /(?:^|[.!?]\s+|\n\s*)$/u.test(context.slice(0, at));
  return starts.length > 0 && starts.every(opensSentence) ? rest : value;
}

/** A particle at a copy's end, and the word a noun phrase starts with after it. */
const ENDING_PARTICLE = new RegExp(`\\s+${PARTICLE}$`, 'u');
const DETERMINER = /^\s+(?:my|your|our|his|her|their|its|the|a|an|this|that|these|those)(?![\p{L}\p{N}])/iu;

/**
 * A copy without the particle it ends with where every statement of it is followed by a determiner: the word is a
 * preposition there, opening the phrase after the value ("Farewell party on" of "put Farewell party on my calendar"
 * is Farewell party); a particle that ends a clause stays ("turn on", "log in"). Returns the copy itself otherwise.
 */
export function withoutTrailingPreposition(value: string, context: string): string {
  const particle = ENDING_PARTICLE.exec(value);
  if (particle === null) return value;
  const ends = statementsOf(value, context).map((at) => at + value.length);
  return ends.length > 0 && ends.every((end) => DETERMINER.test(context.slice(end))) ? value.slice(0, particle.index) : value;
}

/** Where a context writes a value as whole words, case kept. */
function statementsOf(value: string, context: string): number[] {
  return [...context.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(value)}(?![\\p{L}\\p{N}])`, 'gu'))].map((match) => match.index);
}

/** Whether a text ends where a request puts the verb it asks with: after "you", "please", "also" or "then". */
export function followsAsking(before: string): boolean {
  return /\b(?:you|please|also,?|then)\s+$/i.test(before);
}

/** The lower-case words of every argument's labels (`argumentLabels`: its description's head and its name). */
export function labelWordsOf(properties: Readonly<Record<string, { readonly description?: string }>>): Set<string> {
  const words = new Set<string>();
  for (const [name, property] of Object.entries(properties)) {
    for (const label of argumentLabels(name, property.description)) for (const word of label.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) words.add(word);
  }
  return words;
}

/**
 * Lower-case words that start no value: a preposition, a form of "be", a conjunction or a relative word before it,
 * the words a request names an unnamed amount or thing with ("some highlife", "something by Cloud Harbor",
 * "call it bread"), and the particle of a verb before it ("set up Comedy show", "queue up Velvet Thunder").
 */
const LEADING: ReadonlySet<string> = new Set([
  'to', 'of', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'without', 'about', 'as', 'into', 'onto', 'per', 'via',
  'is', 'are', 'was', 'were', 'am', 'and', 'or', 'but', 'nor', 'then', 'also', 'plus', 'where', 'which', 'whose',
  'some', 'something', 'anything', 'it', 'up',
]);

/**
 * Lower-case words that end no value. Particles that end a clause ("turn on", "log in", "sign up") are not among
 * them; a sentence ending in a preposition keeps its question mark, which no word here matches.
 */
const TRAILING: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'is', 'are', 'was', 'were', 'where', 'which', 'whose',
  'with', 'for', 'of', 'from', 'as', 'to', 'at', 'via', 'per', 'by',
  // What a request ends with after its last value: a courtesy, or the hurry it is in ("Canberra rn").
  'please', 'rn', 'asap',
]);

/**
 * A copy without the lower-case function words it begins or ends with ("to Seattle" is Seattle, "R1950637, where"
 * is R1950637, "is sharma.gianluca@hollowtree.org" the address): the words around a value the model took with it.
 * With `labels`, also without a lower-case word of the argument's own label it begins with ("play Golden Static" for
 * a query labelled "What to play", "track Hollow Moon" for a track title) and a word of any argument's label it ends
 * with after a comma ("R0145996, notes"). Capitalised words stay ("The Green Door", "Into the Deep End", "Hoi An"),
 * and so does a copy that is nothing but such words (`namesNothing` judges those). Separators, a bullet's dash and a
 * code's full stop after the value go too ("Chinedu Lindqvist\n-", "M12385085."). Returns the copy itself when
 * nothing is trimmed.
 */
export function withoutEdgeWords(value: string, labels?: { readonly own: ReadonlySet<string>; readonly any: ReadonlySet<string> }): string {
  let trimmed = value;
  for (;;) {
    const leading = /^(\p{Ll}+)[\s,;:]+(?=\S)/u.exec(trimmed);
    if (leading !== null && (LEADING.has(leading[1] as string) || labels?.own.has(leading[1] as string) === true)) {
      trimmed = trimmed.slice(leading[0].length);
      continue;
    }
    const trailing = /(?<=\S)[\s,;:]+(\p{Ll}+)$/u.exec(trimmed);
    if (trailing !== null && (TRAILING.has(trailing[1] as string) || (labels?.any.has(trailing[1] as string) === true && trailing[0].includes(',')))) {
      trimmed = trimmed.slice(0, trailing.index);
      continue;
    }
    // What a copy took past its value's end: a separator, the dash of the next line's bullet, the stop of the
    // sentence a code or a name ends ("M12385085.", "emeka@harborview.io?", "Alexei Horvat."; a value with a
    // lower-case word keeps its stop: "I am learning the language."), and a new sentence's first word ("Jorge
    // Reyes. The").
    const punctuation = /(?<=[\p{L}\p{N}])(?:\s*\n\s*[-*•]|[\s,;:]+|[.?!]|\.\s+(\p{Lu}\p{Ll}*))$/u.exec(trimmed);
    if (punctuation !== null) {
      const nextSentence = punctuation[1];
      const isSentence = /\s/.test(trimmed) && /(?:^|\s)\p{Ll}/u.test(trimmed);
      const goes =
        nextSentence !== undefined ? FUNCTION_WORDS.has(nextSentence.toLowerCase()) : !/^[.?!]$/.test(punctuation[0]) || !isSentence;
      if (goes) {
        trimmed = trimmed.slice(0, punctuation.index);
        continue;
      }
    }
    // The quotes a request puts around a value are not the value's ("\"river loop\"", "\"Spring launch plan\".",
    // "'renew passport'").
    const quoted = /^"([^"]+)"\.?$|^'([^']+(?:'\p{L}[^']*)*)'\.?$/u.exec(trimmed);
    if (quoted !== null) {
      trimmed = (quoted[1] ?? quoted[2]) as string;
      continue;
    }
    // A single quote that closes no quote the copy opened ("renew passport'" of "add 'renew passport' to").
    const unopened = /^([^']*\p{L})'$/u.exec(trimmed);
    if (unopened !== null) {
      trimmed = unopened[1] as string;
      continue;
    }
    const words = trimmed.match(/[\p{L}\p{N}]+/gu) ?? [];
    return words.every((word) => LEADING.has(word) || TRAILING.has(word) || labels?.own.has(word) === true) ? value : trimmed;
  }
}
