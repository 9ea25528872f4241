import { describe, expect, it } from 'vitest';
import { CanvasView } from './canvas-view.js';
import type { Terminal } from './terminal.js';

function terminal(interactive: boolean, columns = 20, rows = 40): Terminal & { output: string } {
  const sink = { output: '', interactive, columns, rows, write: (text: string) => void (sink.output += text) };
  return sink;
}

describe('CanvasView', () => {
  it('writes one line per frame when the output is not a terminal', () => {
    const output = terminal(false);
    const view = new CanvasView(output);
    view.frame('pass 1', '{"a":░}');
    view.frame('pass 2', '{"a":1}');
    expect(output.output).toBe('pass 1  {"a":░}\npass 2  {"a":1}\n');
  });

  it('redraws the frame in place on a terminal, over as many lines as the last frame took', () => {
    const output = terminal(true, 21);
    const view = new CanvasView(output);
    view.frame('p1', `${'a'.repeat(16)}${'b'.repeat(20)}`); // 40 characters with the label: two lines of 20
    view.frame('p2', 'x');
    expect(output.output).toBe(`p1  ${'a'.repeat(16)}\n${'b'.repeat(20)}\n\x1b[2A\r\x1b[0Jp2  x\n`);
    view.settle();
    view.frame('p3', 'y');
    expect(output.output.endsWith('p2  x\np3  y\n')).toBe(true);
  });

  it('cuts a frame taller than the screen', () => {
    const output = terminal(true, 21, 4);
    new CanvasView(output).frame('p', 'a'.repeat(100));
    expect(output.output.split('\n').filter(Boolean)).toEqual([`p  ${'a'.repeat(17)}`, '…']);
  });
});
