/**
 * The model's tokenizer with its encodings remembered across examples. Rendering encodes the same texts over
 * and over (tool signature lines, JSON keys, tool names as decision labels), and each call to the JavaScript
 * tokenizer costs tens of microseconds at least; a prompt of 200 tokens costs a millisecond.
 *
 * A text is encoded piece by piece where that cannot change the result. Added tokens (`<|user|>`) are cut
 * out before anything else, so the text between them is encoded on its own anyway. And the byte-level
 * pre-tokenizer never joins a line break to its neighbours when both are visible characters (`\s+` takes it
 * alone, and words take at most one leading space), so "a\nb" encodes as "a", "\n", "b". Line breaks next to
 * other whitespace stay inside their line. The first encodings are checked against the whole-text encoding,
 * so a tokenizer for which this does not hold is caught at once.
 *
 * The chat template is rendered without the Jinja engine when it is the Lacuna one (`<|role|>content<|end|>`
 * per message, `<|assistant|>` to open the answer), checked against the engine the same way.
 */
import { TextTokenizer, type ChatMessage } from '@lacuna/core';

const CAPACITY = 200_000;

export class MemoTokenizer extends TextTokenizer {
  private readonly memo = new Map<string, readonly number[]>();
  /** Matches any added token (`<|user|>`): the tokenizer splits the text at them before anything else. */
  private readonly addedTokens: RegExp | undefined;
  private checksLeft: number;
  private templateChecksLeft: number;

  constructor(tokenizerJson: object, tokenizerConfig: Record<string, unknown> = {}, options: { checks?: number } = {}) {
    super(tokenizerJson, tokenizerConfig);
    this.checksLeft = options.checks ?? 500;
    this.templateChecksLeft = this.hasChatTemplate ? (options.checks ?? 500) : -1;
    const added = ((tokenizerJson as { added_tokens?: { content: string }[] }).added_tokens ?? []).map((token) => token.content);
    this.addedTokens = added.length === 0 ? undefined : new RegExp(`(${added.map(escapeRegExp).join('|')})`);
  }

  override encode(text: string, options: { addSpecialTokens?: boolean } = {}): number[] {
    if (options.addSpecialTokens === true) return super.encode(text, options);
    const segments = this.addedTokens === undefined ? [text] : text.split(this.addedTokens).filter((segment) => segment !== '');
    const lines = segments.flatMap(splitLines);
    const ids = lines.length === 1 ? [...this.remembered(text)] : lines.flatMap((line) => this.remembered(line));
    if (lines.length > 1 && this.checksLeft > 0) {
      this.checksLeft--;
      const whole = super.encode(text);
      if (whole.length !== ids.length || whole.some((id, index) => id !== ids[index])) {
        throw new Error(`encoding line by line changes the tokens of ${JSON.stringify(text.slice(0, 200))}: this tokenizer needs whole-text encoding`);
      }
    }
    return ids;
  }

  override applyChatTemplate(messages: readonly ChatMessage[], options: { addGenerationPrompt?: boolean } = {}): string {
    if (this.templateChecksLeft < 0) return super.applyChatTemplate(messages, options);
    const text = messages.map((message) => `<|${message.role}|>${message.content}<|end|>`).join('') + (options.addGenerationPrompt ?? true ? '<|assistant|>' : '');
    if (this.templateChecksLeft > 0) {
      this.templateChecksLeft--;
      // Not the Lacuna template: the engine renders every prompt from now on.
      if (super.applyChatTemplate(messages, options) !== text) {
        this.templateChecksLeft = -1;
        return super.applyChatTemplate(messages, options);
      }
    }
    return text;
  }

  private remembered(text: string): readonly number[] {
    let ids = this.memo.get(text);
    if (ids === undefined) {
      ids = super.encode(text);
      // A full memo is emptied rather than ordered by recency: what repeats comes back at once.
      if (this.memo.size >= CAPACITY) this.memo.clear();
      this.memo.set(text, ids);
    }
    return ids;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits at each line break that has a visible character on both sides; the break is a piece of its own. */
export function splitLines(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    const before = text[index - 1];
    const after = text[index + 1];
    if (before === undefined || after === undefined || /\s/.test(before) || /\s/.test(after)) continue;
    pieces.push(text.slice(start, index), '\n');
    start = index + 1;
  }
  pieces.push(text.slice(start));
  return pieces;
}
