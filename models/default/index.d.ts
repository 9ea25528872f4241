/** Absolute path of the model folder, ready for `loadModel`. */
export declare const modelPath: string;
