import { BuilderError, ExitCode } from '../errors.js';
import type { Provenance } from './types.js';

export type ModelErrorCode =
  | 'model.no-documents'
  | 'model.mixed-formats'
  | 'model.duplicate-context'
  | 'model.invalid-type'
  | 'model.invalid-path'
  | 'model.invalid-context'
  | 'model.duplicate-parameter'
  | 'model.service-id-collision';

/**
 * A discovery document that is well-shaped but cannot be normalised (an unparsable type, a bad path,
 * documents of different formats). Exit code `invalidDocument` unless the caller misused the stage.
 */
export class ModelError extends BuilderError {
  declare readonly code: ModelErrorCode;

  constructor(code: ModelErrorCode, message: string, options?: { cause?: unknown; exitCode?: number }) {
    super(code, options?.exitCode ?? ExitCode.invalidDocument, message, { cause: options?.cause });
  }

  /** The same error with the document and entry in front of the message, so users can find the culprit. */
  static at(error: ModelError, where: Provenance): ModelError {
    return new ModelError(error.code, `${where.document} ${where.entry}: ${error.message}`, {
      cause: error,
      exitCode: error.exitCode,
    });
  }
}

/** Text from the document, quoted for a message: one line, and cut short, since a hostile document's can be huge. */
export function quoted(text: string): string {
  return JSON.stringify(text.length > 300 ? `${text.slice(0, 299)}…` : text);
}

/** Runs `run`, adding `where` to any ModelError it throws. */
export function atEntry<T>(where: Provenance, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ModelError) throw ModelError.at(error, where);
    throw error;
  }
}
