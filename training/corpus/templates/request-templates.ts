import { DEMO_TOOL_NAMES, type DemoToolName } from '../demo-toolbox.js';
import { HELD_OUT_FRACTION, partition, type Partition, type Side } from '../splits.js';
import { CALCULATE_TEMPLATES } from './calculate-templates.js';
import { CURRENCY_TEMPLATES } from './currency-templates.js';
import { EMAIL_TEMPLATES } from './email-templates.js';
import { EVENT_TEMPLATES } from './event-templates.js';
import { EXTRA_REQUEST_TEMPLATES, nearCopy } from './extra-templates.js';
import { FLIGHT_TEMPLATES } from './flight-templates.js';
import { MUSIC_TEMPLATES } from './music-templates.js';
import { STOCK_TEMPLATES } from './stock-templates.js';
import { TABLE_TEMPLATES } from './table-templates.js';
import type { RequestTemplate } from './template.js';
import { TIMER_TEMPLATES } from './timer-templates.js';
import { TODO_TEMPLATES } from './todo-templates.js';
import { TRANSLATE_TEMPLATES } from './translate-templates.js';
import { WEATHER_TEMPLATES } from './weather-templates.js';

export const REQUEST_TEMPLATES: Readonly<Record<DemoToolName, readonly RequestTemplate[]>> = {
  get_weather: WEATHER_TEMPLATES,
  convert_currency: CURRENCY_TEMPLATES,
  create_event: EVENT_TEMPLATES,
  send_email: EMAIL_TEMPLATES,
  search_flights: FLIGHT_TEMPLATES,
  set_timer: TIMER_TEMPLATES,
  calculate: CALCULATE_TEMPLATES,
  get_stock_price: STOCK_TEMPLATES,
  translate_text: TRANSLATE_TEMPLATES,
  add_todo: TODO_TEMPLATES,
  book_table: TABLE_TEMPLATES,
  play_music: MUSIC_TEMPLATES,
};

/**
 * Clauses and sentences are partitioned apart, so both sides have clauses to build parallel requests
 * from. Keyed by the template's text: editing one template moves only that template between sides.
 */
export function partitionTemplates(templates: readonly RequestTemplate[], namespace: string): Partition<RequestTemplate> {
  const clauses = partition(`${namespace}:clauses`, templates.filter((template) => template.clause), (template) => template.text, HELD_OUT_FRACTION.templates);
  const sentences = partition(`${namespace}:sentences`, templates.filter((template) => !template.clause), (template) => template.text, HELD_OUT_FRACTION.templates);
  return { train: [...clauses.train, ...sentences.train], test: [...clauses.test, ...sentences.test] };
}


export const REQUEST_TEMPLATE_PARTITIONS: Readonly<Record<DemoToolName, Partition<RequestTemplate>>> = Object.fromEntries(
  Object.entries(REQUEST_TEMPLATES).map(([tool, templates]) => [tool, partitionTemplates(templates, `requests:${tool}`)]),
) as Record<DemoToolName, Partition<RequestTemplate>>;

/**
 * The extra phrasings (extra-templates.ts) kept: each less every near copy of one of its tool's own templates, held
 * out or not, so that none stands in for a phrasing of either side.
 */
export const EXTRA_PHRASINGS: Readonly<Record<DemoToolName, readonly RequestTemplate[]>> = keptExtraPhrasings();

function keptExtraPhrasings(): Record<DemoToolName, readonly RequestTemplate[]> {
  const kept = {} as Record<DemoToolName, readonly RequestTemplate[]>;
  for (const tool of DEMO_TOOL_NAMES) {
    kept[tool] = EXTRA_REQUEST_TEMPLATES[tool].filter((extra) => !REQUEST_TEMPLATES[tool].some((template) => nearCopy(extra.text, template.text)));
  }
  return kept;
}

let extraPhrasingsSide: Side | undefined;

/**
 * Where requests use the extra phrasings (generate-corpus.ts): beside the training side's templates (`train`,
 * --extra-phrasings), instead of the held-out side's (`test`, --held-out-extra-phrasings: phrasings that no agent
 * rule was written from either), or nowhere (undefined, the default).
 */
export function useExtraPhrasings(side: Side | undefined): void {
  extraPhrasingsSide = side;
}

/** The side the extra phrasings are on now, if any (template-sides.ts). */
export function extraPhrasingsInUse(): Side | undefined {
  return extraPhrasingsSide;
}

export function requestTemplates(tool: DemoToolName, side: Side, clausesOnly = false): readonly RequestTemplate[] {
  const partitioned = REQUEST_TEMPLATE_PARTITIONS[tool][side];
  const templates = extraPhrasingsSide !== side ? partitioned : side === 'train' ? [...partitioned, ...EXTRA_PHRASINGS[tool]] : EXTRA_PHRASINGS[tool];
  return clausesOnly ? templates.filter((template) => template.clause) : templates;
}
