import { BuilderError } from '../errors.js';

/** `write.no-version`: the package in the output folder has no version to follow on from. */
export type WriteErrorCode =
  'write.recover' | 'write.failed' | 'write.out-unreadable' | 'write.not-generated' | 'write.save' | 'write.no-version';

/** Writing failed; the previous contents of the output folder (or file) are as they were. */
export class WriteError extends BuilderError {
  declare readonly code: WriteErrorCode;

  constructor(code: WriteErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
