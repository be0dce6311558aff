/**
 * Renewal before expiry (issue 14, point 2): the portal does not say that a session or a token expired, it
 * treats the call as a guest's, so credentials are renewed before they expire. The clock is vitest's fake Date
 * (timers stay real, for the HTTP servers): no test waits for time to pass.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPortalServer, type PortalServer } from '../helpers/portal-server.js';
import {
  AuthenticationError,
  BearerAuthentication,
  CookieAuthentication,
  Session,
  type BearerToken,
} from '../../src/runtime/index.js';
import { PASSWORD, USER, startCookiePortal, tokenOf, type CookiePortal } from './cookie-portal.js';
import { guestPortal } from './guest-portal.js';
import { getEntry } from './jsonws-portal.js';

const MINUTE = 60_000;
let server: PortalServer | undefined;
let cookiePortal: CookiePortal | undefined;
let session: Session | undefined;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.UTC(2026, 0, 1));
});
afterEach(async () => {
  vi.useRealTimers();
  await session?.close();
  await server?.close();
  await cookiePortal?.server.close();
  server = cookiePortal = session = undefined;
});

/** A portal that accepts only the token `accepted()` names, and runs other calls as the guest's. */
async function bearerPortal(accepted: () => string): Promise<PortalServer> {
  server = await startPortalServer(
    guestPortal('7.x', (request) => request.headers.authorization === `Bearer ${accepted()}`).handler,
  );
  return server;
}

function sentTokens(): (string | undefined)[] {
  return server?.requests.map((request) => request.headers.authorization) ?? [];
}

describe('a bearer token with an expiry', () => {
  it.each<[string, Partial<BearerToken>]>([
    ['expiresIn', { expiresIn: 600 }],
    ['expiresAt', { expiresAt: new Date(Date.UTC(2026, 0, 1) + 10 * MINUTE) }],
  ])('is renewed a minute before it expires (%s), before the call, once for calls made together', async (_, expiry) => {
    let renewals = 0;
    let current = 'first';
    const refresh = (): Promise<BearerToken> =>
      Promise.resolve({ token: (current = `new-${++renewals}`), expiresIn: 600 });
    session = new Session({
      server: (await bearerPortal(() => current)).url,
      authentication: new BearerAuthentication('first', { refresh, ...expiry }),
    });
    await session.invoke(getEntry, { entryId: 1 });
    vi.setSystemTime(Date.now() + 8 * MINUTE + 59_000);
    await session.invoke(getEntry, { entryId: 2 });
    expect(renewals).toBe(0);
    vi.setSystemTime(Date.now() + 1000);
    const active = session;
    const results = await Promise.all([3, 4, 5].map((entryId) => active.invoke(getEntry, { entryId })));
    expect(results).toEqual([{ entryId: 3 }, { entryId: 4 }, { entryId: 5 }]);
    expect(renewals).toBe(1);
    // No call was refused: each went once, the last ones with the new token.
    expect(sentTokens()).toEqual(['Bearer first', 'Bearer first', 'Bearer new-1', 'Bearer new-1', 'Bearer new-1']);
    // The new token's own expiry counts from its renewal.
    vi.setSystemTime(Date.now() + 8 * MINUTE);
    await session.invoke(getEntry, { entryId: 6 });
    expect(renewals).toBe(1);
  });

  it('is not renewed ahead without an expiry, only when refused', async () => {
    let renewals = 0;
    let current = 'first';
    const refresh = (): Promise<string> => Promise.resolve((current = `new-${++renewals}`));
    session = new Session({
      server: (await bearerPortal(() => 'first')).url,
      authentication: new BearerAuthentication('first', { refresh }),
    });
    vi.setSystemTime(Date.now() + 1000 * MINUTE);
    await session.invoke(getEntry, { entryId: 1 });
    expect(renewals).toBe(0);
    expect(current).toBe('first');
  });

  it('fails the call with an AuthenticationError when the renewal before expiry fails', async () => {
    const cause = new Error('refresh token revoked');
    const authentication = new BearerAuthentication('first', { refresh: () => Promise.reject(cause), expiresIn: 30 });
    session = new Session({ server: (await bearerPortal(() => 'first')).url, authentication });
    vi.setSystemTime(Date.now() + 28_000);
    const error = await session.invoke(getEntry, { entryId: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).cause).toBe(cause);
    expect(server?.requests).toHaveLength(0);
  });
});

describe('a cookie session', () => {
  async function signedIn(sessionTimeout?: number): Promise<Session> {
    cookiePortal = await startCookiePortal();
    const authentication = await CookieAuthentication.signIn(
      cookiePortal.server.url,
      USER,
      PASSWORD,
      sessionTimeout ? { sessionTimeout } : {},
    );
    session = new Session({ server: cookiePortal.server.url, authentication });
    return session;
  }

  function callTokens(): (string | string[] | undefined)[] {
    return (cookiePortal?.server.requests ?? [])
      .filter((request) => request.url === '/api/jsonws/invoke')
      .map((request) => request.headers['x-csrf-token']);
  }

  it("signs in again before the portal's default 15 minutes of idleness end, once for calls made together", async () => {
    const session = await signedIn();
    await session.invoke(getEntry, { entryId: 1 });
    // Each call keeps the session alive: 13 minutes twice is not 15 minutes unused.
    vi.setSystemTime(Date.now() + 13 * MINUTE);
    await session.invoke(getEntry, { entryId: 2 });
    vi.setSystemTime(Date.now() + 13 * MINUTE);
    await session.invoke(getEntry, { entryId: 3 });
    expect(cookiePortal?.logins()).toBe(1);
    vi.setSystemTime(Date.now() + 14 * MINUTE);
    await Promise.all([4, 5, 6].map((entryId) => session.invoke(getEntry, { entryId })));
    expect(cookiePortal?.logins()).toBe(2);
    // No call was refused: each went once.
    expect(callTokens()).toEqual([tokenOf('1'), tokenOf('1'), tokenOf('1'), tokenOf('2'), tokenOf('2'), tokenOf('2')]);
  });

  it('follows a configured session timeout', async () => {
    const session = await signedIn(5 * MINUTE);
    vi.setSystemTime(Date.now() + 4 * MINUTE + 29_000);
    await session.invoke(getEntry, { entryId: 1 });
    expect(cookiePortal?.logins()).toBe(1);
    vi.setSystemTime(Date.now() + 4 * MINUTE + 30_000);
    await session.invoke(getEntry, { entryId: 2 });
    expect(cookiePortal?.logins()).toBe(2);
  });
});
