/**
 * Checks a written corpus end to end (the tests check samples):
 *
 *   npx tsx training/corpus/check-corpus.ts training/data/corpus.jsonl
 *
 * Reads the training file and the held-out files next to it. Every call must validate against its tool,
 * every value not marked normalised must occur verbatim in its request or text, and no training example
 * may show a held-out entity, template, tool name or field name; each held-out file must draw its held-out
 * dimension from the held-out side only. Exits 1 and lists the first problems if anything fails.
 * `--held-out-extra-phrasings` checks a corpus written with that flag (the extra phrasings are then held out).
 */
import { createReadStream, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createEntityScanner, groundedValues, schemaErrors, visibleText } from './corpus-checks.js';
import { demoTools, type DemoToolName } from './demo-toolbox.js';
import { entityStrings } from './entities/entity-pools.js';
import type { Example } from './example-types.js';
import { containsNumber } from './formats/numbers.js';
import { FIELD_PARTITION, TOOL_NAME_PARTITION } from './procedural/procedural-tools.js';
import { HELD_OUT_SPLITS, type Split } from './splits.js';
import { useExtraPhrasings } from './templates/request-templates.js';
import { templateIdsBySide } from './template-sides.js';

const MAX_PROBLEMS = 50;

/** Problems any example can have, whatever its split. */
function validityProblems(example: Example): string[] {
  const problems: string[] = [];
  const calls = example.kind === 'answer_from_result' ? [example.call] : 'calls' in example ? example.calls : [];
  for (const call of calls) {
    const demoTool = demoTools[call.tool as DemoToolName] as (typeof demoTools)[DemoToolName] | undefined;
    if (demoTool !== undefined) {
      if (!demoTool.inputSchema.safeParse(call.arguments).success) problems.push(`invalid call ${JSON.stringify(call)}`);
      continue;
    }
    const spec = 'tools' in example ? example.tools.find((tool) => tool.name === call.tool) : undefined;
    if (spec === undefined) problems.push(`calls ${call.tool}, which the prompt does not offer`);
    else problems.push(...schemaErrors(spec.parameters, call.arguments).map((error) => `${call.tool}: ${error}`));
  }
  if (example.kind === 'extraction') problems.push(...schemaErrors(example.schema, example.output));
  const normalised = new Set('normalised' in example ? example.normalised : []);
  for (const { path, value, source } of groundedValues(example)) {
    if (normalised.has(path)) continue;
    const copied = typeof value === 'string' ? source.includes(value) : typeof value === 'number' && containsNumber(source, value);
    if (!copied) problems.push(`${path} = ${JSON.stringify(value)} is neither in the text nor marked normalised`);
  }
  return problems;
}

async function* readExamples(path: string): AsyncGenerator<Example> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) if (line.length > 0) yield JSON.parse(line) as Example;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'held-out-extra-phrasings': { type: 'boolean', default: false } } });
  const trainPath = positionals[0] ?? 'training/data/corpus.jsonl';
  if (values['held-out-extra-phrasings']) useExtraPhrasings('test');
  const templates = templateIdsBySide();
  const heldOutToolNames = new Set(TOOL_NAME_PARTITION.test.map((tool) => tool.name));
  const heldOutFieldNames = new Set(FIELD_PARTITION.test.map((field) => field.name));
  const scanForHeldOutEntities = createEntityScanner(entityStrings('test'));
  const trainEntities = new Set(entityStrings('train'));
  const testEntities = new Set(entityStrings('test'));
  const problems: string[] = [];
  const report = (example: Example, problem: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(`${example.id}: ${problem}`);
  };
  const counts: Partial<Record<Split, number>> = {};

  for await (const example of readExamples(trainPath)) {
    counts.train = (counts.train ?? 0) + 1;
    for (const problem of validityProblems(example)) report(example, problem);
    for (const entity of scanForHeldOutEntities(visibleText(example))) report(example, `shows held-out entity "${entity}"`);
    for (const id of example.provenance.templates) if (!templates.train.has(id)) report(example, `uses held-out template ${id}`);
    const schemas = 'tools' in example ? example.tools.filter((tool) => !(tool.name in demoTools)).map((tool) => tool.parameters) : [example.schema];
    if ('tools' in example) for (const tool of example.tools) if (heldOutToolNames.has(tool.name)) report(example, `offers held-out tool ${tool.name}`);
    for (const schema of schemas) for (const field of Object.keys(schema.properties ?? {})) if (heldOutFieldNames.has(field)) report(example, `uses held-out field ${field}`);
  }

  const name = basename(trainPath).replace(/\.jsonl$/, '');
  for (const split of HELD_OUT_SPLITS) {
    const path = join(dirname(trainPath), `${name}.${split}.jsonl`);
    if (!existsSync(path)) {
      problems.push(`${path} is missing`);
      continue;
    }
    for await (const example of readExamples(path)) {
      counts[split] = (counts[split] ?? 0) + 1;
      if (example.split !== split) report(example, `is in the ${split} file but says ${example.split}`);
      for (const problem of validityProblems(example)) report(example, problem);
      const entities = example.provenance.entities.filter((entity) => !entity.includes('@'));
      const expectedEntities = split === 'test_entities' ? testEntities : trainEntities;
      for (const entity of entities) if (!expectedEntities.has(entity)) report(example, `entity "${entity}" is from the wrong side`);
      const expectedTemplates = split === 'test_templates' ? templates.test : templates.train;
      for (const id of example.provenance.templates) if (!expectedTemplates.has(id)) report(example, `template ${id} is from the wrong side`);
      if (split === 'test_tools') {
        const call = 'calls' in example ? example.calls[0] : undefined;
        if (example.kind !== 'procedural_tool_call' || call === undefined || !heldOutToolNames.has(call.tool)) report(example, 'does not call a held-out tool');
      }
    }
  }

  console.log(`checked ${Object.entries(counts).map(([split, count]) => `${split}: ${count}`).join(', ')}`);
  if (problems.length === 0) {
    console.log('no problems');
    return;
  }
  console.log(`problems (first ${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exitCode = 1;
}

await main();
