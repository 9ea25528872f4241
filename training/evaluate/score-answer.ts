/**
 * How close a written answer is to the reference sentence when it is not the same: the F1 of their words (as
 * multisets, case and punctuation aside). Exact match alone cannot tell a sentence phrased another way ("Timer
 * set for 90 minutes" for "I've started a 90-minute timer") from a stuttering one ("minutescorncornpopcorn").
 */
export function answerWordF1(written: string, reference: string): number {
  const writtenWords = wordsOf(written);
  const referenceWords = wordsOf(reference);
  if (writtenWords.length === 0 || referenceWords.length === 0) return writtenWords.length === referenceWords.length ? 1 : 0;
  const remaining = new Map<string, number>();
  for (const word of referenceWords) remaining.set(word, (remaining.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of writtenWords) {
    const left = remaining.get(word) ?? 0;
    if (left > 0) {
      shared++;
      remaining.set(word, left - 1);
    }
  }
  if (shared === 0) return 0;
  const precision = shared / writtenWords.length;
  const recall = shared / referenceWords.length;
  return (2 * precision * recall) / (precision + recall);
}

/** Lower-case runs of letters and digits, decimals and times kept whole ("17:45", "231.48"). */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:[.:,-][\p{L}\p{N}]+)*/gu) ?? [];
}
