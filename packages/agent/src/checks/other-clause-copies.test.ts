import { describe, expect, it } from 'vitest';
import { otherClauseCopies } from './other-clause-copies.js';
import { requestClauses } from './request-clauses.js';

const judge = (request: string, calls: { tool: string; arguments: Record<string, unknown> }[], tools = {}, partsAskingFor?: ReadonlyMap<string, string>) =>
  otherClauseCopies({
    calls: calls.map((call) => ({ ...call, copied: new Set(Object.keys(call.arguments)) })),
    clauses: requestClauses(request),
    request,
    tools,
    ...(partsAskingFor === undefined ? {} : { partsAskingFor }),
  }).map(({ position, name, owner, within }) => ({ position, name, owner, within }));

describe('otherClauseCopies', () => {
  it("rejects a copy written only in a part another call holds, and points the repair at the call's own parts", () => {
    const request = 'Quick one, could you turn 155102 USD into CAD and give me the Croatian for "Welcome to our home."';
    const calls = [
      { tool: 'convert_currency', arguments: { amount: 155102, from: 'USD', to: 'CAD' } },
      { tool: 'translate_text', arguments: { text: '155102 USD', target_language: 'Croatian' } },
    ];
    expect(judge(request, calls)).toEqual([{ position: 1, name: 'text', owner: 'convert_currency', within: ['give me the Croatian for "Welcome to our home."'] }]);
    const right = [calls[0] as (typeof calls)[number], { tool: 'translate_text', arguments: { text: 'Welcome to our home.', target_language: 'Croatian' } }];
    expect(judge(request, right)).toEqual([]);
  });

  it("judges a copy from a part no call holds that names another tool: a call the plan left out", () => {
    const request = 'Look up the weather in Kyiv, and search for a flight from Nashville to Basel departing Sunday 9 August 2026 please';
    const calls = [{ tool: 'search_flights', arguments: { origin: 'Kyiv', destination: 'Basel', date: '2026-08-09' } }];
    const tools = { search_flights: {}, get_weather: {} };
    expect(judge(request, calls, tools)).toEqual([
      { position: 0, name: 'origin', owner: 'get_weather', within: ['search for a flight from Nashville to Basel departing Sunday 9 August 2026 please'] },
    ]);
    // A part that names no other tool is no other call's.
    expect(judge(request.replace('weather', 'sky'), calls, tools)).toEqual([]);
  });

  it('judges a copy from a part no call holds that the model reads alone as another tool\'s', () => {
    const request = 'Put a 5 minute timer on, and add call the plumber to my list';
    const calls = [{ tool: 'set_timer', arguments: { minutes: 5, label: 'call the plumber' } }];
    expect(judge(request, calls, {}, new Map([['add call the plumber to my list', 'add_todo']]))).toEqual([
      { position: 0, name: 'label', owner: 'add_todo', within: ['Put a 5 minute timer on'] },
    ]);
    // Read alone as the call's own tool, or not read: the copy stays.
    expect(judge(request, calls, {}, new Map([['add call the plumber to my list', 'set_timer']]))).toEqual([]);
    expect(judge(request, calls)).toEqual([]);
  });

  it('judges a copy that runs over two parts of another call', () => {
    const request = 'When you get a chance, evaluate 29039 plus 8 and then give me the Italian for "Where is the train station?"';
    const calls = [
      { tool: 'translate_text', arguments: { text: '29039 plus 8', target_language: 'Italian' } },
      { tool: 'calculate', arguments: { expression: '29039 + 8' } },
    ];
    expect(judge(request, calls).map(({ position, name, owner }) => [position, name, owner])).toEqual([[0, 'text', 'calculate']]);
  });

  it('judges numbers the request writes in digits or in words the same way', () => {
    const booked = 'search for a flight from Colombo to Samarkand departing July 6, 2026. Also, book a table for two guests at The Anchovy';
    const tables = [
      { tool: 'search_flights', arguments: { origin: 'Colombo', destination: 'Samarkand', passengers: 2 } },
      { tool: 'book_table', arguments: { restaurant: 'The Anchovy', party_size: 2 } },
    ];
    expect(judge(booked, tables).map(({ position, name }) => [position, name])).toEqual([[0, 'passengers']]);

    const request = 'put a 14 minute timer on. Also, book Performance review on Dec 3, 2025 for one and a half hours!';
    const calls = [
      { tool: 'set_timer', arguments: { minutes: 14 } },
      { tool: 'create_event', arguments: { title: 'Performance review', duration_minutes: 14 } },
    ];
    expect(judge(request, calls).map(({ position, name }) => [position, name])).toEqual([[1, 'duration_minutes']]);
  });

  it('leaves a copy alone where its own call holds the part, no other call does, or no part holds it', () => {
    // Two values of one call in one part.
    const flight = 'Put a twenty-minute timer on. Also, search for a flight from Galway to Bucharest';
    expect(judge(flight, [{ tool: 'set_timer', arguments: { minutes: 20 } }, { tool: 'search_flights', arguments: { origin: 'Galway', destination: 'Bucharest' } }])).toEqual([]);
    // The timer's label taken from the flight's part is another call's.
    expect(judge(flight, [{ tool: 'set_timer', arguments: { minutes: 20, label: 'Galway' } }, { tool: 'search_flights', arguments: { origin: 'Galway', destination: 'Bucharest' } }])).toEqual([
      { position: 0, name: 'label', owner: 'search_flights', within: ['Put a twenty-minute timer on'] },
    ]);
    // A statement belongs to no part: its words may be any call's.
    const brew = 'The cold brew will take two hours. Set a timer and play jazz';
    expect(judge(brew, [{ tool: 'set_timer', arguments: { minutes: 120, label: 'cold brew' } }, { tool: 'play_music', arguments: { query: 'jazz' } }])).toEqual([]);
    // A call that holds no part without the copy: where its values belong is not known.
    const two = 'Play jazz and play Neon Cathedral';
    expect(judge(two, [{ tool: 'play_music', arguments: { query: 'jazz' } }, { tool: 'play_music', arguments: { query: 'jazz' } }])).toEqual([]);
    // One call alone has no other call's part to take from.
    expect(judge(flight, [{ tool: 'search_flights', arguments: { origin: 'Galway', destination: 'Bucharest' } }])).toEqual([]);
  });
});
