/**
 * Faults of the connection itself (refused, reset, stalled) on both transports and in both call styles:
 * each ends in the documented LiferayError, exactly once, and leaves no connection open at the server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  destroyMidBody,
  hang,
  hangMidBody,
  refusedUrl,
  startPortalServer,
  type PortalHandler,
  type PortalServer,
} from '../helpers/portal-server.js';
import { NetworkError, ParseError, Session, TimeoutError } from '../../src/runtime/index.js';
import { call, failureOf, getEntry, guarded, matrix } from './fault-harness.js';

let portal: PortalServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await portal?.close();
  portal = session = undefined;
});

/** Chunked framing, then the socket destroyed before the last chunk. */
const destroyChunked: PortalHandler = (_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.write('[[1,2,', () => response.destroy());
};

/**
 * No Content-Length and no chunks: the body ends when the connection closes (RFC 9112 §6.3), so a close
 * in the middle is, for any client, a complete body. Written raw because node:http always frames its answers.
 */
const closeDelimited: PortalHandler = (_request, _response, incoming) => {
  incoming.socket.end('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n[[1,2,');
};

describe.each(matrix)('connection faults (%s, %s style)', (transport, style) => {
  it('rejects a refused connection with a NetworkError carrying the cause', async () => {
    session = new Session({ server: await refusedUrl(), transport });
    const error = failureOf(await call(style, session, getEntry, { entryId: 1 }));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(/^\/blogsentry\/get-entry: network failure: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it.each([
    ['a Content-Length body', destroyMidBody('[[1,2,')],
    ['a chunked body', destroyChunked],
  ])('rejects a connection reset in the middle of %s with a NetworkError', async (_, handler) => {
    portal = await startPortalServer(handler);
    session = new Session({ server: portal.url, transport });
    const error = failureOf(await call(style, session, getEntry, { entryId: 1 }));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.cause).toBeInstanceOf(Error);
    await guarded(portal.whenIdle(), 'server idle');
  });

  it('rejects a close-delimited body cut short with a ParseError: the close is its legitimate end', async () => {
    portal = await startPortalServer(closeDelimited);
    session = new Session({ server: portal.url, transport });
    const error = failureOf(await call(style, session, getEntry, { entryId: 1 }));
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).body).toBe('[[1,2,');
  });

  it.each([
    ['sends nothing', hang()],
    ['stalls in the middle of the body', hangMidBody('[[1,2,')],
  ])('times out at the session timeout when the portal %s, and closes the connection', async (_, handler) => {
    portal = await startPortalServer(handler);
    session = new Session({ server: portal.url, transport, timeout: 300 });
    const error = failureOf(await call(style, session, getEntry, { entryId: 1 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe('/blogsentry/get-entry: no answer within 300 ms');
    expect((error as TimeoutError).timeout).toBe(300);
    expect(portal.requests).toHaveLength(1);
    // The server sees the connection closed, without session.close().
    await guarded(portal.whenIdle(), 'server idle');
    expect(portal.openConnections()).toBe(0);
  });
});
