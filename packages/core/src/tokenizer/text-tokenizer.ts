import { Tokenizer } from '@huggingface/tokenizers';
import { Template } from '@huggingface/jinja';
import { LacunaCoreError } from '../errors/lacuna-core-error.js';

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant' | 'tool' | (string & {});
  readonly content: string;
}

/** A Hugging Face `tokenizer.json` (and its `tokenizer_config.json`), with the model's chat template. */
export class TextTokenizer {
  private readonly tokenizer: Tokenizer;
  private readonly chatTemplate: Template | undefined;
  private readonly templateVariables: Record<string, unknown>;
  private readonly vocabulary: Map<string, number>;

  constructor(tokenizerJson: object, tokenizerConfig: Record<string, unknown> = {}) {
    this.tokenizer = new Tokenizer(tokenizerJson, tokenizerConfig);
    this.vocabulary = this.tokenizer.get_vocab(true);
    const template = tokenizerConfig.chat_template;
    this.chatTemplate = typeof template === 'string' ? new Template(template) : undefined;
    // Templates refer to special tokens by these names (`{{ bos_token }}`).
    this.templateVariables = Object.fromEntries(
      ['bos_token', 'eos_token', 'pad_token', 'unk_token', 'mask_token']
        .map((key) => [key, specialTokenText(tokenizerConfig[key])])
        .filter(([, text]) => text !== undefined),
    );
  }

  /** Number of ids the tokenizer knows, added tokens included. */
  get size(): number {
    return this.vocabulary.size;
  }

  encode(text: string, options: { addSpecialTokens?: boolean } = {}): number[] {
    if (text === '') return [];
    return this.tokenizer.encode(text, { add_special_tokens: options.addSpecialTokens ?? false }).ids;
  }

  decode(ids: readonly number[] | Int32Array, options: { skipSpecialTokens?: boolean } = {}): string {
    if (ids.length === 0) return '';
    return this.tokenizer.decode(Array.from(ids), {
      skip_special_tokens: options.skipSpecialTokens ?? false,
      clean_up_tokenization_spaces: false,
    });
  }

  /** The text of one token as it appears in decoded output (byte-level tokens decoded). */
  tokenText(id: number): string {
    return this.tokenizer.decode([id], { skip_special_tokens: false, clean_up_tokenization_spaces: false });
  }

  tokenToId(token: string): number | undefined {
    return this.tokenizer.token_to_id(token);
  }

  idToToken(id: number): string | undefined {
    return this.tokenizer.id_to_token(id);
  }

  get hasChatTemplate(): boolean {
    return this.chatTemplate !== undefined;
  }

  /** Renders messages with the model's chat template (Jinja, the Hugging Face convention). */
  applyChatTemplate(messages: readonly ChatMessage[], options: { addGenerationPrompt?: boolean } = {}): string {
    if (this.chatTemplate === undefined) {
      throw new LacunaCoreError({
        code: 'CHAT_TEMPLATE_MISSING',
        message: 'This tokenizer has no chat_template in its tokenizer_config.json; pass a plain prompt instead.',
      });
    }
    return this.chatTemplate.render({
      ...this.templateVariables,
      messages: messages.map((message) => ({ role: message.role, content: message.content })),
      add_generation_prompt: options.addGenerationPrompt ?? true,
    });
  }
}

function specialTokenText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as { content?: unknown }).content === 'string') {
    return (value as { content: string }).content;
  }
  return undefined;
}
