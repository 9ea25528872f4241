import { parseArgs } from 'node:util';
import { demoTools, type DemoToolName } from '@lacuna/demo-toolbox';
import type { ToolSet } from '../tools/tool.js';
import { CliUsageError } from './cli-usage-error.js';
import { demoToolMenu, parseToolNames } from './demo-tool-menu.js';

/** Options `lacuna call` and `lacuna run` share. */
export const AGENT_COMMAND_OPTIONS = `  --json         print one JSON object on stdout, nothing else
  --model        a model folder (default: $LACUNA_MODEL, else models/default when installed, else the random fixture)
  --onnx-variant another ONNX file of the folder, by its name in lacuna-model.json (default: $LACUNA_ONNX_VARIANT;
                 models/default has int8, faster on CPUs)
  --tools        demo tools to offer, comma-separated, or "all" (default: the 4 whose words best match the request)
  --seed         seed for sampling (default 0)
  --temperature  sampling temperature (default 0: most likely token)
  -h, --help     this text`;

export interface AgentCommandArguments {
  readonly request: string;
  readonly json: boolean;
  readonly model: string | undefined;
  readonly onnxVariant: string | undefined;
  readonly toolNames: readonly DemoToolName[];
  readonly seed: number;
  readonly temperature: number;
  readonly maxSteps: number | undefined;
  readonly help: boolean;
}

/** Reads `<request...> [options]`; the request's words may be quoted or not. */
export function parseAgentCommandArguments(argv: readonly string[], usage: string, options: { maxSteps?: boolean } = {}): AgentCommandArguments {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      json: { type: 'boolean' },
      model: { type: 'string' },
      'onnx-variant': { type: 'string' },
      tools: { type: 'string' },
      seed: { type: 'string' },
      temperature: { type: 'string' },
      ...(options.maxSteps ? { 'max-steps': { type: 'string' as const } } : {}),
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  const help = values.help === true;
  const request = positionals.join(' ').trim();
  if (!help && request === '') throw new CliUsageError(`a request is required.\n\n${usage}`);
  const seed = values.seed === undefined ? 0 : Number(values.seed);
  if (!Number.isInteger(seed)) throw new CliUsageError(`--seed must be an integer, got ${values.seed}.`);
  const temperature = values.temperature === undefined ? 0 : Number(values.temperature);
  if (!(temperature >= 0)) throw new CliUsageError(`--temperature must be a number >= 0, got ${values.temperature}.`);
  const maxStepsOption = (values as { 'max-steps'?: string })['max-steps'];
  const maxSteps = maxStepsOption === undefined ? undefined : Number(maxStepsOption);
  if (maxSteps !== undefined && !(Number.isInteger(maxSteps) && maxSteps >= 1)) throw new CliUsageError(`--max-steps must be an integer >= 1, got ${maxStepsOption}.`);
  return {
    request,
    json: values.json === true,
    model: values.model,
    onnxVariant: values['onnx-variant'],
    toolNames: values.tools === undefined ? demoToolMenu(request) : parseToolNames(values.tools),
    seed,
    temperature,
    maxSteps,
    help,
  };
}

/** The demo tools by name, with their local implementations. */
export function demoToolSet(names: readonly DemoToolName[]): ToolSet {
  return Object.fromEntries(names.map((name) => [name, demoTools[name]]));
}
