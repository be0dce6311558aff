/**
 * Redirects are never followed: a redirect to the sign-in page or to another origin ends in a RedirectError,
 * and the other server receives nothing, so no credentials or cookies can leak there. A 401 with a token
 * that can be renewed is retried exactly once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  answer,
  failTimes,
  redirect,
  serveJson,
  startPortalServer,
  type PortalServer,
} from '../helpers/portal-server.js';
import {
  AuthenticationError,
  BasicAuthentication,
  BearerAuthentication,
  RedirectError,
  Session,
  type Authentication,
} from '../../src/runtime/index.js';
import { call, failureOf, getEntry, matrix, valueOf } from './fault-harness.js';

let servers: PortalServer[] = [];
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
  session = undefined;
});

async function start(...args: Parameters<typeof startPortalServer>): Promise<PortalServer> {
  const server = await startPortalServer(...args);
  servers.push(server);
  return server;
}

const credentials: [string, () => Authentication | undefined][] = [
  ['no credentials', () => undefined],
  ['Basic', () => new BasicAuthentication('test@liferay.com', 'secret')],
  ['a renewable Bearer token', () => new BearerAuthentication('old', { refresh: () => Promise.resolve('new') })],
];

describe.each(matrix)('redirects and refusals (%s, %s style)', (transport, style) => {
  it.each(credentials)(
    'rejects a 302 to the login page with a RedirectError, with %s, never calling the page',
    async (_, auth) => {
      const login = await start(serveJson('"login page"'));
      const location = login.url + '/c/portal/login?redirect=%2Fapi%2Fjsonws';
      const portal = await start(redirect(location));
      const authentication = auth();
      const headers = { Cookie: 'JSESSIONID=abc' };
      session = new Session({ server: portal.url, transport, headers, ...(authentication ? { authentication } : {}) });
      const error = failureOf(await call(style, session, getEntry, { entryId: 1 }));
      expect(error).toBeInstanceOf(RedirectError);
      expect((error as RedirectError).status).toBe(302);
      expect((error as RedirectError).location).toBe(location);
      // The sign-in page of another origin is not the portal's own: nothing is renewed, even a renewable token.
      expect(portal.requests).toHaveLength(1);
      expect(login.requests).toHaveLength(0);
    },
  );

  it.each([301, 302, 303, 307, 308])('sends nothing to another origin a %i points to', async (status) => {
    const other = await start(serveJson([{ stolen: true }]));
    const location = other.url + '/api/jsonws/invoke';
    const portal = await start(redirect(location, status));
    const authentication = new BearerAuthentication('token');
    session = new Session({ server: portal.url, transport, authentication, headers: { Cookie: 'JSESSIONID=abc' } });
    const error = failureOf(await call(style, session, getEntry, { entryId: 1 }));
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as RedirectError).status).toBe(status);
    expect((error as RedirectError).location).toBe(location);
    expect(portal.requests).toHaveLength(1);
    expect(portal.requests[0]?.headers.authorization).toBe('Bearer token');
    expect(other.requests).toHaveLength(0);
  });

  it('retries a 401 exactly once after a successful Bearer refresh, with the new token', async () => {
    const portal = await start(failTimes(1, answer(401), serveJson([{ entryId: 1 }])));
    let renewals = 0;
    const authentication = new BearerAuthentication('old', { refresh: () => Promise.resolve('new' + ++renewals) });
    session = new Session({ server: portal.url, transport, authentication });
    expect(valueOf(await call(style, session, getEntry, { entryId: 1 }))).toEqual({ entryId: 1 });
    expect(renewals).toBe(1);
    expect(portal.requests.map((request) => request.headers.authorization)).toEqual(['Bearer old', 'Bearer new1']);
  });

  it('gives up with an AuthenticationError after one retry when the new token is refused too', async () => {
    const portal = await start(answer(401));
    let renewals = 0;
    const authentication = new BearerAuthentication('old', { refresh: () => Promise.resolve('new' + ++renewals) });
    session = new Session({ server: portal.url, transport, authentication });
    const error = failureOf(await call(style, session, getEntry, { entryId: 1 }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(renewals).toBe(1);
    expect(portal.requests).toHaveLength(2);
  });
});
