import { BuilderError } from '../errors.js';

export type CliErrorCode =
  | 'cli.config'
  | 'cli.config-source'
  | 'cli.templates'
  | 'cli.no-source'
  | 'cli.credentials'
  | 'cli.styles'
  | 'cli.init-exists'
  | 'cli.init-url'
  | 'cli.document-too-deep'
  | 'cli.package-version'
  | 'cli.fail-on'
  | 'cli.cancelled';

/** A bad option, configuration file or templates folder, or a command that cannot do what it was asked. */
export class CliError extends BuilderError {
  declare readonly code: CliErrorCode;

  constructor(code: CliErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
