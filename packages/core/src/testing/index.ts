export { createRandomPredictor, createScriptedPredictor } from './fake-predictors.js';
export { compareWithReferenceLogits } from './reference-logits.js';
