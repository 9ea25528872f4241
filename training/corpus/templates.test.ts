import { describe, expect, it } from 'vitest';
import { DEMO_TOOL_NAMES, demoTools, requiredArguments } from './demo-toolbox.js';
import { ENTITY_POOLS } from './entities/entity-pools.js';
import { DOCUMENT_TYPES } from './extraction/document-catalogue.js';
import { renderText } from './extraction/document-types.js';
import { createRandom } from './random.js';
import { renderDemoRequest } from './requests/demo-request.js';
import { MISSING_INFORMATION } from './templates/no-tool-requests.js';
import { REQUEST_TEMPLATES } from './templates/request-templates.js';
import { SLOT_VARIANTS } from './tool-arguments.js';

describe('request templates', () => {
  it('render a valid call from every template of every tool', () => {
    const random = createRandom(11);
    for (const tool of DEMO_TOOL_NAMES) {
      expect(REQUEST_TEMPLATES[tool].length, tool).toBeGreaterThanOrEqual(20);
      for (const template of REQUEST_TEMPLATES[tool]) {
        for (const side of ['train', 'test'] as const) {
          const request = renderDemoRequest(tool, template, { random, pool: ENTITY_POOLS[side] });
          expect(() => demoTools[tool].inputSchema.parse(request.call.arguments), `${template.id}: ${request.text}`).not.toThrow();
          expect(request.text, template.id).not.toMatch(/[{}[\]]| {2}/);
        }
      }
    }
  });

  it('mention every required argument, and use only variants the tool knows', () => {
    for (const tool of DEMO_TOOL_NAMES) {
      for (const template of REQUEST_TEMPLATES[tool]) {
        const names = template.slots.map((slot) => slot.name);
        for (const required of requiredArguments(tool)) expect(names, template.text).toContain(required);
        for (const slot of template.slots) {
          if (slot.variant !== undefined) expect(SLOT_VARIANTS[`${tool}.${slot.name}`] ?? [], template.text).toContain(slot.variant);
        }
      }
    }
  });

  it('write clauses as lower-case imperatives that can join a parallel request', () => {
    for (const template of Object.values(REQUEST_TEMPLATES).flat()) {
      if (!template.clause) continue;
      expect(template.text, template.id).toMatch(/^([a-z]|\{)/);
      expect(template.text, template.id).not.toMatch(/[.?!]$/);
    }
  });

  it('leave a required argument out of every missing-information request', () => {
    for (const entry of MISSING_INFORMATION) {
      const names = entry.template.slots.map((slot) => slot.name);
      expect(requiredArguments(entry.tool).some((name) => !names.includes(name)), entry.request).toBe(true);
    }
  });
});

describe('extraction templates', () => {
  it('state the required concepts outside groups and nothing optional outside them', () => {
    for (const type of DOCUMENT_TYPES) {
      const required = new Set(type.concepts.filter((concept) => concept.required === true).map((concept) => concept.concept));
      const known = new Set(type.concepts.map((concept) => concept.concept));
      const names = type.concepts.flatMap((concept) => concept.names);
      expect(new Set(names).size, `${type.name} property names`).toBe(names.length);
      for (const template of type.templates) {
        const fixed = template.chunks.filter((chunk) => !chunk.optional).flatMap((chunk) => chunk.slots.map((slot) => slot.name));
        expect(new Set(fixed), template.id).toEqual(required);
        for (const chunk of template.chunks) for (const slot of chunk.slots) expect(known.has(slot.name), `${template.id} {${slot.name}}`).toBe(true);
      }
    }
  });

  it('render with every optional concept stated and with none', () => {
    const random = createRandom(5);
    for (const type of DOCUMENT_TYPES) {
      for (const template of type.templates) {
        for (const stated of [new Set(type.concepts.map((concept) => concept.concept)), new Set<string>()]) {
          const rendered = renderText(template, stated, type.draw({ random, pool: ENTITY_POOLS.train }), random.pick);
          expect(rendered.text, template.id).not.toMatch(/[{}<>]| {2}/);
        }
      }
    }
  });
});
