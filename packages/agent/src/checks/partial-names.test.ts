import { describe, expect, it } from 'vitest';
import { wholeName } from './partial-names.js';

const free = () => false;

describe('wholeName', () => {
  it('goes on over the capitalised words that follow a copy in every statement', () => {
    expect(wholeName('Oliver', 'Extend it for candidate Oliver Hoffmann and manager Ann Lee.', free)).toBe('Oliver Hoffmann');
    expect(wholeName('The Green', 'A table at The Green Door, 3:00 pm.', free)).toBe('The Green Door');
    expect(wholeName('Anjali', 'with candidate Anjali Lombardi, for employee Anneke Teo', free)).toBe('Anjali Lombardi');
    expect(wholeName('Ember &', 'Book a table for 4 at Ember & Oak at 7pm', free)).toBe('Ember & Oak');
    expect(wholeName('Nando', "Book a table for 2 at Nando's tonight at 8", free)).toBe("Nando's");
    expect(wholeName('Joe', 'a table at Joe’s Diner on Friday', free)).toBe('Joe’s Diner');
  });

  it('goes back over the capitalised words before a copy that do not begin a sentence or name an argument', () => {
    expect(wholeName('Pham', 'move it where the requester is Aleksander Pham, for parking hours 16', free)).toBe('Aleksander Pham');
    expect(wholeName('pipeline review', 'Can you book Sales pipeline review into my calendar?', free)).toBe('Sales pipeline review');
    expect(wholeName('onboarding call', 'new event: Customer onboarding call at 1:45', free)).toBe('onboarding call');
    expect(wholeName('ACC-524169', 'my water bill with the account ID ACC-524169', free, new Set(['account', 'id']))).toBe('ACC-524169');
    // Forwards a label word still joins: "Kuwait City" beside a clinic city.
    expect(wholeName('Kuwait', 'where the clinic city is Kuwait City?', free, new Set(['clinic', 'city']))).toBe('Kuwait City');
  });

  it('stops at words another argument holds, at dates, at "I", and after three words', () => {
    const context = 'flight Seoul Houston Friday, April 4, 2025';
    const houston = context.indexOf('Houston');
    expect(wholeName('Seoul', context, (at) => at >= houston)).toBe('Seoul');
    expect(wholeName('Ann', 'Email Ann I think', free)).toBe('Ann');
    expect(wholeName('A', 'A B C D E', free)).toBe('A B C D');
  });

  it('leaves a copy ending in a lower-case word, one no name follows, or one that goes on differently', () => {
    expect(wholeName('onboarding call', 'new event: Customer onboarding call Monday', free)).toBe('onboarding call');
    expect(wholeName('Lisbon', 'weather in Lisbon, please', free)).toBe('Lisbon');
    expect(wholeName('Ann', 'Ask Ann Lee, then Ann Park.', free)).toBe('Ann');
  });
});
