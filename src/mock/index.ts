/**
 * The mock portal. Consumes discovery documents (files, one per context; by default the bundled 7.x portal
 * fixture) and produces a local HTTP server that answers like a Liferay portal's JSON web services:
 * discovery, `/invoke` (single and batch) and path-style calls, with the portal's own error bodies and
 * deterministic generated results. Used by tests, demos and `liferay-sdk-builder mock`.
 *
 *   const portal = await startMockPortal({ port: 0 });
 *   await fetch(`${portal.url}/api/jsonws/invoke`, { method: 'POST', body: '{"/user/get-user-by-id": {"userId": 7}}' });
 *   await portal.close();
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { packagePath } from '../package-root.js';
import { corsOrigin, withCors } from './cors.js';
import { loadFixtures } from './fixtures.js';
import { loadPortal } from './load-portal.js';
import { MockError } from './mock-error.js';
import { createPortalHandler } from './portal-handler.js';
import { ValueSource } from './value-source.js';

export { MockError, type MockErrorCode } from './mock-error.js';

export interface MockPortalOptions {
  /** Discovery documents, one per context, all in one format (default: the bundled 7.x portal fixture). */
  readonly discovery?: readonly string[];
  /** Default 8080; 0 picks a free port. */
  readonly port?: number;
  /** Default "127.0.0.1". */
  readonly host?: string;
  /** Require HTTP Basic with this user and password (both or neither). */
  readonly user?: string;
  readonly password?: string;
  /** Milliseconds every answer is delayed by (default 0). */
  readonly latency?: number;
  /** Seed of the generated results (default 1): same seed and request, same answer. */
  readonly seed?: number;
  /** Receives one line per request: method, path, status and command paths (never headers or values). */
  readonly onRequest?: (line: string) => void;
  /** Answer CORS preflights and send CORS headers for this origin ("http://localhost:5173"), or "*". */
  readonly cors?: string;
  /** A JSON file of the user's own results and errors for chosen actions, and documents (see fixtures.ts). */
  readonly fixtures?: string;
  /** How latency is waited for (default: a timer); tests pass a gate they open themselves. */
  readonly sleep?: (milliseconds: number) => Promise<void>;
}

export interface MockPortal {
  /** "http://127.0.0.1:<port>", without a trailing slash. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** The bundled document, in the package: works from the repository and from an installed package. */
export const DEFAULT_DISCOVERY = packagePath('fixtures/discovery/7.x/portal.json');

export async function startMockPortal(options: MockPortalOptions = {}): Promise<MockPortal> {
  if ((options.user === undefined) !== (options.password === undefined)) {
    throw new MockError('mock.options', 'HTTP Basic needs both a user and a password');
  }
  const cors = options.cors === undefined ? undefined : corsOrigin(options.cors);
  if (options.cors !== undefined && cors === undefined) {
    throw new MockError(
      'mock.options',
      `--cors takes an origin such as http://localhost:5173, or *; got "${options.cors}"`,
    );
  }
  const data = await loadPortal(options.discovery ?? [DEFAULT_DISCOVERY]);
  const fixtures = options.fixtures === undefined ? undefined : await loadFixtures(options.fixtures, data);
  const handler = createPortalHandler({
    data,
    generation: { source: new ValueSource(options.seed ?? 1), models: data.models },
    credentials:
      options.user === undefined || options.password === undefined
        ? undefined
        : { user: options.user, password: options.password },
    latency: options.latency ?? 0,
    sleep: options.sleep ?? ((milliseconds) => sleep(milliseconds)),
    onRequest: options.onRequest,
    fixtures,
  });
  const server = createServer(cors === undefined ? handler : withCors(cors, handler, options.onRequest));
  const host = options.host ?? '127.0.0.1';
  const { port } = await listen(server, options.port ?? 8080, host);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () => closeServer(server),
  };
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? 'the address is in use' : error.message;
      reject(new MockError('mock.listen', `cannot listen on ${host}:${port}: ${reason}`, { cause: error }));
    });
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive and hanging connections would otherwise hold the server open.
    server.closeAllConnections();
  });
}
