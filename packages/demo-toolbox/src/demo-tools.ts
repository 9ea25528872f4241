import { z } from 'zod';
import { conversionDirection } from './conversion-direction.js';
import { currenciesIn } from './currency-names.js';
import { evaluateArithmetic } from './evaluate-arithmetic.js';
import { clockTime, currencyCode, isoDate, USD_PER_UNIT } from './formats.js';
import { stableHash } from './stable-hash.js';
import { minutesIn } from './stated-durations.js';
import { languagesIn } from './stated-languages.js';
import { ARITHMETIC_EXPRESSION, expressionsIn } from './stated-expressions.js';
import { prioritiesIn } from './stated-priorities.js';
import { shuffleIn } from './stated-shuffle.js';
import { temperatureUnitsIn } from './stated-temperature-units.js';
import { tickersIn } from './stated-tickers.js';

/** A tool as the agent takes it: a description, a zod input schema and an implementation. */
export interface DemoTool<Schema extends z.ZodType = z.ZodType, Output = unknown> {
  readonly description: string;
  readonly inputSchema: Schema;
  execute(input: z.infer<Schema>): Output;
  /** Arguments read from the conversation by the tool's own reader (the agent's `StatedValues` grounding). */
  readonly grounding?: Readonly<Record<string, { readonly statedValues: (context: string) => readonly string[]; readonly unstated?: 'free' | 'context' }>>;
}

function defineTool<Schema extends z.ZodType, Output>(tool: DemoTool<Schema, Output>): DemoTool<Schema, Output> {
  return tool;
}

const CONDITIONS = ['sunny', 'partly cloudy', 'cloudy', 'light rain', 'rain', 'windy', 'foggy', 'snow'] as const;
const ORDINAL = (hash: number, size: number) => hash % size;

export const get_weather = defineTool({
  description: 'Get the current weather for a city.',
  inputSchema: z.object({
    city: z.string().min(1).describe('City name, as the user wrote it'),
    unit: z.enum(['celsius', 'fahrenheit']).optional().describe('Temperature unit; only when the user asks for one'),
  }),
  // A unit is asked for by symbol as often as by name ("in °F"); one nobody asks for is left out.
  grounding: { unit: { statedValues: temperatureUnitsIn } },
  execute: ({ city, unit }) => {
    const hash = stableHash(city);
    const celsius = 4 + ORDINAL(hash, 28);
    const temperature = unit === 'fahrenheit' ? Math.round(celsius * 1.8 + 32) : celsius;
    return { city, temperature, unit: unit ?? 'celsius', condition: CONDITIONS[ORDINAL(hash >>> 8, CONDITIONS.length)] };
  },
});

/**
 * The currencies a conversion request names, for one of its fields: the one the request converts from (or to) when
 * it says which (`conversionDirection`: "from NOK", "into yen", "₩219422" is the amount's), else every one it names.
 * One named currency cannot fill both ("convert 100 dollars"): then neither field is read, and the model writes
 * both, the schema keeping them apart.
 */
const namedCurrencies = (field: 'from' | 'to') => ({
  statedValues: (context: string): string[] => {
    const codes = currenciesIn(context);
    if (codes.length < 2) return [];
    const direction = conversionDirection(context);
    return direction === undefined ? codes : [direction[field]];
  },
});

export const convert_currency = defineTool({
  description: 'Convert an amount of money from one currency to another (ISO 4217 codes such as USD, EUR, GBP, JPY).',
  inputSchema: z.object({
    amount: z.number().describe('Amount to convert'),
    from: currencyCode().describe('ISO code of the currency to convert from'),
    to: currencyCode().describe('ISO code of the currency to convert to'),
  })
    // On the path of `to`: an agent re-masks that field only, and asks for another currency than `from`.
    .refine(({ from, to }) => from !== to, { path: ['to'], message: 'Convert into another currency than the one converted from.' }),
  // A request names currencies in words as often as by code ("50 quid in euros"): the agent may only write
  // the ones it names, as codes, rather than leave the codes to the model.
  grounding: { from: namedCurrencies('from'), to: namedCurrencies('to') },
  execute: ({ amount, from, to }) => {
    const fromRate = USD_PER_UNIT[from];
    const toRate = USD_PER_UNIT[to];
    if (fromRate === undefined || toRate === undefined) {
      throw new RangeError(`Unknown currency ${fromRate === undefined ? from : to}; known: ${Object.keys(USD_PER_UNIT).join(', ')}.`);
    }
    const converted = Math.round(((amount * fromRate) / toRate) * 100) / 100;
    return { amount, from, to, converted, rate: Math.round((fromRate / toRate) * 1e6) / 1e6 };
  },
});

/**
 * Lengths of time in minutes, read from the words that say them ("three quarters of an hour" is 45, "a 2-hour event"
 * 120): grounded as a plain number, such a length could only be copied as the 3 or the 2 the request holds.
 */
const STATED_MINUTES = { statedValues: minutesIn };

export const create_event = defineTool({
  description: 'Create a calendar event.',
  inputSchema: z.object({
    title: z.string().min(1).describe('Title of the event'),
    date: isoDate().describe('Date as YYYY-MM-DD'),
    time: clockTime().optional().describe('Start time as HH:MM, 24-hour clock'),
    duration_minutes: z.number().int().positive().optional().describe('Length of the event in minutes'),
  }),
  grounding: { duration_minutes: STATED_MINUTES },
  execute: (event) => ({ eventId: `evt_${stableHash(`${event.title}|${event.date}`).toString(36)}`, ...event }),
});

export const send_email = defineTool({
  description: 'Send an email.',
  inputSchema: z.object({
    to: z.email().describe('Recipient email address'),
    subject: z.string().min(1).describe('Subject line'),
    body: z.string().min(1).describe('Body text'),
  }),
  execute: (email) => ({ status: 'queued', messageId: `msg_${stableHash(`${email.to}|${email.subject}`).toString(36)}`, to: email.to }),
});

export const search_flights = defineTool({
  description: 'Search for flights between two cities on a date.',
  inputSchema: z.object({
    origin: z.string().min(1).describe('Departure city'),
    destination: z.string().min(1).describe('Arrival city'),
    date: isoDate().describe('Departure date as YYYY-MM-DD'),
    passengers: z.number().int().min(1).max(9).optional().describe('Number of passengers, 1 to 9'),
  }),
  execute: ({ origin, destination, date, passengers }) => {
    const hash = stableHash(`${origin}|${destination}|${date}`);
    const flights = [0, 1, 2].map((index) => {
      const departure = 6 + ORDINAL(hash >>> (index * 4), 14);
      return {
        flight: `LC${100 + ORDINAL(hash >>> (index * 3), 900)}`,
        departs: `${String(departure).padStart(2, '0')}:${index === 1 ? '30' : '05'}`,
        priceUsd: (89 + ORDINAL(hash >>> (index * 5), 400)) * (passengers ?? 1),
      };
    });
    return { origin, destination, date, passengers: passengers ?? 1, flights };
  },
});

export const set_timer = defineTool({
  description: 'Start a countdown timer.',
  inputSchema: z.object({
    minutes: z.number().int().positive().describe('Length of the timer in minutes'),
    label: z.string().min(1).optional().describe('What the timer is for'),
  }),
  grounding: { minutes: STATED_MINUTES },
  execute: ({ minutes, label }) => ({ timerId: `tmr_${stableHash(`${minutes}|${label ?? ''}`).toString(36)}`, minutes, label: label ?? null }),
});

export const calculate = defineTool({
  description: 'Evaluate an arithmetic expression (+, -, *, /, %, ^, parentheses).',
  inputSchema: z.object({ expression: z.string().regex(ARITHMETIC_EXPRESSION).describe('The expression, e.g. (12 + 30) * 2') }),
  // The expression the request states is copied whole: as written ("(944-62.88*955)+22701", never cut after the
  // "+"), or as the arithmetic its words state ("the difference between 578 and 2" is 578 - 2). Any other is the
  // model's to write, kept to arithmetic by the pattern.
  grounding: { expression: { statedValues: expressionsIn } },
  execute: ({ expression }) => ({ expression, result: evaluateArithmetic(expression) }),
});

export const get_stock_price = defineTool({
  description: 'Get the latest price of a stock by its ticker symbol.',
  inputSchema: z.object({ symbol: z.string().regex(/^[A-Z]{1,5}$/).describe('Upper-case ticker symbol, e.g. AAPL') }),
  // A symbol the request states is copied exactly ("MSFT", not the "MSF" a small model writes).
  grounding: { symbol: { statedValues: tickersIn } },
  execute: ({ symbol }) => ({ symbol, priceUsd: Math.round((20 + (stableHash(symbol) % 48000) / 100) * 100) / 100 }),
});

/** A few phrases per language: the demo has no translation model, and says so when a phrase is unknown. */
const PHRASEBOOK: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  spanish: { hello: 'hola', 'thank you': 'gracias', 'good morning': 'buenos días', goodbye: 'adiós' },
  french: { hello: 'bonjour', 'thank you': 'merci', 'good morning': 'bonjour', goodbye: 'au revoir' },
  german: { hello: 'hallo', 'thank you': 'danke', 'good morning': 'guten Morgen', goodbye: 'auf Wiedersehen' },
  italian: { hello: 'ciao', 'thank you': 'grazie', 'good morning': 'buongiorno', goodbye: 'arrivederci' },
  portuguese: { hello: 'olá', 'thank you': 'obrigado', 'good morning': 'bom dia', goodbye: 'adeus' },
};

export const translate_text = defineTool({
  description: 'Translate a text into another language.',
  inputSchema: z.object({
    text: z.string().min(1).describe('The text to translate'),
    target_language: z.string().min(1).describe('Language to translate into, e.g. Spanish'),
  }),
  // The languages a request names, as written; a language the list lacks is still copied from the request.
  grounding: { target_language: { statedValues: languagesIn, unstated: 'context' } },
  execute: ({ text, target_language }) => {
    const translated = PHRASEBOOK[target_language.toLowerCase()]?.[text.toLowerCase().replace(/[.!?]+$/, '')];
    return translated === undefined
      ? { text, target_language, translated: null, note: 'The demo phrasebook does not know this phrase.' }
      : { text, target_language, translated };
  },
});

export const add_todo = defineTool({
  description: 'Add a task to the to-do list.',
  inputSchema: z.object({
    task: z.string().min(1).describe('What needs doing'),
    priority: z.enum(['low', 'medium', 'high']).optional().describe('Priority; only when the user gives one'),
    due_date: isoDate().optional().describe('Due date as YYYY-MM-DD'),
  }),
  // A priority is given in other words as often as by name ("urgent", "no rush"); one nobody gives is left out.
  grounding: { priority: { statedValues: prioritiesIn } },
  execute: (todo) => ({ todoId: `todo_${stableHash(todo.task).toString(36)}`, ...todo }),
});

export const book_table = defineTool({
  description: 'Book a table at a restaurant.',
  inputSchema: z.object({
    restaurant: z.string().min(1).describe('Name of the restaurant'),
    party_size: z.number().int().positive().describe('Number of people'),
    time: clockTime().describe('Time as HH:MM, 24-hour clock'),
    date: isoDate().optional().describe('Date as YYYY-MM-DD; today when absent'),
  }),
  execute: (booking) => ({ confirmation: `BK-${stableHash(`${booking.restaurant}|${booking.time}`).toString(36).toUpperCase()}`, ...booking }),
});

export const play_music = defineTool({
  description: 'Play music: a song, an artist, an album or a genre.',
  inputSchema: z.object({
    query: z.string().min(1).describe('What to play'),
    shuffle: z.boolean().optional().describe('Shuffle playback; only when the user asks'),
  }),
  // Shuffling is asked for in other words as often as by name ("in random order"); unasked, it is left out.
  grounding: { shuffle: { statedValues: shuffleIn } },
  execute: ({ query, shuffle }) => ({ nowPlaying: query, shuffle: shuffle ?? false }),
});

/** The twelve tools of the demo, by name. */
export const demoTools = {
  get_weather,
  convert_currency,
  create_event,
  send_email,
  search_flights,
  set_timer,
  calculate,
  get_stock_price,
  translate_text,
  add_todo,
  book_table,
  play_music,
} as const;

export type DemoToolName = keyof typeof demoTools;
