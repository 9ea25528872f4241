import { describe, expect, it } from 'vitest';
import { canonicalJson, scoreCalls } from './score-calls.js';

const weather = (city: string, unit?: string) => ({ tool: 'get_weather', arguments: unit === undefined ? { city } : { city, unit } });

describe('scoreCalls', () => {
  it('accepts parallel calls in another order, and argument keys in another order', () => {
    const score = scoreCalls([weather('Lisbon'), weather('Oslo', 'celsius')], [{ tool: 'get_weather', arguments: { unit: 'celsius', city: 'Oslo' } }, weather('Lisbon')]);
    expect(score).toEqual({ rightTools: true, exactCalls: true, inventedOptional: false, argumentsRight: 3, argumentsExpected: 3 });
  });

  it('counts an optional argument nobody asked for as invented, and a wrong value as wrong', () => {
    expect(scoreCalls([weather('Lisbon')], [weather('Lisbon', 'fahrenheit')])).toEqual({
      rightTools: true,
      exactCalls: false,
      inventedOptional: true,
      argumentsRight: 1,
      argumentsExpected: 1,
    });
    expect(scoreCalls([weather('Lisbon')], [weather('Lisboa')])).toMatchObject({ rightTools: true, exactCalls: false, inventedOptional: false, argumentsRight: 0 });
  });

  it('scores a wrong tool, a missing call and an expected answer', () => {
    expect(scoreCalls([weather('Lisbon')], [{ tool: 'play_music', arguments: { query: 'Lisbon' } }])).toMatchObject({ rightTools: false, exactCalls: false, argumentsRight: 0 });
    expect(scoreCalls([weather('Lisbon'), weather('Oslo')], [weather('Oslo')])).toMatchObject({ rightTools: false, exactCalls: false, argumentsRight: 1, argumentsExpected: 2 });
    expect(scoreCalls([], [])).toMatchObject({ rightTools: true, exactCalls: true });
    expect(scoreCalls([], [weather('Oslo')])).toMatchObject({ rightTools: false, exactCalls: false });
  });

  it('tells numbers from their strings', () => {
    expect(canonicalJson({ b: 2, a: [1, '1'] })).toBe('{"a":[1,"1"],"b":2}');
  });
});
