import { demoTools } from '@lacuna/demo-toolbox';
import { describe, expect, it } from 'vitest';
import { parametersOf } from '../checks/check-calls.js';
import { requestClauses } from '../checks/request-clauses.js';
import { callsOfAnotherTool, callsOfDoubtfulTool } from './calls-of-another-tool.js';

const offered = Object.entries(demoTools).map(([name, tool]) => ({ name, description: tool.description, parameters: parametersOf(tool) }));
const judge = (request: string, calls: { tool: string; arguments: Record<string, unknown> }[]) =>
  callsOfAnotherTool({ calls, clauses: requestClauses(request), request, tools: demoTools, offered, reading: { today: '2026-06-01' } }).map(({ position, tool, clause }) => [position, tool, clause.text]);

const doubtful = (request: string, calls: { tool: string; arguments: Record<string, unknown> }[]) =>
  callsOfDoubtfulTool({ calls, clauses: requestClauses(request), request, tools: demoTools, offered, reading: { today: '2026-06-01' } }).map(({ position, clause }) => [position, clause.text]);

describe('callsOfDoubtfulTool', () => {
  it('finds a call holding its own part, which never names its tool, only with free text or optional values', () => {
    const request = 'book a table at The Sardine Tin for two guests at 11:30 in the morning and then add call the insurance company to my list';
    expect(doubtful(request, [
      { tool: 'book_table', arguments: { restaurant: 'The Sardine Tin', party_size: 2, time: '11:30' } },
      { tool: 'book_table', arguments: { restaurant: 'call the insurance company', party_size: 2, time: '11:30' } },
    ])).toEqual([[1, 'add call the insurance company to my list']]);
    expect(doubtful('Add Graduation ceremony to my calendar on 6 March 2025. Look up the weather in Oslo', [
      { tool: 'add_todo', arguments: { task: 'Graduation ceremony', due_date: '2025-03-06' } },
      { tool: 'get_weather', arguments: { city: 'Oslo' } },
    ])).toEqual([[0, 'Add Graduation ceremony to my calendar on 6 March 2025']]);
    // The "date" of "due date" is add_todo's label, not a table's date.
    expect(doubtful(`${request} with a due date of 13th June 2026`, [
      { tool: 'book_table', arguments: { restaurant: 'The Sardine Tin', party_size: 2, time: '11:30' } },
      { tool: 'book_table', arguments: { restaurant: 'call the insurance company', party_size: 2, time: '11:30', date: '2026-06-13' } },
    ])).toEqual([[1, 'add call the insurance company to my list with a due date of 13th June 2026']]);
    // A verb names no tool: "Play" is doubtful too, until the model reads the part alone.
    expect(doubtful('Play some jazz', [{ tool: 'play_music', arguments: { query: 'jazz' } }])).toEqual([[0, 'Play some jazz']]);
  });

  it("finds a second call of a tool another call's part names and its own part never does, whatever it holds there", () => {
    const request = 'please book a table at Ember & Oak for 3 people at quarter past nine in the evening and add Graduation ceremony to my calendar on 6 March 2025 at half past ten at night';
    const table = { tool: 'book_table', arguments: { restaurant: 'Ember & Oak', party_size: 3, time: '21:15' } };
    // The required time, read in its part, held it: the call was taken as the request's.
    expect(doubtful(request, [table, { tool: 'book_table', arguments: { restaurant: 'Graduation ceremony', party_size: 3, time: '22:30', date: '2025-03-06' } }])).toEqual([
      [1, 'add Graduation ceremony to my calendar on 6 March 2025 at half past ten at night'],
    ]);
    // Where no part names the tool ("reserve"), the second call is taken as the request's, as before.
    const reserve = request.replace('book a table at', 'reserve');
    expect(doubtful(reserve, [table, { tool: 'book_table', arguments: { restaurant: 'Graduation ceremony', party_size: 3, time: '22:30', date: '2025-03-06' } }])).toEqual([]);
  });

  it('leaves a call alone where its part names its tool, a required typed value holds the part, or it shares its part', () => {
    // "to-do list" names add_todo; "list" alone names nothing, and the call would be doubtful (the model settles it).
    const request = 'book a table at The Sardine Tin for two guests at 11:30 in the morning and then add call the insurance company to my to-do list';
    expect(doubtful(request, [
      { tool: 'book_table', arguments: { restaurant: 'The Sardine Tin', party_size: 2, time: '11:30' } },
      { tool: 'add_todo', arguments: { task: 'call the insurance company' } },
    ])).toEqual([]);
    // The event's required date is read in its part.
    expect(doubtful('Add Graduation ceremony to my calendar on 6 March 2025. Look up the weather in Oslo', [
      { tool: 'create_event', arguments: { title: 'Graduation ceremony', date: '2025-03-06' } },
      { tool: 'get_weather', arguments: { city: 'Oslo' } },
    ])).toEqual([]);
  });
});

describe('callsOfAnotherTool', () => {
  it('finds a call holding its part only with free text or optional values, where another tool reads every argument', () => {
    expect(judge('calculate 141 times 17. Then add buy a doormat to my to-do list', [
      { tool: 'add_todo', arguments: { task: '141 times' } },
      { tool: 'add_todo', arguments: { task: 'buy a doormat' } },
    ])).toEqual([[0, 'calculate', 'calculate 141 times 17']]);
    expect(judge('check what £6000 comes to in lira, plus set a timer for 71 min for the pie', [
      { tool: 'set_timer', arguments: { minutes: 71, label: 'lira' } },
      { tool: 'set_timer', arguments: { minutes: 71, label: 'pie' } },
    ])).toEqual([[0, 'convert_currency', 'check what £6000 comes to in lira']]);
    expect(judge('Go ahead and check AXP!', [{ tool: 'add_todo', arguments: { task: 'check AXP' } }])).toEqual([[0, 'get_stock_price', 'check AXP!']]);
  });

  it('finds a call whose part names two arguments of exactly one other tool the plan does not call, whatever it holds there', () => {
    const request = 'Please add reset the router to my tasks with a due date of 16th October 2027.';
    expect(judge(request, [{ tool: 'create_event', arguments: { title: 'reset the router', date: '2027-10-16' } }])).toEqual([[0, 'add_todo', request]]);
    // The to-do planned: nothing to find. One label is not enough ("minutes" of a timer), nor are function words ("from", "to").
    expect(judge(request, [{ tool: 'add_todo', arguments: { task: 'reset the router', due_date: '2027-10-16' } }])).toEqual([]);
    expect(judge('Block out thirty minutes on 2025-07-26 for release planning', [{ tool: 'create_event', arguments: { title: 'release planning', date: '2025-07-26', duration_minutes: 30 } }])).toEqual([]);
    expect(judge("What's available from Manchester to Hong Kong on August 5, 2025?", [{ tool: 'search_flights', arguments: { origin: 'Manchester', destination: 'Hong Kong', date: '2025-08-05' } }])).toEqual([]);
  });

  it('finds a call whose part names exactly one other tool the plan does not call by its whole name, whatever it holds there', () => {
    const request = 'could you please play Silk Thread Quartet on shuffle, and add prepare the payroll to my to-dos with a due date of February 27, 2026?';
    const music = { tool: 'play_music', arguments: { query: 'Silk Thread Quartet', shuffle: true } };
    expect(judge(request, [music, { tool: 'create_event', arguments: { title: 'prepare the payroll', date: '2026-02-27' } }])).toEqual([
      [1, 'add_todo', 'add prepare the payroll to my to-dos with a due date of February 27, 2026?'],
    ]);
    // A word of a longer name is not the name: "tickets" names no `close_support_ticket`.
    const ticket = { name: 'close_support_ticket', description: 'Close a support ticket.', parameters: { type: 'object', properties: { ticket_id: { type: 'string' } }, required: ['ticket_id'] } };
    const flights = 'Need five tickets Bogotá to Vienna, the 12th of February 2025.';
    const call = { tool: 'search_flights', arguments: { origin: 'Bogotá', destination: 'Vienna', date: '2025-02-12', passengers: 5 } };
    expect(callsOfAnotherTool({ calls: [call], clauses: requestClauses(flights), request: flights, tools: demoTools, offered: [...offered, ticket], reading: { today: '2026-06-01' } })).toEqual([]);
  });

  it('leaves a call alone where its part names its tool, a value it reads or a date holds the part, or no other tool reads it', () => {
    // "to-do list" names add_todo.
    expect(judge('Add check AXP to my to-do list', [{ tool: 'add_todo', arguments: { task: 'check AXP' } }])).toEqual([]);
    // A date the event reads holds its part: a duration there is no timer.
    expect(judge('Schedule Accountant meeting for 2025-12-29 at 14:00 for 20 min', [{ tool: 'create_event', arguments: { title: 'Accountant meeting', date: '2025-12-29', time: '14:00', duration_minutes: 20 } }])).toEqual([]);
    // The right calls.
    expect(judge('calculate 141 times 17. Then add buy a doormat to my to-do list', [
      { tool: 'calculate', arguments: { expression: '141 * 17' } },
      { tool: 'add_todo', arguments: { task: 'buy a doormat' } },
    ])).toEqual([]);
    expect(judge('Play some jazz', [{ tool: 'play_music', arguments: { query: 'jazz' } }])).toEqual([]);
  });
});
