/**
 * The one error base of the builder. Every stage throws a subclass that carries a namespaced `code`
 * (`discovery.unauthorized`, `model.invalid-type`, `verify.type-error`, ...); the library never decides how a
 * process exits: `cli/exit-codes.ts` maps codes to exit numbers, and only `cli/main.ts` exits. Messages are
 * one line and never contain credentials.
 */
export class BuilderError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
