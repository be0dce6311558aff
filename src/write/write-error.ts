import { BuilderError, ExitCode } from '../errors.js';

/** Rendering, formatting or type-checking the package failed: nothing was written. */
export class GenerationError extends BuilderError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, ExitCode.generation, message, options);
  }
}

/** Writing failed; the previous contents of the output folder are as they were. */
export class WriteError extends BuilderError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, ExitCode.write, message, options);
  }
}
