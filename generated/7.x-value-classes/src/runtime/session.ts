/**
 * Sessions: `Session`, the connection to one portal that generated services call. Every request it sends
 * goes through `exchange`: the concurrency limit (concurrency.ts), the deadline (deadline.ts), the headers
 * with the credentials for its URL, the redirect policy (redirect.ts), and one retry when the portal refuses
 * the credentials and the authentication can refresh them.
 */
import { readAnswer } from './answer.js';
import type { Authentication } from './authentication.js';
import type { AutoBatch, AutoBatchOptions } from './auto-batch.js';
import type { BatchSession } from './batch.js';
import { chooseOverload, takesFile, toCommand, type Command } from './command.js';
import { ConcurrencyLimit } from './concurrency.js';
import { withDeadline, type CallSignal } from './deadline.js';
import type { Download } from './download.js';
import type { Callback, CallOptions, RequestHook, ResponseHook } from './invoker.js';
import type { Hop, Redirectable, RedirectPolicy } from './redirect.js';
import type { ActionSpec } from './spec.js';
import {
  createTransport,
  type FetchFunction,
  type HttpClient,
  type RawHeaders,
  type Transport,
  type TransportKind,
} from './transport.js';

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
  /** The HTTP client (default: undici where it is installed and complete, else fetch); ignored with `fetch`. */
  readonly transport?: TransportKind;
  /**
   * A fetch-compatible function that sends every request of the session, uploads and downloads included:
   * a fetch with a proxy agent or a certificate of its own, msw's, Next.js's, React Native's.
   */
  readonly fetch?: FetchFunction;
  /**
   * Called before each request goes, after the credentials were added: may add or change headers (sign the
   * request), or log it. A request to another origin than the portal's (a download redirected to a CDN)
   * goes without it, as without the session's headers. Runs again for each retry and redirect.
   */
  readonly onRequest?: RequestHook;
  /** Called with each answer before it is parsed, redirects and error answers included. */
  readonly onResponse?: ResponseHook;
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
  /** The options as given: headers, authentication, the HTTP client (`fetch`, `transport`) and hooks. */
  readonly #client: SessionOptions;
  readonly #limit: ConcurrencyLimit | undefined;
  readonly #autoBatch: Promise<AutoBatch> | undefined;
  #transport: Promise<Transport> | undefined;

  constructor(options: SessionOptions) {
    const path = (options.jsonwsPath ?? 'api/jsonws').replace(/^\/+|\/+$/g, '');
    this.server = options.server.replace(/\/+$/, '');
    this.jsonwsUrl = this.server + (path ? '/' + path : '');
    this.timeout = options.timeout ?? 15000;
    this.#client = options;
    this.#limit = options.maxConcurrency ? new ConcurrencyLimit(options.maxConcurrency) : undefined;
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
    if (takesFile(overload)) {
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
    const request = { url, path, options, body, contentType: 'application/json; charset=utf-8' };
    const answer = await this.exchange(request, async ({ headers, signal }) =>
      (await (this.#transport ??= createTransport(url, this.#client, this.#client.maxConcurrency))).send({
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
    return (await import('./batch.js')).runBatch(this, build, options) as Promise<{
      -readonly [K in keyof T]: Awaited<T[K]>;
    }>;
  }

  /**
   * Streams a portal document (a relative URL resolves against the server) with the session's authentication:
   * `{ url, status, headers, contentType, size, body, arrayBuffer(), text() }`. The code is loaded on first
   * use, so apps that never download do not carry it (bundlers give it a chunk of its own).
   */
  async download(url: string, options?: CallOptions): Promise<Download> {
    return (await import('./download.js')).download(this, url, options);
  }

  /** How the session proves who it is, as given (none: the portal's guest). */
  get authentication(): Authentication | undefined {
    return this.#client.authentication;
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
  exchange<T extends Answer>(request: Exchange, attempt: Attempt<T>): Promise<T> {
    const { url, path, options, contentType, retry = true, redirects } = request;
    const client = this.#client;
    const { authentication, headers: sessionHeaders } = client;
    const limit = this.#limit;
    // Hooks load only when set: calls without them pay nothing.
    const hooked = client.onRequest || client.onResponse || options?.onRequest || options?.onResponse;
    return withDeadline(options?.signal, options?.timeout ?? this.timeout, path, async (signal, touch) => {
      // Awaited only when there is something to wait for: each await is a turn of the event loop's queue.
      if (limit) await limit.acquire();
      try {
        // The deadline may have passed while waiting for a slot: the caller has its error, send nothing.
        if (signal.aborted) throw signal.reason;
        const send = async (): Promise<[T, Record<string, string>]> => {
          const headers: Record<string, string> = { ...sessionHeaders, ...options?.headers };
          if (contentType) headers['Content-Type'] = contentType;
          if (authentication) await authentication.authenticate(headers, url, this.server);
          const hop = (at: Hop): Promise<T> => {
            const sent = at.trusted ? headers : {};
            const go = (sending: Record<string, string>): Promise<T> =>
              attempt({ url: at.url, headers: sending, signal, touch, client }).catch(async (cause: unknown) => {
                // Loaded on failure only: calls that succeed never need it.
                throw (await import('./network-error.js')).networkError(cause, path);
              });
            return hooked
              ? import('./hooks.js').then((hooks) => hooks.sendWithHooks([client, options], request, at, sent, go))
              : go(sent);
          };
          const answer = redirects
            ? (await (await import('./redirect.js')).followRedirects(url, this.server, redirects, hop))[0]
            : await hop({ url, index: 0, trusted: true });
          return [answer, headers];
        };
        const [answer, headers] = await send();
        if (answer.cookies) authentication?.keep?.(answer.cookies, url);
        // Only an authentication that can renew its credentials needs to know that they were refused.
        if (
          !retry ||
          !authentication?.refresh ||
          !(await (await import('./refusal.js')).renew(authentication, answer, url, headers, path))
        )
          return answer;
        answer.cancel?.();
        return (await send())[0];
      } finally {
        limit?.release();
      }
    });
  }
}

/** @internal One request of `Session.exchange`: where, for which call (`path` names it in errors), and how. */
export interface Exchange {
  readonly url: string;
  readonly path: string | undefined;
  readonly options: CallOptions | undefined;
  /** POST unless said. */
  readonly method?: 'GET' | 'POST';
  /** The body as hooks see it, when it is text. */
  readonly body?: string;
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
  readonly signal: CallSignal;
  readonly touch: () => void;
  readonly client: HttpClient;
}

/** @internal What an attempt answers: enough to follow redirects and to show it to `onResponse`. */
export interface Answer extends Redirectable {
  readonly headers: RawHeaders;
  /** The answer's text when it was read whole. */
  readonly body?: unknown;
}

/** @internal Sends one request of `Session.exchange` and resolves with the answer: once per hop, again after a refresh. */
export type Attempt<T extends Answer> = (context: AttemptContext) => Promise<T>;
