import { BuilderError } from '../errors.js';
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
 * documents of different formats).
 */
export class ModelError extends BuilderError {
  declare readonly code: ModelErrorCode;

  constructor(code: ModelErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }

  /** The same error with the document and entry in front of the message, so users can find the culprit. */
  static at(error: ModelError, where: Provenance): ModelError {
    return new ModelError(error.code, `${where.document} ${where.entry}: ${error.message}`, { cause: error });
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
