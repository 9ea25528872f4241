import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { modelPath } from '@lacuna/model-tiny-random';
import { describe, expect, it } from 'vitest';
import { Canvas } from '../canvas/canvas.js';
import { TextTokenizer } from '../tokenizer/text-tokenizer.js';
import { renderCanvasText } from './render-canvas-text.js';

describe('renderCanvasText', () => {
  it('shows masked positions and fixed mask placeholders alike as the glyph, and decodes the rest', async () => {
    const tokenizer = new TextTokenizer(JSON.parse(await readFile(join(modelPath, 'tokenizer.json'), 'utf8')) as object);
    const maskTokenId = tokenizer.tokenToId('<|mask|>') as number;
    const ids = tokenizer.encode('city: Lisbon');
    const cells = [
      ...ids.map((token) => ({ state: 'fixed' as const, token })),
      // A placeholder: the mask token written as fixed (infill's positions after a hole's frontier).
      { state: 'fixed' as const, token: maskTokenId },
      { state: 'masked' as const },
    ];
    const canvas = Canvas.fromCells(cells, maskTokenId);
    expect(renderCanvasText(tokenizer, canvas)).toBe('city: Lisbon░░');
    expect(renderCanvasText(tokenizer, canvas, { maskGlyph: '_' })).toBe('city: Lisbon__');
  });
});
