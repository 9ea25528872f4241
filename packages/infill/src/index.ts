export { LacunaInfillError, type LacunaInfillErrorCode, type LacunaInfillErrorDetails } from './errors/lacuna-infill-error.js';

// Schema infill.
export { infill, type InfillOptions, type InfillResult } from './infill.js';
export { forkResult, repair, parsePath, type RepairOptions } from './repair.js';
export { InfillSession, type FillOptions, type HoleReport, type InfillModel } from './fill/infill-session.js';
export type { HoleKind } from './fill/hole.js';

// Text templates.
export {
  hole,
  template,
  Template,
  type NumberHoleOptions,
  type StringHoleOptions,
  type TemplateFillOptions,
  type TemplateHole,
  type TemplateResult,
} from './template.js';

// Schemas.
export {
  compileSchema,
  type CompiledSchema,
  type CompileOptions,
  type InferSchema,
  type JsonSchema,
  type SchemaInput,
  type Zod3Like,
  type Zod4Like,
} from './schema/compile-schema.js';
export type { SchemaDraft } from './schema/normalize-json-schema.js';
export type { ValidationIssue, ValidationOutcome } from './schema/validate-json-schema.js';
export type { JsonValue, SchemaNode } from './schema/schema-node.js';
export { formatPath, type JsonPath } from './schema/json-pointer.js';
export type { HoleBudgets, HoleGrounding, PresenceRule, SkeletonOptions } from './skeleton/skeleton-tree.js';

// Serialisation (training corpora are rendered with these).
export { serializeValue } from './skeleton/serialize-value.js';
export { renderTrainingCanvas, type TrainingCanvas } from './fill/training-canvas.js';
export { renderTrainingCanvases, FIXED_MASK_ROLE, type DecisionCanvas, type DecisionValueHoles, type TrainingCanvases, type TrainingCanvasesOptions, type ValueCanvas } from './fill/training-canvases.js';

// Testing.
export { createRandomPredictor } from './testing/random-predictor.js';

// The model folder the CLIs use: --model, $LACUNA_MODEL, the trained default model, else the fixture.
export { DEFAULT_MODEL_PACKAGE, loadResolvedModel, resolveModelFolder, type ModelSource, type ResolvedModel } from './cli/resolve-model.js';
