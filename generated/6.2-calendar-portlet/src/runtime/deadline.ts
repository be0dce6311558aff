import { AbortError, TimeoutError } from './errors.js';

/**
 * The cancellation a transport listens to. An EventTarget-like shape that undici accepts as `signal`;
 * built by hand because creating an AbortController costs several microseconds per call in Node.
 */
export class Cancellation {
  aborted = false;
  reason: unknown;
  #listeners: (() => void)[] = [];

  addEventListener(_type: 'abort', listener: () => void): void {
    this.#listeners.push(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    this.#listeners = this.#listeners.filter((each) => each !== listener);
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    for (const listener of this.#listeners) listener();
  }
}

// The calls in progress per caller signal, behind one listener however many calls share the signal: Node
// warns of a leak past 10 listeners on one signal, and an app may well give one signal to hundreds of calls.
const watchers = new WeakMap<AbortSignal, { readonly calls: Set<() => void>; readonly abort: () => void }>();

/** Calls `onAbort` when `signal` aborts, until the returned function is called. */
function watch(signal: AbortSignal, onAbort: () => void): () => void {
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
 * Runs `work` with a cancellation that fires when the caller's signal aborts or when `timeout` ms pass, and
 * settles as soon as either happens, even if the transport is slow to notice: the promise settles exactly
 * once. Cancelling makes the transport release the connection. Transfers call `touch` on each chunk, which
 * restarts the clock: for them the timeout is the longest pause, not the whole transfer.
 */
export function withDeadline<T>(
  caller: AbortSignal | undefined,
  timeout: number,
  path: string | undefined,
  work: (cancellation: Cancellation, touch: () => void) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cancellation = new Cancellation();
    const stop = (error: Error): void => {
      reject(error);
      cancellation.abort(error);
    };
    const onAbort = (): void => stop(new AbortError(path, caller?.reason));
    if (caller?.aborted) return onAbort();
    const unwatch = caller && watch(caller, onAbort);
    let timer: ReturnType<typeof setTimeout> | undefined;
    // setTimeout fires at once beyond 2^31-1 ms: treat such values, 0 and Infinity as "no timeout".
    const touch = (): void => {
      clearTimeout(timer);
      if (timeout > 0 && timeout < 2 ** 31) timer = setTimeout(() => stop(new TimeoutError(timeout, path)), timeout);
    };
    touch();
    work(cancellation, touch)
      .then(resolve, reject)
      .finally(() => {
        clearTimeout(timer);
        // A late touch must not start a new clock.
        timeout = 0;
        unwatch?.();
      });
  });
}
