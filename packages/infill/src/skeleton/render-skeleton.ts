import type { Hole } from '../fill/hole.js';
import type { Instance } from './skeleton-tree.js';

/** The skeleton as text and holes, in order. Adjacent text is merged. */
export type SkeletonItem = { readonly type: 'text'; readonly text: string } | { readonly type: 'hole'; readonly hole: Hole };

/**
 * Renders the tree as compact canonical JSON: no whitespace, keys in schema order, absent optional properties
 * left out. Undecided structure renders as its decision hole; string values sit between literal quotes.
 */
export function renderSkeleton(instance: Instance): SkeletonItem[] {
  const items: SkeletonItem[] = [];
  const text = (value: string): void => {
    const last = items.at(-1);
    if (last?.type === 'text') items[items.length - 1] = { type: 'text', text: last.text + value };
    else if (value !== '') items.push({ type: 'text', text: value });
  };
  const hole = (value: Hole): void => {
    items.push({ type: 'hole', hole: value });
  };
  const visit = (current: Instance): void => {
    switch (current.kind) {
      case 'object': {
        text('{');
        let first = true;
        for (const member of current.members) {
          if (member.presence === 'absent') continue;
          if (!first) text(',');
          first = false;
          if (member.presence === 'undecided') hole(member.decision as Hole);
          else {
            text(`${JSON.stringify(member.property.name)}:`);
            visit(member.value as Instance);
          }
        }
        for (const extra of current.extras) {
          if (!first) text(',');
          first = false;
          visit(extra.key);
          text(':');
          visit(extra.value);
        }
        text('}');
        break;
      }
      case 'array':
        text('[');
        if (current.decision !== undefined) hole(current.decision);
        else
          current.items.forEach((item, index) => {
            if (index > 0) text(',');
            visit(item);
          });
        text(']');
        break;
      case 'union':
        if (current.decision !== undefined) hole(current.decision);
        else visit(current.value as Instance);
        break;
      case 'leaf':
        if (current.node.kind === 'string') {
          text('"');
          hole(current.hole);
          text('"');
        } else hole(current.hole);
        break;
      case 'literal':
        text(JSON.stringify(current.value));
        break;
    }
  };
  visit(instance);
  return items;
}
