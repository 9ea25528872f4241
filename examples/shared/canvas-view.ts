import type { Terminal } from './terminal.js';

/**
 * Shows a canvas as it is denoised. On an interactive terminal the canvas is redrawn in place (wrapped over
 * as many lines as it needs), so the masks (░) visibly fill in; elsewhere (a pipe, a log, a test) every
 * denoising step is one line, so the transcript keeps every frame.
 */
export class CanvasView {
  private drawnLines = 0;

  constructor(private readonly terminal: Terminal) {}

  frame(label: string, canvasText: string): void {
    const text = `${label}  ${canvasText.replace(/\n/g, '⏎')}`;
    if (!this.terminal.interactive) {
      this.terminal.write(`${text}\n`);
      return;
    }
    const width = Math.max(20, this.terminal.columns - 1);
    const lines: string[] = [];
    const characters = [...text];
    for (let start = 0; start < characters.length; start += width) lines.push(characters.slice(start, start + width).join(''));
    // The cursor cannot move above the top of the screen: a frame taller than it is cut short.
    const room = Math.max(1, this.terminal.rows - 2);
    if (lines.length > room) lines.splice(room - 1, lines.length, '…');
    // Up to the first line of the previous frame, clear to the end of the screen, draw the new frame.
    if (this.drawnLines > 0) this.terminal.write(`\x1b[${this.drawnLines}A\r\x1b[0J`);
    this.terminal.write(`${lines.join('\n')}\n`);
    this.drawnLines = lines.length;
  }

  /** The last frame stays on screen; the next frame starts a new block below what was printed since. */
  settle(): void {
    this.drawnLines = 0;
  }
}
