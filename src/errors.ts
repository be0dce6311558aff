/**
 * The one error base of the builder. Every stage throws a subclass that carries a namespaced `code`
 * (`discovery.unauthorized`, `model.invalid-type`, ...) and the process exit code; only `cli/main.ts`
 * turns them into an exit. Messages are one line and never contain credentials.
 */
export class BuilderError extends Error {
  readonly code: string;
  readonly exitCode: number;

  constructor(code: string, exitCode: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
  }
}

/** Exit codes, stable and documented in the README's table. */
export const ExitCode = {
  ok: 0,
  /** `generate --check`: the output on disk differs from what would be generated. */
  drift: 1,
  /** Bad command-line options or configuration. */
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
  /** Rendering or type-checking the generated package failed. */
  generation: 11,
  /** Writing the output failed; the previous output is untouched. */
  write: 12,
  /** A bug in the builder itself. */
  internal: 70,
} as const;
