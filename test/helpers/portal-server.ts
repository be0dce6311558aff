/**
 * A stand-in portal for tests: a real node:http server on 127.0.0.1 (port 0) that records every request and
 * answers through a handler. Reused by the discovery, runtime and CLI tests, so it stays protocol-neutral.
 *
 *   const portal = await startPortalServer(serveJson(document));
 *   ... exercise code against portal.url ...
 *   expect(portal.requests[0]?.url).toBe('/api/jsonws?discover=/*');
 *   await portal.close();
 *
 * The handler runs after the request body has been read, so `request.body` is complete.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  /** The request target exactly as received: path and raw query ("/api/jsonws?discover=/*"). */
  readonly url: string;
  /** Lower-cased names, as node:http gives them. */
  readonly headers: IncomingHttpHeaders;
  /** The body decoded as UTF-8; use `rawBody` for binary uploads. */
  readonly body: string;
  readonly rawBody: Buffer;
}

export type PortalHandler = (
  request: RecordedRequest,
  response: ServerResponse,
  incoming: IncomingMessage,
) => void | Promise<void>;

export interface PortalServer {
  /** "http://127.0.0.1:<port>", without a trailing slash. */
  readonly url: string;
  readonly port: number;
  /** Every request received, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Connections currently open (keep-alive ones included). */
  openConnections(): number;
  /** Resolves once every connection has closed, e.g. to check a client released its socket. */
  whenIdle(): Promise<void>;
  /** Drops open connections (hanging requests included) and stops listening. */
  close(): Promise<void>;
}

export async function startPortalServer(handler: PortalHandler): Promise<PortalServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let idleWaiters: (() => void)[] = [];
  const server = createServer((incoming, response) => {
    void receive(incoming).then(async (rawBody) => {
      const recorded = toRecorded(incoming, rawBody);
      requests.push(recorded);
      try {
        await handler(recorded, response, incoming);
      } catch (error) {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(`portal-server handler failed: ${String(error)}`);
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      if (sockets.size > 0) return;
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    openConnections: () => sockets.size,
    whenIdle: () => (sockets.size === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve))),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function receive(incoming: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function toRecorded(incoming: IncomingMessage, rawBody: Buffer): RecordedRequest {
  return {
    method: incoming.method ?? '',
    url: incoming.url ?? '',
    headers: incoming.headers,
    body: rawBody.toString('utf8'),
    rawBody,
  };
}

/** A URL on which nothing listens (the port was just freed), for "connection refused" cases. */
export async function refusedUrl(): Promise<string> {
  const server = await startPortalServer(() => {});
  await server.close();
  return server.url;
}

// Convenience handlers. Combine them: failTimes(2, answer(503), serveJson(document)).

/** Answers with a status, a body and headers (content-type text/plain unless given). */
export function answer(status: number, body = '', headers: Readonly<Record<string, string>> = {}): PortalHandler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    response.end(body);
  };
}

/** Answers a value as JSON (a string is sent as it is, to serve saved documents byte for byte). */
export function serveJson(document: unknown, status = 200): PortalHandler {
  const body = typeof document === 'string' ? document : JSON.stringify(document);
  return answer(status, body, { 'content-type': 'application/json; charset=utf-8' });
}

export function serveHtml(html: string, status = 200): PortalHandler {
  return answer(status, html, { 'content-type': 'text/html; charset=utf-8' });
}

export function redirect(location: string, status = 302): PortalHandler {
  return answer(status, '', { location });
}

/** The n-th request goes to the n-th handler; the last handler answers every request after that. */
export function sequence(...handlers: readonly PortalHandler[]): PortalHandler {
  let calls = 0;
  return (request, response, incoming) => {
    const handler = handlers[Math.min(calls, handlers.length - 1)];
    calls += 1;
    if (handler === undefined) throw new Error('sequence() needs at least one handler');
    return handler(request, response, incoming);
  };
}

/** The first `count` requests go to `failure`, the rest to `success`. */
export function failTimes(count: number, failure: PortalHandler, success: PortalHandler): PortalHandler {
  return sequence(...Array.from({ length: count }, () => failure), success);
}

/** Routes by path (query ignored); unknown paths answer 404. */
export function route(
  table: Readonly<Record<string, PortalHandler>>,
  fallback: PortalHandler = answer(404, 'not found'),
): PortalHandler {
  return (request, response, incoming) => {
    const path = new URL(request.url, 'http://portal').pathname;
    return (table[path] ?? fallback)(request, response, incoming);
  };
}

/** Never answers: the request stays open until the client gives up or the server closes. */
export function hang(): PortalHandler {
  return () => {};
}

/** Sends the headers and part of the body, then stalls forever. */
export function hangMidBody(partial = '{"services": ['): PortalHandler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(partial.length + 1000) });
    response.write(partial);
  };
}

/** Sends the headers and part of the body, then destroys the socket (a crash or a dropped proxy connection). */
export function destroyMidBody(partial = '{"services": ['): PortalHandler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(partial.length + 1000) });
    response.write(partial, () => response.destroy());
  };
}
