/**
 * Sessions: `Session`, the connection to one portal that generated services call, with what governs each of
 * its requests: the deadline (the call's timeout and abort signal), the concurrency limit, and one retry when
 * the portal refuses the credentials and the authentication can refresh them.
 */
import type { Authentication } from './authentication.js';
import { AutoBatch, BatchSession, type AutoBatchOptions } from './batch.js';
import { chooseOverload, toCommand, type Command } from './command.js';
import type { Download } from './download.js';
import { AbortError, AuthenticationError, isRefusal, LiferayError, NetworkError, readAnswer, TimeoutError } from './errors.js';
import type { CallOptions, Invoker } from './invoker.js';
import type { Callback } from './service.js';
import type { ActionSpec } from './spec.js';
import { createTransport, type Transport, type TransportKind } from './transport.js';

/** How to reach and call one portal. */
export interface SessionOptions {
  /** The portal's address, e.g. "https://portal.example.com" (a path such as "/portal" is kept). */
  readonly server: string;
  readonly authentication?: Authentication;
  /** Milliseconds allowed per call (default 15000; 0: none). */
  readonly timeout?: number;
  /** Headers sent with every request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Where JSON web services live under `server` (default "api/jsonws"). */
  readonly jsonwsPath?: string;
  /** The most requests in flight at once (default unlimited); further calls wait in order. */
  readonly maxConcurrency?: number;
  /** Coalesce reads made in the same tick into one request (`true`: default settings). */
  readonly autoBatch?: AutoBatchOptions | boolean;
  /** The HTTP client (default: undici in Node, else fetch). */
  readonly transport?: TransportKind;
}

/** A connection to one portal; generated services call it. Create one per portal and user, and reuse it. */
export class Session implements Invoker {
  /** The portal's address as given, without trailing slashes. */
  readonly server: string;
  /** Used by callback-style methods called without a callback. */
  callback: Callback<unknown> | null = null;
  /** Receives what a callback throws; without it, that error is rethrown as an uncaught exception. */
  onCallbackError: ((error: unknown) => void) | null = null;
  /** Where JSON web services are, e.g. "https://portal.example.com/api/jsonws". */
  readonly jsonwsUrl: string;
  /** Milliseconds allowed per call, or per pause in a transfer (0: none). */
  readonly timeout: number;
  readonly #headers: Readonly<Record<string, string>> | undefined;
  readonly #authentication: Authentication | undefined;
  readonly #transportKind: TransportKind | undefined;
  readonly #limit: ConcurrencyLimit | undefined;
  readonly #connections: number | undefined;
  readonly #autoBatch: AutoBatch | undefined;
  #transport: Promise<Transport> | undefined;

  constructor(options: SessionOptions) {
    const path = (options.jsonwsPath ?? 'api/jsonws').replace(/^\/+|\/+$/g, '');
    this.server = options.server.replace(/\/+$/, '');
    this.jsonwsUrl = this.server + (path ? '/' + path : '');
    this.timeout = options.timeout ?? 15000;
    this.#headers = options.headers;
    this.#authentication = options.authentication;
    this.#transportKind = options.transport;
    this.#limit = options.maxConcurrency ? new ConcurrencyLimit(options.maxConcurrency) : undefined;
    this.#connections = options.maxConcurrency;
    const autoBatch = options.autoBatch;
    const send = (commands: readonly Command[], at?: string): Promise<unknown[]> => this.send(commands, undefined, at);
    this.#autoBatch = autoBatch ? new AutoBatch(send, autoBatch === true ? {} : autoBatch) : undefined;
  }

  setCallback(callback: Callback<unknown> | null): void {
    this.callback = callback;
  }

  /** Calls one action and resolves with its result. */
  async invoke(action: ActionSpec, parameters: object, options?: CallOptions): Promise<unknown> {
    const path = action[0];
    const overload = chooseOverload(action, parameters);
    // A call with a file is an upload, a multipart request of its own: its module loads only in apps that upload.
    if (overload.some((spec) => typeof spec !== 'string' && spec[1] === 'file')) {
      return (await import('./upload.js')).upload(this, path, overload, parameters, options);
    }
    const command = toCommand(path, overload, parameters);
    // Calls with their own options keep them, so they are never coalesced.
    if (!options && this.#autoBatch?.coalesces(path)) return this.#autoBatch.add(command, path);
    return (await this.send([command], options, path))[0];
  }

  /** Sends commands as one request and resolves with their results in order; `path` names them in errors. */
  async send(commands: readonly Command[], options?: CallOptions, path?: string): Promise<unknown[]> {
    const body = JSON.stringify(commands);
    const type = 'application/json; charset=utf-8';
    const answer = await this.exchange(this.jsonwsUrl + '/invoke', options, path, type, async ({ url, headers, signal }) =>
      (await (this.#transport ??= createTransport(url, this.#transportKind, this.#connections))).send({ headers, body, signal }),
    );
    return readAnswer(answer, path);
  }

  /**
   * Sends the calls made on the batch in `build` as one request:
   * `const [entry, user] = await session.batch((b) => [blogs(b).getEntry(...), users(b).getUserById(...)])`.
   */
  async batch<const T extends readonly unknown[]>(
    build: (batch: BatchSession) => T,
    options?: CallOptions,
  ): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
    const batch = new BatchSession(this);
    // Both awaited together, so a call that failed to queue is never an unhandled rejection meanwhile.
    const [results] = await Promise.all([Promise.all(build(batch)), batch.invoke(options)]);
    return results;
  }

  /**
   * Streams a portal document (a relative URL resolves against the server) with the session's authentication:
   * `{ status, headers, contentType, size, body, arrayBuffer(), text() }`. The code is loaded on first use,
   * so apps that never download do not carry it (bundlers give it a chunk of its own).
   */
  async download(url: string, options?: CallOptions): Promise<Download> {
    const { download } = await import('./download.js');
    return download(this, url, options);
  }

  /** Closes kept-alive connections; the session opens new ones if used again. */
  async close(): Promise<void> {
    const transport = this.#transport;
    this.#transport = undefined;
    await (await transport)?.close();
  }

  /**
   * @internal One request to `url` under this session's rules, for its JSON calls and the upload and download
   * modules: the concurrency limit, the deadline, the session's and the call's headers with the credentials
   * for that URL, and one more attempt after a refresh when the portal refused them (unless `retry` is
   * false: a body that can not be sent twice).
   */
  exchange<T extends Answer>(
    url: string,
    options: CallOptions | undefined,
    path: string | undefined,
    contentType: string | undefined,
    attempt: Attempt<T>,
    retry = true,
  ): Promise<T> {
    return withDeadline(options?.signal, options?.timeout ?? this.timeout, path, async (signal, touch) => {
      await this.#limit?.acquire();
      try {
        // The deadline may have passed while waiting for a slot: the caller has its error, send nothing.
        if (signal.aborted) throw signal.reason;
        const send = async (): Promise<[T, Record<string, string>]> => {
          const headers: Record<string, string> = { ...this.#headers, ...options?.headers };
          if (contentType) headers['Content-Type'] = contentType;
          await this.#authentication?.authenticate(headers, url);
          try {
            return [await attempt({ url, headers, signal, touch, transport: this.#transportKind }), headers];
          } catch (cause) {
            throw cause instanceof LiferayError ? cause : new NetworkError(path, cause);
          }
        };
        const [answer, headers] = await send();
        if (!retry || !isRefusal(answer.status, answer.location) || !(await this.#refresh(headers, path))) return answer;
        answer.cancel?.();
        return (await send())[0];
      } finally {
        this.#limit?.release();
      }
    });
  }

  async #refresh(refused: Readonly<Record<string, string>>, path?: string): Promise<boolean> {
    try {
      return (await this.#authentication?.refresh?.(refused)) ?? false;
    } catch (cause) {
      throw new AuthenticationError(path, cause);
    }
  }
}

/** What one exchange of a session answered: enough to tell whether the portal refused the credentials. */
export interface Answer {
  readonly status: number;
  readonly location: string | undefined;
  /** Releases an answer whose body will not be read (a refused download). */
  cancel?(): void;
}

/** What an attempt sends with: `touch` restarts the idle clock of a transfer. */
export interface AttemptContext {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly signal: Cancellation;
  readonly touch: () => void;
  readonly transport: TransportKind | undefined;
}

/** Sends one request of `Session.exchange` and resolves with the answer; run once, or twice after a refresh. */
export type Attempt<T extends Answer> = (context: AttemptContext) => Promise<T>;

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

/** Keeps at most `max` requests in flight; the others wait their turn in arrival order. */
class ConcurrencyLimit {
  readonly #max: number;
  readonly #waiting: (() => void)[] = [];
  #active = 0;

  constructor(max: number) {
    this.#max = max;
  }

  /** Resolves when a slot is free; each acquire must be followed by one release. */
  acquire(): Promise<void> | undefined {
    if (this.#active < this.#max) {
      this.#active++;
      return undefined;
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    // The slot passes straight to the next waiter, so the count stays the same.
    const next = this.#waiting.shift();
    if (next) next();
    else this.#active--;
  }
}
