import type { JsonSchema } from '../example-types.js';
import { parseTemplate, tidyWhitespace, type Segment, type SlotFill, type SlotReference } from '../templates/template.js';
import type { DrawContext, SlotRenderer } from '../tool-arguments.js';

/** One thing a text can state: a concept with a few property names a schema may give it. */
export interface ExtractionConcept {
  readonly concept: string;
  readonly names: readonly string[];
  readonly schema: JsonSchema;
  /** Every text states it and every schema requires it. */
  readonly required?: boolean;
  /** Stated exactly when that concept is (a currency goes with its amount, and has no words of its own). */
  readonly statedWith?: string;
}

/**
 * A text template: `{concept}` slots, `[a|b]` alternations, and `<…>` groups that appear only when
 * every concept in them is stated, so one template writes texts with and without each optional field.
 */
export interface TextTemplate {
  readonly id: string;
  readonly text: string;
  readonly chunks: readonly { readonly optional: boolean; readonly segments: readonly Segment[]; readonly slots: readonly SlotReference[] }[];
}

export interface DocumentType {
  readonly name: string;
  readonly concepts: readonly ExtractionConcept[];
  readonly templates: readonly TextTemplate[];
  /** Draws one consistent set of values (an email built from the person's name), one renderer per concept. */
  readonly draw: (context: DrawContext) => Readonly<Record<string, SlotRenderer>>;
}

export function defineTextTemplates(owner: string, texts: readonly string[]): TextTemplate[] {
  return texts.map((text, index) => {
    const chunks = [...text.matchAll(/<([^<>]*)>|([^<>]+)/g)].map((match) => {
      const optional = match[1] !== undefined;
      const segments = parseTemplate(match[1] ?? match[2] ?? '');
      const slots = segments.flatMap((segment) => (segment.kind === 'slot' ? [segment.slot] : []));
      return { optional, segments, slots };
    });
    return { id: `${owner}:${index}`, text, chunks };
  });
}

/** Writes the text with the stated concepts; returns which concepts it actually mentioned. */
export function renderText(
  template: TextTemplate,
  stated: ReadonlySet<string>,
  renderers: Readonly<Record<string, SlotRenderer>>,
  pick: <Item>(items: readonly Item[]) => Item,
): { readonly text: string; readonly fills: ReadonlyMap<string, SlotFill> } {
  const fills = new Map<string, SlotFill>();
  let text = '';
  for (const chunk of template.chunks) {
    if (chunk.optional && !chunk.slots.every((slot) => stated.has(slot.name))) continue;
    for (const segment of chunk.segments) {
      if (segment.kind === 'text') text += segment.text;
      else if (segment.kind === 'choice') text += pick(segment.options);
      else {
        const renderer = renderers[segment.slot.name];
        if (renderer === undefined) throw new Error(`Template ${template.id} has a slot {${segment.slot.name}} nothing fills.`);
        const fill = renderer(segment.slot.variant);
        fills.set(segment.slot.name, fill);
        text += fill.surface;
      }
    }
  }
  return { text: tidyWhitespace(text), fills };
}
