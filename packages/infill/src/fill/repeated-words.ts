import type { Hole } from './hole.js';

/**
 * A small model writing free text at its frontier often takes the token it just wrote again ("90 minutes minutes",
 * "rain rain rain"): with the positions to the right masked, the row left of them still points at the word. With
 * `repeatedWords: 'forbid'`, a free value (not grounded, not an enum) may not take a word token (two letters or
 * more) twice in a row, nor a single letter three times ("theaaa"). A digit may repeat (22, 2025-05-22), and so
 * may a word with a space before it ("Bora Bora" is "Bora", " Bora"). When every allowed token is the one just
 * written, it stays allowed: the hole can never get stuck.
 */
export function withoutRepeatedWord(allowed: Int32Array, hole: Hole, tokenBytes: readonly (Uint8Array | undefined)[]): Int32Array {
  if (hole.kind !== 'value' || !hole.growable || hole.grounded || allowed.length < 2) return allowed;
  const last = hole.tokens[hole.tokens.length - 1];
  if (last === undefined) return allowed;
  const letters = lettersOf(tokenBytes[last]);
  // A single letter may be doubled ("ll", "ee"), not tripled ("theaaa").
  const stutters = letters >= 2 || (letters === 1 && hole.tokens[hole.tokens.length - 2] === last);
  if (!stutters) return allowed;
  const kept = allowed.filter((token) => token !== last);
  return kept.length === 0 ? allowed : kept;
}

/** Letters of a token; bytes of multi-byte UTF-8 characters count as letters, as a grounded value's word bytes do. */
function lettersOf(bytes: Uint8Array | undefined): number {
  let letters = 0;
  for (const byte of bytes ?? []) if ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte >= 0x80) letters++;
  return letters;
}
