/**
 * undici's transports, for Node: loaded by transport.ts only once undici was found complete, so that bundles
 * for browsers and React Native carry them as a chunk that is never loaded.
 */
import type { CallSignal } from './deadline.js';
import {
  headersOf,
  type HttpRequest,
  type HttpResponse,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from './transport.js';

/** The little of undici used here, typed locally to compile without its types. */
export interface Undici {
  Agent: new (options?: { connections?: number }) => UndiciAgent;
  /** A request through undici's global pool. A web stream is a body undici takes: Node makes it async iterable. */
  request(
    url: string,
    options: {
      method: string;
      headers: Readonly<Record<string, string>>;
      body?: string | ReadableStream<Uint8Array>;
      signal: CallSignal;
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
    signal: CallSignal;
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

/** undici's `request` on one keep-alive Agent: the cheapest way to POST from Node. Redirects are not followed. */
export function undiciTransport(undici: Undici, url: string, connections?: number): Transport {
  const match = /^([^:/]+:\/\/[^/]+)(.*)$/.exec(url);
  const origin = match?.[1] ?? url;
  const path = match?.[2] || '/';
  // A call that follows an answer in the same tick finds its socket not yet back in the pool, and undici would
  // open another: capped at the session's limit, the pool queues that call for the moment instead.
  const agent = new undici.Agent(connections ? { connections } : {});
  return {
    async send({ headers, body, signal }: TransportRequest): Promise<TransportResponse> {
      const answer = await agent.request({ origin, path, method: 'POST', headers, body, signal });
      const { location, 'set-cookie': cookies } = answer.headers;
      return {
        status: answer.statusCode,
        location: typeof location === 'string' ? location : undefined,
        headers: answer.headers,
        body: await answer.body.text(),
        cookies: cookies === undefined ? undefined : [cookies].flat(),
      };
    },
    close: () => agent.close(),
  };
}

export async function undiciRequest(
  undici: Undici,
  { url, method, headers, body, signal }: HttpRequest,
): Promise<HttpResponse> {
  const sent = typeof body === 'object' ? body.stream() : body;
  const answer = await undici.request(url, { method, headers, signal, ...(sent === undefined ? {} : { body: sent }) });
  const all = headersOf(answer.headers);
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
