/**
 * Sessions: `Session`, the connection to one portal that generated services call. Every request it sends
 * goes through `exchange`: the concurrency limit (concurrency.ts), the deadline (deadline.ts), the headers
 * with the credentials for its URL, the redirect policy (redirect.ts), and one retry when the portal refuses
 * the credentials and the authentication can refresh them.
 */
import { isRefusal, readAnswer } from './answer.js';
import type { Authentication } from './authentication.js';
import type { AutoBatch, AutoBatchOptions } from './auto-batch.js';
import type { BatchSession } from './batch.js';
import { chooseOverload, toCommand, type Command } from './command.js';
import { ConcurrencyLimit } from './concurrency.js';
import { withDeadline } from './deadline.js';
import type { Download } from './download.js';
import { AuthenticationError, LiferayError, NetworkError } from './errors.js';
import type { Callback, CallOptions } from './invoker.js';
import type { Redirectable, RedirectPolicy } from './redirect.js';
import type { ActionSpec } from './spec.js';
import { createTransport, type Transport, type TransportKind } from './transport.js';

/** How to reach and call one portal. */
export interface SessionOptions {
  /** The portal's address, e.g. "https://portal.example.com" (a path such as "/portal" is kept). */
  readonly server: string;
  /** How the session proves who it is (none: the portal's guest). */
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
export class Session {
  /** The portal's address as given, without trailing slashes. */
  readonly server: string;
  /** The callback of callback-style methods called without one (`null`: none, and such a call throws). */
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
  readonly #autoBatch: Promise<AutoBatch> | undefined;
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
    // Loaded only when asked for, as uploads and downloads are: most apps never coalesce.
    this.#autoBatch = autoBatch
      ? import('./auto-batch.js').then(({ AutoBatch }) => new AutoBatch(send, autoBatch === true ? {} : autoBatch))
      : undefined;
  }

  /**
   * Sets `callback`, as the Mobile SDK's `setCallback` does.
   * @deprecated Set `session.callback` instead; this method goes in the next major version.
   */
  setCallback(callback: Callback<unknown> | null): void {
    this.callback = callback;
  }

  /**
   * Calls one action and resolves with its result: what generated service methods do. Rejects with a
   * LiferayError (LIFERAY_INVALID_PARAMETERS) when `parameters` is not an object of named parameters.
   */
  async invoke(action: ActionSpec, parameters: object, options?: CallOptions): Promise<unknown> {
    const path = action[0];
    const overload = chooseOverload(action, parameters);
    // A call with a file is an upload, a multipart request of its own: its module loads only in apps that upload.
    if (overload.some((spec) => typeof spec !== 'string' && spec[1] === 'file')) {
      return (await import('./upload.js')).upload(this, path, overload, parameters, options);
    }
    const command = toCommand(path, overload, parameters);
    const autoBatch = this.#autoBatch && (await this.#autoBatch);
    // Calls with their own options keep them, so they are never coalesced.
    if (!options && autoBatch?.coalesces(path)) return autoBatch.add(command, path);
    return (await this.send([command], options, path))[0];
  }

  /**
   * @internal Sends commands as one request and resolves with their results in order; `path` names a single
   * call in errors (a batch's error names its failing command when it can).
   */
  async send(commands: readonly Command[], options?: CallOptions, path?: string): Promise<unknown[]> {
    const body = JSON.stringify(commands);
    const url = this.jsonwsUrl + '/invoke';
    const request = { url, path, options, contentType: 'application/json; charset=utf-8' };
    const answer = await this.exchange(request, async ({ headers, signal }) =>
      (await (this.#transport ??= createTransport(url, this.#transportKind, this.#connections))).send({
        headers,
        body,
        signal,
      }),
    );
    // A chain's command is named by its statement, "$user[userId] = /user/get-user-by-id": its path follows the "=".
    return readAnswer(
      answer,
      path ?? commands.map((command) => (Object.keys(command)[0] ?? '').replace(/^[^=]*= */, '')),
    );
  }

  /**
   * Sends the calls made on the batch in `build` as one request:
   * `const [entry, user] = await session.batch((b) => [blogs(b).getEntry(...), users(b).getUserById(...)])`.
   */
  async batch<const T extends readonly unknown[]>(
    build: (batch: BatchSession) => T,
    options?: CallOptions,
  ): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
    const batch = new (await import('./batch.js')).BatchSession(this);
    // Both awaited together, so a call that failed to queue is never an unhandled rejection meanwhile.
    const [results] = await Promise.all([Promise.all(build(batch)), batch.send(options)]);
    return results;
  }

  /**
   * Streams a portal document (a relative URL resolves against the server) with the session's authentication:
   * `{ url, status, headers, contentType, size, body, arrayBuffer(), text() }`. The code is loaded on first
   * use, so apps that never download do not carry it (bundlers give it a chunk of its own).
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
   * @internal One request under this session's rules, for its JSON calls and the upload and download
   * modules: the concurrency limit, the deadline, the session's and the call's headers with the credentials
   * for the URL, the redirect policy (none is followed unless one is given: then redirect.ts, loaded on
   * first use, decides), and one more attempt after a refresh when the portal refused the credentials
   * (unless `retry` is false: a body that can not be sent twice).
   */
  exchange<T extends Redirectable>(request: Exchange, attempt: Attempt<T>): Promise<T> {
    const { url, path, options, contentType, retry = true, redirects } = request;
    return withDeadline(options?.signal, options?.timeout ?? this.timeout, path, async (signal, touch) => {
      await this.#limit?.acquire();
      try {
        // The deadline may have passed while waiting for a slot: the caller has its error, send nothing.
        if (signal.aborted) throw signal.reason;
        const send = async (): Promise<[T, Record<string, string>]> => {
          const headers: Record<string, string> = { ...this.#headers, ...options?.headers };
          if (contentType) headers['Content-Type'] = contentType;
          await this.#authentication?.authenticate(headers, url);
          const transport = this.#transportKind;
          const send = (at: string, sent: Record<string, string>): Promise<T> =>
            attempt({ url: at, headers: sent, signal, touch, transport });
          try {
            const answer = redirects
              ? (
                  await (
                    await import('./redirect.js')
                  ).followRedirects(url, this.server, redirects, (hop) => send(hop.url, hop.trusted ? headers : {}))
                )[0]
              : await send(url, headers);
            return [answer, headers];
          } catch (cause) {
            throw cause instanceof LiferayError ? cause : new NetworkError('network failure', { path, cause });
          }
        };
        const [answer, headers] = await send();
        if (!retry || !isRefusal(answer.status, answer.location) || !(await this.#refresh(headers, path)))
          return answer;
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
      throw new AuthenticationError('authentication failed (HTTP 401)', { path, cause });
    }
  }
}

/** @internal One request of `Session.exchange`: where, for which call (`path` names it in errors), and how. */
export interface Exchange {
  readonly url: string;
  readonly path: string | undefined;
  readonly options: CallOptions | undefined;
  readonly contentType?: string;
  /** False when the body cannot be sent twice (a stream): no retry after a refresh. */
  readonly retry?: boolean;
  /** How redirects are followed (none when absent: the answer is the redirect). */
  readonly redirects?: RedirectPolicy;
}

/** @internal What an attempt sends with: `touch` restarts the idle clock of a transfer. */
export interface AttemptContext {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly signal: AbortSignal;
  readonly touch: () => void;
  readonly transport: TransportKind | undefined;
}

/** @internal Sends one request of `Session.exchange` and resolves with the answer: once per hop, again after a refresh. */
export type Attempt<T extends Redirectable> = (context: AttemptContext) => Promise<T>;
