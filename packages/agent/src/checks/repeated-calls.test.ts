import { describe, expect, it } from 'vitest';
import { mentionsTakenFrom, repeatedCallIssues, replannedCopyIssues, type CallCopies } from './repeated-calls.js';

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
  });

  it('leaves alone calls of one tool with their own values, a value stated twice, and calls planned again already', () => {
    expect(repeatedCallIssues([call('get_weather', { city: 'Rome' }), call('get_weather', { city: 'Oslo' })], 'Weather in Rome and in Oslo?')).toEqual([]);
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
