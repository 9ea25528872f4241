import { describe, expect, it } from 'vitest';
import { shuffleIn } from './stated-shuffle.js';

describe('shuffleIn', () => {
  it('reads a shuffle asked for in any form, or a random order', () => {
    expect(shuffleIn('Play some jazz on shuffle')).toEqual(['true']);
    expect(shuffleIn('Play me some house music shuffled.')).toEqual(['true']);
    expect(shuffleIn('play The Hollow Pines in random order')).toEqual(['true']);
    expect(shuffleIn('Play Echo Canyon Riders with shuffle on please')).toEqual(['true']);
  });

  it('reads a shuffle refused, and nothing where the text says neither', () => {
    expect(shuffleIn('Then play Weightless not shuffled thank you')).toEqual(['false']);
    expect(shuffleIn('play the album in order, shuffle off')).toEqual(['false']);
    expect(shuffleIn("don't shuffle it")).toEqual(['false']);
    expect(shuffleIn('Could you play the track Sugar and Smoke?')).toEqual([]);
    expect(shuffleIn('Play something calm in order to focus')).toEqual([]);
  });
});
