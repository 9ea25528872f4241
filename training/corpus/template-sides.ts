import { DEMO_TOOL_NAMES } from './demo-toolbox.js';
import { TEXT_TEMPLATE_PARTITIONS } from './extraction/document-catalogue.js';
import { ANSWER_TEMPLATE_PARTITIONS } from './kinds/answer-from-result-examples.js';
import { CAPABILITY_PARTITION, CHAT_PARTITIONS, MISSING_INFORMATION_PARTITION } from './kinds/no-tool-examples.js';
import { PROCEDURAL_TEMPLATE_PARTITION } from './kinds/procedural-tool-call-examples.js';
import type { Side } from './splits.js';
import { CAPABILITY_REQUESTS, CHAT_CATEGORIES } from './templates/no-tool-requests.js';
import { EXTRA_PHRASINGS, extraPhrasingsInUse, REQUEST_TEMPLATE_PARTITIONS } from './templates/request-templates.js';

/** Every template id of every family, by side: what the held-out checks compare provenance against. */
export function templateIdsBySide(): Readonly<Record<Side, ReadonlySet<string>>> {
  const sides: Record<Side, Set<string>> = { train: new Set(), test: new Set() };
  for (const side of ['train', 'test'] as const) {
    const ids = sides[side];
    for (const tool of DEMO_TOOL_NAMES) {
      for (const template of REQUEST_TEMPLATE_PARTITIONS[tool][side]) ids.add(template.id);
      for (const template of ANSWER_TEMPLATE_PARTITIONS[tool][side]) ids.add(template.id);
    }
    for (const template of PROCEDURAL_TEMPLATE_PARTITION[side]) ids.add(template.id);
    for (const partition of TEXT_TEMPLATE_PARTITIONS.values()) for (const template of partition[side]) ids.add(template.id);
    for (const category of CHAT_CATEGORIES) {
      for (const request of CHAT_PARTITIONS.get(category.name)?.[side] ?? []) ids.add(`chat:${category.name}:${category.requests.indexOf(request)}`);
    }
    for (const request of CAPABILITY_PARTITION[side]) ids.add(`chat:capability:${CAPABILITY_REQUESTS.indexOf(request)}`);
    for (const entry of MISSING_INFORMATION_PARTITION[side]) ids.add(entry.template.id);
  }
  // The extra phrasings belong to the side that uses them, training's unless they stand in for the held-out ones.
  const extraSide = extraPhrasingsInUse() ?? 'train';
  for (const tool of DEMO_TOOL_NAMES) for (const template of EXTRA_PHRASINGS[tool]) sides[extraSide].add(template.id);
  return sides;
}
