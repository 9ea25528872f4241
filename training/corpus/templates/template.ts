import type { Random } from '../random.js';

/**
 * A phrasing template: text with `{slot}` or `{slot:variant}` holes and `[a|b|]` alternations.
 *
 * A slot named after an argument puts that argument in the call; no other argument appears, so an
 * optional argument is in the call exactly when the template mentions it. Slots whose name starts with
 * `_` (`{_first_name}`) add words, not arguments. A variant asks the slot for a kind of wording
 * (`{symbol:company}` says "Apple", `{symbol:ticker}` says "AAPL").
 */
export interface RequestTemplate {
  /** `owner:index`, e.g. `get_weather:7`. */
  readonly id: string;
  /** The tool (or example family) the template belongs to. */
  readonly owner: string;
  readonly text: string;
  /** An imperative clause ("set a timer for {minutes}") that can stand alone or join a parallel request. */
  readonly clause: boolean;
  readonly segments: readonly Segment[];
  /** Slot names in order of appearance, each once. */
  readonly slots: readonly SlotReference[];
}

export interface SlotReference {
  readonly name: string;
  readonly variant: string | undefined;
}

export type Segment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'choice'; readonly options: readonly string[] }
  | { readonly kind: 'slot'; readonly slot: SlotReference };

const TOKEN = /\{([a-z_]+)(?::([a-z_]+))?\}|\[([^\]]*)\]/g;

export function parseTemplate(text: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (match.index > last) segments.push({ kind: 'text', text: text.slice(last, match.index) });
    if (match[1] !== undefined) segments.push({ kind: 'slot', slot: { name: match[1], variant: match[2] } });
    else segments.push({ kind: 'choice', options: (match[3] ?? '').split('|') });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  for (const segment of segments) {
    if (segment.kind === 'text' && /[{}[\]]/.test(segment.text)) throw new SyntaxError(`Unbalanced template: ${text}`);
  }
  return segments;
}

function slotsOf(segments: readonly Segment[], text: string): SlotReference[] {
  const slots: SlotReference[] = [];
  for (const segment of segments) {
    if (segment.kind !== 'slot') continue;
    if (slots.some((slot) => slot.name === segment.slot.name)) throw new SyntaxError(`Slot {${segment.slot.name}} twice in: ${text}`);
    slots.push(segment.slot);
  }
  return slots;
}

/** Templates of one owner: `clauses` are imperative clauses, `sentences` stand only on their own. */
export function defineTemplates(owner: string, groups: { readonly clauses?: readonly string[]; readonly sentences?: readonly string[] }): RequestTemplate[] {
  const entries = [
    ...(groups.clauses ?? []).map((text) => ({ text, clause: true })),
    ...(groups.sentences ?? []).map((text) => ({ text, clause: false })),
  ];
  const seen = new Set<string>();
  return entries.map(({ text, clause }, index) => {
    if (seen.has(text)) throw new SyntaxError(`Duplicate template for ${owner}: ${text}`);
    seen.add(text);
    const segments = parseTemplate(text);
    return { id: `${owner}:${index}`, owner, text, clause, segments, slots: slotsOf(segments, text) };
  });
}

/** What a slot puts in the text, the value it stands for, and whether that value is a verbatim copy. */
export interface SlotFill {
  readonly surface: string;
  readonly value: unknown;
  readonly normalised: boolean;
  /** Held-out-able entity strings this slot mentions. */
  readonly entities: readonly string[];
}

export function copied(value: string | number, entities: readonly string[] = [], surface = String(value)): SlotFill {
  return { surface, value, normalised: false, entities };
}

export function normalisedFill(surface: string, value: unknown, entities: readonly string[] = []): SlotFill {
  return { surface, value, normalised: true, entities };
}

export interface RenderedTemplate {
  readonly text: string;
  readonly fills: ReadonlyMap<string, SlotFill>;
}

/** Fills the slots and picks the alternations; whitespace left by an empty alternative is tidied. */
export function renderTemplate(template: RequestTemplate, random: Random, fill: (slot: SlotReference) => SlotFill): RenderedTemplate {
  const fills = new Map<string, SlotFill>();
  let text = '';
  for (const segment of template.segments) {
    if (segment.kind === 'text') text += segment.text;
    else if (segment.kind === 'choice') text += random.pick(segment.options);
    else {
      const slotFill = fill(segment.slot);
      fills.set(segment.slot.name, slotFill);
      text += slotFill.surface;
    }
  }
  return { text: tidyWhitespace(text), fills };
}

export function tidyWhitespace(text: string): string {
  return text.replace(/ {2,}/g, ' ').replace(/ ([,.?!:;])/g, '$1').replace(/ +\n/g, '\n').trim();
}

export function capitaliseFirst(text: string): string {
  return text.length === 0 ? text : (text[0] as string).toUpperCase() + text.slice(1);
}
