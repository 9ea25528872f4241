/**
 * The words an argument goes by in a request: its description up to the first stop ("Shuffle playback; only when
 * the user asks" is "Shuffle playback"), and its name in words ("notify_by_sms" is "notify by sms").
 */
export function argumentLabels(name: string, description: string | undefined): string[] {
  const labels = [name.replace(/[_-]+/g, ' ')];
  const head = description?.split(/[;.,(]/)[0]?.trim();
  if (head !== undefined && head !== '') labels.unshift(head);
  return labels;
}

/**
 * Where a text names an argument by one of its labels: whole words, case aside, spaces, hyphens and underscores
 * between them alike, with an ending -s, -d or -ed ("shuffled"). Labels of fewer than three letters are skipped.
 * Offsets into the text, with the end of each mention, in order; labels found at one offset are one mention.
 */
export function labelMentions(text: string, labels: readonly string[]): { at: number; end: number }[] {
  const lower = text.toLowerCase();
  const mentions: { at: number; end: number }[] = [];
  for (const label of labels) {
    const words = label.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.join('').length < 3) continue;
    for (const match of lower.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${phrasePattern(words)}(?:s|d|ed)?(?![\\p{L}\\p{N}])`, 'gu'))) {
      const end = match.index + match[0].length;
      // Two labels naming the argument in the same words ("Notes", "notes") are one mention, the longer.
      const same = mentions.find((mention) => mention.at === match.index);
      if (same === undefined) mentions.push({ at: match.index, end });
      else same.end = Math.max(same.end, end);
    }
  }
  return mentions.sort((left, right) => left.at - right.at);
}

/**
 * Whether a mention of a label lies inside a longer mention of another label: the longer one names its own argument
 * (the "date" of "due date" is a to-do's due date, not an event's date).
 */
export function insideLongerMention(mention: { readonly at: number; readonly end: number }, others: readonly { readonly at: number; readonly end: number }[]): boolean {
  return others.some((other) => other.at <= mention.at && mention.end <= other.end && other.end - other.at > mention.end - mention.at);
}

/** A regular expression's source for words in order, spaces, hyphens and underscores between them alike. */
export function phrasePattern(words: readonly string[]): string {
  return words.map(escapeRegExp).join('[\\s_-]+');
}

/** A text as a regular expression's source that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a text names an argument by one of its labels (`argumentLabels`, `labelMentions`). */
export function namesArgument(text: string, name: string, description: string | undefined): boolean {
  return labelMentions(text, argumentLabels(name, description)).length > 0;
}
