/** Said right after the argument's name: "SMS notifications: no", "two-factor authentication is on", "shuffle off". */
const AFTER_YES = /^\s*(?:[:=-]|\bis\b)?\s*(?:yes|on|true|enabled)\b/;
const AFTER_NO = /^\s*(?:[:=-]|\bis\b)?\s*(?:no|off|false|disabled)\b/;
/** Said right before it: "without subtitles", "I don't want pets allowed", "including subtitles", "with shuffle". */
const BEFORE_NO = /\b(?:without|no|not|don't want|do not want|never|disable|turn off)\s+(?:the\s+|any\s+)?$/;
const BEFORE_YES = /\b(?:with|including|want|enable|turn on)\s+(?:the\s+)?$/;

/**
 * Whether the conversation says yes or no to a boolean argument, read where it names the argument by one of its
 * `labels` (its description, its name in words): `"false"` for "without two-factor authentication", "SMS
 * notifications: no" or "I don't want subtitles"; `"true"` for "including subtitles", "pets allowed: yes" or "with
 * shuffle"; undefined when it never names the argument so, or says both. What follows the name decides over what
 * precedes it ("with shuffle off" is no). A label matches as whole words, case aside, with an ending -s, -d or -ed
 * ("shuffled").
 */
export function statedBoolean(context: string, labels: readonly string[]): 'true' | 'false' | undefined {
  const text = context.toLowerCase();
  const said = new Set<'true' | 'false'>();
  for (const label of labels) {
    const words = label.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.join('').length < 3) continue;
    const phrase = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s_-]+');
    for (const match of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${phrase}(?:s|d|ed)?(?![\\p{L}\\p{N}])`, 'gu'))) {
      const after = text.slice(match.index + match[0].length, match.index + match[0].length + 16);
      const before = text.slice(Math.max(0, match.index - 24), match.index);
      if (AFTER_NO.test(after)) said.add('false');
      else if (AFTER_YES.test(after)) said.add('true');
      else if (BEFORE_NO.test(before)) said.add('false');
      else if (BEFORE_YES.test(before)) said.add('true');
    }
  }
  return said.size === 1 ? [...said][0] : undefined;
}

/** The words a boolean argument goes by: its description up to the first stop ("Shuffle playback; only when..."), its name. */
export function booleanLabels(name: string, description: string | undefined): string[] {
  const labels = [name.replace(/[_-]+/g, ' ')];
  const head = description?.split(/[;.,(]/)[0]?.trim();
  if (head !== undefined && head !== '') labels.unshift(head);
  return labels;
}
