export { createRandomPredictor, createScriptedPredictor } from './fake-predictors.js';
