// Trains a byte-level BPE tokenizer and writes tokenizer.json and
// tokenizer_config.json in the Hugging Face format.
//
//   node training/train_tokenizer.mjs --out <folder> --vocab-size N [--corpus FILE ...] [--seed S] [--isolate-spaces]
//
// Without --corpus it trains on a small synthetic corpus (English sentences and
// JSON objects) generated from a seeded PRNG, which is what the tiny-random
// fixture uses. The same seed and vocabulary size give byte-identical files.
//
// Hugging Face's `tokenizers` package does the BPE training. Its Node binding
// exposes no trainer settings (no vocabulary size, no special tokens, no
// initial alphabet) and has no ByteLevel decoder constructor, so the script
// lets it learn merges freely and then builds the final tokenizer.json itself:
//   ids 0..7      the special tokens,
//   ids 8..263    the 256 single bytes, in byte order, so any text encodes,
//   ids 264..     merged tokens in the order BPE learned them, cut at N.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import tokenizers from 'tokenizers';

const { Tokenizer, byteLevelAlphabet } = tokenizers;

export const SPECIAL_TOKENS = [
  '<|pad|>',
  '<|eos|>',
  '<|mask|>',
  '<|system|>',
  '<|user|>',
  '<|assistant|>',
  '<|tool|>',
  '<|end|>',
];

// Digits are split off one by one before the byte-level split, so a number is
// always a sequence of single-digit tokens and a model can copy any number
// digit by digit. A Split on [0-9] is used instead of the `Digits`
// pre-tokenizer because Rust's Digits splits every Unicode numeric character
// (², ½, ٣) while the JavaScript tokenizer the SDK runs splits only ASCII
// digits; with [0-9] both libraries produce the same ids for any text.
const DIGITS = { type: 'Split', pattern: { Regex: '[0-9]' }, behavior: 'Isolated', invert: false };
// With --isolate-spaces every space is a token of its own, so no word token
// carries the space before it. Byte-level BPE otherwise cuts a word two ways:
// the request's " Golden" is one token, but a copied value's first word has no
// space ("Golden" after the opening quote) and becomes G|old|en, tokens the
// request does not hold, which a model must spell out rather than copy. With
// spaces isolated a word is the same tokens wherever it stands, at the cost of
// longer texts (training/README.md, "Spaces as tokens of their own").
const SPACES = { type: 'Split', pattern: { Regex: ' ' }, behavior: 'Isolated', invert: false };
// No prefix space: the tokenizer must round-trip text exactly, and "hello" at
// the start of a text should not silently become " hello".
const BYTE_LEVEL = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: false, use_regex: true };

function preTokenizer(isolateSpaces) {
  return { type: 'Sequence', pretokenizers: isolateSpaces ? [DIGITS, SPACES, BYTE_LEVEL] : [DIGITS, BYTE_LEVEL] };
}

const DECODER = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: false, use_regex: true };

// Each message is <|role|> content <|end|>; a generation prompt opens an
// assistant turn for the model to fill in.
const CHAT_TEMPLATE = [
  "{%- for message in messages -%}",
  "{{- '<|' + message['role'] + '|>' + message['content'] + '<|end|>' -}}",
  "{%- endfor -%}",
  "{%- if add_generation_prompt -%}",
  "{{- '<|assistant|>' -}}",
  "{%- endif -%}",
].join('\n');

async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      'vocab-size': { type: 'string' },
      corpus: { type: 'string', multiple: true },
      seed: { type: 'string', default: '0' },
      'isolate-spaces': { type: 'boolean', default: false },
    },
  });
  if (!values.out || !values['vocab-size']) {
    console.error('usage: node training/train_tokenizer.mjs --out <folder> --vocab-size N [--corpus FILE ...] [--seed S] [--isolate-spaces]');
    process.exit(2);
  }
  const vocabularySize = Number(values['vocab-size']);
  const minimumSize = SPECIAL_TOKENS.length + 256;
  if (!Number.isInteger(vocabularySize) || vocabularySize < minimumSize) {
    throw new Error(`--vocab-size must be an integer of at least ${minimumSize} (special tokens + 256 bytes)`);
  }

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lacuna-tokenizer-'));
  try {
    let corpusFiles = values.corpus;
    if (!corpusFiles) {
      corpusFiles = [path.join(scratch, 'corpus.txt')];
      fs.writeFileSync(corpusFiles[0], syntheticCorpus(Number(values.seed)));
    }
    const splitting = preTokenizer(values['isolate-spaces']);
    const learnedMerges = learnMerges(corpusFiles, scratch, splitting);
    const tokenizerJson = buildTokenizerJson(learnedMerges, vocabularySize, splitting);

    fs.mkdirSync(values.out, { recursive: true });
    const tokenizerPath = path.join(values.out, 'tokenizer.json');
    fs.writeFileSync(tokenizerPath, stringifyCompactLeaves(tokenizerJson) + '\n');
    fs.writeFileSync(
      path.join(values.out, 'tokenizer_config.json'),
      JSON.stringify(buildTokenizerConfig(), null, 2) + '\n',
    );

    await checkWithRustTokenizer(tokenizerPath);
    const ids = Object.fromEntries(SPECIAL_TOKENS.map((token, id) => [token, id]));
    console.log(
      `wrote ${tokenizerPath}: ${Object.keys(tokenizerJson.model.vocab).length} tokens, ` +
        `${tokenizerJson.model.merges.length} merges; special ids ${JSON.stringify(ids)}`,
    );
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Runs the Rust BPE trainer with our pre-tokenizer and returns its merges, most frequent first. */
function learnMerges(corpusFiles, scratch, splitting) {
  const untrained = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [],
    normalizer: null,
    pre_tokenizer: splitting,
    post_processor: null,
    decoder: null,
    model: { type: 'BPE', dropout: null, unk_token: null, fuse_unk: false, byte_fallback: false, vocab: {}, merges: [] },
  };
  const tokenizer = Tokenizer.fromString(JSON.stringify(untrained));
  // The binding's trainer defaults to a 30,000-token vocabulary with no
  // minimum frequency, so on a small corpus it learns every merge there is;
  // buildTokenizerJson keeps the most frequent ones.
  tokenizer.train(corpusFiles);
  const trainedPath = path.join(scratch, 'trained.json');
  tokenizer.save(trainedPath);
  return JSON.parse(fs.readFileSync(trainedPath, 'utf8')).model.merges.map((merge) =>
    // Older versions wrote a merge as "left right"; newer ones as [left, right].
    Array.isArray(merge) ? merge : merge.split(' '),
  );
}

function buildTokenizerJson(learnedMerges, vocabularySize, splitting) {
  const vocab = new Map();
  const addToken = (token) => {
    if (!vocab.has(token)) vocab.set(token, vocab.size);
  };
  SPECIAL_TOKENS.forEach(addToken);
  const byteCharacters = byteToCharacter();
  byteCharacters.forEach(addToken);

  // BPE learns merges in order of frequency and each merge builds only on
  // bytes and earlier merges, so any prefix of the list is a complete,
  // consistent tokenizer: cutting it is how the vocabulary size is set.
  const merges = [];
  for (const [left, right] of learnedMerges) {
    if (vocab.size >= vocabularySize) break;
    if (!vocab.has(left) || !vocab.has(right)) {
      throw new Error(`merge ${left} + ${right} uses a token that is not in the vocabulary`);
    }
    merges.push([left, right]);
    // Two different merges can spell the same token ("ab"+"c", "a"+"bc"); it keeps its first id.
    addToken(left + right);
  }
  if (vocab.size < vocabularySize) {
    throw new Error(
      `the corpus yields only ${vocab.size} tokens, fewer than --vocab-size ${vocabularySize}: use a larger corpus ` +
        "(the binding's trainer also stops at 30,000 tokens, so larger vocabularies cannot be trained this way)",
    );
  }

  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    // No normalizer: any Unicode normalisation would break exact round-trips.
    normalizer: null,
    pre_tokenizer: splitting,
    // Nothing is added around an encoded text; the SDK places every special token itself.
    post_processor: null,
    decoder: DECODER,
    model: {
      type: 'BPE',
      dropout: null,
      // Every byte has a token, so nothing is ever unknown.
      unk_token: null,
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab: Object.fromEntries(vocab),
      merges,
    },
  };
}

function buildTokenizerConfig() {
  const addedTokensDecoder = Object.fromEntries(
    SPECIAL_TOKENS.map((content, id) => [
      String(id),
      { content, lstrip: false, normalized: false, rstrip: false, single_word: false, special: true },
    ]),
  );
  return {
    tokenizer_class: 'PreTrainedTokenizerFast',
    add_bos_token: false,
    add_eos_token: false,
    bos_token: null,
    eos_token: '<|eos|>',
    pad_token: '<|pad|>',
    mask_token: '<|mask|>',
    unk_token: null,
    additional_special_tokens: SPECIAL_TOKENS.slice(3),
    // Both Hugging Face libraries default to "cleaning up" spaces before
    // punctuation when decoding, which would break exact round-trips.
    clean_up_tokenization_spaces: false,
    added_tokens_decoder: addedTokensDecoder,
    chat_template: CHAT_TEMPLATE,
  };
}

/**
 * The byte-level alphabet: byte b is written as a printable character so that
 * BPE can work on strings. Printable Latin-1 bytes stand for themselves; the
 * rest (controls, space, a few others) are moved up to U+0100 and beyond, in
 * byte order. This is the mapping GPT-2 introduced and `ByteLevel` uses.
 */
function byteToCharacter() {
  const printable = (byte) =>
    (byte >= 0x21 && byte <= 0x7e) || (byte >= 0xa1 && byte <= 0xac) || (byte >= 0xae && byte <= 0xff);
  let nextStandIn = 0x100;
  const characters = [];
  for (let byte = 0; byte < 256; byte++) {
    characters.push(String.fromCodePoint(printable(byte) ? byte : nextStandIn++));
  }
  const libraryAlphabet = new Set(byteLevelAlphabet());
  if (libraryAlphabet.size !== 256 || !characters.every((character) => libraryAlphabet.has(character))) {
    throw new Error("this byte alphabet differs from the tokenizers library's ByteLevel alphabet");
  }
  return characters;
}

/** Loads the written file back with the Rust library and checks that text survives a round trip. */
async function checkWithRustTokenizer(tokenizerPath) {
  const tokenizer = Tokenizer.fromFile(tokenizerPath);
  const sample = 'Hello, world! {"id": 2024, "tags": ["a b"]}\n\tcafé 東京 🙂 <|mask|><|end|>';
  const encoding = await tokenizer.encode(sample);
  const decoded = await tokenizer.decode(encoding.getIds(), false);
  if (decoded !== sample) throw new Error(`Rust round trip failed: ${JSON.stringify(decoded)}`);
}

// ---------------------------------------------------------------------------
// The synthetic corpus: varied enough that BPE learns common English pieces,
// JSON punctuation and key names, small enough to train in well under a second.

/** mulberry32: a tiny seeded PRNG, so the corpus is the same on every machine. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = {
  subject: [
    'the cat', 'a dog', 'my neighbour', 'the teacher', 'our team', 'the old man', 'a small bird', 'the engineer',
    'the library', 'every student', 'the river', 'a stranger', 'the company', 'her brother', 'the city council',
    'the farmer', 'a young girl', 'the robot', 'the doctor', 'this machine',
  ],
  verb: [
    'found', 'opened', 'carried', 'painted', 'remembered', 'described', 'followed', 'repaired', 'watched',
    'counted', 'measured', 'ordered', 'wrote about', 'looked for', 'talked about', 'cleaned', 'bought', 'sold',
    'visited', 'explained',
  ],
  adjective: [
    'quiet', 'bright', 'heavy', 'green', 'ancient', 'simple', 'broken', 'careful', 'strange', 'warm', 'empty',
    'beautiful', 'important', 'different', 'wooden', 'narrow', 'happy', 'famous', 'modern', 'little',
  ],
  object: [
    'window', 'garden', 'letter', 'bridge', 'mountain', 'question', 'kitchen', 'computer', 'story', 'market',
    'picture', 'problem', 'station', 'number', 'answer', 'village', 'machine', 'message', 'table', 'morning',
  ],
  adverb: [
    'slowly', 'yesterday', 'again', 'carefully', 'together', 'quickly', 'before dinner', 'in the evening',
    'without a word', 'every day', 'at night', 'once more',
  ],
  name: ['Alice', 'Bob', 'Carol', 'David', 'Emma', 'Farid', 'Grace', 'Hiro', 'Ingrid', 'José', 'Zoë', 'Łukasz'],
  city: ['London', 'Paris', 'Tokyo', 'Lagos', 'Lima', 'Oslo', 'Zürich', 'São Paulo', 'Kraków', '東京', 'Αθήνα'],
  tag: ['urgent', 'draft', 'blue', 'home', 'work', 'travel', 'food', 'music', 'done', 'later'],
  tool: ['search', 'calculator', 'weather', 'calendar', 'send_email', 'read_file'],
  // Everyday English for free-running word sequences, which give BPE the
  // variety of stems and endings that the templates alone lack.
  common: (
    'about above across after afternoon against almost along already also always among animal another ' +
    'anything around because become before began behind believe below beside better between beyond ' +
    'billion bottom brought building business cannot capital center certain change children choose ' +
    'circle clearly climate closed cloud coffee colour common complete consider continue country course ' +
    'covered create current danger daughter decide deep develop difference direction discover distance ' +
    'during early earth either electric energy enough entire evening evidence example experience explain ' +
    'family father feeling field figure finally finger follow forest forward friend further future ' +
    'general gentle government ground group happen heard history holiday however hundred husband idea ' +
    'imagine include increase inside instead interest island journey language large later laughed learn ' +
    'length likely listen little living local machine manage matter maybe meaning member method middle ' +
    'million minute mistake moment mother movement music natural nearly necessary nothing notice ocean ' +
    'office often orange order others outside paper parent particular party people perhaps period person ' +
    'planet plant please pocket point possible power prepare present pretty probably process produce ' +
    'program promise provide public purpose quickly rather reason receive record region remain report ' +
    'result return science season second section select sentence several shoulder silver simple single ' +
    'sister social soldier something sometimes special spring square standing started stone street ' +
    'strong student subject suddenly summer support surface system teacher thinking thousand through ' +
    'together tomorrow toward travel trouble understand until usually valley various village voice ' +
    'waiting walking watching weather weight whatever whether window winter within without wonder ' +
    'working writing written yellow yesterday young'
  ).split(' '),
};

function syntheticCorpus(seed, lineCount = 6000) {
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const integer = (limit) => Math.floor(random() * limit);
  const capitalise = (text) => text[0].toUpperCase() + text.slice(1);

  const sentence = () =>
    pick([
      () => `${capitalise(pick(WORDS.subject))} ${pick(WORDS.verb)} the ${pick(WORDS.adjective)} ${pick(WORDS.object)} ${pick(WORDS.adverb)}.`,
      () => `Did ${pick(WORDS.subject)} see the ${pick(WORDS.object)}?`,
      () => `${pick(WORDS.name)} paid ${integer(1000)} dollars for ${integer(20) + 2} ${pick(WORDS.object)}s in ${pick(WORDS.city)}.`,
      () => `On ${2000 + integer(30)}-${String(integer(12) + 1).padStart(2, '0')}-${String(integer(28) + 1).padStart(2, '0')} at ${integer(24)}:${String(integer(60)).padStart(2, '0')}, ${pick(WORDS.name)} wrote: "${capitalise(pick(WORDS.adjective))} ${pick(WORDS.object)}!"`,
      () => `It is ${pick(WORDS.adjective)}, ${pick(WORDS.adjective)} and ${pick(WORDS.adjective)}; ${pick(WORDS.subject)} ${pick(WORDS.verb)} it.`,
      () => capitalise(Array.from({ length: integer(9) + 6 }, () => pick(WORDS.common)).join(' ')) + '.',
    ])();

  const record = () => ({
    id: integer(100000),
    name: pick(WORDS.name),
    city: pick(WORDS.city),
    active: random() < 0.5,
    score: Math.round(random() * 10000) / 100,
    tags: Array.from({ length: integer(4) }, () => pick(WORDS.tag)),
    note: sentence(),
  });
  const toolCall = () => ({ tool: pick(WORDS.tool), arguments: { query: `${pick(WORDS.adjective)} ${pick(WORDS.object)}`, limit: integer(50) + 1 } });

  const lines = [];
  for (let index = 0; index < lineCount; index++) {
    const kind = random();
    if (kind < 0.55) lines.push(sentence());
    else if (kind < 0.75) lines.push(JSON.stringify(record()));
    else if (kind < 0.85) lines.push(JSON.stringify(record(), null, 2));
    else lines.push(JSON.stringify(toolCall()));
  }
  return lines.join('\n') + '\n';
}

/** JSON with two-space indentation, except that arrays of plain values (merges, tags) stay on one line. */
function stringifyCompactLeaves(value, indent = '') {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== 'object')) return JSON.stringify(value);
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => inner + stringifyCompactLeaves(item, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries
    .map(([key, item]) => `${inner}${JSON.stringify(key)}: ${stringifyCompactLeaves(item, inner)}`)
    .join(',\n')}\n${indent}}`;
}

// Run only as a script, so that checks can import SPECIAL_TOKENS from here.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
