/**
 * A plan schema compiled for a request, as the agent compiled it until session 16 (the whole schema for ajv:
 * its answer pattern and offered tools change with every request, so ajv's cache never hits) against now (the
 * skeleton's tree only; the plan is validated item by item against its tools' schemas, compiled once). Each
 * variant compiles the plan schema of the same request and validates the same plan; the two take turns request by
 * request.
 */
import { fileURLToPath } from 'node:url';
import { createPlanValidator, planArgumentsSchema, planSchema, statedNumbersPattern } from '@lacuna/agent';
import { demoTools } from '@lacuna/demo-toolbox';
import { compileSchema } from '@lacuna/infill';
import { z } from 'zod';
import { median, printTable } from './table.js';

const REQUESTS = 60;

export async function benchPlanValidation(): Promise<void> {
  const signatures = Object.entries(demoTools).map(([name, tool]) => ({ name, description: tool.description, parameters: z.toJSONSchema(tool.inputSchema) as object }));
  const argumentSchemas = new Map(signatures.map((signature) => [signature.name, compileSchema(planArgumentsSchema(signature) as Record<string, unknown>)]));
  const plan = [{ tool: 'convert_currency', arguments: { amount: 250, from: 'USD', to: 'EUR' } }];
  const times = { whole: [] as number[], byItem: [] as number[] };
  let agreed = 0;
  for (let request = 0; request < REQUESTS; request++) {
    // A request's own numbers make its answer pattern, and the agent offers the tools it can ground (here: all
    // but one, changing).
    const shape = { allowAnswer: true, answerPattern: statedNumbersPattern(`Convert ${250 + request} USD to EUR and set a ${request % 50} minute timer.`) };
    const tools = signatures.filter((_, index) => index !== request % signatures.length || signatures[index]?.name === 'convert_currency');
    const outcomes: boolean[] = [];
    for (const variant of request % 2 === 0 ? (['whole', 'byItem'] as const) : (['byItem', 'whole'] as const)) {
      const started = performance.now();
      const schema = planSchema(tools, shape) as Record<string, unknown>;
      const compiled =
        variant === 'whole'
          ? compileSchema(schema)
          : compileSchema(schema, { validate: createPlanValidator({ tools: new Map(tools.map((tool) => [tool.name, argumentSchemas.get(tool.name)!])), ...shape }) });
      outcomes.push(compiled.validate(plan).ok);
      times[variant].push(performance.now() - started);
    }
    if (outcomes.every((ok) => ok)) agreed++;
  }
  const whole = median(times.whole);
  const byItem = median(times.byItem);
  printTable(
    `A plan schema compiled and a plan validated, per request (demo toolbox, ${REQUESTS} requests, median; both accepted ${agreed}/${REQUESTS} plans)`,
    ['plan validated', 'compile + validate', 'ratio'],
    [
      ['whole schema by ajv (until session 16)', `${whole.toFixed(2)} ms`, '1.00'],
      ['item by item, tool schemas compiled once (now)', `${byItem.toFixed(2)} ms`, (byItem / whole).toFixed(2)],
    ],
  );
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await benchPlanValidation();
