import { describe, expect, it } from 'vitest';
import { labelledValueIssues } from './labelled-values.js';

const properties = {
  reference_number: { description: 'Reference number' },
  notes: { description: 'Notes' },
  requested_by: { description: 'Requester' },
  title: { description: 'Document title' },
  task: { description: 'What to do' },
};
const issues = (context: string, args: Record<string, unknown>) => labelledValueIssues({ arguments: args, copied: new Set(Object.keys(args)), properties, context });

describe('labelledValueIssues', () => {
  it("rejects a copy that lies only after another argument's name, and gives the text after its own", () => {
    const context = 'Details: notes: "second floor, flat 4", reference number: REF-32960.';
    expect(issues(context, { notes: 'REF-32960', reference_number: 'REF-32960' })).toEqual([
      { name: 'notes', owner: 'reference_number', within: [': "second floor, flat 4", '], message: 'notes: "REF-32960" is what the conversation gives for `reference_number`; copy the value it gives after "notes".' },
    ]);
    expect(issues(context, { notes: 'second floor, flat 4', reference_number: 'REF-32960' })).toEqual([]);
  });

  it('rejects a number written in digits after another argument\'s name, not one inside a longer number', () => {
    const counted = { item_count: { description: 'Number of items' }, star_rating: { description: 'Star rating' }, reference_number: { description: 'Reference number' } };
    const check = (context: string, args: Record<string, unknown>) => labelledValueIssues({ arguments: args, copied: new Set(Object.keys(args)), properties: counted, context });
    expect(check('Rename my order with number of items 9 and with the star rating 3.', { item_count: 3, star_rating: 3 })).toEqual([
      { name: 'item_count', owner: 'star_rating', within: [' 9 and with the '], message: 'item_count: 3 is what the conversation gives for `star_rating`; copy the value it gives after "number of items".' },
    ]);
    expect(check('number of items 9, star rating 3, reference number REF-2023', { item_count: 9, star_rating: 3 })).toEqual([]);
    // "3" of "REF-2023" is no statement of 3: the only one is after its own name.
    expect(check('star rating 3, reference number REF-2023, number of items 8', { item_count: 8, star_rating: 3 })).toEqual([]);
  });

  it("rejects a copy of another argument's name", () => {
    const found = issues('Add a timesheet: requester: Aisha Patel, document title: "Brand refresh".', { requested_by: 'title', title: 'Brand refresh' });
    expect(found.map(({ name, owner }) => [name, owner])).toEqual([['requested_by', 'title']]);
  });

  it('leaves alone a copy stated elsewhere too, and an argument the conversation does not name before its value', () => {
    expect(issues('notes: REF-1, reference number: REF-1', { notes: 'REF-1' })).toEqual([]);
    expect(issues('Please add reset the router to my tasks with a reference number R1', { task: 'reset the router' })).toEqual([]);
    expect(issues('reference number R1 and notes', { notes: 'R1' })).toEqual([]);
  });
});
