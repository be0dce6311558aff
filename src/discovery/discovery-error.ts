import { BuilderError, ExitCode } from '../errors.js';

/** Every way discovery can fail, each with the exit code the README documents for it. */
const exitCodes = {
  'discovery.options': ExitCode.usage,
  'discovery.unreachable': ExitCode.unreachable,
  'discovery.timeout': ExitCode.unreachable,
  'discovery.unauthorized': ExitCode.unauthorized,
  'discovery.not-found': ExitCode.notFound,
  'discovery.html': ExitCode.html,
  'discovery.invalid-json': ExitCode.invalidJson,
  'discovery.invalid-document': ExitCode.invalidDocument,
  'discovery.http': ExitCode.http,
  'discovery.redirect': ExitCode.http,
  'discovery.file': ExitCode.fileNotReadable,
} as const;

export type DiscoveryErrorCode = keyof typeof exitCodes;

/**
 * A discovery failure. `source` is the URL (never with credentials) or the file path it is about;
 * the message is one line that names it and says what to do.
 */
export class DiscoveryError extends BuilderError {
  declare readonly code: DiscoveryErrorCode;
  readonly source: string;

  constructor(code: DiscoveryErrorCode, source: string, message: string, options?: { cause?: unknown }) {
    super(code, exitCodes[code], message, options);
    this.source = source;
  }
}
