import { fileURLToPath } from 'node:url';

/** Absolute path of the model folder, ready for `loadModel`. */
export const modelPath = fileURLToPath(new URL('./model', import.meta.url));
