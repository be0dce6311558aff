import { afterEach, describe, expect, it } from 'vitest';
import { redirect, route, serveHtml, startPortalServer, type PortalServer } from '../helpers/portal-server.js';
import { AuthenticationError, CookieAuthentication, Session, type TransportKind } from '../../src/runtime/index.js';
import { download } from '../../src/runtime/download.js';
import { PASSWORD, USER, startCookiePortal, tokenOf, type CookiePortal } from './cookie-portal.js';
import { getEntry } from './jsonws-portal.js';

let portal: CookiePortal | undefined;
let other: PortalServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await portal?.server.close();
  await other?.close();
  portal = other = session = undefined;
});

async function signedIn(transport?: TransportKind): Promise<Session> {
  portal = await startCookiePortal();
  const authentication = await CookieAuthentication.signIn(portal.server.url, USER, PASSWORD, transport ? { transport } : {});
  session = new Session({ server: portal.server.url, authentication, ...(transport ? { transport } : {}) });
  return session;
}

function calls(): { cookie: string | undefined; token: string | string[] | undefined }[] {
  return (portal?.server.requests ?? [])
    .filter((request) => request.url === '/api/jsonws/invoke')
    .map((request) => ({ cookie: request.headers.cookie, token: request.headers['x-csrf-token'] }));
}

describe.each<TransportKind>(['undici', 'fetch'])('signing in with cookies over %s', (transport) => {
  it('posts the login form, follows the redirect with its cookies, and reads Liferay.authToken', async () => {
    await signedIn(transport);
    const [login, home] = portal?.server.requests ?? [];
    expect([login?.method, login?.url, login?.headers['content-type'], login?.headers.cookie]).toEqual([
      'POST',
      '/c/portal/login',
      'application/x-www-form-urlencoded',
      'COOKIE_SUPPORT=true',
    ]);
    expect(login?.body).toBe('login=test%40liferay.com&password=p%C3%A4ss%20w%26rd');
    // The cookie the portal expired (Max-Age=0) is dropped.
    expect([home?.method, home?.url, home?.headers.cookie]).toEqual([
      'GET',
      '/web/guest/home',
      'COOKIE_SUPPORT=true; JSESSIONID=1; GUEST_LANGUAGE_ID=en_US',
    ]);
  });

  it('sends the cookies and the token as X-CSRF-Token with every call', async () => {
    const result = await (await signedIn(transport)).invoke(getEntry, { entryId: 3 });
    expect(result).toEqual({ entryId: 3 });
    expect(calls()).toEqual([{ cookie: 'COOKIE_SUPPORT=true; JSESSIONID=1; GUEST_LANGUAGE_ID=en_US', token: tokenOf('1') }]);
  });
});

describe('a cookie sign-in that fails', () => {
  it('rejects a wrong password with an AuthenticationError', async () => {
    portal = await startCookiePortal();
    const error = await CookieAuthentication.signIn(portal.server.url, USER, 'wrong').catch((caught: unknown) => caught);
    expect(error).toEqual(new AuthenticationError('sign-in refused: check the login and the password'));
    expect(error).toMatchObject({ code: 'LIFERAY_AUTHENTICATION', path: undefined });
    expect(error).toBeInstanceOf(AuthenticationError);
  });

  it('rejects a page without Liferay.authToken, and a redirect away from the portal', async () => {
    other = await startPortalServer(route({ '/c/portal/login': serveHtml('<html>no token</html>') }));
    await expect(CookieAuthentication.signIn(other.url, USER, PASSWORD)).rejects.toThrow(
      'sign-in reached a page without Liferay.authToken',
    );
    const away = await startPortalServer(redirect(`${other.url}/elsewhere`));
    try {
      await expect(CookieAuthentication.signIn(away.url, USER, PASSWORD)).rejects.toThrow('sign-in redirected away from the portal');
      expect(other.requests.map((request) => request.url)).toEqual(['/c/portal/login']);
    } finally {
      await away.close();
    }
  });
});

describe('an expired portal session', () => {
  it.each<'status' | 'redirect'>(['status', 'redirect'])('is signed in again once and the call retried (refused by %s)', async (how) => {
    await (await signedIn()).invoke(getEntry, { entryId: 1 });
    portal?.expire();
    portal?.refuseWith(how);
    expect(await session?.invoke(getEntry, { entryId: 2 })).toEqual({ entryId: 2 });
    expect(portal?.logins()).toBe(2);
    expect(calls().map((call) => call.token)).toEqual([tokenOf('1'), tokenOf('1'), tokenOf('2')]);
    expect(calls()[2]?.cookie).toBe('COOKIE_SUPPORT=true; JSESSIONID=2; GUEST_LANGUAGE_ID=en_US');
  });

  it('shares one sign-in between calls refused together', async () => {
    await signedIn();
    portal?.expire();
    const results = await Promise.all([1, 2, 3].map((entryId) => session!.invoke(getEntry, { entryId })));
    expect(results).toEqual([{ entryId: 1 }, { entryId: 2 }, { entryId: 3 }]);
    expect(portal?.logins()).toBe(2);
  });

  it('fails with an AuthenticationError when the call is refused again after signing in again', async () => {
    await signedIn();
    portal?.expire(true);
    const error = await session?.invoke(getEntry, { entryId: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ path: '/blogsentry/get-entry' });
    expect(portal?.logins()).toBe(2);
    expect(calls()).toHaveLength(2);
  });
});

describe('cookies and other origins', () => {
  it('are not sent to a session of another portal, nor to a download redirected elsewhere', async () => {
    other = await startPortalServer(serveHtml('elsewhere'));
    const authentication = await CookieAuthentication.signIn((portal = await startCookiePortal()).server.url, USER, PASSWORD);
    const elsewhere = new Session({ server: other.url, authentication });
    await (await download(elsewhere, '/documents/x')).text();
    await elsewhere.close();
    session = new Session({ server: portal.server.url, authentication });
    await (await download(session, `${other.url}/documents/y`)).text();
    expect(other.requests.map((request) => [request.url, request.headers.cookie, request.headers['x-csrf-token']])).toEqual([
      ['/documents/x', undefined, undefined],
      ['/documents/y', undefined, undefined],
    ]);
    expect(authentication.authToken).toBe(tokenOf('1'));
  });
});
