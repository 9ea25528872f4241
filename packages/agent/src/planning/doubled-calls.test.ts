import { demoTools } from '@lacuna/demo-toolbox';
import { describe, expect, it } from 'vitest';
import { parametersOf } from '../checks/check-calls.js';
import { requestClauses } from '../checks/request-clauses.js';
import { doublingCall } from './doubled-calls.js';

const offered = Object.entries(demoTools).map(([name, tool]) => ({ name, description: tool.description, parameters: parametersOf(tool) }));
const doubling = (request: string, calls: { tool: string; arguments: Record<string, unknown> }[], position: number) =>
  doublingCall({ call: calls[position] as (typeof calls)[number], calls, clauses: requestClauses(request), request, tools: demoTools, offered, reading: { today: '2026-06-01' } })?.tool;

describe('doublingCall', () => {
  const request = 'Would you send an email to dario.hansen@brightfield.net with subject "Hiring update" and body "We have made an offer." and then turn 612.5 INR into CHF?';
  const email = { tool: 'send_email', arguments: { to: 'dario.hansen@brightfield.net', subject: 'Hiring update', body: 'We have made an offer.' } };
  const conversion = { tool: 'convert_currency', arguments: { amount: 612.5, from: 'INR', to: 'CHF' } };

  it('finds the call of another tool that holds every value of a call, in a part that asks for it', () => {
    const calls = [email, { tool: 'translate_text', arguments: { text: '612.5', target_language: 'CHF' } }, conversion];
    expect(doubling(request, calls, 1)).toBe('convert_currency');
    // The conversion holds more than the translation: it doubles nothing.
    expect(doubling(request, calls, 2)).toBeUndefined();
  });

  it('finds none where the call holds a value of its own, or a part the other call does not hold', () => {
    expect(doubling(request, [email, { tool: 'translate_text', arguments: { text: 'Hiring update', target_language: 'CHF' } }, conversion], 1)).toBeUndefined();
    const translation = 'Translate 612.5 into CHF and turn 612.5 INR into CHF';
    expect(doubling(translation, [{ tool: 'translate_text', arguments: { text: '612.5', target_language: 'CHF' } }, conversion], 0)).toBeUndefined();
  });
});
