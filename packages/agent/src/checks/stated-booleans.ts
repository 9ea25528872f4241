import { labelMentions } from './argument-labels.js';

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
 * precedes it ("with shuffle off" is no). Labels match as `labelMentions` finds them ("not shuffled").
 */
export function statedBoolean(context: string, labels: readonly string[]): 'true' | 'false' | undefined {
  const text = context.toLowerCase();
  const said = new Set<'true' | 'false'>();
  for (const { at, end } of labelMentions(context, labels)) {
    const after = text.slice(end, end + 16);
    const before = text.slice(Math.max(0, at - 24), at);
    if (AFTER_NO.test(after)) said.add('false');
    else if (AFTER_YES.test(after)) said.add('true');
    else if (BEFORE_NO.test(before)) said.add('false');
    else if (BEFORE_YES.test(before)) said.add('true');
  }
  return said.size === 1 ? [...said][0] : undefined;
}
