import { add_todo, play_music, search_flights } from '@lacuna/demo-toolbox';
import { describe, expect, it } from 'vitest';
import { parametersOf } from '../checks/check-calls.js';
import { planPresence } from './plan-presence.js';

describe('planPresence', () => {
  const tools = { add_todo, search_flights, play_music };
  const offered = [
    { name: 'add_todo', description: add_todo.description, parameters: parametersOf(add_todo) },
    { name: 'search_flights', description: search_flights.description, parameters: parametersOf(search_flights) },
    { name: 'play_music', description: play_music.description, parameters: parametersOf(play_music) },
  ];
  const argument = (branch: number, name: string) => ({ pointer: `#/items/oneOf/${branch}/properties/arguments/properties/${name}` });

  it('writes an optional argument the conversation names, by its name or its description, and leaves the rest to the model', () => {
    const present = planPresence(tools, offered, 'Add buy milk to my to-dos with a due date of May 2, top priority; flights for 2 passengers');
    expect(present(argument(0, 'due_date'))).toBe(true);
    expect(present(argument(0, 'priority'))).toBe(true);
    expect(present(argument(1, 'passengers'))).toBe(true);
    const unnamed = planPresence(tools, offered, 'Add buy milk to my list, and flights from Oslo to Rome');
    expect(unnamed(argument(0, 'due_date'))).toBeUndefined();
    expect(unnamed(argument(1, 'passengers'))).toBeUndefined();
  });

  it("writes a choice the tool's own reader finds stated in other words, and leaves it to the model otherwise", () => {
    expect(planPresence(tools, offered, 'play The Hollow Pines in random order')(argument(2, 'shuffle'))).toBe(true);
    expect(planPresence(tools, offered, 'add it to my list, urgent')(argument(0, 'priority'))).toBe(true);
    expect(planPresence(tools, offered, 'play The Hollow Pines')(argument(2, 'shuffle'))).toBeUndefined();
  });

  it('says nothing of nested fields, unknown branches or the answer', () => {
    const present = planPresence(tools, offered, 'priority');
    expect(present(argument(3, 'priority'))).toBeUndefined();
    expect(present({ pointer: '#/items/oneOf/0/properties/arguments/properties/priority/items' })).toBeUndefined();
    expect(present({ pointer: '#/items/oneOf/3/properties/text' })).toBeUndefined();
  });
});
