/**
 * Calls: what each call may be given (`CallOptions`, a `Callback`), and `Invoker`, what generated services
 * call: a Session, or a BatchSession that queues commands. Types only.
 */
import type { LiferayError } from './errors.js';
import type { ActionSpec } from './spec.js';

/**
 * Per-call settings; each overrides the session's for this call only. For uploads and downloads, `timeout`
 * is the longest pause in the transfer rather than its whole length.
 */
export interface CallOptions {
  /** Aborts the call: it rejects with an AbortError and the connection is released. */
  readonly signal?: AbortSignal;
  /** Milliseconds for the whole call, including any wait for a free slot (0: none). */
  readonly timeout?: number;
  /** Extra request headers, added to the session's. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Uploads and downloads: called as bytes go out or come in. An upload that fetch sends as one Blob (Blobs
   * and bytes, outside Node) reports only its end, and for it `timeout` covers the whole upload.
   */
  readonly onProgress?: (progress: Progress) => void;
}

/** How far a transfer is: bytes so far and, when known, in all (an upload counts its whole multipart body). */
export interface Progress {
  /** Bytes sent or received so far. */
  readonly loaded: number;
  /** Bytes in all, when known. */
  readonly total: number | undefined;
}

/** Receives the outcome of a callback-style call: exactly one method is called, once, asynchronously. */
export interface Callback<T> {
  /** The call's result. */
  onSuccess(result: T): void;
  /** Why the call failed: always a LiferayError. */
  onFailure(error: LiferayError): void;
}

/** What generated services call: a Session, or a BatchSession that queues commands. */
export interface Invoker {
  invoke(action: ActionSpec, parameters: object, options?: CallOptions): Promise<unknown>;
  /** Used by callback-style methods called without a callback. */
  readonly callback?: Callback<unknown> | null | undefined;
  /** Receives what a callback throws; without it, that error is rethrown as an uncaught exception. */
  readonly onCallbackError?: ((error: unknown) => void) | null | undefined;
}
