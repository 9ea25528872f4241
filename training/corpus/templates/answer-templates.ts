import type { DemoToolName, ToolInput, ToolOutput } from '../demo-toolbox.js';
import { COMPANIES } from '../entities/companies.js';
import { longDate, parseIsoDate } from '../formats/dates.js';
import { formatResult } from '../formats/expressions.js';

/**
 * One-sentence answers from a tool's result. Each writer states only what the call and the result hold
 * (no invented details), in its own words; writers are partitioned like request templates.
 */
export type AnswerWriter<Name extends DemoToolName> = (input: ToolInput<Name>, output: ToolOutput<Name>) => string;

export interface AnswerTemplate<Name extends DemoToolName = DemoToolName> {
  readonly id: string;
  readonly tool: Name;
  readonly write: AnswerWriter<Name>;
}

const ADJECTIVE_CONDITIONS = new Set(['sunny', 'partly cloudy', 'cloudy', 'windy', 'foggy']);

/** "and sunny" but "with light rain": the condition word itself is kept, as the result has it. */
function conditionClause(condition: string): string {
  return ADJECTIVE_CONDITIONS.has(condition) ? `and ${condition}` : `with ${condition}`;
}

function degrees(temperature: number, unit: string, style: 'symbol' | 'tight' | 'words'): string {
  const symbol = unit === 'fahrenheit' ? 'F' : 'C';
  if (style === 'words') return `${temperature} degrees ${unit === 'fahrenheit' ? 'Fahrenheit' : 'Celsius'}`;
  return style === 'tight' ? `${temperature}°${symbol}` : `${temperature} °${symbol}`;
}

function minutes(count: number): string {
  return count === 1 ? '1 minute' : `${count} minutes`;
}

function people(count: number): string {
  return count === 1 ? '1 person' : `${count} people`;
}

function dollars(amount: number): string {
  return `$${amount.toFixed(2)}`;
}

function spokenDate(iso: string): string {
  return longDate(parseIsoDate(iso));
}

const COMPANY_BY_TICKER = new Map(COMPANIES.map((company) => [company.ticker, company.name]));

type Writers = { readonly [Name in DemoToolName]: readonly AnswerWriter<Name>[] };

const WRITERS: Writers = {
  get_weather: [
    (_, r) => `It is ${degrees(r.temperature, r.unit, 'symbol')} ${conditionClause(r.condition ?? '')} in ${r.city}.`,
    (_, r) => `In ${r.city} it's ${degrees(r.temperature, r.unit, 'tight')} ${conditionClause(r.condition ?? '')}.`,
    (_, r) => `The weather in ${r.city}: ${degrees(r.temperature, r.unit, 'symbol')}, ${r.condition}.`,
    (_, r) => `${r.city} is at ${degrees(r.temperature, r.unit, 'words')} right now, ${r.condition}.`,
    (_, r) => `Currently ${degrees(r.temperature, r.unit, 'tight')} in ${r.city} ${conditionClause(r.condition ?? '')}.`,
    (_, r) => `Right now ${r.city} has ${r.condition} conditions and a temperature of ${degrees(r.temperature, r.unit, 'symbol')}.`,
  ],
  convert_currency: [
    (_, r) => `${r.amount} ${r.from} is ${r.converted} ${r.to}.`,
    (_, r) => `${r.amount} ${r.from} comes to ${r.converted} ${r.to} at a rate of ${r.rate}.`,
    (_, r) => `That's ${r.converted} ${r.to}.`,
    (_, r) => `You would get ${r.converted} ${r.to} for ${r.amount} ${r.from}.`,
    (_, r) => `At ${r.rate} ${r.to} per ${r.from}, ${r.amount} ${r.from} is ${r.converted} ${r.to}.`,
    (_, r) => `${r.amount} ${r.from} converts to ${r.converted} ${r.to}.`,
  ],
  create_event: [
    (_, r) => `I've added "${r.title}" to your calendar on ${r.date}${r.time === undefined ? '' : ` at ${r.time}`}.`,
    (_, r) => `Done: ${r.title} is scheduled for ${spokenDate(r.date)}${r.time === undefined ? '' : ` at ${r.time}`}${r.duration_minutes === undefined ? '' : `, lasting ${minutes(r.duration_minutes)}`}.`,
    (_, r) => `"${r.title}" is on your calendar for ${r.date}${r.time === undefined ? '' : ` at ${r.time}`} (event ID ${r.eventId}).`,
    (_, r) => `Your event ${r.title} has been created for ${spokenDate(r.date)}${r.time === undefined ? '' : ` at ${r.time}`}.`,
    (_, r) => `Scheduled ${r.title} on ${r.date}${r.time === undefined ? '' : ` at ${r.time}`}${r.duration_minutes === undefined ? '' : ` for ${minutes(r.duration_minutes)}`}.`,
  ],
  send_email: [
    (_, r) => `Your email to ${r.to} has been queued.`,
    (_, r) => `Done, the email to ${r.to} is queued for sending.`,
    (_, r) => `I've queued the email to ${r.to} (message ID ${r.messageId}).`,
    (input, r) => `The email "${input.subject}" to ${r.to} is queued.`,
    (_, r) => `Email queued for ${r.to}.`,
  ],
  search_flights: [
    (_, r) => {
      const cheapest = [...r.flights].sort((a, b) => a.priceUsd - b.priceUsd)[0];
      return `I found ${r.flights.length} flights from ${r.origin} to ${r.destination} on ${r.date}; the cheapest is ${cheapest?.flight} at ${cheapest?.departs} for ${dollars(cheapest?.priceUsd ?? 0)}${r.passengers > 1 ? ' in total' : ''}.`;
    },
    (_, r) => {
      const cheapest = [...r.flights].sort((a, b) => a.priceUsd - b.priceUsd)[0];
      return `The cheapest flight from ${r.origin} to ${r.destination} on ${spokenDate(r.date)} is ${cheapest?.flight}, departing at ${cheapest?.departs} for ${dollars(cheapest?.priceUsd ?? 0)}${r.passengers > 1 ? ` for ${r.passengers} passengers` : ''}.`;
    },
    (_, r) => `Flights from ${r.origin} to ${r.destination} on ${r.date}: ${r.flights.map((f, index) => `${index === r.flights.length - 1 ? 'and ' : ''}${f.flight} at ${f.departs} (${dollars(f.priceUsd)})`).join(', ')}.`,
    (_, r) => {
      const earliest = [...r.flights].sort((a, b) => a.departs.localeCompare(b.departs))[0];
      return `The earliest departure from ${r.origin} to ${r.destination} on ${r.date} is ${earliest?.flight} at ${earliest?.departs}, costing ${dollars(earliest?.priceUsd ?? 0)}.`;
    },
  ],
  set_timer: [
    (_, r) => `Your ${r.minutes}-minute timer${r.label === null ? '' : ` for the ${r.label}`} is running.`,
    (_, r) => `Timer set for ${minutes(r.minutes)}${r.label === null ? '' : ` (${r.label})`}.`,
    (_, r) => `Okay, ${minutes(r.minutes)} on the clock${r.label === null ? '' : ` for the ${r.label}`}.`,
    (_, r) => `I've started a ${r.minutes}-minute timer${r.label === null ? '' : ` called ${r.label}`}.`,
  ],
  calculate: [
    (_, r) => {
      const result = formatResult(r.result);
      return `${r.expression} ${result.approximate ? '≈' : '='} ${result.text}.`;
    },
    (_, r) => {
      const result = formatResult(r.result);
      return `The answer is ${result.approximate ? 'about ' : ''}${result.text}.`;
    },
    (_, r) => {
      const result = formatResult(r.result);
      return `That comes to ${result.approximate ? 'roughly ' : ''}${result.text}.`;
    },
    (_, r) => {
      const result = formatResult(r.result);
      return `${r.expression} ${result.approximate ? 'is approximately' : 'equals'} ${result.text}.`;
    },
    (_, r) => {
      const result = formatResult(r.result);
      return `It's ${result.approximate ? 'about ' : ''}${result.text}.`;
    },
  ],
  get_stock_price: [
    (_, r) => `${r.symbol} is trading at ${dollars(r.priceUsd)}.`,
    (_, r) => `The latest price for ${r.symbol} is ${dollars(r.priceUsd)}.`,
    (_, r) => `${COMPANY_BY_TICKER.get(r.symbol) ?? r.symbol} (${r.symbol}) is at ${dollars(r.priceUsd)} a share.`,
    (_, r) => `One share of ${COMPANY_BY_TICKER.get(r.symbol) ?? r.symbol} costs ${dollars(r.priceUsd)} right now.`,
    (_, r) => `${r.symbol}: ${dollars(r.priceUsd)} per share.`,
  ],
  translate_text: [
    (_, r) => (r.translated === null ? `Sorry, my phrasebook doesn't have a ${r.target_language} translation for "${r.text}".` : `"${r.text}" in ${r.target_language} is "${r.translated}".`),
    (_, r) => (r.translated === null ? 'I couldn\'t translate that: the demo phrasebook does not know this phrase.' : `In ${r.target_language}, you say "${r.translated}".`),
    (_, r) => (r.translated === null ? `I don't have a ${r.target_language} translation of "${r.text}" yet.` : `The ${r.target_language} for "${r.text}" is "${r.translated}".`),
    (_, r) => (r.translated === null ? `The phrasebook has no entry for "${r.text}" in ${r.target_language}, so I can't translate it.` : `That's "${r.translated}" in ${r.target_language}.`),
  ],
  add_todo: [
    (_, r) => `Added "${r.task}" to your to-do list${r.priority === undefined ? '' : ` with ${r.priority} priority`}${r.due_date === undefined ? '' : `, due ${r.due_date}`}.`,
    (_, r) => `"${r.task}" is on your list${r.due_date === undefined ? '' : `, due ${spokenDate(r.due_date)}`}.`,
    (_, r) => `Done, I've added ${r.task} to your to-dos${r.priority === undefined ? '' : ` as ${r.priority} priority`}${r.due_date === undefined ? '' : ` for ${r.due_date}`}.`,
    (_, r) => `Your task "${r.task}" has been saved${r.priority === undefined ? '' : ` with priority ${r.priority}`}.`,
  ],
  book_table: [
    (_, r) => `Your table for ${r.party_size} at ${r.restaurant} is booked for ${r.time}${r.date === undefined ? '' : ` on ${r.date}`}; the confirmation is ${r.confirmation}.`,
    (_, r) => `Booked: ${r.restaurant}, ${people(r.party_size)}, ${r.time}${r.date === undefined ? '' : ` on ${spokenDate(r.date)}`}, confirmation ${r.confirmation}.`,
    (_, r) => `I reserved a table at ${r.restaurant} for ${people(r.party_size)} at ${r.time}${r.date === undefined ? '' : ` on ${r.date}`}.`,
    (_, r) => `You're all set at ${r.restaurant} at ${r.time}${r.date === undefined ? '' : ` on ${r.date}`} for ${people(r.party_size)} (confirmation ${r.confirmation}).`,
  ],
  play_music: [
    (_, r) => `Now playing ${r.nowPlaying}${r.shuffle ? ' on shuffle' : ''}.`,
    (_, r) => `Playing ${r.nowPlaying}${r.shuffle ? ', shuffled' : ''}.`,
    (_, r) => `${r.nowPlaying} is playing now${r.shuffle ? ' on shuffle' : ''}.`,
    (_, r) => `Here's ${r.nowPlaying}${r.shuffle ? ' on shuffle' : ''}.`,
  ],
};

export const ANSWER_TEMPLATES: { readonly [Name in DemoToolName]: readonly AnswerTemplate<Name>[] } = Object.fromEntries(
  Object.entries(WRITERS).map(([tool, writers]) => [tool, writers.map((write, index) => ({ id: `${tool}:answer:${index}`, tool, write }))]),
) as unknown as { readonly [Name in DemoToolName]: readonly AnswerTemplate<Name>[] };
