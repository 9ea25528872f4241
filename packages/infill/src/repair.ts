import type { ChatMessage } from '@lacuna/core';
import { LacunaInfillError } from './errors/lacuna-infill-error.js';
import { finish, type InfillResult } from './infill.js';
import { pointerToPath, type JsonPath } from './schema/json-pointer.js';
import type { JsonValue } from './schema/schema-node.js';
import type { ValidationIssue } from './schema/validate-json-schema.js';
import type { HoleGrounding } from './skeleton/skeleton-tree.js';

export interface RepairOptions {
  /**
   * Value locations to fill again: path segments (`['items', 0, 'name']`), JSON paths (`$.items[0].name`) or
   * instance pointers (`/items/0/name`). Everything under a path is re-masked; everything else is kept.
   */
  readonly paths?: readonly (JsonPath | string)[];
  /** Validation issues (from a validator or a tool that rejected the value): their paths are re-masked. */
  readonly issues?: readonly ValidationIssue[];
  /**
   * Text added to the prompt for the new fill: a string, or true for the issues' messages. The model then sees
   * why the value was rejected.
   */
  readonly feedback?: string | boolean;
  /**
   * Optional properties to leave out, located like `paths`: their keys and values leave the canvas and nothing
   * else changes (no forward pass when nothing else is re-masked). For a value the checks keep rejecting that
   * nobody asked for, such as an optional argument the request never states. A required property is refused.
   */
  readonly omit?: readonly (JsonPath | string)[];
  /**
   * Arrays to give one more item, located like `paths`: the new item is masked and denoised with everything else
   * kept. For a list that came out one short, such as an agent's plan that left a call out. An array that already
   * holds the most items its count decision offered is refused.
   */
  readonly append?: readonly (JsonPath | string)[];
  /**
   * Optional properties to add, located like `paths`: each left-out property at them is made present, its value
   * masked and denoised with everything else kept. For a value the first fill left out that the prompt states,
   * such as a date an agent's call should hold. A property that holds a value already is refused.
   */
  readonly include?: readonly (JsonPath | string)[];
  /**
   * Unions to decide again among only some of their branches, each located like `paths`: the union is re-masked whole
   * and takes one of `branches` (a number is an index into its `oneOf`/`anyOf`, any other value a value of its
   * discriminator; one branch left is taken without a decision). For a value whose kind the caller knows better than
   * the model did: an agent's call of a tool the request never asks for, where it states every argument of another
   * (`{ path: [1], branches: ['convert_currency'] }`). A path that holds no union, or a branch it does not have, is
   * refused; a path the value does not have matches nothing.
   */
  readonly choose?: readonly { readonly path: JsonPath | string; readonly branches: readonly JsonValue[] }[];
  /**
   * Whether a re-masked value may be written again as it was (default false: each value hole under `paths` or
   * `issues` excludes the value it held, so the model writes its next best value; a hole with no other value
   * to write may repeat it). With greedy decoding and nothing else changed, the model would otherwise write the
   * rejected value again. A union re-masked as a whole (a plan's call at `[1]`) likewise takes another branch than
   * the one it held (another tool), while one is left. Other decisions (whether an optional property is there) are
   * made afresh.
   */
  readonly allowRejected?: boolean;
  /**
   * Grounding for the values this repair re-masks and the holes it makes anew, and those of later repairs (infill's
   * `ground`): a value may then read other texts than the first fill did (an agent keeps a value off the words
   * another argument holds, and a call planned again off the words other calls copied). Values rejected before
   * stay excluded.
   */
  readonly ground?: HoleGrounding;
  /** Times to re-mask again if the result still does not validate (default 2). */
  readonly repairAttempts?: number;
}

/**
 * Re-masks the holes on the given paths and denoises them again with everything else kept: the repair
 * primitive an agent builds on when a value is rejected (by the schema, or by a tool). Returns a new result;
 * the session of `result` moves on with it.
 */
export async function repair<T>(result: InfillResult<T>, options: RepairOptions): Promise<InfillResult<T>> {
  const started = performance.now();
  const session = result.session;
  const paths = [...(options.paths ?? []).map(parsePath), ...(options.issues ?? []).map((issue) => issue.path)];
  const omitted = (options.omit ?? []).map(parsePath);
  const appended = (options.append ?? []).map(parsePath);
  const included = (options.include ?? []).map(parsePath);
  const chosen = (options.choose ?? []).map((choice) => ({ path: parsePath(choice.path), branches: choice.branches }));
  if (paths.length === 0 && omitted.length === 0 && appended.length === 0 && included.length === 0 && chosen.length === 0) {
    throw new LacunaInfillError({ code: 'INVALID_OPTIONS', message: 'repair needs paths, issues, omit, append, include or choose: which values should be filled again, left out or added?' });
  }
  const feedback =
    options.feedback === true ? (options.issues ?? []).map((issue) => issue.message).join('\n') : typeof options.feedback === 'string' ? options.feedback : '';
  if (feedback !== '') session.prompt = withFeedback(session.prompt, feedback);
  if (options.ground !== undefined) session.builder.reground(options.ground);
  const matched =
    session.omit(omitted) + session.append(appended) + session.include(included) + session.reset(paths, { excludeRejected: !(options.allowRejected ?? false), reground: options.ground !== undefined }) + session.choose(chosen);
  if (matched === 0) {
    throw new LacunaInfillError({
      code: 'INVALID_OPTIONS',
      message: `None of the paths ${[...paths, ...omitted, ...appended, ...included, ...chosen.map((choice) => choice.path)].map((path) => JSON.stringify(path)).join(', ')} is in the value; nothing to repair.`,
    });
  }
  const stats = { forwardPasses: 0, rounds: 0, constraintMs: 0 };
  await session.run(stats);
  return finish(session, stats, started, options.repairAttempts ?? 2);
}

/**
 * A copy of a result whose session moves on by itself: repair one of the two to try a change (a call added on a
 * guess), and keep the other as it was if the change is not wanted. `repair` moves a result's session on with it,
 * so a result kept from before a repair no longer describes its session: fork it first.
 */
export function forkResult<T>(result: InfillResult<T>): InfillResult<T> {
  return { ...result, session: result.session.fork() };
}

/** `$.a[0]["b c"]`, `/a/0/b c` or segments, as segments. */
export function parsePath(path: JsonPath | string): JsonPath {
  if (typeof path !== 'string') return path;
  if (path === '' || path === '$') return [];
  if (path.startsWith('/')) return pointerToPath(path);
  if (!path.startsWith('$')) throw new LacunaInfillError({ code: 'INVALID_OPTIONS', message: `"${path}" is neither a JSON path ($.a[0]) nor a pointer (/a/0).` });
  const segments: (string | number)[] = [];
  const pattern = /\.([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gy;
  pattern.lastIndex = 1;
  while (pattern.lastIndex < path.length) {
    const start = pattern.lastIndex;
    const match = pattern.exec(path);
    if (match === null || match.index !== start) throw new LacunaInfillError({ code: 'INVALID_OPTIONS', message: `Cannot read the JSON path "${path}" at offset ${start}.` });
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(JSON.parse(match[3] as string) as string);
  }
  return segments;
}

function withFeedback(prompt: string | readonly ChatMessage[], feedback: string): string | readonly ChatMessage[] {
  const note = `The previous answer was rejected:\n${feedback}`;
  if (typeof prompt === 'string') return prompt === '' ? note : `${prompt}\n\n${note}`;
  return [...prompt, { role: 'user', content: note }];
}
