import type { Canvas, ChatMessage } from '@lacuna/core';
import { LacunaInfillError } from './errors/lacuna-infill-error.js';
import { InfillSession, type FillOptions, type HoleReport, type InfillModel } from './fill/infill-session.js';
import { compileSchema, type CompiledSchema, type CompileOptions, type InferSchema, type SchemaInput } from './schema/compile-schema.js';
import { formatPath } from './schema/json-pointer.js';
import type { ValidationIssue } from './schema/validate-json-schema.js';

export interface InfillOptions<S extends SchemaInput> extends FillOptions {
  readonly model: InfillModel;
  /** zod 4, zod 3, JSON Schema (draft-04 to 2020-12), or a schema from `compileSchema`. */
  readonly schema: S;
  /** What to fill the schema with: a plain prompt or chat messages. */
  readonly prompt?: string | readonly ChatMessage[];
  readonly compile?: CompileOptions;
  /**
   * Times to re-mask the holes on failing paths and fill them again when the result does not validate
   * (default 2). Constraints make this a safety net: it is not expected to run.
   */
  readonly repairAttempts?: number;
}

export interface InfillResult<T> {
  /** The value, parsed and validated (by zod when a zod schema was given, then with its output type). */
  readonly value: T;
  /** The filled skeleton: compact canonical JSON. */
  readonly text: string;
  /** Every hole of the final skeleton with its tokens and confidences. */
  readonly holes: readonly HoleReport[];
  /**
   * The decisions the skeleton was built by: how many items an array holds, which branch of a union, whether an
   * optional property is there. Each with its label (`text`: `2` items, the branch `"get_weather"` as its
   * discriminator writes it, `"unit":` for a property that is there, empty for one left out) and the probability
   * each of the label's tokens was committed with.
   */
  readonly decisions: readonly HoleReport[];
  /** Forward passes of the model (each commits the frontier of every active hole). */
  readonly forwardPasses: number;
  /** Denoising rounds: structure decisions, then values (and regrown holes). */
  readonly rounds: number;
  readonly elapsedMs: number;
  /** Time spent computing token constraints. */
  readonly constraintMs: number;
  readonly warnings: readonly string[];
  readonly canvas: Canvas | undefined;
  /** The state behind the result, for `repair`. */
  readonly session: InfillSession<T>;
}

/**
 * Fills a schema with a masked diffusion model. The structure is written by the skeleton (compact canonical
 * JSON, keys in schema order); the model writes only values and structural decisions, each under a token
 * constraint applied before every sampling step. The result always parses and validates.
 */
export async function infill<S extends SchemaInput>(options: InfillOptions<S>): Promise<InfillResult<InferSchema<S>>> {
  const started = performance.now();
  const compiled = compileSchema(options.schema, options.compile) as CompiledSchema<InferSchema<S>>;
  const session = new InfillSession<InferSchema<S>>(options.model, compiled, options.prompt ?? '', options);
  const stats = { forwardPasses: 0, rounds: 0, constraintMs: 0 };
  await session.run(stats);
  return finish(session, stats, started, options.repairAttempts ?? 2);
}

/** Validates a session's value, re-filling failing paths up to `attempts` times. */
export async function finish<T>(
  session: InfillSession<T>,
  stats: { forwardPasses: number; rounds: number; constraintMs: number },
  started: number,
  attempts: number,
): Promise<InfillResult<T>> {
  let issues: readonly ValidationIssue[] = [];
  for (let attempt = 0; ; attempt++) {
    const outcome = session.schema.validate(session.value());
    if (outcome.ok) {
      return {
        value: outcome.value,
        text: session.text(),
        holes: session.reports(),
        decisions: session.decisionReports(),
        forwardPasses: stats.forwardPasses,
        rounds: stats.rounds,
        elapsedMs: performance.now() - started,
        constraintMs: stats.constraintMs,
        warnings: session.schema.warnings,
        canvas: session.lastCanvas,
        session,
      };
    }
    issues = outcome.issues;
    if (attempt >= attempts) break;
    session.reset(issues.map((issue) => issue.path), { excludeRejected: true });
    await session.run(stats);
  }
  throw new LacunaInfillError({
    code: 'OUTPUT_INVALID',
    message: `The filled value does not validate: ${issues.map((issue) => issue.message).join('; ')}. The constraints should have prevented this; please report the schema.`,
    ...(issues[0] === undefined ? {} : { path: formatPath(issues[0].path) }),
  });
}
