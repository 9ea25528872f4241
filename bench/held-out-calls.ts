/**
 * Held-out tool calls of the training corpus (training/corpus), and the faults seeded into them for the agent
 * benchmark: a string the request does not contain, a number outside the tool's bounds, a wrong enum value.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { groundingFailure, type ToolSignature } from '@lacuna/agent';
import { demoTools } from '@lacuna/demo-toolbox';

/** The JSON Schema of one argument, as the corpus writes it (`z.toJSONSchema` of the demo tools). */
interface PropertySchema {
  type?: string;
  enum?: readonly unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

/** A `tool_call` example with one call, to a demo tool. */
export interface HeldOutCall {
  readonly id: string;
  /** The example's tool menu (3 to 8 tools, sometimes with made-up distractors), as the prompt shows it. */
  readonly tools: readonly ToolSignature[];
  readonly request: string;
  readonly tool: string;
  readonly arguments: Readonly<Record<string, unknown>>;
  /** JSON paths of the values that are not verbatim copies of the request. */
  readonly normalised: readonly string[];
}

export type FaultKind = 'string' | 'number' | 'enum';

export const FAULT_KINDS: readonly FaultKind[] = ['string', 'number', 'enum'];

export const FAULT_TITLES: Readonly<Record<FaultKind, string>> = {
  string: 'a string not in the request',
  number: 'an out-of-range number',
  enum: 'a wrong enum value',
};

export interface SeededFault {
  readonly kind: FaultKind;
  readonly call: HeldOutCall;
  readonly field: string;
  readonly correct: unknown;
  readonly wrong: unknown;
}

const HELD_OUT_DEMO_SPLITS = ['test_entities', 'test_templates'] as const;
const REPOSITORY = fileURLToPath(new URL('..', import.meta.url));

/**
 * Writes the held-out splits with the corpus generator's CLI into a temporary folder and reads them back
 * (`test_tools` holds made-up tools only, so it is not read).
 */
export function generateHeldOutCalls(seed: number, testCount: number): HeldOutCall[] {
  const folder = mkdtempSync(join(tmpdir(), 'lacuna-bench-corpus-'));
  try {
    const out = join(folder, 'corpus.jsonl');
    execFileSync(
      process.execPath,
      ['--import', 'tsx', 'training/corpus/generate-corpus.ts', '--seed', String(seed), '--count', '0', '--test-count', String(testCount), '--out', out],
      { cwd: REPOSITORY, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    return readHeldOutCalls(HELD_OUT_DEMO_SPLITS.map((split) => join(folder, `corpus.${split}.jsonl`)));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The single-call `tool_call` examples to demo tools of corpus files (JSON lines). */
export function readHeldOutCalls(files: readonly string[]): HeldOutCall[] {
  const calls: HeldOutCall[] = [];
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const example = JSON.parse(line) as {
        id: string;
        kind: string;
        tools?: ToolSignature[];
        request?: string;
        calls?: { tool: string; arguments: Record<string, unknown> }[];
        normalised?: string[];
      };
      if (example.kind !== 'tool_call' || example.calls?.length !== 1 || example.tools === undefined || example.request === undefined) continue;
      const [call] = example.calls;
      if (call === undefined || !Object.hasOwn(demoTools, call.tool)) continue;
      calls.push({ id: example.id, tools: example.tools, request: example.request, tool: call.tool, arguments: call.arguments, normalised: example.normalised ?? [] });
    }
  }
  return calls;
}

function propertyOf(call: HeldOutCall, field: string): PropertySchema | undefined {
  const tool = call.tools.find((candidate) => candidate.name === call.tool);
  return (tool?.parameters as { properties?: Record<string, PropertySchema> } | undefined)?.properties?.[field];
}

/** Bounds that a value can actually fall outside of (zod writes `.positive()` with MAX_SAFE_INTEGER as maximum). */
function boundsOf(property: PropertySchema): { below?: number; above?: number } {
  const below = property.exclusiveMinimum ?? (property.minimum === undefined ? undefined : property.minimum - 1);
  const upper = property.exclusiveMaximum ?? (property.maximum === undefined ? undefined : property.maximum + 1);
  return {
    ...(below === undefined ? {} : { below }),
    ...(upper === undefined || upper > 1e6 ? {} : { above: upper }),
  };
}

/**
 * The call's arguments a fault of this kind can be seeded in: strings copied verbatim from the request (no
 * format or pattern: what grounding checks), bounded numbers copied from the request, enum values.
 */
export function faultFields(call: HeldOutCall, kind: FaultKind): string[] {
  return Object.entries(call.arguments).flatMap(([field, value]) => {
    const property = propertyOf(call, field);
    if (property === undefined) return [];
    const verbatim = !call.normalised.includes(`$.calls[0].arguments.${field}`);
    switch (kind) {
      case 'string':
        return typeof value === 'string' && property.type === 'string' && property.enum === undefined && property.format === undefined && property.pattern === undefined && verbatim ? [field] : [];
      case 'number': {
        const bounds = boundsOf(property);
        return typeof value === 'number' && (property.type === 'integer' || property.type === 'number') && verbatim && (bounds.below !== undefined || bounds.above !== undefined) ? [field] : [];
      }
      case 'enum':
        return property.enum !== undefined && property.enum.length > 1 ? [field] : [];
    }
  });
}

/**
 * Seeds one fault in the call's `field`: a string is replaced by the same argument of another held-out call
 * that the request does not contain (a plausible hallucination: a real city, a real title), a number by the
 * first value past its upper bound (or its lower bound when it has no small upper bound), an enum value by
 * another member of the enum. `pick` draws uniformly in [0, 1).
 */
export function seedFault(kind: FaultKind, call: HeldOutCall, field: string, pool: readonly HeldOutCall[], pick: () => number): SeededFault | undefined {
  const correct = call.arguments[field];
  const property = propertyOf(call, field) ?? {};
  let wrong: unknown;
  switch (kind) {
    case 'string': {
      const decoys = [
        ...new Set(
          pool
            .filter((other) => other.tool === call.tool && typeof other.arguments[field] === 'string')
            .map((other) => other.arguments[field] as string)
            .filter((value) => value !== correct && groundingFailure(value, call.request) !== undefined),
        ),
      ];
      wrong = decoys[Math.floor(pick() * decoys.length)];
      break;
    }
    case 'number': {
      const bounds = boundsOf(property);
      wrong = bounds.above ?? bounds.below;
      break;
    }
    case 'enum': {
      const others = (property.enum ?? []).filter((value) => value !== correct);
      wrong = others[Math.floor(pick() * others.length)];
      break;
    }
  }
  return wrong === undefined ? undefined : { kind, call, field, correct, wrong };
}
