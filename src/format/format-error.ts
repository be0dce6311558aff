import { BuilderError } from '../errors.js';

export type FormatErrorCode = 'format.failed';

/** prettier could not format a generated file (a template emitted text that does not parse). */
export class FormatError extends BuilderError {
  declare readonly code: FormatErrorCode;

  constructor(code: FormatErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
