import { demoTools } from '@lacuna/demo-toolbox';
import { describe, expect, it } from 'vitest';
import { parametersOf } from '../checks/check-calls.js';
import { requestClauses } from '../checks/request-clauses.js';
import { callsOfAnotherTool } from './calls-of-another-tool.js';

const offered = Object.entries(demoTools).map(([name, tool]) => ({ name, description: tool.description, parameters: parametersOf(tool) }));
const judge = (request: string, calls: { tool: string; arguments: Record<string, unknown> }[]) =>
  callsOfAnotherTool({ calls, clauses: requestClauses(request), request, tools: demoTools, offered, reading: { today: '2026-06-01' } }).map(({ position, tool, clause }) => [position, tool, clause.text]);

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
