import { describe, expect, it } from 'vitest';
import { cachedPromptLength, promptKey } from './prompt-cache.js';

const ANSWER_START = 5;

describe('cachedPromptLength', () => {
  it('ends the prompt after the last answer-start token', () => {
    expect(cachedPromptLength({ inputIds: [4, 9, 5, 8, 7, 5, 2, 2], positions: [6, 7] }, ANSWER_START)).toBe(6);
  });

  it('serves nothing without an answer after an answer-start token', () => {
    expect(cachedPromptLength({ inputIds: [4, 9, 2, 2], positions: [2] }, ANSWER_START)).toBeUndefined();
    expect(cachedPromptLength({ inputIds: [4, 9, 5], positions: [1] }, ANSWER_START)).toBeUndefined();
  });

  it("serves nothing when a prompt position's row is asked for", () => {
    expect(cachedPromptLength({ inputIds: [4, 2, 5, 2, 2], positions: [3, 1] }, ANSWER_START)).toBeUndefined();
    expect(cachedPromptLength({ inputIds: [4, 2, 5, 2, 2], positions: [2] }, ANSWER_START)).toBeUndefined();
  });
});

describe('promptKey', () => {
  it('keys a prompt by its token ids', () => {
    expect(promptKey(Int32Array.from([4, 9, 5, 2]), 3)).toBe('4,9,5');
    expect(promptKey([4, 9, 5, 2], 3)).toBe('4,9,5');
  });
});
