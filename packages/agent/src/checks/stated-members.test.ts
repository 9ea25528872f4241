import { describe, expect, it } from 'vitest';
import { statedMembers } from './stated-members.js';

describe('statedMembers', () => {
  it('finds the members a request names as words, in the enum order', () => {
    expect(statedMembers('Open a ticket for contact channel chat, not by EMAIL.', ['email', 'phone', 'chat'])).toEqual(['email', 'chat']);
    expect(statedMembers('I am a chatty person on the telephone', ['email', 'phone', 'chat'])).toEqual([]);
  });

  it('reads underscores, hyphens and spaces between a member\'s words alike', () => {
    expect(statedMembers('the cabin class premium economy', ['economy', 'premium_economy', 'business'])).toEqual(['premium_economy']);
    expect(statedMembers('premium economy or plain economy', ['economy', 'premium_economy'])).toEqual(['economy', 'premium_economy']);
    expect(statedMembers('connector type Type-2 please', ['ccs', 'type_2', 'chademo'])).toEqual(['type_2']);
    expect(statedMembers('The return reason is too large.', ['too_small', 'too_large', 'wrong_item'])).toEqual(['too_large']);
  });

  it('finds numbers by their digits, never inside another number', () => {
    expect(statedMembers('star rating: 5, on 2025-04-01', [1, 2, 3, 4, 5])).toEqual(['5']);
    expect(statedMembers('star rating: 5', ['1', '2', '3', '4', '5'])).toEqual(['5']);
    expect(statedMembers('rated 4.5 in 2025', [4, 5])).toEqual([]);
  });

  it('names no boolean, null or member without a letter or digit', () => {
    expect(statedMembers('true or false, null and -', [true, false, null, '-'])).toEqual([]);
  });
});
