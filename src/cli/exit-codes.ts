/**
 * How the process exits: every error code the library throws, mapped to the exit number the README's
 * table documents. The one place that knows; a code missing here fails type-checking.
 */
import type { ErrorCode as LibraryErrorCode } from '../errors.js';
import type { CliErrorCode } from './cli-error.js';

/** The README's table of exit codes. */
export const ExitCode = {
  ok: 0,
  /** `generate --check`: the output on disk differs from what would be generated. */
  drift: 1,
  /** Bad command-line options, configuration file or templates folder. */
  usage: 2,
  /** Host unreachable, connection refused or reset, DNS failure, timeout. */
  unreachable: 3,
  /** 401/403: wrong or missing credentials, or discovery disabled. */
  unauthorized: 4,
  /** 404: no JSON web services at that path, or an unknown context. */
  notFound: 5,
  /** An HTML page where JSON was expected (typically a login or error page). */
  html: 6,
  /** The answer or file is not valid JSON. */
  invalidJson: 7,
  /** Valid JSON of the wrong shape; the message names the field and entry. */
  invalidDocument: 8,
  /** Any other HTTP failure (5xx, unexpected redirect, ...). */
  http: 9,
  /** A discovery file could not be read. */
  fileNotReadable: 10,
  /** Rendering or type-checking the generated package failed (a builder bug). */
  generation: 11,
  /** Writing the output failed; the previous output is untouched. */
  write: 12,
  /** The native TypeScript compiler that verify and --emit js run is not installed for this platform. */
  compilerMissing: 13,
  /** A bug in the builder itself. */
  internal: 70,
  /** Ctrl+C or Ctrl+D at a question: 128 + SIGINT, as a shell reports an interrupted command. */
  interrupted: 130,
} as const;

type ErrorCode = LibraryErrorCode | CliErrorCode;

const EXIT_CODES: Readonly<Record<ErrorCode, number>> = {
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
  'model.no-documents': ExitCode.internal,
  'model.mixed-formats': ExitCode.invalidDocument,
  'model.duplicate-context': ExitCode.invalidDocument,
  'model.invalid-type': ExitCode.invalidDocument,
  'model.invalid-path': ExitCode.invalidDocument,
  'model.invalid-context': ExitCode.invalidDocument,
  'model.duplicate-parameter': ExitCode.invalidDocument,
  'model.service-id-collision': ExitCode.invalidDocument,
  'generate.package-name': ExitCode.usage,
  'generate.version-suffix': ExitCode.usage,
  'generate.layout': ExitCode.usage,
  'generate.drift': ExitCode.drift,
  'render.template': ExitCode.generation,
  'render.override': ExitCode.usage,
  'format.failed': ExitCode.generation,
  'verify.type-error': ExitCode.generation,
  'verify.emit-failed': ExitCode.generation,
  'verify.compiler-failed': ExitCode.generation,
  'verify.compiler-missing': ExitCode.compilerMissing,
  'write.recover': ExitCode.write,
  'write.failed': ExitCode.write,
  'write.out-unreadable': ExitCode.write,
  'write.not-generated': ExitCode.write,
  'write.save': ExitCode.write,
  'write.no-version': ExitCode.write,
  'generate.package-version': ExitCode.usage,
  'mock.options': ExitCode.usage,
  'mock.listen': ExitCode.usage,
  'cli.config': ExitCode.usage,
  'cli.config-source': ExitCode.usage,
  'cli.templates': ExitCode.usage,
  'cli.no-source': ExitCode.usage,
  'cli.credentials': ExitCode.usage,
  'cli.styles': ExitCode.usage,
  'cli.init-exists': ExitCode.usage,
  'cli.init-url': ExitCode.usage,
  'cli.document-too-deep': ExitCode.invalidDocument,
  'cli.package-version': ExitCode.usage,
  'cli.fail-on': ExitCode.usage,
  'cli.cancelled': ExitCode.interrupted,
};

/** The exit number of an error code; a code the table does not know is a builder bug. */
export function exitCodeOf(code: string): number {
  return (EXIT_CODES as Readonly<Record<string, number>>)[code] ?? ExitCode.internal;
}
