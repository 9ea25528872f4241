import { describe, expect, it } from 'vitest';
import { prioritiesIn } from './stated-priorities.js';

describe('prioritiesIn', () => {
  it('reads a priority given by name or in other words', () => {
    expect(prioritiesIn('Add buy milk to my list, high priority')).toEqual(['high']);
    expect(prioritiesIn('priority: low. Add water the plants')).toEqual(['low']);
    expect(prioritiesIn('create a urgent to-do: archive old emails')).toEqual(['high']);
    expect(prioritiesIn('Add renew passport, it is important')).toEqual(['high']);
    expect(prioritiesIn('put fix the shelf on my list, medium priority')).toEqual(['medium']);
  });

  it('reads a negated word as the low end, and none where the text gives none', () => {
    expect(prioritiesIn('Add clean the garage, not urgent')).toEqual(['low']);
    expect(prioritiesIn('Add clean the garage, no rush')).toEqual(['low']);
    expect(prioritiesIn('Add top up the transit card to my to-dos with a due date of April 6th')).toEqual([]);
    // When to act on the request is no priority of the task.
    expect(prioritiesIn('Remind me to compare phone plans asap')).toEqual([]);
    expect(prioritiesIn('When you get a chance, add renew my passport to my to-do list')).toEqual([]);
  });
});
