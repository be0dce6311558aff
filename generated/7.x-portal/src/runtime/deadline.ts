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
    caller?.addEventListener('abort', onAbort);
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
        caller?.removeEventListener('abort', onAbort);
      });
  });
}
