import { describe, expect, it } from 'vitest';
import { languagesIn } from './stated-languages.js';

describe('languagesIn', () => {
  it('reads the languages a request names, as it writes them', () => {
    expect(languagesIn('Can you translate "We need more towels." into Swahili?')).toEqual(['Swahili']);
    expect(languagesIn('Please translate the following into punjabi: Do you speak English?')).toEqual(['punjabi', 'English']);
    expect(languagesIn('Say it in Brazilian Portuguese, not Portuguese from Lisbon')).toEqual(['Brazilian Portuguese', 'Portuguese']);
  });

  it('reads no language inside another word, and none where the request names none', () => {
    expect(languagesIn('Translate this for the Thailand trip')).toEqual([]);
    expect(languagesIn('How do I say goodbye in Klingon?')).toEqual([]);
  });
});
