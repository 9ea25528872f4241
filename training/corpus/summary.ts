import type { Example, ExampleKind } from './example-types.js';
import type { Split } from './splits.js';

/** Counts gathered while writing, printed at the end of a run. */
export class CorpusSummary {
  private readonly byKind = new Map<string, number>();
  private readonly templates = new Map<Split, Set<string>>();
  private readonly entities = new Map<Split, Set<string>>();
  private readonly tools = new Map<Split, Set<string>>();
  private calls = 0;
  private parallelRequests = 0;
  private normalisedValues = 0;
  private omittedOptionalArguments = 0;
  private examples = 0;

  add(example: Example): void {
    this.examples++;
    const key = `${example.split}\u0000${example.kind}`;
    this.byKind.set(key, (this.byKind.get(key) ?? 0) + 1);
    const templates = this.setOf(this.templates, example.split);
    for (const template of example.provenance.templates) templates.add(template);
    const entities = this.setOf(this.entities, example.split);
    for (const entity of example.provenance.entities) entities.add(entity);
    if (example.kind === 'tool_call' || example.kind === 'procedural_tool_call') {
      this.calls += example.calls.length;
      if (example.calls.length > 1) this.parallelRequests++;
      const tools = this.setOf(this.tools, example.split);
      for (const call of example.calls) {
        tools.add(call.tool);
        const schema = example.tools.find((tool) => tool.name === call.tool)?.parameters;
        const optional = Object.keys(schema?.properties ?? {}).filter((name) => !(schema?.required ?? []).includes(name));
        this.omittedOptionalArguments += optional.filter((name) => !(name in call.arguments)).length;
      }
    }
    if ('normalised' in example) this.normalisedValues += example.normalised.length;
  }

  private setOf(map: Map<Split, Set<string>>, split: Split): Set<string> {
    let set = map.get(split);
    if (set === undefined) {
      set = new Set();
      map.set(split, set);
    }
    return set;
  }

  format(): string {
    const splits = [...new Set([...this.byKind.keys()].map((key) => key.split('\u0000')[0] as Split))];
    const kinds: ExampleKind[] = ['tool_call', 'procedural_tool_call', 'extraction', 'answer_from_result', 'no_tool'];
    const lines = [`examples: ${this.examples}`];
    const header = ['split'.padEnd(16), ...kinds.map((kind) => kind.padStart(22)), 'templates'.padStart(11), 'entities'.padStart(10), 'called tools'.padStart(14)].join('');
    lines.push(header);
    for (const split of splits) {
      lines.push(
        [
          split.padEnd(16),
          ...kinds.map((kind) => String(this.byKind.get(`${split}\u0000${kind}`) ?? 0).padStart(22)),
          String(this.templates.get(split)?.size ?? 0).padStart(11),
          String(this.entities.get(split)?.size ?? 0).padStart(10),
          String(this.tools.get(split)?.size ?? 0).padStart(14),
        ].join(''),
      );
    }
    lines.push(`calls: ${this.calls}, parallel requests: ${this.parallelRequests}, normalised values: ${this.normalisedValues}, optional arguments left out: ${this.omittedOptionalArguments}`);
    return lines.join('\n');
  }
}
