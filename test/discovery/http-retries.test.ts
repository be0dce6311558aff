import { afterEach, describe, expect, it } from 'vitest';
import { ExitCode, exitCodeOf } from '../../src/cli/exit-codes.js';
import { type DiscoveryEvent, discoverDocuments } from '../../src/discovery/index.js';
import {
  answer,
  destroyMidBody,
  failTimes,
  hang,
  hangMidBody,
  type PortalHandler,
  type PortalServer,
  refusedUrl,
  serveJson,
  startPortalServer,
} from '../helpers/portal-server.js';
import { rejection } from './rejection.js';
import { v7Document } from './sample-documents.js';

let portal: PortalServer | undefined;
afterEach(async () => {
  await portal?.close();
  portal = undefined;
});

async function startPortal(handler: PortalHandler): Promise<PortalServer> {
  portal = await startPortalServer(handler);
  return portal;
}

const discoverUrl = (base: string): string => `${base}/api/jsonws?discover=/*`;

describe('retries', () => {
  it.each([502, 503, 504])('retries HTTP %i with exponential backoff until the portal answers', async (status) => {
    const { url, requests } = await startPortal(failTimes(2, answer(status, 'busy'), serveJson(v7Document)));
    const events: DiscoveryEvent[] = [];
    const [discovered] = await discoverDocuments({ url, retryDelay: 1, onEvent: (event) => events.push(event) });
    expect(discovered?.format).toBe('7.x');
    expect(requests).toHaveLength(3);
    expect(events.filter((event) => event.kind === 'retry')).toEqual([
      { kind: 'retry', url: discoverUrl(url), attempt: 1, delay: 1, reason: `HTTP ${status}` },
      { kind: 'retry', url: discoverUrl(url), attempt: 2, delay: 2, reason: `HTTP ${status}` },
    ]);
  });

  it('gives up after the last retry with the status', async () => {
    const { url, requests } = await startPortal(answer(503, 'Service Unavailable'));
    const error = await rejection(discoverDocuments({ url, retries: 2, retryDelay: 1 }));
    expect(requests).toHaveLength(3);
    expect([error.code, exitCodeOf(error.code), error.message]).toEqual([
      'discovery.http',
      ExitCode.http,
      `The portal answered HTTP 503 at ${discoverUrl(url)} (3 attempts): check the portal's log, or retry later.`,
    ]);
  });

  it('retries a refused connection, then reports the portal unreachable', async () => {
    const url = await refusedUrl();
    const events: DiscoveryEvent[] = [];
    const error = await rejection(
      discoverDocuments({ url, retries: 2, retryDelay: 1, onEvent: (event) => events.push(event) }),
    );
    expect(events.filter((event) => event.kind === 'request')).toHaveLength(3);
    expect(
      events.filter((event) => event.kind === 'retry').map((event) => event.kind === 'retry' && event.reason),
    ).toEqual(['ECONNREFUSED', 'ECONNREFUSED']);
    expect([error.code, exitCodeOf(error.code), error.message]).toEqual([
      'discovery.unreachable',
      ExitCode.unreachable,
      `Cannot reach the portal at ${discoverUrl(url)} (connection refused, 3 attempts): check the URL and that the portal is running.`,
    ]);
  });

  it('retries when the connection drops in the middle of the body', async () => {
    const { url, requests } = await startPortal(failTimes(1, destroyMidBody(), serveJson(v7Document)));
    const [discovered] = await discoverDocuments({ url, retryDelay: 1 });
    expect(discovered?.format).toBe('7.x');
    expect(requests).toHaveLength(2);
  });

  it('reports a connection that keeps dropping as unreachable', async () => {
    const { url, requests } = await startPortal(destroyMidBody());
    const error = await rejection(discoverDocuments({ url, retries: 1, retryDelay: 1 }));
    expect(requests).toHaveLength(2);
    expect([error.code, error.message]).toEqual([
      'discovery.unreachable',
      `Cannot reach the portal at ${discoverUrl(url)} (connection closed, 2 attempts): check the URL and that the portal is running.`,
    ]);
  });

  it.each([
    [401, 'discovery.unauthorized'],
    [403, 'discovery.unauthorized'],
    [404, 'discovery.not-found'],
    [500, 'discovery.http'],
  ])('does not retry HTTP %i', async (status, code) => {
    const { url, requests } = await startPortal(answer(status));
    const error = await rejection(discoverDocuments({ url, retryDelay: 1 }));
    expect(error.code).toBe(code);
    expect(requests).toHaveLength(1);
  });

  it('reports a host that does not resolve as unreachable', async () => {
    const error = await rejection(discoverDocuments({ url: 'http://portal.invalid', retries: 0 }));
    expect([error.code, exitCodeOf(error.code)]).toEqual(['discovery.unreachable', ExitCode.unreachable]);
    expect(error.message).toMatch(
      /^Cannot reach the portal at http:\/\/portal\.invalid\/api\/jsonws\?discover=\/\* \(host (not found|name lookup failed)\): /,
    );
  });
});

describe('timeouts', () => {
  it('rejects a portal that never answers, without retrying, and releases the connection', async () => {
    const server = await startPortal(hang());
    const error = await rejection(discoverDocuments({ url: server.url, timeout: 200, retries: 3, retryDelay: 1 }));
    expect([error.code, exitCodeOf(error.code), error.message]).toEqual([
      'discovery.timeout',
      ExitCode.unreachable,
      `No complete answer from ${discoverUrl(server.url)} within 200 ms: check that the portal is up, or allow a longer timeout.`,
    ]);
    expect(server.requests).toHaveLength(1);
    await server.whenIdle();
    expect(server.openConnections()).toBe(0);
  }, 10_000);

  it('rejects a body that stalls halfway', async () => {
    const server = await startPortal(hangMidBody());
    const error = await rejection(discoverDocuments({ url: server.url, timeout: 200 }));
    expect(error.code).toBe('discovery.timeout');
    await server.whenIdle();
    expect(server.openConnections()).toBe(0);
  }, 10_000);
});
