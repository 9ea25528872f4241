import type { HoleReport } from '@lacuna/infill';
import { convert_currency, create_event, search_flights, send_email, set_timer, translate_text } from '@lacuna/demo-toolbox';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tool } from '../tools/tool.js';
import { checkCalls } from './check-calls.js';

/** A value hole of a plan's call, sampled at one confidence. */
const hole = (callIndex: number, name: string, confidence: number) =>
  ({ id: 0, kind: 'value', path: [callIndex, 'arguments', name], pointer: '', text: '', confidences: [confidence] }) as unknown as HoleReport;

describe('checkCalls', () => {
  const tools = { convert_currency, send_email };

  it('rejects the less confident of two arguments holding one currency the request names once, not the rule of the tool', async () => {
    // "rupees" and "CAD", without saying which way (the reader then offers both to both fields): the model copied
    // the code it sees into both sides; the tool's refinement (on `to`) would repair the side it was surer of.
    const issues = await checkCalls([{ tool: 'convert_currency', arguments: { amount: 80, from: 'CAD', to: 'CAD' } }], tools, {
      context: 'Between rupees and CAD, what is 80 worth?',
      minConfidence: 0,
      holes: [hole(0, 'from', 0.3), hole(0, 'to', 0.9)],
    });
    expect(issues).toEqual([{ callIndex: 0, tool: 'convert_currency', path: ['from'], check: 'repeated-value', message: 'from: "CAD" is stated once and `to` holds it already.', taken: 'CAD' }]);
  });

  it("rejects a string copy of a number's digits or words alone when a number argument of the plan holds that number", async () => {
    const timer = { set_timer };
    const check = (label: string, context: string) => checkCalls([{ tool: 'set_timer', arguments: { minutes: 6, label } }], timer, { context, minConfidence: 0, holes: [] });
    expect(await check('6', 'The rice will take 6 mins; set a timer.')).toEqual([
      { callIndex: 0, tool: 'set_timer', path: ['label'], check: 'repeated-value', message: 'label: "6" is the number set_timer.minutes holds, stated once; copy the value itself.', taken: '6' },
    ]);
    expect((await check('six', 'The rice will take six mins; set a timer.')).map((issue) => [issue.check, issue.path, issue.taken])).toEqual([['repeated-value', ['label'], 'six']]);
    expect(await check('six pack', 'The six pack will take 6 mins; set a timer.')).toEqual([]);
    // Stated twice, the number may be both; a number no argument holds may be a text (a code, a room number).
    expect(await check('6', 'Set a 6 minute timer for batch 6.')).toEqual([]);
    expect(await checkCalls([{ tool: 'set_timer', arguments: { minutes: 5, label: '6' } }], timer, { context: 'A 5 minute timer for room 6.', minConfidence: 0, holes: [] })).toEqual([]);
  });

  it("rejects a value copied or read from the part of the request another call holds, with the call's own parts (other-clause)", async () => {
    const request = 'Schedule a 90-minute Gallery tour on 1 August 2025, then get flight options from Palermo to London on 21 February 2026.';
    const flight = { tool: 'search_flights', arguments: { origin: 'Palermo', destination: 'London', date: '2026-02-21' } };
    const check = (date: string) => checkCalls([{ tool: 'create_event', arguments: { title: 'Gallery tour', date } }, flight], { create_event, search_flights }, { context: request, request, minConfidence: 0, holes: [] });
    // A date is read, not copied: judged by where the request states it all the same.
    expect(await check('2026-02-21')).toEqual([
      expect.objectContaining({ callIndex: 0, path: ['date'], check: 'other-clause', within: ['Schedule a 90-minute Gallery tour on 1 August 2025'] }),
    ]);
    expect(await check('2025-08-01')).toEqual([]);
    // Without the request, copies are not judged by part.
    expect(await checkCalls([{ tool: 'create_event', arguments: { title: 'Gallery tour', date: '2026-02-21' } }, flight], { create_event, search_flights }, { context: request, minConfidence: 0, holes: [] })).toEqual([]);
  });

  it("trims a word of the tool's name after its verb from the start of a copy", async () => {
    const context = 'Looking for flights Limerick → Trondheim on April 8, 2025 for two passengers.';
    const issues = await checkCalls([{ tool: 'search_flights', arguments: { origin: 'flights Limerick', destination: 'Trondheim', date: '2025-04-08' } }], { search_flights }, { context, minConfidence: 0, holes: [] });
    expect(issues.map(({ check, path, values }) => [check, path, values])).toEqual([['function-words', ['origin'], ['Limerick']]]);
  });

  it('checks a value whose reader found nothing against the conversation when the reader says so', async () => {
    const check = (language: string, context: string) =>
      checkCalls([{ tool: 'translate_text', arguments: { text: 'hello', target_language: language } }], { translate_text }, { context, minConfidence: 0, holes: [] });
    expect(await check('Klingon', 'Say "hello" in Klingon')).toEqual([]);
    expect((await check('Vulcan', 'Say "hello" in Klingon')).map((issue) => [issue.check, issue.path])).toEqual([['grounding', ['target_language']]]);
    expect((await check('French', 'Say "hello" in Swahili')).map((issue) => [issue.check, issue.path])).toEqual([['grounding', ['target_language']]]);
  });

  it('reads no grounding with the grounding check off: the rule of the tool stands', async () => {
    const issues = await checkCalls([{ tool: 'convert_currency', arguments: { amount: 80, from: 'CAD', to: 'CAD' } }], tools, {
      context: "What's 80 rupees in CAD?",
      minConfidence: 0,
      holes: [hole(0, 'from', 0.3), hole(0, 'to', 0.9)],
      grounding: false,
    });
    expect(issues.map((issue) => [issue.check, issue.path])).toEqual([['schema', ['to']]]);
  });

  it("rejects an optional argument holding only another call's words, not a required one", async () => {
    const context = 'Search for a flight from Sendai to Kobe on 2026-11-17, then put a three-minute timer on.';
    const flight = { tool: 'search_flights', arguments: { origin: 'Sendai', destination: 'Kobe', date: '2026-11-17' } };
    const issues = await checkCalls([flight, { tool: 'set_timer', arguments: { minutes: 3, label: 'Kobe' } }], { search_flights, set_timer }, { context, minConfidence: 0, holes: [] });
    expect(issues).toEqual([
      { callIndex: 1, tool: 'set_timer', path: ['label'], check: 'repeated-call', message: 'label: "Kobe" is stated once, in the words the search_flights call holds in `destination` ("Kobe").' },
    ]);
    // The flight's required `origin` copying the timer's label is the timer's to reject, not the flight's.
    const both = await checkCalls([{ ...flight, arguments: { ...flight.arguments, origin: 'Kobe' } }, { tool: 'set_timer', arguments: { minutes: 3, label: 'Kobe' } }], { search_flights, set_timer }, { context, minConfidence: 0, holes: [] });
    expect(both.filter((issue) => issue.check === 'repeated-call').map((issue) => [issue.tool, issue.path])).toEqual([['set_timer', ['label']]]);
  });

  it('rejects a copy that names nothing, pointing the repair at where the request names the argument', async () => {
    const chore = tool({
      description: 'Log a chore.',
      inputSchema: z.object({ notes: z.string().describe('Notes'), requested_by: z.string().describe('Requester').optional() }),
    });
    const check = (args: Record<string, unknown>, context: string) => checkCalls([{ tool: 'log_chore', arguments: args }], { log_chore: chore }, { context, minConfidence: 0, holes: [] });
    const context = 'Log the chore where the notes is "ring the bell twice".';
    expect(await check({ notes: 'is' }, context)).toEqual([
      {
        callIndex: 0,
        tool: 'log_chore',
        path: ['notes'],
        check: 'function-words',
        message: 'notes: "is" names nothing (only function words, placeholders such as "something" and the names of the tool and its arguments); copy the value itself.',
        within: [' is "ring the bell twice".'],
      },
    ]);
    // Not named in the request: nowhere to point the repair (the agent leaves such an optional argument out).
    expect((await check({ notes: 'ring the bell twice', requested_by: 'the' }, context)).map((issue) => [issue.check, issue.path, issue.within])).toEqual([['function-words', ['requested_by'], undefined]]);
    expect(await check({ notes: 'ring the bell twice' }, context)).toEqual([]);
    // A word of the tool's name names what it acts on, not a value.
    expect((await check({ notes: 'ring the bell twice', requested_by: 'chore' }, context)).map((issue) => [issue.check, issue.path])).toEqual([['function-words', ['requested_by']]]);
    // A name cut short is written whole.
    const named = `${context} The requester is Ann Lee.`;
    expect((await check({ notes: 'ring the bell twice', requested_by: 'Ann' }, named)).map(({ check, path, values }) => [check, path, values])).toEqual([['partial-name', ['requested_by'], ['Ann Lee']]]);
    // A phrase cut short is written whole, up to where the request goes on.
    expect((await check({ notes: 'ring the' }, 'Log the chore with notes ring the bell twice, please.')).map(({ check, path, values }) => [check, path, values])).toEqual([['function-words', ['notes'], ['ring']]]);
    expect((await check({ notes: 'ring the bell' }, 'Log the chore with notes ring the bell twice, please.')).map(({ check, path, values }) => [check, path, values])).toEqual([['partial-phrase', ['notes'], ['ring the bell twice']]]);
    // A copy from inside a quoted text is the quote cut short.
    expect((await check({ notes: 'ring the bell' }, 'Log the chore with notes "ring the bell twice, then wait".')).map(({ check, path, values }) => [check, path, values])).toEqual([['partial-phrase', ['notes'], ['ring the bell twice, then wait']]]);
    // A copy that took the words around its value is written again as the value alone.
    expect(await check({ notes: 'ring the bell twice', requested_by: 'is Ann Lee' }, `${context} The requester is Ann Lee.`)).toEqual([
      { callIndex: 0, tool: 'log_chore', path: ['requested_by'], check: 'function-words', message: 'requested_by: "is Ann Lee" holds words around the value; copy "Ann Lee".', values: ['Ann Lee'] },
    ]);
    // A text the request quotes is the value as the user marked it, function words and all.
    expect(await check({ notes: 'where is the bell' }, "Log the chore with notes 'where is the bell'.")).toEqual([]);
    expect(await check({ notes: 'where is the bell' }, 'Log the chore with notes where is the bell.')).not.toEqual([]);
  });

  it('rejects the second call of a tool copying the same mention whole, by its place in the plan', async () => {
    const email = { to: 'ann@example.org', subject: 'Bug report', body: 'The export failed.' };
    const context = 'Evaluate 19 + 10, then email ann@example.org, subject Bug report: The export failed.';
    const calls = [
      { tool: 'send_email', arguments: email, index: 0 },
      { tool: 'send_email', arguments: email, index: 2 },
    ];
    expect(await checkCalls(calls, tools, { context, minConfidence: 0, holes: [] })).toEqual([
      { callIndex: 2, tool: 'send_email', path: [], check: 'repeated-call', message: 'send_email is called twice with the same arguments: this call is planned again with another tool.' },
    ]);
    expect(await checkCalls(calls, tools, { context, minConfidence: 0, holes: [], replannable: false })).toEqual([]);
  });
});
