import { demoTools, type DemoToolName } from '@lacuna/demo-toolbox';
import { parametersOf } from '../checks/check-calls.js';
import { CliUsageError } from './cli-usage-error.js';

/** Tools offered per request by default: the default model is trained on menus of 3 to 8 tools. */
export const DEFAULT_MENU_SIZE = 4;

const STOP_WORDS = new Set(
  'a an and are as at be by can could do does for from get give how i in is it me my of on or please set show that the this to want what whats when where which will with would you your'.split(' '),
);

/**
 * The demo tools to offer for a request: those whose name, description and argument descriptions share the
 * most words with it, then the rest in toolbox order to fill the menu. This is keyword retrieval, not a model
 * decision; it keeps the prompt to a menu the size the model was trained on (and one that fits the fixture's
 * 1,024 positions, which all twelve tools do not).
 */
export function demoToolMenu(request: string, size: number = DEFAULT_MENU_SIZE): DemoToolName[] {
  const requested = wordsOf(request);
  const scored = (Object.keys(demoTools) as DemoToolName[]).map((name, order) => {
    const toolWords = [...wordsOf(name.replace(/_/g, ' ')), ...wordsOf(describedText(name))];
    // A word the tool uses as is counts twice a word it shares only a prefix with ("time" for "timer").
    const score = requested.reduce((sum, word) => sum + (toolWords.includes(word) ? 2 : toolWords.some((toolWord) => related(word, toolWord)) ? 1 : 0), 0);
    return { name, score, order };
  });
  scored.sort((left, right) => right.score - left.score || left.order - right.order);
  return scored.slice(0, Math.max(1, size)).map((entry) => entry.name);
}

/** Parses `--tools`: comma-separated demo tool names, or `all`. */
export function parseToolNames(option: string): DemoToolName[] {
  const known = Object.keys(demoTools) as DemoToolName[];
  if (option.trim() === 'all') return known;
  const names = option.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !known.includes(name as DemoToolName));
  if (names.length === 0 || unknown.length > 0) {
    throw new CliUsageError(`--tools takes demo tool names separated by commas, or "all"; ${unknown.length > 0 ? `unknown: ${unknown.join(', ')}` : 'none given'}. Known: ${known.join(', ')}.`);
  }
  return [...new Set(names)] as DemoToolName[];
}

function describedText(name: DemoToolName): string {
  const tool = demoTools[name];
  const properties = (parametersOf(tool) as { properties?: Record<string, { description?: string }> }).properties ?? {};
  return [tool.description, ...Object.entries(properties).map(([field, schema]) => `${field.replace(/_/g, ' ')} ${schema.description ?? ''}`)].join(' ');
}

function wordsOf(text: string): string[] {
  return [...new Set(text.toLowerCase().match(/[a-z]+/g) ?? [])].filter((word) => !STOP_WORDS.has(word));
}

/** One word a prefix of the other ("flight" and "flights", "time" and "timer"). */
function related(left: string, right: string): boolean {
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  return shorter.length >= 4 && longer.startsWith(shorter);
}
