/**
 * Deadlines: every request runs under a signal that aborts when the caller's signal does or when the call's
 * timeout passes, so the transport releases the connection; the call settles at that moment.
 */
import { AbortError, TimeoutError } from './errors.js';

// The calls in progress per caller signal, behind one listener however many calls share the signal: Node
// warns of a leak past 10 listeners on one signal, and an app may well give one signal to hundreds of calls.
/**
 * What aborts one call: the part of an AbortSignal that undici and the transports use (a real one is one).
 * Not an AbortController's signal: making one costs Node more than the rest of a call's own work, so calls
 * get this plain object, and fetch, which needs a real one, gets its own (transport.ts).
 */
export interface CallSignal {
  readonly aborted: boolean;
  /** Why it aborted: the call's TimeoutError or AbortError. */
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once: true }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

const watchers = new WeakMap<AbortSignal, { readonly calls: Set<() => void>; readonly abort: () => void }>();

/** Calls `onAbort` when `signal` aborts, until the returned function is called. */
export function watch(signal: AbortSignal, onAbort: () => void): () => void {
  let watcher = watchers.get(signal);
  if (!watcher) {
    const calls = new Set<() => void>();
    watcher = { calls, abort: () => calls.forEach((call) => call()) };
    watchers.set(signal, watcher);
    signal.addEventListener('abort', watcher.abort);
  }
  const { calls, abort } = watcher;
  calls.add(onAbort);
  return () => {
    calls.delete(onAbort);
    if (calls.size) return;
    // The last call sharing the signal is over: leave it as it was given.
    watchers.delete(signal);
    signal.removeEventListener('abort', abort);
  };
}

/**
 * Runs `work` with a signal that aborts when the caller's signal does or when `timeout` ms pass, and settles
 * as soon as either happens, even if the transport is slow to notice: the promise settles exactly once.
 * Transfers call `touch` on each chunk, which restarts the clock: for them the timeout is the longest pause,
 * not the whole transfer. `path` names the call in the errors.
 */
export function withDeadline<T>(
  caller: AbortSignal | undefined,
  timeout: number,
  path: string | undefined,
  work: (signal: CallSignal, touch: () => void) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const listeners = new Set<() => void>();
    const signal: { -readonly [K in keyof CallSignal]: CallSignal[K] } = {
      aborted: false,
      addEventListener: (_type: 'abort', listener: () => void) => listeners.add(listener),
      removeEventListener: (_type: 'abort', listener: () => void) => listeners.delete(listener),
    };
    let unwatch: (() => void) | undefined;
    // Once: the caller's signal is let go when the call ends, which may be before its work has wound down.
    const release = (): void => {
      unwatch?.();
      unwatch = undefined;
    };
    // Once: a timeout may still fire after the caller aborted, or the other way round.
    const stop = (error: Error): void => {
      if (signal.aborted) return;
      release();
      reject(error);
      signal.aborted = true;
      signal.reason = error;
      listeners.forEach((listener) => listener());
    };
    const onAbort = (): void => stop(new AbortError('aborted', { path, cause: caller?.reason }));
    if (caller?.aborted) return onAbort();
    unwatch = caller && watch(caller, onAbort);
    let timer: ReturnType<typeof setTimeout> | undefined;
    // setTimeout fires at once beyond 2^31-1 ms: treat such values, 0 and Infinity as "no timeout".
    const touch = (): void => {
      clearTimeout(timer);
      if (timeout > 0 && timeout < 2 ** 31)
        timer = setTimeout(
          () => stop(new TimeoutError('no answer within ' + timeout + ' ms', { path, timeout })),
          timeout,
        );
    };
    touch();
    work(signal, touch)
      .then(resolve, reject)
      .finally(() => {
        clearTimeout(timer);
        // A late touch must not start a new clock.
        timeout = 0;
        release();
      });
  });
}
