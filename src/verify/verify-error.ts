import { BuilderError } from '../errors.js';

export type VerifyErrorCode =
  'verify.type-error' | 'verify.compiler-missing' | 'verify.compiler-failed' | 'verify.emit-failed';

/** The generated package does not type-check or compile, or the compiler cannot run: nothing was written. */
export class VerifyError extends BuilderError {
  declare readonly code: VerifyErrorCode;

  constructor(code: VerifyErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
