import type { AnyByteAutomaton } from '../automata/byte-automaton.js';
import { ChoiceAutomaton } from '../automata/choice-automaton.js';
import { ConcatAutomaton } from '../automata/concat-automaton.js';
import { NumberAutomaton } from '../automata/number-automaton.js';
import { StringBodyAutomaton } from '../automata/string-body-automaton.js';
import type { EnumNode, NumberNode, StringNode } from '../schema/schema-node.js';
import { stringDfa } from '../schema/string-constraints.js';

const byNode = new WeakMap<object, AnyByteAutomaton>();
const byDfa = new WeakMap<object, AnyByteAutomaton>();

/** The automaton of a leaf value, as JSON text: string bodies (between the skeleton's quotes), numbers, enums. */
export function leafAutomaton(node: StringNode | NumberNode | EnumNode): AnyByteAutomaton {
  let automaton = byNode.get(node);
  if (automaton === undefined) {
    if (node.kind === 'string') {
      const dfa = stringDfa(node);
      automaton = byDfa.get(dfa);
      if (automaton === undefined) {
        automaton = new StringBodyAutomaton(dfa, 'json') as AnyByteAutomaton;
        byDfa.set(dfa, automaton);
      }
    }
    else if (node.kind === 'number') automaton = shared(`number:${JSON.stringify(node.spec)}`, () => new NumberAutomaton(node.spec) as AnyByteAutomaton);
    else {
      const choices = node.values.map((value) => JSON.stringify(value));
      automaton = shared(`enum:${JSON.stringify(choices)}`, () => new ChoiceAutomaton(choices, 'enum') as AnyByteAutomaton);
    }
    byNode.set(node, automaton);
  }
  return automaton;
}

const sharedAutomata = new Map<string, AnyByteAutomaton>();

/** Automata shared across schemas: equal constraints, one automaton, one set of token caches. */
function shared(key: string, create: () => AnyByteAutomaton): AnyByteAutomaton {
  let automaton = sharedAutomata.get(key);
  if (automaton === undefined) {
    automaton = create();
    if (sharedAutomata.size > 10_000) sharedAutomata.clear();
    sharedAutomata.set(key, automaton);
  }
  return automaton;
}

const choiceCache = new Map<string, ChoiceAutomaton>();

/** A choice over labels (structural decisions), shared between holes with the same labels. */
export function choiceAutomaton(labels: readonly string[], name: string): ChoiceAutomaton {
  const key = `${name}\u0000${labels.join('\u0000')}`;
  let automaton = choiceCache.get(key);
  if (automaton === undefined) {
    automaton = new ChoiceAutomaton(labels, name);
    if (choiceCache.size > 10_000) choiceCache.clear();
    choiceCache.set(key, automaton);
  }
  return automaton;
}

const healed = new WeakMap<AnyByteAutomaton, Map<string, AnyByteAutomaton>>();

/**
 * A value automaton with the literal text it absorbs from its neighbours (BPE boundary healing): the hole
 * must spell `prefix`, then a value, then `suffix`. Shared per (body, prefix, suffix).
 */
export function healedAutomaton(body: AnyByteAutomaton, prefix: string, suffix: string): AnyByteAutomaton {
  if (prefix === '' && suffix === '') return body;
  let byText = healed.get(body);
  if (byText === undefined) {
    byText = new Map();
    healed.set(body, byText);
  }
  const key = `${prefix}\u0000${suffix}`;
  let automaton = byText.get(key);
  if (automaton === undefined) {
    const parts: AnyByteAutomaton[] = [];
    if (prefix !== '') parts.push(choiceAutomaton([prefix], 'literal') as AnyByteAutomaton);
    parts.push(body);
    if (suffix !== '') parts.push(choiceAutomaton([suffix], 'literal') as AnyByteAutomaton);
    automaton = new ConcatAutomaton(parts, body.name) as AnyByteAutomaton;
    byText.set(key, automaton);
  }
  return automaton;
}
