import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Rewrites one `### <title>` part of the `## Infill` section of docs/benchmarks.md, creating the section (at the
 * end) or the part (at the end of the section) when missing. Other sections are left as they are.
 */
export function updateBenchmarkSection(file: string, title: string, body: string): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const lines = text.split('\n');
  let start = lines.findIndex((line) => line.trim() === '## Infill');
  if (start < 0) {
    const trimmed = text.replace(/\s*$/, '');
    writeFileSync(file, `${trimmed}\n\n## Infill\n\n### ${title}\n\n${body.trim()}\n`);
    return;
  }
  let end = lines.findIndex((line, index) => index > start && /^## /.test(line));
  if (end < 0) end = lines.length;
  const section = lines.slice(start, end);
  const partStart = section.findIndex((line) => line.trim() === `### ${title}`);
  let newSection: string[];
  if (partStart < 0) {
    newSection = [...trimEnd(section), '', `### ${title}`, '', ...body.trim().split('\n'), ''];
  } else {
    let partEnd = section.findIndex((line, index) => index > partStart && /^### /.test(line));
    if (partEnd < 0) partEnd = section.length;
    newSection = [...section.slice(0, partStart), `### ${title}`, '', ...body.trim().split('\n'), '', ...section.slice(partEnd)];
  }
  const out = [...lines.slice(0, start), ...trimEnd(newSection), ...(end < lines.length ? ['', ...lines.slice(end)] : [''])];
  writeFileSync(file, out.join('\n'));
  start = 0;
}

function trimEnd(lines: string[]): string[] {
  const out = [...lines];
  while (out.length > 0 && out.at(-1)?.trim() === '') out.pop();
  return out;
}
