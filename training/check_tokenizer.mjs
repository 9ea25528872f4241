// Checks a model folder's tokenizer the way the SDK will use it:
//
//   node training/check_tokenizer.mjs <model folder>
//
// - the SDK's tokenizer (@huggingface/tokenizers) round-trips varied text exactly,
// - every special token encodes to one id, the one lacuna-model.json will name,
// - every ASCII digit is its own token,
// - Hugging Face's Rust tokenizer (used when preparing training data) gives the same ids,
// - the chat template renders with the SDK's Jinja engine (@huggingface/jinja).

import fs from 'node:fs';
import path from 'node:path';
import { Template } from '@huggingface/jinja';
import { Tokenizer } from '@huggingface/tokenizers';
import rustTokenizers from 'tokenizers';

import { SPECIAL_TOKENS } from './train_tokenizer.mjs';

const SAMPLES = [
  'Hello, world!',
  "Spaces before punctuation , stay ; as they are . Do n't ' clean ' them up ? No !",
  'plain words with  two spaces,   three spaces, and a trailing space ',
  ' leading space',
  'line one\nline two\n\nafter a blank line\n',
  'tabs\tand\r\nwindows line endings\r\n',
  '{"id": 12345, "name": "Zoë", "tags": ["a", "b"], "score": 98.6, "active": true, "nested": {"x": null}}',
  JSON.stringify({ tool: 'search', arguments: { query: 'weather in Zürich', limit: 3 } }, null, 2),
  'Numbers: 0 7 42 1,000,000 3.14159 -273.15 2024-03-15 12:30 +1 (555) 010-9999 007',
  'Unicode: café naïve résumé Größe São Paulo Kraków Αθήνα Москва 東京 日本語 한국어 עברית العربية',
  'Emoji and friends: 🙂 👍🏽 👨‍👩‍👧 🇯🇵 e\u0301 (combining accent) \u200b (zero width space) \u00a0(nbsp)',
  'Other numerals: ² ½ ٣ Ⅻ ３',
  'Code: function add(a, b) { return a + b; } // 1 + 2 === 3',
  '<|user|>What is 2 + 2?<|end|><|assistant|>4<|end|>',
  'masks <|mask|><|mask|> in <|mask|> text, and a near miss: <|mask| <|unknown|>',
  '',
];

async function main() {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: node training/check_tokenizer.mjs <model folder>');
    process.exit(2);
  }
  const tokenizerJson = JSON.parse(fs.readFileSync(path.join(folder, 'tokenizer.json'), 'utf8'));
  const tokenizerConfig = JSON.parse(fs.readFileSync(path.join(folder, 'tokenizer_config.json'), 'utf8'));
  const tokenizer = new Tokenizer(tokenizerJson, tokenizerConfig);
  const rustTokenizer = rustTokenizers.Tokenizer.fromFile(path.join(folder, 'tokenizer.json'));
  const failures = [];
  const check = (condition, message) => {
    if (!condition) failures.push(message);
  };

  for (const text of SAMPLES) {
    const ids = text === '' ? [] : tokenizer.encode(text).ids;
    const decoded = ids.length === 0 ? '' : tokenizer.decode(ids);
    check(decoded === text, `round trip changed ${JSON.stringify(text)} into ${JSON.stringify(decoded)}`);
    const rustIds = (await rustTokenizer.encode(text)).getIds();
    check(
      JSON.stringify(rustIds) === JSON.stringify(ids),
      `Rust and JavaScript disagree on ${JSON.stringify(text)}:\n  js   ${ids}\n  rust ${rustIds}`,
    );
  }

  SPECIAL_TOKENS.forEach((token, expectedId) => {
    const ids = tokenizer.encode(token).ids;
    check(ids.length === 1 && ids[0] === expectedId, `${token} encodes to [${ids}], expected [${expectedId}]`);
  });

  for (let digit = 0; digit <= 9; digit++) {
    const tokens = tokenizer.encode(`x${digit}${digit}${digit}`).tokens;
    check(tokens.slice(-3).every((token) => token === String(digit)), `digits merged: ${tokens}`);
  }

  const template = new Template(tokenizerConfig.chat_template);
  const messages = [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Hi!' },
    { role: 'assistant', content: 'Hello.' },
    { role: 'tool', content: '{"ok": true}' },
  ];
  const rendered = template.render({ messages, add_generation_prompt: true });
  const expected = '<|system|>Be brief.<|end|><|user|>Hi!<|end|><|assistant|>Hello.<|end|><|tool|>{"ok": true}<|end|><|assistant|>';
  check(rendered === expected, `chat template rendered ${JSON.stringify(rendered)}`);
  const withoutPrompt = template.render({ messages: messages.slice(0, 2), add_generation_prompt: false });
  check(withoutPrompt === '<|system|>Be brief.<|end|><|user|>Hi!<|end|>', `chat template rendered ${JSON.stringify(withoutPrompt)}`);

  if (failures.length > 0) {
    console.error(`tokenizer check failed:\n${failures.join('\n')}`);
    process.exit(1);
  }
  const vocabularySize = Object.keys(tokenizerJson.model.vocab).length;
  console.log(`tokenizer check passed: ${SAMPLES.length} texts round-trip and match Rust, ${vocabularySize} tokens`);
}

await main();
