import { describe, expect, it } from 'vitest';
import { copiesOnlyFrom, namesTool, requestClauses, uncoveredClauses, type RequestClause } from './request-clauses.js';

const texts = (request: string) => requestClauses(request).map((clause) => clause.text);

describe('requestClauses', () => {
  it('splits where a sentence ends or a conjunction chains another request, with the offsets', () => {
    const request = 'crunch 5*40.20 and then start a timer for fifty minutes, then get the weather for Spokane. Also, play jazz';
    expect(texts(request)).toEqual(['crunch 5*40.20', 'start a timer for fifty minutes', 'get the weather for Spokane', 'play jazz']);
    for (const clause of requestClauses(request)) expect(request.slice(clause.at, clause.end)).toBe(clause.text);
  });

  it('never splits inside a quoted text, nor "one and a half"', () => {
    expect(texts('Email ana@example.org saying "Bread and butter. Then we go" and play jazz')).toEqual([
      'Email ana@example.org saying "Bread and butter. Then we go"',
      'play jazz',
    ]);
    expect(texts('book Review on 2027-11-04 for an hour and a half please')).toEqual(['book Review on 2027-11-04 for an hour and a half please']);
  });

  it('ends a sentence inside a quote when the next starts with a capital, and never at "p.m." or an initial', () => {
    expect(texts('Email kai@example.org and say "The car is ready." Also, work out 12 times 696')).toEqual([
      'Email kai@example.org',
      'say "The car is ready."',
      'work out 12 times 696',
    ]);
    expect(texts('translate "The flight is delayed." to Zulu')).toEqual(['translate "The flight is delayed." to Zulu']);
    expect(texts('schedule Study group for December 27 at 12:00 p.m. for sixty minutes. Play Plan B. Thanks')).toEqual([
      'schedule Study group for December 27 at 12:00 p.m. for sixty minutes',
      'Play Plan B. Thanks',
    ]);
  });

  it('leaves out parts that ask for nothing a call would do', () => {
    // Politeness alone, a statement, a part about what another states.
    expect(texts('Play jazz, and thanks a lot!')).toEqual(['Play jazz']);
    expect(texts("I'm travelling soon. How do I say \"hello\" in Italian?")).toEqual(['How do I say "hello" in Italian?']);
    expect(texts('The return reason is too large. Check my layaway plan.')).toEqual(['Check my layaway plan.']);
    expect(texts('Soccer practice is on 2026-06-09 at 07:15. Add it to my calendar?')).toEqual([]);
    // "it" as the subject of a question is no such reference.
    expect(texts('check how hot it is in Ghent')).toEqual(['check how hot it is in Ghent']);
  });
});

describe('uncoveredClauses', () => {
  const request = 'Can you add top up the transit card to my to-dos by April 6th, 2026, and play something by Neon Cathedral, please?';
  const clauses = requestClauses(request);
  const todo = { tool: 'add_todo', arguments: { task: 'top up the transit card', due_date: '2026-04-06' } };

  it('finds a part no call holds anything of', () => {
    expect(uncoveredClauses(clauses, [todo], request, {}).map((clause) => clause.text)).toEqual(['play something by Neon Cathedral, please?']);
    expect(uncoveredClauses(clauses, [todo, { tool: 'play_music', arguments: { query: 'Neon Cathedral' } }], request, {})).toEqual([]);
  });

  it('counts no part as held by a copy of words that ask for nothing', () => {
    const asked = 'Can you add back up my laptop to my to-do list and also email ana@example.org';
    const calls = [
      { tool: 'send_email', arguments: { to: 'ana@example.org' } },
      { tool: 'add_todo', arguments: { task: 'Can you' } },
    ];
    // A copy that starts like a statement ("The ...") is a value all the same.
    const titled = 'Play The Quiet Hours by Static Bloom, and set a timer';
    expect(uncoveredClauses(requestClauses(titled), [{ tool: 'play_music', arguments: { query: 'The Quiet Hours by Static Bloom' } }], titled, {}, { byName: false }).map((clause) => clause.text)).toEqual(['set a timer']);
    // By name the to-do call holds its part ("to-do" names add_todo); by value it holds none.
    expect(uncoveredClauses(requestClauses(asked), calls, asked, {})).toEqual([]);
    expect(uncoveredClauses(requestClauses(asked), calls, asked, {}, { byName: false }).map((clause) => clause.text)).toEqual(['Can you add back up my laptop to my to-do list']);
  });

  it('tells whether a call copies only from one part', () => {
    const [first] = requestClauses(request);
    expect(copiesOnlyFrom(first as RequestClause, todo, request)).toBe(true);
    expect(copiesOnlyFrom(first as RequestClause, { arguments: { task: 'top up', title: 'Neon Cathedral' } }, request)).toBe(false);
    // A value the request does not write (a date in the schema's form, a value the model wrote) is no copy.
    expect(copiesOnlyFrom(first as RequestClause, { arguments: { task: 'top up', note: 'Jazz' } }, request)).toBe(true);
  });

  it('counts a part as held by a date or number a call holds, or a value its tool reads there', () => {
    const dated = 'Remind me on April 6th, 2026 and set a timer for 12 minutes';
    expect(uncoveredClauses(requestClauses(dated), [{ tool: 'add_todo', arguments: { task: 'x', due_date: '2026-04-06' } }, { tool: 'set_timer', arguments: { minutes: 12 } }], dated, {})).toEqual([]);
    const stock = 'Add pay rent to my list, and tell me how Alibaba is trading';
    const tools = { get_stock_price: { grounding: { symbol: { statedValues: (text: string) => (text.includes('Alibaba') ? ['BABA'] : []) } } } };
    const calls = [
      { tool: 'add_todo', arguments: { task: 'pay rent' } },
      { tool: 'get_stock_price', arguments: { symbol: 'BABA' } },
    ];
    expect(uncoveredClauses(requestClauses(stock), calls, stock, tools)).toEqual([]);
    expect(uncoveredClauses(requestClauses(stock), calls, stock, {}).map((clause) => clause.text)).toEqual(['tell me how Alibaba is trading']);
  });

  it('counts no number inside a date, a time or a quote as held', () => {
    const dated = 'Add pay rent to the list, due 2026-11-19; also play jazz';
    const timer = { tool: 'set_timer', arguments: { minutes: 11 } };
    expect(uncoveredClauses(requestClauses(dated), [timer], dated, {}).map((clause) => clause.text)).toEqual(['Add pay rent to the list, due 2026-11-19', 'play jazz']);
    const quoted = 'Book Bao Down for 4, then email ann@example.org saying "Ready after four."';
    const table = { tool: 'book_table', arguments: { restaurant: 'Bao Down', party_size: 4 } };
    expect(uncoveredClauses(requestClauses(quoted), [table], quoted, {}).map((clause) => clause.text)).toEqual(['email ann@example.org saying "Ready after four."']);
    // "a" states no party of one here.
    const keys = 'Book Bao Down for 1. Then ask if anyone found a set of keys';
    expect(uncoveredClauses(requestClauses(keys), [{ tool: 'book_table', arguments: { restaurant: 'Bao Down', party_size: 1 } }], keys, {}).map((clause) => clause.text)).toEqual(['ask if anyone found a set of keys']);
  });

  it("counts a part as held when it names a call's tool, a yes-or-no argument it holds, or an argument its tool takes", () => {
    const call = { tool: 'edit_car_wash', arguments: { sms_notifications: true } };
    const propertiesOf = () => ({ requested_by: { description: 'The requester' }, sms_notifications: {} });
    const open = (request: string) => uncoveredClauses(requestClauses(request), [call], request, {}, { propertiesOf }).map((clause) => clause.text);
    expect(open('Please do my car wash and play jazz')).toEqual(['play jazz']);
    expect(open('Please do my car washes, and sort out my SMS notifications')).toEqual([]);
    expect(open('Please do it, and set the requester to Natalia Volkov')).toEqual([]);
    expect(uncoveredClauses(requestClauses('Please do it, and set the requester to Natalia Volkov'), [call], '', {}).length).toBe(1);
  });

  it("counts no label inside another of the tools' longer labels: the \"date\" of \"due date\" names a to-do's argument", () => {
    const properties: Record<string, Record<string, { description?: string }>> = { book_table: { restaurant: {}, date: {} }, add_todo: { task: {}, due_date: { description: 'Due date' } } };
    const propertiesOf = (tool: string) => properties[tool] ?? {};
    const request = 'add call the insurance company to my list with a due date of 13th June 2026';
    const named = (tool: string, tools: Record<string, object>) => uncoveredClauses(requestClauses(request), [{ tool, arguments: {} }], request, tools, { propertiesOf }).length === 0;
    expect(named('book_table', { book_table: {}, add_todo: {} })).toBe(false);
    expect(named('add_todo', { book_table: {}, add_todo: {} })).toBe(true);
    // Without the to-do among the tools, "date" is the table's.
    expect(named('book_table', { book_table: {} })).toBe(true);
  });
});

describe('namesTool', () => {
  const part = (text: string): RequestClause => ({ at: 0, end: text.length, text });
  it('finds a word of the tool name after its verb, in the singular or plural, outside quotes and labels', () => {
    expect(namesTool(part('Look up the weather in Kyiv'), 'get_weather')).toBe(true);
    expect(namesTool(part('add it to my to-dos'), 'add_todo')).toBe(true);
    expect(namesTool(part('get me some flight options'), 'search_flights')).toBe(true);
    // The verb alone, a quote, a label: none names the tool.
    expect(namesTool(part('get me Lisbon'), 'get_weather')).toBe(false);
    expect(namesTool(part('say "My flight lands at noon."'), 'search_flights')).toBe(false);
    expect(namesTool(part('text: The car is ready.'), 'translate_text')).toBe(false);
  });
});
