import { demoTools } from '@lacuna/demo-toolbox';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MENU_SIZE, demoToolMenu, parseToolNames } from './demo-tool-menu.js';

describe('demoToolMenu', () => {
  it('puts the tools that share the request’s words first', () => {
    expect(demoToolMenu("What's the weather in Lisbon?")[0]).toBe('get_weather');
    expect(demoToolMenu('Convert 250 USD to EUR.')[0]).toBe('convert_currency');
    expect(demoToolMenu('Set a timer for 10 minutes for the pasta.')[0]).toBe('set_timer');
    expect(demoToolMenu('Find flights from Lisbon to Paris on 2025-07-14')[0]).toBe('search_flights');
    expect(demoToolMenu('Send an email to ada@example.org')[0]).toBe('send_email');
    expect(demoToolMenu('Book a table for 4 at Casa Lisboa at 19:30.')[0]).toBe('book_table');
  });

  it('fills the menu to its size with distinct demo tools, in toolbox order when nothing matches', () => {
    const menu = demoToolMenu('zzz');
    expect(menu).toEqual(Object.keys(demoTools).slice(0, DEFAULT_MENU_SIZE));
    expect(new Set(demoToolMenu('weather flights', 6)).size).toBe(6);
  });
});

describe('parseToolNames', () => {
  it('reads names and "all", and refuses unknown names', () => {
    expect(parseToolNames('get_weather, set_timer,get_weather')).toEqual(['get_weather', 'set_timer']);
    expect(parseToolNames('all')).toEqual(Object.keys(demoTools));
    expect(() => parseToolNames('get_weather,teleport')).toThrow(expect.objectContaining({ code: 'CLI_USAGE', message: expect.stringMatching(/unknown: teleport/) }));
    expect(() => parseToolNames(',')).toThrow(expect.objectContaining({ code: 'CLI_USAGE' }));
  });
});
