import type { Hole } from './hole.js';

/**
 * A small model writing free text at its frontier often takes the token it just wrote again ("90 minutes minutes",
 * "rain rain rain"): with the positions to the right masked, the row left of them still points at the word. With
 * `repeatedWords: 'forbid'`, a free value (not grounded, not an enum) may not take a word token (two letters or
 * more) twice in a row, nor a single letter three times ("theaaa"). "In a row" spans one space token between
 * them, so the rule holds for a tokenizer that makes every space a token of its own ("minutes", " ",
 * "minutes") as for one that attaches spaces to words (" minutes", " minutes"). A digit may repeat (22,
 * 2025-05-22), and so may a word whose tokens differ ("Bora Bora" is "Bora", " Bora" when spaces attach). A space
 * is not written twice either: after a token that ends with a space, none that starts with one. Byte-level BPE
 * cuts the space before a digit as a token of its own, and the default model wrote it twice ("250 USD  231.48
 * EUR", "Timer,  10 minutes"), a double space that prose never has. When every allowed token is one the rule
 * takes out, they stay allowed: the hole can never get stuck.
 */
export function withoutRepeatedWord(allowed: Int32Array, hole: Hole, tokenBytes: readonly (Uint8Array | undefined)[]): Int32Array {
  if (hole.kind !== 'value' || !hole.growable || hole.grounded || allowed.length < 2) return allowed;
  const written = hole.tokens;
  const last = written[written.length - 1];
  if (last === undefined) return allowed;
  const letters = lettersOf(tokenBytes[last]);
  // A single letter may be doubled ("ll", "ee"), not tripled ("theaaa").
  const stutters = letters >= 2 || (letters === 1 && written[written.length - 2] === last);
  // The word before a space token of its own.
  const beforeSpace = isSpace(tokenBytes[last]) ? written[written.length - 2] : undefined;
  const repeated = stutters ? last : beforeSpace !== undefined && lettersOf(tokenBytes[beforeSpace]) >= 2 ? beforeSpace : undefined;
  const spaceWritten = endsWithSpace(tokenBytes[last]);
  if (repeated === undefined && !spaceWritten) return allowed;
  const kept = allowed.filter((token) => token !== repeated && !(spaceWritten && startsWithSpace(tokenBytes[token])));
  return kept.length === 0 ? allowed : kept;
}

function startsWithSpace(bytes: Uint8Array | undefined): boolean {
  return bytes !== undefined && bytes[0] === 0x20;
}

function endsWithSpace(bytes: Uint8Array | undefined): boolean {
  return bytes !== undefined && bytes[bytes.length - 1] === 0x20;
}

/** A token that is one space. */
function isSpace(bytes: Uint8Array | undefined): boolean {
  return bytes !== undefined && bytes.length === 1 && bytes[0] === 0x20;
}

/** Letters of a token; bytes of multi-byte UTF-8 characters count as letters, as a grounded value's word bytes do. */
function lettersOf(bytes: Uint8Array | undefined): number {
  let letters = 0;
  for (const byte of bytes ?? []) if (isLetterByte(byte)) letters++;
  return letters;
}

/** A letter's byte, as both free-text rules read words: an ASCII letter, or a byte of a multi-byte UTF-8 character. */
export function isLetterByte(byte: number): boolean {
  return (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte >= 0x80;
}
