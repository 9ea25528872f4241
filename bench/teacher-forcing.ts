/**
 * The plan a model would have made if it were right, as a real `InfillResult`: infill runs on the plan schema
 * with a teacher predictor whose logits put all the probability, at every position infill asks for, on the
 * token of the correct canvas of that round (infill's `renderTrainingCanvases`: the decision rounds, the value
 * rounds and the final canvas, laid out by the same code as inference). The teacher answers only the fill;
 * the predictor then switches to the real model, so that whatever runs on the result's session afterwards
 * (`repair`) runs on the model.
 */
import type { ChatMessage, DiffusionModel, PredictionRequest, PredictionRows, Predictor } from '@lacuna/core';
import { infill, renderTrainingCanvases, type CompiledSchema, type FillOptions, type InfillResult, type JsonPath } from '@lacuna/infill';

/** Logit of the teacher's token; every other token gets 0, so its probability is 1 - 1e-10 at a 1k vocabulary. */
const TEACHER_LOGIT = 30;

/** A predictor that answers from the correct canvases until `release()`, and from the model afterwards. */
class TeacherThenModel implements Predictor {
  readonly vocabularySize: number;
  readonly maxLength: number;
  private canvases: readonly (readonly number[])[] | undefined;

  constructor(
    private readonly model: Predictor,
    canvases: readonly (readonly number[])[],
    private readonly maskTokenId: number,
  ) {
    this.vocabularySize = model.vocabularySize;
    this.maxLength = model.maxLength;
    this.canvases = canvases;
  }

  release(): void {
    this.canvases = undefined;
  }

  predict(batch: readonly PredictionRequest[], options?: { signal?: AbortSignal }): Promise<PredictionRows[]> {
    const canvases = this.canvases;
    if (canvases === undefined) return this.model.predict(batch, options);
    return Promise.resolve(batch.map((request) => this.teach(canvases, request)));
  }

  private teach(canvases: readonly (readonly number[])[], request: PredictionRequest): PredictionRows {
    const { inputIds, positions } = request;
    // The canvas of this round: same layout, and equal wherever the request is not masked.
    const target = canvases.find((canvas) => {
      if (canvas.length !== inputIds.length) return false;
      for (let position = 0; position < canvas.length; position++) {
        const token = inputIds[position] as number;
        if (token !== this.maskTokenId && token !== canvas[position]) return false;
      }
      return true;
    });
    if (target === undefined) throw new Error('teacher: no canvas of the correct plan matches this round of infill');
    const vocabularySize = this.vocabularySize;
    const data = new Float32Array(positions.length * vocabularySize);
    positions.forEach((position, row) => {
      data[row * vocabularySize + (target[position] as number)] = TEACHER_LOGIT;
    });
    return { data, rows: positions.length, vocabularySize };
  }
}

/**
 * Infill of `schema` whose session holds exactly `value`, filled by the teacher; the session's predictor is
 * the model's from then on. Throws when infill cannot write the value (a value outside the grounded or format
 * languages, a canvas too long for the model): the caller skips the example.
 */
export async function teacherForcedInfill<T>(options: FillOptions & {
  model: DiffusionModel;
  schema: CompiledSchema<T>;
  /** The same schema as JSON Schema (what `renderTrainingCanvases` takes). */
  jsonSchema: object;
  value: T;
  prompt: readonly ChatMessage[];
}): Promise<InfillResult<T>> {
  const { model, schema, jsonSchema, value, prompt, ...fill } = options;
  const rounds = renderTrainingCanvases({ ...fill, model, schema: jsonSchema as Record<string, unknown>, value, prompt, valueHoles: 'masked' });
  // `values` (one canvas per value round) is newer than `decisions` and `final`: without it the final canvas
  // stands for the value round, which holds unless a value outgrows its hole's first budget or an enum fills it exactly.
  const values = (rounds as { values?: readonly { inputIds: readonly number[] }[] }).values ?? [];
  const canvases = [...rounds.decisions, ...values, rounds.final].map((canvas) => canvas.inputIds);
  const predictor = new TeacherThenModel(model.predictor, canvases, model.spec.maskTokenId);
  try {
    return await infill({ ...fill, model: { predictor, tokenizer: model.tokenizer, spec: model.spec }, schema, prompt });
  } finally {
    predictor.release();
  }
}

/**
 * Writes `value` into the value hole at `path` of the result's session, as if the model had written it there
 * (its tokens with the literal text the hole absorbed, then a pad), and returns the session's new value. The
 * hole type is internal to infill: this reaches into `session.holes()`, which only a benchmark should do.
 */
export function overwriteHole(result: InfillResult<unknown>, path: JsonPath, value: unknown): unknown {
  const session = result.session;
  const hole = session.holes().find((candidate) => candidate.kind === 'value' && candidate.path.length === path.length && candidate.path.every((segment, index) => segment === path[index]));
  if (hole === undefined) throw new Error(`no value hole at ${JSON.stringify(path)}`);
  // A string leaf writes the body of the JSON string; an enum (a trie over JSON texts) and a number the JSON text.
  const report = result.holes.find((candidate) => candidate.id === hole.id);
  const stringBody = report !== undefined && typeof value === 'string' && !report.text.startsWith('"');
  const text = stringBody ? JSON.stringify(value).slice(1, -1) : JSON.stringify(value);
  const tokens = [...session.encode(hole.prefixText + text + hole.suffixText), session.model.spec.padTokenId];
  hole.tokens = tokens;
  hole.confidences = tokens.map(() => 1);
  hole.ended = true;
  hole.budget = Math.max(hole.budget, tokens.length);
  return session.value();
}
