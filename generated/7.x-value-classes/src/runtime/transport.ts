/**
 * Transports: how requests reach the portal. A session posts its JSON commands over one kept-alive
 * `Transport` (undici's Agent in Node, else the global fetch); uploads, downloads and sign-ins send single
 * requests with streamed bodies through `httpRequest`. Neither follows redirects: `redirect.ts` decides.
 */
import { LiferayError } from './errors.js';

/** One POST to the session's invoke URL. */
export interface TransportRequest {
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly signal: AbortSignal;
}

/** The answer, fully read: the body is needed whole to parse it or to quote it in an error. */
export interface TransportResponse {
  readonly status: number;
  readonly location: string | undefined;
  readonly body: string;
}

/** Sends requests to one URL; created once per session so connections are kept alive and reused. */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
  close(): Promise<void>;
}

/** Which HTTP client a session uses: undici in Node (the default there), else the global `fetch`. */
export type TransportKind = 'undici' | 'fetch';

/**
 * Loads undici only in Node and only at run time, through a specifier that is not a string literal, so
 * browser and React Native bundlers never follow it. Undefined when `kind` is "fetch", outside Node, or when
 * undici is not installed next to this package: fetch then does the job, without the tuned agent.
 */
async function importUndici(kind: TransportKind | undefined): Promise<Undici | undefined> {
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
  if (kind === 'fetch' || !node) return undefined;
  const name = 'undici';
  try {
    return (await import(/* webpackIgnore: true */ /* @vite-ignore */ name)) as Undici;
  } catch {
    return undefined;
  }
}

/** `connections`: the most sockets the session may open (its concurrency limit); undefined for no limit. */
export async function createTransport(
  url: string,
  kind: TransportKind | undefined,
  connections?: number,
): Promise<Transport> {
  const undici = await importUndici(kind);
  return undici ? nodeTransport(undici, url, connections) : fetchTransport(url);
}

// The little of undici and fetch used here, typed locally to compile without their types or the DOM lib.
interface Undici {
  Agent: new (options?: { connections?: number }) => UndiciAgent;
  /** A request through undici's global pool. A web stream is a body undici takes: Node makes it async iterable. */
  request(
    url: string,
    options: {
      method: string;
      headers: Readonly<Record<string, string>>;
      body?: string | ReadableStream<Uint8Array>;
      signal: AbortSignal;
    },
  ): Promise<UndiciAnswer>;
}

interface UndiciAgent {
  request(options: {
    origin: string;
    path: string;
    method: 'POST';
    headers: Record<string, string>;
    body: string;
    signal: AbortSignal;
  }): Promise<UndiciAnswer>;
  close(): Promise<void>;
}

interface UndiciAnswer {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: AsyncIterable<Uint8Array> & {
    text(): Promise<string>;
    destroy(): void;
    on(event: 'error', listener: () => void): void;
  };
}

type Fetch = (
  url: string,
  init: {
    method: string;
    headers: Readonly<Record<string, string>>;
    body?: unknown;
    signal: AbortSignal;
    redirect: 'manual';
    duplex?: 'half';
  },
) => Promise<{
  status: number;
  type?: string;
  headers: {
    get(name: string): string | null;
    forEach(each: (value: string, name: string) => void): void;
    getSetCookie?(): string[];
  };
  body: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}>;

/** undici's `request` on one keep-alive Agent: the cheapest way to POST from Node. Redirects are not followed. */
function nodeTransport(undici: Undici, url: string, connections?: number): Transport {
  const match = /^([^:/]+:\/\/[^/]+)(.*)$/.exec(url);
  const origin = match?.[1] ?? url;
  const path = match?.[2] || '/';
  // A call that follows an answer in the same tick finds its socket not yet back in the pool, and undici would
  // open another: capped at the session's limit, the pool queues that call for the moment instead.
  const agent = new undici.Agent(connections ? { connections } : {});
  return {
    async send({ headers, body, signal }: TransportRequest): Promise<TransportResponse> {
      const answer = await agent.request({ origin, path, method: 'POST', headers, body, signal });
      const location = answer.headers['location'];
      return {
        status: answer.statusCode,
        location: typeof location === 'string' ? location : undefined,
        body: await answer.body.text(),
      };
    },
    close: () => agent.close(),
  };
}

/** The global `fetch`: browsers, React Native, Deno, Bun, and Node without undici. */
function fetchTransport(url: string): Transport {
  return {
    async send({ headers, body, signal }: TransportRequest): Promise<TransportResponse> {
      const fetch = (globalThis as { fetch?: Fetch }).fetch;
      if (!fetch) throw noFetch();
      const answer = await fetch(url, { method: 'POST', headers, body, signal, redirect: 'manual' });
      return {
        // Browsers hide manual redirects as status 0 "opaqueredirect": still a redirect.
        status: answer.type === 'opaqueredirect' ? 302 : answer.status,
        location: answer.headers.get('location') ?? undefined,
        body: await answer.text(),
      };
    },
    close: () => Promise.resolve(),
  };
}

/** One request of an upload, a download or a sign-in: any URL and method, a streamed body, no redirect followed. */
export interface HttpRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  /** A body that can be a Blob goes to fetch as one (the browser streams it from disk); undici gets the stream. */
  readonly body?: string | StreamedBody;
  readonly signal: AbortSignal;
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
export async function httpRequest(transport: TransportKind | undefined, request: HttpRequest): Promise<HttpResponse> {
  const undici = await importUndici(transport);
  return undici ? undiciRequest(undici, request) : fetchRequest(request);
}

async function undiciRequest(
  undici: Undici,
  { url, method, headers, body, signal }: HttpRequest,
): Promise<HttpResponse> {
  const sent = typeof body === 'object' ? body.stream() : body;
  const answer = await undici.request(url, { method, headers, signal, ...(sent === undefined ? {} : { body: sent }) });
  const all: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers))
    if (value !== undefined) all[name] = [value].flat().join(', ');
  const cookies = answer.headers['set-cookie'];
  const chunks = answer.body[Symbol.asyncIterator]();
  return {
    status: answer.statusCode,
    location: all['location'],
    headers: all,
    cookies: cookies === undefined ? [] : [cookies].flat(),
    read: async () => (await chunks.next()).value as Uint8Array | undefined,
    text: () => answer.body.text(),
    cancel: () => {
      // Destroying a body not read to its end makes it emit an abort error: expected, so not an unhandled one.
      answer.body.on('error', () => {});
      answer.body.destroy();
    },
  };
}

async function fetchRequest({ url, method, headers, body, signal }: HttpRequest): Promise<HttpResponse> {
  const fetch = (globalThis as { fetch?: Fetch }).fetch;
  if (!fetch) throw noFetch();
  // Aborting the signal also ends a body being read; `cancel` ends it otherwise.
  const controller = new AbortController();
  const abort = (): void => controller.abort(signal.reason);
  if (signal.aborted) abort();
  signal.addEventListener('abort', abort, { once: true });
  // A stream only when the body can not be a Blob: browsers send streams over HTTP/2 only. duplex "half"
  // lets fetch send a stream, and is ignored for other bodies.
  const sent = typeof body === 'object' ? (body.blob() ?? body.stream()) : body;
  // fetch sets Content-Length itself (browsers refuse it from callers; Node's fetch rejects a second one).
  const kept = Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-length'));
  const answer = await fetch(url, {
    method,
    headers: kept,
    body: sent,
    signal: controller.signal,
    redirect: 'manual',
    duplex: 'half',
  });
  const all: Record<string, string> = {};
  answer.headers.forEach((value, name) => (all[name] = value));
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

function noFetch(): LiferayError {
  return new LiferayError('no global fetch in this runtime', { code: 'LIFERAY_UNSUPPORTED' });
}
