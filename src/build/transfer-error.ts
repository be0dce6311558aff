/**
 * An error thrown in the build worker, carried to the calling thread as data and made again there as the
 * same class (`instanceof RenderError` holds), with its code, message, stack, own fields and cause: the CLI and
 * library users handle it exactly as if the build had run in their thread.
 */
import { DiscoveryError } from '../discovery/discovery-error.js';
import { BuilderError } from '../errors.js';
import { FormatError } from '../format/format-error.js';
import { GenerateError } from '../generate-options.js';
import { ModelError } from '../model/model-error.js';
import { RenderError } from '../render/render-error.js';
import { VerifyError } from '../verify/verify-error.js';
import { WriteError } from '../write/write-error.js';

export interface TransferredError {
  /** The class to make it again as: a builder error's, else Error. */
  readonly kind: string;
  readonly name: string;
  readonly message: string;
  readonly stack: string | undefined;
  /** Own fields (code, template, ...) that can be copied between threads. */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly cause?: TransferredError | { readonly value: unknown } | undefined;
}

/** The errors a build can throw, by class name. */
const CLASSES: Readonly<Record<string, new (...args: never[]) => Error>> = {
  BuilderError,
  DiscoveryError,
  FormatError,
  GenerateError,
  ModelError,
  RenderError,
  VerifyError,
  WriteError,
};

/** Causes nest: a few levels say what happened; deeper ones are left out. */
const MAX_DEPTH = 4;

export function transferError(error: unknown, depth = 0): TransferredError {
  if (!(error instanceof Error)) {
    return { kind: 'Error', name: 'Error', message: String(error), stack: undefined, fields: {} };
  }
  const kind =
    error instanceof BuilderError && CLASSES[error.constructor.name] !== undefined ? error.constructor.name : 'Error';
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (key !== 'cause' && canTransfer(value)) fields[key] = value;
  }
  return {
    kind,
    name: error.name,
    message: error.message,
    stack: error.stack,
    fields,
    cause: 'cause' in error && depth < MAX_DEPTH ? transferCause(error.cause, depth + 1) : undefined,
  };
}

function transferCause(cause: unknown, depth: number): TransferredError['cause'] {
  if (cause instanceof Error) return transferError(cause, depth);
  return canTransfer(cause) ? { value: cause } : undefined;
}

/** The error again, in this thread: a real Error of its class, made without running its constructor. */
export function reviveError(transferred: TransferredError): Error {
  const { kind, name, message, stack, fields, cause } = transferred;
  const revivedCause = cause === undefined ? undefined : 'value' in cause ? cause.value : reviveError(cause);
  const error: Error = Reflect.construct(
    Error,
    cause === undefined ? [message] : [message, { cause: revivedCause }],
    CLASSES[kind] ?? Error,
  );
  Object.assign(error, fields);
  if (error.name !== name) Object.defineProperty(error, 'name', { value: name, writable: true, configurable: true });
  if (stack !== undefined) error.stack = stack;
  return error;
}

/** Whether a value can be posted to another thread as it is. */
export function canTransfer(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}
