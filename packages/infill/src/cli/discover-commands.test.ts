import { describe, expect, it } from 'vitest';
import { discoverCommands } from './discover-commands.js';

describe('discoverCommands', () => {
  it('finds the agent’s commands in the workspace', async () => {
    const { commands, unavailable } = await discoverCommands();
    expect(unavailable).toEqual([]);
    expect(Object.keys(commands).sort()).toEqual(['call', 'run']);
    expect(commands.call?.summary).toMatch(/plan/);
  });

  it('reports a module that is not installed instead of failing', async () => {
    const { commands, unavailable } = await discoverCommands(['@lacuna/no-such-package/cli']);
    expect(commands).toEqual({});
    expect(unavailable).toEqual([{ module: '@lacuna/no-such-package/cli', reason: expect.stringMatching(/not installed or not built/) }]);
  });
});
