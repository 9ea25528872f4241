import { describe, expect, it } from 'vitest';
import type { Example } from '../corpus/example-types.js';
import { lexiconOf, writtenTexts } from './write-lexicon.js';

describe('write-lexicon', () => {
  it("reads the texts an example has the model write, not the request's", () => {
    const call = { kind: 'tool_call', request: 'Weather in Grenoble?', calls: [{ tool: 'get_weather', arguments: { city: 'Grenoble', unit: 'celsius', days: 3 } }] } as unknown as Example;
    const answer = { kind: 'answer_from_result', request: 'Weather in Grenoble?', answer: 'In Grenoble it is 25 °C.' } as unknown as Example;
    const extraction = { kind: 'extraction', text: 'Call Ada.', output: { name: 'Ada', phones: ['555'], address: { city: 'Wrocław' } } } as unknown as Example;
    expect(writtenTexts(call)).toEqual(['Grenoble', 'celsius']);
    expect(writtenTexts(answer)).toEqual(['In Grenoble it is 25 °C.']);
    expect(writtenTexts(extraction)).toEqual(['Ada', '555', 'Wrocław']);
  });

  it('keeps the words written often enough, as infill reads words, sorted', () => {
    const texts = ["It's 25 °C in Wrocław.", "It's windy in Wrocław."];
    expect(lexiconOf(texts, 2)).toEqual(['It', 'Wrocław', 'in', 's']);
    expect(lexiconOf(texts, 1)).toEqual(expect.arrayContaining(['°C', 'windy']));
  });

  it('counts no word inside an id, an e-mail address or a postcode', () => {
    expect(lexiconOf(['Booked: BK-14JU0KC', 'Sent to k.ximenes@example.com', 'Postcode X1Z 9F6', 'Room B'], 1)).toEqual(['B', 'Booked', 'Postcode', 'Room', 'Sent', 'to']);
  });
});
