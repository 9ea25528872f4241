import type { CanvasView } from '../canvas/canvas.js';
import type { TextTokenizer } from '../tokenizer/text-tokenizer.js';

/**
 * Text of `[from, canvas.length)` as it stands: committed and fixed runs decoded, each masked position shown as
 * `maskGlyph`, so that a UI can show the answer emerging.
 */
export function renderCanvasText(
  tokenizer: TextTokenizer,
  canvas: CanvasView,
  options: { from?: number; maskGlyph?: string; skipSpecialTokens?: boolean } = {},
): string {
  const maskGlyph = options.maskGlyph ?? '░';
  const skipSpecialTokens = options.skipSpecialTokens ?? true;
  let text = '';
  let run: number[] = [];
  const flush = (): void => {
    if (run.length > 0) text += tokenizer.decode(run, { skipSpecialTokens });
    run = [];
  };
  for (let position = options.from ?? 0; position < canvas.length; position++) {
    // A fixed mask token (infill's placeholders after a hole's frontier) is as unwritten as a masked position.
    if (canvas.isMasked(position) || canvas.tokenAt(position) === canvas.maskTokenId) {
      flush();
      text += maskGlyph;
    } else run.push(canvas.tokenAt(position));
  }
  flush();
  return text;
}
