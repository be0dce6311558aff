/**
 * Transports: how requests reach the portal. A session posts its JSON commands over one kept-alive
 * `Transport` (undici's Agent in Node, else the global fetch); uploads, downloads and sign-ins send single
 * requests with streamed bodies through `httpRequest`. Neither follows redirects: `redirect.ts` decides.
 */
import type { CallSignal } from './deadline.js';
import { LiferayError } from './errors.js';
import type { Undici } from './undici-transport.js';

/** One POST to the session's invoke URL. */
export interface TransportRequest {
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly signal: CallSignal;
}

/** The answer, fully read: the body is needed whole to parse it or to quote it in an error. */
export interface TransportResponse {
  readonly status: number;
  readonly location: string | undefined;
  /** As the client gives them; read with `headersOf` only when a hook wants them. */
  readonly headers: RawHeaders;
  readonly body: string;
  /** Its Set-Cookie headers, where the runtime can read them (not in browsers), for a cookie session. */
  readonly cookies?: readonly string[] | undefined;
}

/** Headers as undici (an object) or fetch (a Headers) gives them. */
export type RawHeaders = FetchResponse['headers'] | Readonly<Record<string, string | string[] | undefined>>;

/** Headers by lower-case name; a repeated header's values joined with ", ". */
export function headersOf(raw: RawHeaders): Record<string, string> {
  const all: Record<string, string> = {};
  if (typeof raw.forEach === 'function')
    (raw as FetchResponse['headers']).forEach((value, name) => (all[name] = value));
  else
    for (const [name, value] of Object.entries(raw))
      if (value !== undefined) all[name.toLowerCase()] = [value].flat().join(', ');
  return all;
}

/** Sends requests to one URL; created once per session so connections are kept alive and reused. */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
  close(): Promise<void>;
}

/** Which HTTP client a session uses: undici in Node (the default there), else the global `fetch`. */
export type TransportKind = 'undici' | 'fetch';

/**
 * How requests are sent: `fetch`, when given, sends every request (a proxy agent's fetch, msw, Next.js's or
 * React Native's fetch); else `transport` picks the client. Session options and sign-in options are both one.
 */
export interface HttpClient {
  readonly transport?: TransportKind | undefined;
  readonly fetch?: FetchFunction | undefined;
}

/**
 * Loads undici only where Node's module resolution may find it and only at run time, through a specifier
 * that is not a string literal, so browser and React Native bundlers never follow it. Then keeps it only if
 * it has what the transports use: Bun answers an import of undici with a look-alike whose Agent has no
 * `request`. Undefined when `kind` is "fetch", or undici is missing or lacking: fetch then does the job.
 */
async function importUndici(kind: TransportKind | undefined): Promise<Undici | undefined> {
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
  if (kind === 'fetch' || !node) return undefined;
  const name = 'undici';
  try {
    const undici = (await import(/* webpackIgnore: true */ /* @vite-ignore */ name)) as Partial<Undici>;
    const agent = undici.Agent?.prototype as { request?: unknown } | undefined;
    return typeof agent?.request === 'function' ? (undici as Undici) : undefined;
  } catch {
    return undefined;
  }
}

/** `connections`: the most sockets the session may open (its concurrency limit); undefined for no limit. */
export async function createTransport(url: string, client: HttpClient, connections?: number): Promise<Transport> {
  const undici = !client.fetch && (await importUndici(client.transport));
  return undici
    ? (await import('./undici-transport.js')).undiciTransport(undici, url, connections)
    : fetchTransport(url, client.fetch);
}

/**
 * A fetch-compatible function: the global `fetch` of browsers, Node, Deno, Bun and React Native is one, and
 * so is any function that takes the same arguments and answers alike (only what is below is used).
 */
export type FetchFunction = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string | Blob | ReadableStream<Uint8Array>;
    signal: AbortSignal;
    redirect: 'manual';
    duplex?: 'half';
  },
) => Promise<FetchResponse>;

/** What the runtime reads of a fetch answer. */
export interface FetchResponse {
  /** The HTTP status. */
  readonly status: number;
  /** "opaqueredirect" for a redirect that a browser hides (status 0). */
  readonly type?: string;
  /** The answer's headers; `getSetCookie` where the runtime lets them be read (not browsers). */
  readonly headers: {
    get(name: string): string | null;
    forEach(each: (value: string, name: string) => void): void;
    getSetCookie?(): string[];
  };
  /** The body as a stream, for downloads. */
  readonly body: ReadableStream<Uint8Array> | null;
  /** The whole body as text, for calls and uploads. */
  text(): Promise<string>;
}

/** The given or the global `fetch`: browsers, React Native, Deno, Bun, and Node without undici. */
function fetchTransport(url: string, given: FetchFunction | undefined): Transport {
  return {
    async send({ headers, body, signal }: TransportRequest): Promise<TransportResponse> {
      const answer = await fetchOf(given)(url, {
        method: 'POST',
        headers,
        body,
        signal: follow(signal).signal,
        redirect: 'manual',
      });
      return {
        // Browsers hide manual redirects as status 0 "opaqueredirect": still a redirect.
        status: answer.type === 'opaqueredirect' ? 302 : answer.status,
        location: answer.headers.get('location') ?? undefined,
        headers: answer.headers,
        body: await answer.text(),
        cookies: answer.headers.getSetCookie?.(),
      };
    },
    async close() {},
  };
}

/** One request of an upload, a download or a sign-in: any URL and method, a streamed body, no redirect followed. */
export interface HttpRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  /** A body that can be a Blob goes to fetch as one (the browser streams it from disk); undici gets the stream. */
  readonly body?: string | StreamedBody;
  readonly signal: CallSignal;
}

/** A request body made on demand, once per attempt. */
export interface StreamedBody {
  stream(): ReadableStream<Uint8Array>;
  /** The same bytes as one Blob, when the body can be one. */
  blob(): Blob | undefined;
}

/** The answer, with its body not read yet. */
export interface HttpResponse {
  readonly status: number;
  readonly location: string | undefined;
  /** By lower-case name; a repeated header's values joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  /** Each Set-Cookie header: readable in Node, hidden by browsers. */
  readonly cookies: readonly string[];
  /** The next chunk of the body, or undefined at its end. */
  read(): Promise<Uint8Array | undefined>;
  /** The whole body as text. */
  text(): Promise<string>;
  /** Stops reading and releases the connection. */
  cancel(): void;
}

/**
 * Sends one request with undici's global pool in Node (unless `transport` is "fetch") or else the global
 * `fetch`, and resolves once the answer's headers are in. The session's kept-alive JSON transport only posts
 * small strings; streaming both ways is kept here, out of the core, for the apps that transfer files.
 */
export async function httpRequest(client: HttpClient, request: HttpRequest): Promise<HttpResponse> {
  const undici = !client.fetch && (await importUndici(client.transport));
  return undici
    ? (await import('./undici-transport.js')).undiciRequest(undici, request)
    : fetchRequest(fetchOf(client.fetch), request);
}

async function fetchRequest(
  fetch: FetchFunction,
  { url, method, headers, body, signal }: HttpRequest,
): Promise<HttpResponse> {
  // Aborting the signal also ends a body being read; `cancel` ends it otherwise.
  const controller = follow(signal);
  // A stream only when the body can not be a Blob: browsers send streams over HTTP/2 only. duplex "half"
  // lets fetch send a stream, and is ignored for other bodies.
  const sent = typeof body === 'object' ? (body.blob() ?? body.stream()) : body;
  // fetch sets Content-Length itself (browsers refuse it from callers; Node's fetch rejects a second one).
  const kept = Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-length'));
  const answer = await fetch(url, {
    method,
    headers: kept,
    ...(sent === undefined ? {} : { body: sent }),
    signal: controller.signal,
    redirect: 'manual',
    duplex: 'half',
  });
  const all = headersOf(answer.headers);
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return {
    // Browsers hide manual redirects as status 0 "opaqueredirect": still a redirect.
    status: answer.type === 'opaqueredirect' ? 302 : answer.status,
    location: all['location'],
    headers: all,
    cookies: answer.headers.getSetCookie?.() ?? [],
    async read() {
      const next = await (reader ??= answer.body?.getReader())?.read();
      return next?.done ? undefined : next?.value;
    },
    text: () => answer.text(),
    cancel: () => controller.abort(),
  };
}

/** A controller of fetch's own that aborts with the call: fetch takes only a real AbortSignal. */
function follow(signal: CallSignal): AbortController {
  const controller = new AbortController();
  const abort = (): void => controller.abort(signal.reason);
  if (signal.aborted) abort();
  // A call's signal aborts once.
  signal.addEventListener('abort', abort);
  return controller;
}

/** The given fetch, else the global one, looked up when used: an app or a test may set it late. */
function fetchOf(given: FetchFunction | undefined): FetchFunction {
  const fetch = given ?? (globalThis as { fetch?: FetchFunction }).fetch;
  if (!fetch) throw new LiferayError('no global fetch in this runtime', { code: 'LIFERAY_UNSUPPORTED' });
  return fetch;
}

/**
 * The scheme, host and port of an absolute URL, lower-cased and without a default port (":80" for http,
 * ":443" for https): what decides where credentials may go.
 */
export function originOf(url: string): string {
  const origin = (/^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i.exec(url)?.[0] ?? '').toLowerCase();
  return /^http:\/\/.*:80$|^https:\/\/.*:443$/.test(origin) ? origin.replace(/:\d+$/, '') : origin;
}
