import { add_todo, book_table, calculate, convert_currency, get_stock_price, get_weather, play_music, search_flights, send_email, set_timer, translate_text } from '@lacuna/demo-toolbox';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parametersOf } from '../checks/check-calls.js';
import type { ToolDefinition, ToolSet } from '../tools/tool.js';
import { asksForTool, canGroundRequiredArguments, readsRequiredArguments } from './groundable-tools.js';

const signatureOf = (name: string, tool: ToolSet[string]) => ({ name, description: tool.description, parameters: parametersOf(tool) });
const groundable = (name: string, tool: ToolSet[string], context: string) => canGroundRequiredArguments(tool, signatureOf(name, tool), context);
// The demo's set_timer reads its minutes with a reader (`minutesIn`); without it, minutes is a grounded integer.
const countdown: ToolSet[string] = { ...set_timer, grounding: undefined };

describe('canGroundRequiredArguments', () => {
  it('needs a number within bounds for a required grounded number', () => {
    expect(groundable('set_timer', countdown, 'Set a timer for the pasta')).toBe(false);
    expect(groundable('set_timer', countdown, 'Set a timer for 10 minutes')).toBe(true);
    // minutes is a positive integer: 0 and 2.5 are no candidates.
    expect(groundable('set_timer', countdown, 'Set a timer for 0 or 2.5')).toBe(false);
    expect(groundable('convert_currency', convert_currency, 'Convert 2,000 AUD to INR')).toBe(true);
    // A number in words counts as the grounded hole reads it; an article does not.
    expect(groundable('set_timer', countdown, 'Set a timer for ten minutes')).toBe(true);
    expect(groundable('set_timer', countdown, 'Set a timer for thirty-five minutes')).toBe(true);
    expect(groundable('set_timer', countdown, 'Set a timer for a while')).toBe(false);
    // The numbers of a date or a time are no count.
    expect(groundable('set_timer', countdown, 'Set a timer on Apr 3, 2027 at 7:15 PM')).toBe(false);
    // A reader's argument is never a reason to leave a tool out: when it finds nothing, the model writes the value.
    expect(groundable('set_timer', set_timer, 'Set a timer for the pasta')).toBe(true);
  });

  it('needs an e-mail address for a required grounded e-mail, and nothing for plain strings', () => {
    expect(groundable('send_email', send_email, 'Email Jorge about the rent')).toBe(false);
    expect(groundable('send_email', send_email, 'Email jorge@quarrystone.com about the rent')).toBe(true);
    // Origin and destination are plain strings, passengers optional.
    expect(groundable('search_flights', search_flights, 'Flights from Lyon to Warsaw on 2027-04-02')).toBe(true);
  });

  it('needs a stated date or time for a required one the schema normalises', () => {
    const flights = (context: string, today?: string) => canGroundRequiredArguments(search_flights, signatureOf('search_flights', search_flights), context, today === undefined ? {} : { today });
    expect(flights('Flights from Lyon to Warsaw on April 2nd, 2027')).toBe(true);
    // A relative date is a date only against the day the run reads it from.
    expect(flights('Flights from Lyon to Warsaw next Friday', '2026-12-03')).toBe(true);
    expect(flights('Flights from Lyon to Warsaw next Friday')).toBe(false);
    expect(flights('Flights from Lyon to Warsaw, any day')).toBe(false);
    expect(groundable('book_table', book_table, 'Reserve a table at Nopa for 2 people at 7:30 pm')).toBe(true);
    expect(groundable('book_table', book_table, 'Reserve a table at Nopa for 2 people tonight')).toBe(false);
  });

  it('follows the tool: free arguments and optional ones need nothing', () => {
    const timer = { ...countdown, grounding: { minutes: 'free' as const } };
    expect(groundable('set_timer', timer, 'Set a timer for the pasta')).toBe(true);
    const optional: ToolDefinition = { description: 'x', inputSchema: z.object({ count: z.number().optional() }) };
    expect(groundable('optional', optional, 'no numbers here')).toBe(true);
  });
});

describe('readsRequiredArguments', () => {
  const reads = (name: string, tool: ToolSet[string], request: string) => readsRequiredArguments(tool, signatureOf(name, tool), request);

  it("holds when the tool's readers find every required argument they read, and the rest can be copied", () => {
    expect(reads('calculate', calculate, 'Please evaluate 8 * 467.')).toBe(true);
    expect(reads('get_stock_price', get_stock_price, 'Go ahead and check AXP!')).toBe(true);
    expect(reads('convert_currency', convert_currency, 'Turn 180 EUR into JPY')).toBe(true);
  });

  it('fails when a reader finds nothing, a copied argument has no candidate, or the tool reads none', () => {
    expect(reads('calculate', calculate, 'Can you do some maths for me?')).toBe(false);
    expect(reads('convert_currency', convert_currency, 'How much is that in EUR?')).toBe(false);
    expect(reads('convert_currency', convert_currency, 'Turn EUR into JPY')).toBe(false);
    expect(reads('send_email', send_email, 'Email ann@example.org: hi')).toBe(false);
  });

  it('counts a free-form text the tool must copy as stated only when the request quotes one', () => {
    expect(reads('translate_text', translate_text, 'Czech please: "thank you"')).toBe(true);
    expect(reads('translate_text', translate_text, 'Do you speak English?')).toBe(false);
    // Two free-form texts (a subject and a body) are not told apart by one quote.
    expect(reads('send_email', send_email, 'Email ann@example.org "hi"')).toBe(false);
  });
});

describe('asksForTool', () => {
  const asks = (name: string, tool: ToolSet[string], request: string) => asksForTool(tool, signatureOf(name, tool), request, { today: '2026-06-01' });

  it('holds where a part names the tool and the request states every value it needs that is not free-form text', () => {
    expect(asks('search_flights', search_flights, 'Can you search flights Johannesburg to Nantes, 16th March 2027, 4 passengers')).toBe(true);
    expect(asks('set_timer', set_timer, 'Please set a timer for 10 minutes')).toBe(true);
    expect(asks('send_email', send_email, 'send an email to ann@example.org saying "See you at noon"')).toBe(true);
  });

  it('does not where the tool is never named, a needed value is not stated, or its texts have no words of their own', () => {
    // "search" is the verb: the tool is named by "flights".
    expect(asks('search_flights', search_flights, 'Can you search Johannesburg to Nantes, 16th March 2027')).toBe(false);
    // No date: "Reserve a table for 2 people tonight" asks which time.
    expect(asks('search_flights', search_flights, 'Search flights from Johannesburg to Nantes')).toBe(false);
    expect(asks('book_table', book_table, 'Reserve a table for 2 people tonight.')).toBe(false);
    // The minutes are read by set_timer's reader: "a timer" states none. A ticker the same.
    expect(asks('set_timer', set_timer, 'set a timer')).toBe(false);
    expect(asks('get_stock_price', get_stock_price, "What's the stock price?")).toBe(false);
    // A subject and a body need words: an address alone asks what to write.
    expect(asks('send_email', send_email, 'Can you send an email to ann@example.org?')).toBe(false);
  });

  it('holds for a tool that needs free-form texts alone where the request names them: a quote, or a capitalised word opening no sentence', () => {
    expect(asks('play_music', play_music, 'music please: Glass Antlers')).toBe(true);
    expect(asks('get_weather', get_weather, "I'm heading to Maracaibo. What's the weather like there?")).toBe(true);
    expect(asks('add_todo', add_todo, 'add "water the plants" to my to-do list')).toBe(true);
    // A word that opens a sentence, and "I", name nothing: these ask which city, which task.
    expect(asks('get_weather', get_weather, "What's the weather like?")).toBe(false);
    expect(asks('get_weather', get_weather, 'Weather? I wonder')).toBe(false);
    expect(asks('add_todo', add_todo, 'add something to my to-do list')).toBe(false);
    // Named, but the tool is never named.
    expect(asks('get_weather', get_weather, 'What are the conditions like in Bologna?')).toBe(false);
  });
});
