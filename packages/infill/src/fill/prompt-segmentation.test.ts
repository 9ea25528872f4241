import { describe, expect, it } from 'vitest';
import { fixtureTokenizer } from '../testing/fixture-tokenizer.js';
import { TokenIndex } from '../tokens/token-index.js';
import { PromptSegmentation } from './prompt-segmentation.js';

describe('PromptSegmentation', () => {
  const { tokenizer } = fixtureTokenizer();
  const encode = (text: string) => tokenizer.encode(text);
  const index = TokenIndex.for(tokenizer, tokenizer.size);
  const pieces = (tokens: readonly number[] | undefined) => tokens?.map((token) => tokenizer.decode([token]));

  it('writes a copied word with the tokens the prompt has, its first token without the space', () => {
    // This tokenizer cuts " ticker" as " t|ic|k|er" and "ticker" alone as "ti|c|k|er".
    expect(pieces(encode(' ticker'))).toEqual([' t', 'ic', 'k', 'er']);
    expect(pieces(encode('ticker'))).toEqual(['ti', 'c', 'k', 'er']);
    const segmentation = new PromptSegmentation(['look up the ticker call'], encode, index);
    expect(pieces(segmentation.tokensOf('ticker'))).toEqual(['t', 'ic', 'k', 'er']);
    expect(pieces(segmentation.tokensOf('ticker call'))).toEqual(['t', 'ic', 'k', 'er', ' c', 'al', 'l']);
  });

  it("keeps the prompt's tokens as they are where the value starts on a token of its own", () => {
    const segmentation = new PromptSegmentation(['ticker call'], encode, index);
    expect(segmentation.tokensOf('ticker call')).toEqual(encode('ticker call'));
  });

  it('finds no copy that starts or ends inside a token, nor of text the prompt lacks', () => {
    const segmentation = new PromptSegmentation(['look up the ticker call'], encode, index);
    expect(segmentation.tokensOf('cker')).toBeUndefined();
    expect(segmentation.tokensOf('ticke')).toBeUndefined();
    // A piece of a word on token boundaries is still a copy of the prompt's tokens (grounding decides words).
    expect(pieces(segmentation.tokensOf('tick'))).toEqual(['t', 'ic', 'k']);
    expect(segmentation.tokensOf('Lisbon')).toBeUndefined();
    expect(segmentation.tokensOf('')).toBeUndefined();
  });

  it('searches the texts in the order given', () => {
    const latestFirst = new PromptSegmentation(['the ticker', 'ticker'], encode, index);
    expect(pieces(latestFirst.tokensOf('ticker'))).toEqual(['t', 'ic', 'k', 'er']);
    const systemFirst = new PromptSegmentation(['ticker', 'the ticker'], encode, index);
    expect(systemFirst.tokensOf('ticker')).toEqual(encode('ticker'));
  });
});
