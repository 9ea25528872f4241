export { LacunaCoreError, type LacunaCoreErrorCode, type LacunaCoreErrorDetails } from './errors/lacuna-core-error.js';

export { Canvas, type CanvasCell, type CanvasView, type PositionState } from './canvas/canvas.js';
export { allowTokens, maskLogits, type ConstraintContext, type TokenConstraint } from './canvas/token-constraint.js';

export {
  MODEL_CONFIG_FILE,
  parseModelFolderConfig,
  validateModelSpec,
  type ModelFolderConfig,
  type ModelSpec,
  type PromptCacheSpec,
} from './model/model-spec.js';
export { DREAM_7B_SPEC, LLADA_8B_SPEC } from './model/known-model-specs.js';
export { loadModel, type DiffusionModel, type LoadModelOptions } from './model/load-model.js';

export { logitsRow, type PredictionRequest, type PredictionRows, type Predictor } from './predictor/predictor.js';
export { OnnxPredictor, type OnnxSessionOptions } from './predictor/onnx-predictor.js';
export type { PromptCacheStats } from './predictor/prompt-cache.js';
export { LruCache, type CacheStats } from './cache/lru-cache.js';

export { TextTokenizer, type ChatMessage } from './tokenizer/text-tokenizer.js';

export { createRandomSource, type RandomSource } from './sampling/random-source.js';
export { sampleCandidates, tokenProbability, type CandidateSignals, type Candidates, type SamplingOptions } from './sampling/sample-tokens.js';
export { applyClassifierFreeGuidance } from './sampling/classifier-free-guidance.js';

export { topIndices, type SelectionInput, type UnmaskingStrategy } from './scheduler/unmasking-strategy.js';
export { lowConfidence, maskgitPlus } from './scheduler/strategies/low-confidence.js';
export { randomOrder } from './scheduler/strategies/random-order.js';
export { topKMargin } from './scheduler/strategies/top-k-margin.js';
export { lowestEntropy } from './scheduler/strategies/lowest-entropy.js';
export { confidenceThreshold } from './scheduler/strategies/confidence-threshold.js';
export { confidenceFactor } from './scheduler/strategies/confidence-factor.js';
export { entropyBounded } from './scheduler/strategies/entropy-bounded.js';
export { evenSchedule, linearTimeSchedule, transferCounts, type ScheduleState, type TransferSchedule } from './scheduler/transfer-schedule.js';
export { planBlocks, type BlockPlan } from './scheduler/block-plan.js';
export { denoisingStep, type DenoisingStepInput, type RemaskingOptions, type StepDecision, type TokenChange } from './scheduler/denoising-step.js';

export { denoise, denoiseSteps, type DenoiseOptions, type DenoiseResult, type DenoiseStepEvent } from './pipeline/denoise.js';
export {
  DiffusionPipeline,
  type GenerateOptions,
  type GenerationResult,
  type GenerationStepEvent,
  type PipelineEvents,
} from './pipeline/diffusion-pipeline.js';
export { renderCanvasText } from './pipeline/render-canvas-text.js';
