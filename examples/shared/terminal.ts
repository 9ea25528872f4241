/** Where an example prints: the process's stdout, or a recording for tests. */
export interface Terminal {
  write(text: string): void;
  /** True on an interactive terminal: a line may then be redrawn in place. */
  readonly interactive: boolean;
  readonly columns: number;
  readonly rows: number;
}

export function processTerminal(): Terminal {
  return {
    write: (text) => process.stdout.write(text),
    interactive: process.stdout.isTTY === true,
    columns: process.stdout.columns || 120,
    rows: process.stdout.rows || 40,
  };
}

/** A terminal that keeps what is written, for tests and for examples that return their transcript. */
export function recordingTerminal(): Terminal & { readonly text: string } {
  let text = '';
  return {
    write: (chunk) => {
      text += chunk;
    },
    interactive: false,
    columns: 120,
    rows: 40,
    get text() {
      return text;
    },
  };
}
