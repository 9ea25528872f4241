import type { Random } from '../random.js';
import { capitaliseFirst, tidyWhitespace, type RequestTemplate } from '../templates/template.js';

/**
 * Wrapping shared by every tool's clauses: "can you …?", "please …", bare imperatives. Not partitioned:
 * a held-out template is new in its own words, while these few frames are everyday politeness.
 */
const QUESTION_OPENERS = ['can you', 'could you', 'would you', 'could you please', 'can you please', 'hey, can you', 'quick one, could you', 'would you be able to'];
const QUESTION_ENDINGS = ['?', '?', '', ' for me?', ', please?'];
const POLITE_OPENERS = ['please', 'I need you to', 'I\'d like you to', 'go ahead and', 'I want you to', 'kindly', 'hi! please', 'when you get a chance,'];
const POLITE_ENDINGS = ['', '.', '.', '!'];
const BARE_ENDINGS = ['', '', '.', '!', ' please', ', please', ', thanks', ' thank you', '. Thanks!', ' asap'];
const CONNECTORS = [' and ', ', and ', ' and also ', ', then ', ' and then ', '. Also, ', '; also ', ', plus ', '. Then '];

/** A rendered clause, and whether its first word is a slot's (whose case must not change: it is copied). */
export interface RenderedClause {
  readonly text: string;
  readonly startsWithSlot: boolean;
}

export function startsWithSlot(template: RequestTemplate): boolean {
  return template.segments[0]?.kind === 'slot';
}

function maybeCapitalise(text: string, probability: number, random: Random): string {
  return random.chance(probability) ? capitaliseFirst(text) : text;
}

/** One clause, or several joined, framed as a request. */
function frame(text: string, bareStartsWithSlot: boolean, random: Random): string {
  // A clause that already ends a sentence (an email body, a quoted phrase) takes no second full stop.
  const ended = /[.!?]["'”]?$/.test(text);
  const ending = (endings: readonly string[]): string => (ended ? '' : random.pick(endings));
  const style = random.weighted<'bare' | 'question' | 'polite'>([['bare', 4], ['question', 3], ['polite', 2]]);
  if (style === 'question') return maybeCapitalise(`${random.pick(QUESTION_OPENERS)} ${text}${ending(QUESTION_ENDINGS)}`, 0.7, random);
  if (style === 'polite') return maybeCapitalise(`${random.pick(POLITE_OPENERS)} ${text}${ending(POLITE_ENDINGS)}`, 0.7, random);
  const bare = `${text}${ending(BARE_ENDINGS)}`;
  return bareStartsWithSlot ? bare : maybeCapitalise(bare, 0.6, random);
}

export function frameClause(clause: RenderedClause, random: Random): string {
  return tidyWhitespace(frame(clause.text, clause.startsWithSlot, random));
}

/** A full-sentence template stays as written, now and then typed in lower case at the start. */
export function frameSentence(sentence: RenderedClause, random: Random): string {
  if (!sentence.startsWithSlot && /^[A-Z][a-z']/.test(sentence.text) && random.chance(0.12)) {
    return (sentence.text[0] as string).toLowerCase() + sentence.text.slice(1);
  }
  return sentence.text;
}

/** Two or three clauses as one request: "convert 20 USD to EUR and set a timer for 10 minutes". */
export function joinClauses(clauses: readonly RenderedClause[], random: Random): string {
  const first = clauses[0];
  if (first === undefined) throw new RangeError('Nothing to join.');
  let text = first.text;
  for (const clause of clauses.slice(1)) {
    const picked = random.pick(CONNECTORS);
    // After a clause that ends its own sentence ("… saying \"See you.\""), ". Then" loses its full stop.
    const connector = /[.!?]["'”]?$/.test(text) && picked.startsWith('.') ? picked.slice(1) : picked;
    const startsSentence = connector.endsWith('. ') && !clause.startsWithSlot;
    text += connector + (startsSentence ? capitaliseFirst(clause.text) : clause.text);
  }
  return tidyWhitespace(frame(text, first.startsWithSlot, random));
}
