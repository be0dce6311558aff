import { BuilderError } from '../errors.js';

/** Every way discovery can fail; cli/exit-codes.ts gives each the exit code the README documents. */
export type DiscoveryErrorCode =
  | 'discovery.options'
  | 'discovery.unreachable'
  | 'discovery.timeout'
  | 'discovery.unauthorized'
  | 'discovery.not-found'
  | 'discovery.html'
  | 'discovery.invalid-json'
  | 'discovery.invalid-document'
  | 'discovery.http'
  | 'discovery.redirect'
  | 'discovery.file';

/**
 * A discovery failure. `source` is the URL (never with credentials) or the file path it is about;
 * the message is one line that names it and says what to do.
 */
export class DiscoveryError extends BuilderError {
  declare readonly code: DiscoveryErrorCode;
  readonly source: string;

  constructor(code: DiscoveryErrorCode, source: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.source = source;
  }
}
