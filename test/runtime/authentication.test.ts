import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { answer, startPortalServer, type PortalHandler, type PortalServer } from '../helpers/portal-server.js';
import { toBase64 } from '../../src/runtime/authentication.js';
import {
  AuthenticationError,
  BasicAuthentication,
  BearerAuthentication,
  Session,
  type Authentication,
} from '../../src/runtime/index.js';
import { echo, getEntry } from './jsonws-portal.js';

let portal: PortalServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await portal?.close();
  portal = session = undefined;
});

async function open(handler: PortalHandler, authentication: Authentication): Promise<Session> {
  portal = await startPortalServer(handler);
  session = new Session({ server: portal.url, authentication });
  return session;
}

function authorizations(): (string | undefined)[] {
  return portal?.requests.map((request) => request.headers.authorization) ?? [];
}

/** Accepts only `Bearer <token>`; answers 401 otherwise. */
function acceptBearer(token: string): PortalHandler {
  return (request, response, incoming) =>
    request.headers.authorization === `Bearer ${token}`
      ? echo(request, response, incoming)
      : answer(401, 'expired')(request, response, incoming);
}

describe('toBase64', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['test@liferay.com:test', 'dGVzdEBsaWZlcmF5LmNvbTp0ZXN0'],
    ['jürgen:密码🔑', Buffer.from('jürgen:密码🔑', 'utf8').toString('base64')],
  ])('encodes %j as UTF-8 base64', (text, want) => {
    expect(toBase64(text)).toBe(want);
  });

  it('agrees with Buffer on any Unicode text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        (text) => toBase64(text) === Buffer.from(text, 'utf8').toString('base64'),
      ),
    );
  });
});

describe('authentication headers', () => {
  it('sends Basic credentials', async () => {
    await (await open(echo, new BasicAuthentication('test@liferay.com', 'pässword'))).invoke(getEntry, { entryId: 1 });
    expect(authorizations()).toEqual([`Basic ${Buffer.from('test@liferay.com:pässword').toString('base64')}`]);
  });

  it('sends a Bearer token', async () => {
    await (await open(echo, new BearerAuthentication('abc.def'))).invoke(getEntry, { entryId: 1 });
    expect(authorizations()).toEqual(['Bearer abc.def']);
  });

  it('sends the session headers and the call headers with them', async () => {
    portal = await startPortalServer(echo);
    session = new Session({ server: portal.url, headers: { 'X-Tenant': 'a', 'Accept-Language': 'fr-FR' } });
    await session.invoke(getEntry, { entryId: 1 }, { headers: { 'X-Tenant': 'b', 'X-Trace': '7' } });
    expect(portal.requests[0]?.headers).toMatchObject({ 'x-tenant': 'b', 'accept-language': 'fr-FR', 'x-trace': '7' });
  });
});

describe('refresh after a 401', () => {
  it('renews the token once and retries the call once', async () => {
    let renewals = 0;
    const refresh = (): Promise<string> => Promise.resolve(`new-${++renewals}`);
    const result = await (
      await open(acceptBearer('new-1'), new BearerAuthentication('old', { refresh }))
    ).invoke(getEntry, { entryId: 5 });
    expect(result).toEqual({ entryId: 5 });
    expect(renewals).toBe(1);
    expect(authorizations()).toEqual(['Bearer old', 'Bearer new-1']);
    // The renewed token is kept for later calls.
    await session?.invoke(getEntry, { entryId: 6 });
    expect(authorizations()).toEqual(['Bearer old', 'Bearer new-1', 'Bearer new-1']);
  });

  it('fails with an AuthenticationError when the retry is refused too', async () => {
    let renewals = 0;
    const refresh = (): Promise<string> => Promise.resolve(`new-${++renewals}`);
    const call = (await open(answer(401), new BearerAuthentication('old', { refresh }))).invoke(getEntry, {
      entryId: 1,
    });
    await expect(call).rejects.toBeInstanceOf(AuthenticationError);
    expect(renewals).toBe(1);
    expect(authorizations()).toEqual(['Bearer old', 'Bearer new-1']);
  });

  it('does not retry without a refresh hook, nor with Basic credentials', async () => {
    await expect(
      (await open(answer(401), new BearerAuthentication('old'))).invoke(getEntry, { entryId: 1 }),
    ).rejects.toBeInstanceOf(AuthenticationError);
    expect(authorizations()).toEqual(['Bearer old']);
    await session?.close();
    await portal?.close();
    await expect(
      (await open(answer(401), new BasicAuthentication('a', 'b'))).invoke(getEntry, { entryId: 1 }),
    ).rejects.toBeInstanceOf(AuthenticationError);
    expect(portal?.requests).toHaveLength(1);
  });

  it('wraps a failing refresh hook in an AuthenticationError', async () => {
    const cause = new Error('refresh token revoked');
    const call = (
      await open(answer(401), new BearerAuthentication('old', { refresh: () => Promise.reject(cause) }))
    ).invoke(getEntry, {
      entryId: 1,
    });
    const error = await call.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).cause).toBe(cause);
    expect(portal?.requests).toHaveLength(1);
  });

  it('shares one renewal between calls refused together', async () => {
    let renewals = 0;
    const refresh = (): Promise<string> => Promise.resolve(`new-${++renewals}`);
    const open401 = await open(acceptBearer('new-1'), new BearerAuthentication('old', { refresh }));
    const results = await Promise.all([1, 2, 3].map((entryId) => open401.invoke(getEntry, { entryId })));
    expect(results).toEqual([{ entryId: 1 }, { entryId: 2 }, { entryId: 3 }]);
    expect(renewals).toBe(1);
  });
});
