/** Failures of starting the mock (bad options, a port in use): exit code 2, as for any bad option. */
import { BuilderError } from '../errors.js';

export type MockErrorCode = 'mock.options' | 'mock.listen';

export class MockError extends BuilderError {
  constructor(code: MockErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
