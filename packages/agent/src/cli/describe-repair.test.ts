import { describe, expect, it } from 'vitest';
import { describeRepair } from './describe-repair.js';

describe('describeRepair', () => {
  const base = { step: 1, attempt: 2, forwardPasses: 1 };

  it('names the field, the check and the values before and after', () => {
    const line = describeRepair({ ...base, tool: 'search_flights', path: ['origin'], check: 'grounding', reason: 'origin: "Istanbul" does not occur.', before: 'Istanbul', after: 'Stockholm' });
    expect(line).toBe('repaired search_flights.origin (grounding check, attempt 2): "Istanbul" -> "Stockholm": origin: "Istanbul" does not occur.');
  });

  it('says a call was added, or planned and dropped, for a value no call held', () => {
    const added = { tool: 'translate_text', arguments: { text: 'Hello', target_language: 'French' } };
    const reason = 'The request states "Hello", which no call held: one more call was planned.';
    expect(describeRepair({ ...base, tool: 'translate_text', path: [], check: 'uncovered-mention', reason, before: undefined, after: added })).toBe(
      `added a call (uncovered-mention check): ${JSON.stringify(added)}: ${reason}`,
    );
    expect(describeRepair({ ...base, tool: 'translate_text', path: [], check: 'uncovered-mention', reason, before: undefined, after: undefined })).toMatch(/^planned and dropped a call \(uncovered-mention check\): null: /);
  });

  it('says a call was added for a part of the request no call held', () => {
    const added = { tool: 'play_music', arguments: { query: 'Neon Cathedral' } };
    const reason = 'No call held "play something by Neon Cathedral" of the request: one more call was planned.';
    expect(describeRepair({ ...base, tool: 'play_music', path: [], check: 'uncovered-clause', reason, before: undefined, after: added })).toBe(
      `added a call (uncovered-clause check): ${JSON.stringify(added)}: ${reason}`,
    );
  });
});
