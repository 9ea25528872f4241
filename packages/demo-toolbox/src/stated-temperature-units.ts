import { inTextOrder, type FoundAt } from './in-text-order.js';

/** How a text asks for each unit: by name, by symbol ("°C", "ºF"), as degrees of a letter ("25 degrees F"). */
const UNIT_PATTERNS: readonly (readonly ['celsius' | 'fahrenheit', RegExp])[] = [
  ['celsius', /\b(?:celsius|centigrade)\b|[°º]\s?C\b|\bdegrees?\s+C\b/giu],
  ['fahrenheit', /\bfahrenheit\b|[°º]\s?F\b|\bdegrees?\s+F\b/giu],
];

/**
 * The temperature units a text asks for, in the order it names them, each once: get_weather's `unit`, which a
 * request may give by name, by symbol or by letter ("in °F", "in centigrade"). None when it names none, and the
 * optional unit is then left out rather than written by the model.
 */
export function temperatureUnitsIn(text: string): ('celsius' | 'fahrenheit')[] {
  const found: FoundAt<'celsius' | 'fahrenheit'>[] = [];
  for (const [unit, pattern] of UNIT_PATTERNS) {
    const first = [...text.matchAll(pattern)][0];
    if (first !== undefined) found.push({ value: unit, at: first.index });
  }
  return inTextOrder(found);
}
