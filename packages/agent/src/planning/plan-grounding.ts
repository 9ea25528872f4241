import { EMAIL, groundedHoleText, groundingOf, groundingText, isEmailProperty, statedValuesText, typesOf } from '../checks/grounding.js';
import { startsOf } from '../checks/repeated-values.js';
import type { DateReading } from '../checks/stated-dates-and-times.js';
import type { ToolSignature } from '../prompt/agent-messages.js';
import type { ToolSet } from '../tools/tool.js';
import { planArgumentAt } from './plan-argument.js';

/**
 * infill's `ground` for a plan of the `offered` tools, as the agent samples it (`groundedHoleText` per top-level
 * argument): an argument that must come from the conversation may only be filled, token by token, with a span
 * of `context` (a date or time with one it states, as the schema writes it), so copying is exact by
 * construction. Arguments with a custom grounding function, free ones and nested fields are left to the checks
 * after sampling.
 */
export function planGrounding(
  tools: ToolSet,
  offered: readonly ToolSignature[],
  context: string,
  reading: DateReading = {},
  /**
   * Words a value may not be copied from, by its hole's path (`[call, "arguments", name]`): the mentions other calls
   * copied, for a call planned again (the agent's `repeated-call` check), or the one another argument holds, for a
   * value rejected as a repeat (`repeated-value`). Such a value copies only from the conversation around them.
   */
  taken: (path: readonly (string | number)[]) => readonly string[] | undefined = () => undefined,
  /**
   * Texts a value must be copied from instead, by its hole's path: the conversation after the argument's own name,
   * for a value rejected as another argument's (`labelled-value`); or the values it may be, written whole, for a copy
   * that took the words around its value (`function-words`); or the parts of the request its own call holds, for a
   * copy from another call's part (`other-clause`). A value a reader finds (a duration), or a date or time the schema
   * normalises, is one found there.
   */
  within: (path: readonly (string | number)[]) => readonly string[] | { readonly values: readonly string[] } | undefined = () => undefined,
): (hole: { readonly path?: readonly (string | number)[]; readonly pointer: string }) => string | readonly string[] | { readonly values: readonly string[] } | undefined {
  return ({ path, pointer }) => {
    const argument = planArgumentAt(pointer, offered);
    const tool = argument === undefined ? undefined : tools[argument.signature.name];
    if (argument === undefined || tool === undefined) return undefined;
    const { name, property } = argument;
    const whole = groundedHoleText(tool, name, property, context, reading);
    const texts = path === undefined ? undefined : within(path);
    if (texts !== undefined && whole === context && isStringProperty(property)) return texts;
    // A number copies from those texts as from the conversation: dates and times blanked, numbers in words offered.
    if (Array.isArray(texts) && isNumberProperty(property) && groundingOf(tool, name, property) === 'context') return texts.map((piece: string) => groundingText(piece, property, reading));
    // A value a reader finds, or a date or time the schema normalises, is one found in those texts, when any is there.
    if (Array.isArray(texts) && (typeof whole === 'object' || (typeof whole === 'string' && whole !== context))) {
      const found = groundedHoleText(tool, name, property, texts.join('\n'), reading);
      if (typeof found === 'object' && found.values.length > 0) return found;
      if (typeof found === 'string' && found !== '' && statedValuesText('', property, reading) !== undefined) return found;
    }
    const mentions = path === undefined ? undefined : taken(path);
    // Only a copied string is kept off the words taken; numbers and values a reader finds in the whole
    // conversation (dates, codes) stay as they are. With nothing left to copy from, the whole conversation (the
    // checks then judge the copy): for an e-mail address, pieces that hold none (the request's one address was
    // taken) would leave the hole free, and the model would write one nobody stated.
    if (mentions === undefined || whole !== context || !isStringProperty(property)) return whole;
    const around = textsAround(context, mentions);
    return around.length === 0 || (isEmailProperty(property) && !around.some((piece) => EMAIL.test(piece))) ? whole : around;
  };
}

/** The text with every occurrence of the mentions cut out: the pieces around them, in order. */
export function textsAround(text: string, mentions: readonly string[]): string[] {
  const cuts: [number, number][] = [];
  for (const mention of mentions) {
    if (mention === '') continue;
    for (const at of startsOf(text, mention)) cuts.push([at, at + mention.length]);
  }
  cuts.sort((left, right) => left[0] - right[0]);
  const pieces: string[] = [];
  let from = 0;
  for (const [start, end] of cuts) {
    if (start > from) pieces.push(text.slice(from, start));
    from = Math.max(from, end);
  }
  if (from < text.length) pieces.push(text.slice(from));
  return pieces.filter((piece) => piece.trim() !== '');
}

function isNumberProperty(property: object | undefined): boolean {
  const types = typesOf(property as Parameters<typeof typesOf>[0]);
  return types.includes('number') || types.includes('integer');
}

function isStringProperty(property: object | undefined): boolean {
  const types = typesOf(property as Parameters<typeof typesOf>[0]);
  return types.includes('string') && !types.includes('number') && !types.includes('integer');
}
