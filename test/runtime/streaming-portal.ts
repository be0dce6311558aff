/**
 * A portal for large and interrupted uploads: unlike the shared test portal, it never holds a body in
 * memory. It hashes the file part as it streams in (the file is the form's last part), or stalls after the
 * first bytes, and tells when the client's socket closes.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { boundaryOf } from './multipart.js';

export interface Received {
  /** Body bytes in all. */
  readonly bytes: number;
  readonly fileBytes: number;
  readonly sha256: string;
}

export interface StreamingPortal {
  readonly url: string;
  /** Resolves when the first body bytes of an upload arrive. */
  readonly started: Promise<void>;
  /**
   * Resolves when the upload's connection closes: the client released it. A stalled portal reads again
   * first, as a socket that is not read from never sees its peer close.
   */
  whenClosed(): Promise<void>;
  close(): Promise<void>;
}

/** `consume`: read it all and answer what was received; `stall`: stop reading after the first chunk, never answer. */
export async function startStreamingPortal(mode: 'consume' | 'stall'): Promise<StreamingPortal> {
  let start = (): void => {};
  let closeSocket = (): void => {};
  const started = new Promise<void>((resolve) => (start = resolve));
  const closed = new Promise<void>((resolve) => (closeSocket = resolve));
  let stalled: IncomingMessage | undefined;
  const server = createServer((request, response) => {
    request.socket.on('close', closeSocket);
    request.once('data', start);
    if (mode === 'consume') return consume(request, response);
    stalled = request;
    request.once('data', () => request.pause());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    started,
    whenClosed: () => {
      stalled?.resume();
      return closed;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function consume(request: IncomingMessage, response: ServerResponse): void {
  const tail = Buffer.from(`\r\n--${boundaryOf(request.headers)}--\r\n`);
  const hash = createHash('sha256');
  let head: Buffer | undefined = Buffer.alloc(0);
  let pending = Buffer.alloc(0);
  let bytes = 0;
  let fileBytes = 0;
  request.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    let data = chunk;
    if (head) {
      // Skip the fields and the file part's headers.
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n', head.lastIndexOf('filename="'));
      if (head.lastIndexOf('filename="') < 0 || end < 0) return;
      data = head.subarray(end + 4);
      head = undefined;
    }
    // The closing boundary is held back until the end, so that only file bytes are hashed.
    pending = Buffer.concat([pending, data]);
    const ready = pending.length - tail.length;
    if (ready <= 0) return;
    hash.update(pending.subarray(0, ready));
    fileBytes += ready;
    pending = Buffer.from(pending.subarray(ready));
  });
  request.on('end', () => {
    const received: Received = {
      bytes,
      fileBytes,
      sha256: pending.equals(tail) ? hash.digest('hex') : 'bad closing boundary',
    };
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(received));
  });
}
