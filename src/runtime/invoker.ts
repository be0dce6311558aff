import type { Callback } from './callback.js';
import type { ActionSpec } from './spec.js';

/** Per-call settings; each overrides the session's for this call only. */
export interface CallOptions {
  /** Aborts the call: it rejects with an AbortError and the connection is released. */
  readonly signal?: AbortSignal;
  /** Milliseconds for the whole call, including any wait for a free slot (0: none). */
  readonly timeout?: number;
  /** Extra request headers, added to the session's. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** What generated services call: a Session, or a BatchSession that queues commands. */
export interface Invoker {
  invoke(action: ActionSpec, parameters: object, options?: CallOptions): Promise<unknown>;
  /** Used by callback-style methods called without a callback. */
  readonly callback?: Callback<unknown> | null | undefined;
  /** Receives what a callback throws; without it, that error is rethrown as an uncaught exception. */
  readonly onCallbackError?: ((error: unknown) => void) | null | undefined;
}
