import { add_todo, search_flights } from '@lacuna/demo-toolbox';
import { describe, expect, it } from 'vitest';
import { parametersOf } from '../checks/check-calls.js';
import { planPresence } from './plan-presence.js';

describe('planPresence', () => {
  const offered = [
    { name: 'add_todo', description: add_todo.description, parameters: parametersOf(add_todo) },
    { name: 'search_flights', description: search_flights.description, parameters: parametersOf(search_flights) },
  ];
  const argument = (branch: number, name: string) => ({ pointer: `#/items/oneOf/${branch}/properties/arguments/properties/${name}` });

  it('writes an optional argument the conversation names, by its name or its description, and leaves the rest to the model', () => {
    const present = planPresence(offered, 'Add buy milk to my to-dos with a due date of May 2, top priority; flights for 2 passengers');
    expect(present(argument(0, 'due_date'))).toBe(true);
    expect(present(argument(0, 'priority'))).toBe(true);
    expect(present(argument(1, 'passengers'))).toBe(true);
    const unnamed = planPresence(offered, 'Add buy milk to my list, and flights from Oslo to Rome');
    expect(unnamed(argument(0, 'due_date'))).toBeUndefined();
    expect(unnamed(argument(1, 'passengers'))).toBeUndefined();
  });

  it('says nothing of nested fields, unknown branches or the answer', () => {
    const present = planPresence(offered, 'priority');
    expect(present(argument(2, 'priority'))).toBeUndefined();
    expect(present({ pointer: '#/items/oneOf/0/properties/arguments/properties/priority/items' })).toBeUndefined();
    expect(present({ pointer: '#/items/oneOf/2/properties/text' })).toBeUndefined();
  });
});
