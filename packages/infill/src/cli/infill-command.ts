import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { LacunaInfillError } from '../errors/lacuna-infill-error.js';
import { infill } from '../infill.js';
import { loadResolvedModel, resolveModelFolder } from './resolve-model.js';

export const INFILL_USAGE = `Usage: lacuna infill --schema <file.json> --prompt "<text>" [--model <folder>] [--onnx-variant <name>] [--seed <n>] [--temperature <t>]

Fills the JSON Schema with the model and prints the value as JSON on stdout.
  --schema       a JSON Schema file (draft-04 to 2020-12)
  --prompt       what to fill it with
  --model        a model folder (default: $LACUNA_MODEL, else models/default when installed, else the random fixture)
  --onnx-variant another ONNX file of the folder, by its name in lacuna-model.json (default: $LACUNA_ONNX_VARIANT;
                 models/default has int8, faster on CPUs)
  --seed         seed for sampling (default 0)
  --temperature  sampling temperature (default 0: most likely token)`;

/** `lacuna infill`: the value on stdout, nothing else; errors on stderr with a non-zero exit. */
export async function infillCommand(argv: readonly string[], out: (text: string) => void): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      schema: { type: 'string' },
      prompt: { type: 'string' },
      model: { type: 'string' },
      'onnx-variant': { type: 'string' },
      seed: { type: 'string' },
      temperature: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    out(`${INFILL_USAGE}\n`);
    return 0;
  }
  if (values.schema === undefined) throw new LacunaInfillError({ code: 'CLI_USAGE', message: `--schema is required.\n\n${INFILL_USAGE}` });
  let text: string;
  try {
    text = await readFile(values.schema, 'utf8');
  } catch (cause) {
    throw new LacunaInfillError({ code: 'CLI_USAGE', message: `Cannot read the schema file ${values.schema}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}.`, cause });
  }
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (cause) {
    throw new LacunaInfillError({ code: 'INVALID_SCHEMA', message: `${values.schema} is not valid JSON: ${(cause as Error).message}`, pointer: '#', cause });
  }
  const seed = values.seed === undefined ? 0 : Number(values.seed);
  const temperature = values.temperature === undefined ? 0 : Number(values.temperature);
  if (!Number.isInteger(seed)) throw new LacunaInfillError({ code: 'CLI_USAGE', message: `--seed must be an integer, got ${values.seed}.` });
  if (!(temperature >= 0)) throw new LacunaInfillError({ code: 'CLI_USAGE', message: `--temperature must be a number >= 0, got ${values.temperature}.` });
  const resolved = await resolveModelFolder({ flag: values.model, onnxVariantFlag: values['onnx-variant'] });
  if (resolved.source === 'fixture') process.stderr.write('lacuna infill: no trained model found (models/default, $LACUNA_MODEL or --model): running the random-weight fixture model: values are valid but noise.\n');
  const model = await loadResolvedModel(resolved);
  try {
    const result = await infill({ model, schema: schema as Record<string, unknown>, prompt: values.prompt ?? '', seed, sampling: { temperature } });
    out(`${JSON.stringify(result.value)}\n`);
    return 0;
  } finally {
    await model.dispose();
  }
}
