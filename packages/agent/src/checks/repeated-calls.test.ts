import { describe, expect, it } from 'vitest';
import { copiesOfOtherCalls, mentionsTakenFrom, repeatedCallIssues, replannedCopyIssues, type CallCopies } from './repeated-calls.js';

const call = (tool: string, args: Record<string, unknown>, replanned = false): CallCopies => ({
  tool,
  arguments: args,
  copied: new Set(Object.keys(args).filter((name) => typeof args[name] === 'string')),
  replanned,
});

describe('repeatedCallIssues', () => {
  const context = 'Evaluate 19 + 10, and email ann@example.org about the Bug report.';

  it('plans again the later call of a tool named twice for one mention', () => {
    const email = { to: 'ann@example.org', subject: 'Bug report' };
    expect(repeatedCallIssues([call('send_email', email), call('send_email', email)], context)).toEqual([
      { index: 1, message: 'send_email is called twice with the same arguments: this call is planned again with another tool.' },
    ]);
    expect(repeatedCallIssues([call('send_email', email), call('calculate', { expression: '19 + 10' }), call('send_email', { ...email, subject: 'about the Bug report' })], context)).toEqual([
      { index: 2, message: 'send_email is called twice with to "ann@example.org", which is stated once: this call is planned again with another tool.' },
    ]);
    const request = 'Email ann@example.org. Then put Farewell party on my calendar for 2025-11-03?';
    expect(repeatedCallIssues([call('create_event', { title: 'Farewell party on', date: '2025-11-03' }), call('create_event', { title: 'Farewell party', date: '2025-11-03' })], request)).toEqual([
      { index: 1, message: 'create_event is called twice with title "Farewell party on" and "Farewell party", one statement: this call is planned again with another tool.' },
    ]);
  });

  it('leaves alone calls of one tool with their own values, a value stated twice, and calls planned again already', () => {
    expect(repeatedCallIssues([call('get_weather', { city: 'Rome' }), call('get_weather', { city: 'Oslo' })], 'Weather in Rome and in Oslo?')).toEqual([]);
    expect(repeatedCallIssues([call('add_todo', { task: 'buy milk' }), call('add_todo', { task: 'milk the cow' })], 'Add buy milk, and milk the cow')).toEqual([]);
    expect(repeatedCallIssues([call('send_email', { to: 'a@b.io', body: 'Hi' }), call('send_email', { to: 'a@b.io', body: 'Bye' })], 'Mail a@b.io "Hi", and a@b.io "Bye"')).toEqual([]);
    expect(repeatedCallIssues([call('get_weather', { city: 'Rome' }), call('set_timer', { label: 'Rome' })], 'Rome')).toEqual([]);
    const twice = [call('calculate', { expression: '19 + 10' }, true), call('calculate', { expression: '19 + 10' }, true)];
    expect(repeatedCallIssues(twice, context)).toEqual([]);
    // Of a call planned again and one that was not, the other is planned again, the earlier one included.
    expect(repeatedCallIssues([call('calculate', { expression: '19 + 10' }), call('calculate', { expression: '19 + 10' }, true)], context)).toEqual([
      { index: 0, message: 'calculate is called twice with the same arguments: this call is planned again with another tool.' },
    ]);
  });
});

describe('replannedCopyIssues', () => {
  it('rejects the arguments of a call planned again that copy words another call copied', () => {
    const email = call('send_email', { to: 'ann@example.org', body: 'The export failed.' });
    const context = 'Evaluate 19 + 10, and email ann@example.org: The export failed.';
    expect(replannedCopyIssues([email, call('calculate', { expression: 'The export failed.' }, true)], context)).toEqual([
      { index: 1, name: 'expression', message: 'expression: "The export failed." is stated once and the send_email call holds it already.' },
    ]);
    expect(replannedCopyIssues([email, call('calculate', { expression: 'The export failed.' })], context)).toEqual([]);
  });
});

describe('mentionsTakenFrom', () => {
  it("lists the other calls' string arguments the conversation states once", () => {
    const calls = [
      { index: 0, arguments: { to: 'ann@example.org', subject: 'Hi', count: 2 } },
      { index: 2, arguments: { expression: '19 + 10' } },
    ];
    expect(mentionsTakenFrom(calls, 2, 'Say Hi and Hi to ann@example.org, and evaluate 19 + 10')).toEqual(['ann@example.org']);
    expect(mentionsTakenFrom(calls, 0, 'Say Hi to ann@example.org, and evaluate 19 + 10')).toEqual(['19 + 10']);
  });
});

describe('copiesOfOtherCalls', () => {
  it('rejects a copy whose every statement lies in words another call holds, stated once', () => {
    const context = 'Search for a flight from Sendai to Kobe, then put a three-minute timer on.';
    const flight = call('search_flights', { origin: 'Sendai', destination: 'Kobe' });
    // Both copies are reported: which one came with a doubtful decision is the caller's to say (the agent asks it
    // of optional arguments only).
    expect(copiesOfOtherCalls([flight, call('set_timer', { label: 'Kobe' })], context)).toEqual([
      { index: 0, name: 'destination', message: 'destination: "Kobe" is stated once, in the words the set_timer call holds in `label` ("Kobe").' },
      { index: 1, name: 'label', message: 'label: "Kobe" is stated once, in the words the search_flights call holds in `destination` ("Kobe").' },
    ]);
    // Overlapping words count, not only the same value.
    const music = call('play_music', { query: 'Echo Canyon Riders' });
    expect(copiesOfOtherCalls([call('set_timer', { label: 'play Echo Canyon' }), music], 'Put a timer on, and play Echo Canyon Riders.').map(({ index, name }) => [index, name])).toEqual([
      [0, 'label'],
      [1, 'query'],
    ]);
  });

  it('leaves alone a copy stated elsewhere too, words another call holds twice, and values it did not copy', () => {
    expect(copiesOfOtherCalls([call('set_timer', { label: 'pasta' }), call('add_todo', { task: 'buy pasta' })], 'A timer for the pasta, and add buy pasta to my list.')).toEqual([]);
    expect(copiesOfOtherCalls([call('get_weather', { city: 'Rome' }), call('set_timer', { label: 'Rome' })], 'Weather in Rome, and a timer called Rome.')).toEqual([]);
    const chosen: CallCopies = { tool: 'set_timer', arguments: { label: 'Kobe' }, copied: new Set() };
    expect(copiesOfOtherCalls([call('search_flights', { destination: 'Kobe' }), chosen], 'A flight to Kobe and a timer.')).toEqual([]);
  });
});
