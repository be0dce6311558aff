import type { Cancellation } from './deadline.js';
import { LiferayError } from './errors.js';
import { importUndici, type TransportKind } from './transport.js';

/** One request of an upload, a download or a sign-in: any URL and method, a streamed body, no redirect followed. */
export interface HttpRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  /** A body that can be a Blob goes to fetch as one (the browser streams it from disk); undici gets the stream. */
  readonly body?: string | StreamedBody;
  readonly signal: Cancellation;
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

// The little of undici and fetch used here, typed locally to compile without their types.
interface Undici {
  request(
    url: string,
    // A web stream is a body undici takes: Node makes it async iterable.
    options: {
      method: string;
      headers: Readonly<Record<string, string>>;
      body?: string | ReadableStream<Uint8Array>;
      signal: Cancellation;
    },
  ): Promise<{
    statusCode: number;
    headers: Record<string, string | string[] | undefined>;
    body: AsyncIterable<Uint8Array> & { text(): Promise<string>; destroy(): void; on(event: 'error', listener: () => void): void };
  }>;
}

type Fetch = (
  url: string,
  init: {
    method: string;
    headers: Readonly<Record<string, string>>;
    body?: unknown;
    signal: AbortSignal;
    redirect: 'manual';
    duplex: 'half';
  },
) => Promise<{
  status: number;
  type?: string;
  headers: { forEach(each: (value: string, name: string) => void): void; getSetCookie?(): string[] };
  body: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}>;

/**
 * Sends one request with undici's global pool in Node (unless `transport` is "fetch") or else the global
 * `fetch`, and resolves once the answer's headers are in. The session's kept-alive JSON transport only posts
 * small strings; streaming both ways is kept here, out of the core, for the apps that transfer files.
 */
export async function httpRequest(transport: TransportKind | undefined, request: HttpRequest): Promise<HttpResponse> {
  const undici = await importUndici<Undici>(transport);
  return undici ? undiciRequest(undici, request) : fetchRequest(request);
}

async function undiciRequest(undici: Undici, { url, method, headers, body, signal }: HttpRequest): Promise<HttpResponse> {
  const sent = typeof body === 'object' ? body.stream() : body;
  const answer = await undici.request(url, { method, headers, signal, ...(sent === undefined ? {} : { body: sent }) });
  const all: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined) all[name] = [value].flat().join(', ');
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
  if (!fetch) throw new LiferayError('no global fetch in this runtime');
  // fetch needs a real AbortSignal; aborting it also ends a body being read.
  const controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort(signal.reason));
  // A stream only when the body can not be a Blob: browsers send streams over HTTP/2 only. duplex "half"
  // lets fetch send a stream, and is ignored for other bodies.
  const sent = typeof body === 'object' ? (body.blob() ?? body.stream()) : body;
  // fetch sets Content-Length itself (browsers refuse it from callers; Node's fetch rejects a second one).
  const kept = Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-length'));
  const answer = await fetch(url, { method, headers: kept, body: sent, signal: controller.signal, redirect: 'manual', duplex: 'half' });
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
