import { describe, expect, it } from 'vitest';
import { temperatureUnitsIn } from './stated-temperature-units.js';

describe('temperatureUnitsIn', () => {
  it('reads a unit given by name, by symbol or by letter', () => {
    expect(temperatureUnitsIn("What's the weather in Oslo in Fahrenheit?")).toEqual(['fahrenheit']);
    expect(temperatureUnitsIn('Christchurch weather in °C')).toEqual(['celsius']);
    expect(temperatureUnitsIn('Houston weather in centigrade')).toEqual(['celsius']);
    expect(temperatureUnitsIn('Is it above 70 degrees F in Austin?')).toEqual(['fahrenheit']);
    expect(temperatureUnitsIn('In °F, not celsius')).toEqual(['fahrenheit', 'celsius']);
  });

  it('reads none where the text asks for none, nor in a city or a name', () => {
    expect(temperatureUnitsIn("What's the weather in Cork?")).toEqual([]);
    expect(temperatureUnitsIn('Weather for C. Smith in Fresno')).toEqual([]);
  });
});
