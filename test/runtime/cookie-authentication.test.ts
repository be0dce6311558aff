import { afterEach, describe, expect, it } from 'vitest';
import { redirect, route, serveHtml, startPortalServer, type PortalServer } from '../helpers/portal-server.js';
import {
  AuthenticationError,
  CookieAuthentication,
  NetworkError,
  Session,
  TimeoutError,
  type TransportKind,
} from '../../src/runtime/index.js';
import { download } from '../../src/runtime/download.js';
import { originOf } from '../../src/runtime/refusal.js';
import { PASSWORD, USER, startCookiePortal, tokenOf, type CookiePortal, type LoginFamily } from './cookie-portal.js';
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
  const authentication = await CookieAuthentication.signIn(
    portal.server.url,
    USER,
    PASSWORD,
    transport ? { transport } : {},
  );
  session = new Session({ server: portal.server.url, authentication, ...(transport ? { transport } : {}) });
  return session;
}

function calls(): { cookie: string | undefined; token: string | string[] | undefined }[] {
  return (portal?.server.requests ?? [])
    .filter((request) => request.url === '/api/jsonws/invoke')
    .map((request) => ({ cookie: request.headers.cookie, token: request.headers['x-csrf-token'] }));
}

describe.each<TransportKind>(['undici', 'fetch'])('signing in with cookies over %s', (transport) => {
  it('opens a guest session, posts the login form with its token, follows the redirect with its cookies, and reads the new Liferay.authToken', async () => {
    const session = await signedIn(transport);
    const [guest, login, home] = portal?.server.requests ?? [];
    expect([guest?.method, guest?.url, guest?.headers.cookie]).toEqual(['GET', '/', 'COOKIE_SUPPORT=true']);
    expect([login?.method, login?.url, login?.headers['content-type'], login?.headers.cookie]).toEqual([
      'POST',
      '/c/portal/login',
      'application/x-www-form-urlencoded',
      'COOKIE_SUPPORT=true; JSESSIONID=g1',
    ]);
    expect(login?.body).toBe(`login=test%40liferay.com&password=p%C3%A4ss%20w%26rd&p_auth=${tokenOf('g1')}`);
    await session.invoke(getEntry, { entryId: 1 });
    // The session and its token rotated at login: the landing page's token is the one sent.
    expect(calls()[0]?.token).toBe(tokenOf('1'));
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
    expect(calls()).toEqual([
      { cookie: 'COOKIE_SUPPORT=true; JSESSIONID=1; GUEST_LANGUAGE_ID=en_US', token: tokenOf('1') },
    ]);
  });
});

describe('a cookie sign-in that fails', () => {
  it('rejects a wrong password with an AuthenticationError', async () => {
    portal = await startCookiePortal();
    const error = await CookieAuthentication.signIn(portal.server.url, USER, 'wrong').catch(
      (caught: unknown) => caught,
    );
    expect(error).toEqual(new AuthenticationError('sign-in refused: check the login and the password'));
    expect(error).toMatchObject({ code: 'LIFERAY_AUTHENTICATION', path: undefined });
    expect(error).toBeInstanceOf(AuthenticationError);
  });

  it('rejects a page without Liferay.authToken, and a redirect away from the portal, naming its target and the settings', async () => {
    other = await startPortalServer(route({ '/c/portal/login': serveHtml('<html>no token</html>') }));
    await expect(CookieAuthentication.signIn(other.url, USER, PASSWORD)).rejects.toThrow(
      'sign-in reached a page without Liferay.authToken',
    );
    const away = await startPortalServer(redirect(`${other.url}/elsewhere`));
    try {
      await expect(CookieAuthentication.signIn(away.url, USER, PASSWORD)).rejects.toThrow(
        `sign-in redirected away from the portal, to ${other.url}/elsewhere: sign in at that address if it is the portal, or set the portal to its own address (web.server.host`,
      );
      expect(other.requests.map((request) => request.url)).toEqual(['/', '/c/portal/login']);
    } finally {
      await away.close();
    }
  });
});

describe('an expired portal session', () => {
  it.each<'status' | 'redirect'>(['status', 'redirect'])(
    'is signed in again once and the call retried (refused by %s)',
    async (how) => {
      await (await signedIn()).invoke(getEntry, { entryId: 1 });
      portal?.expire();
      portal?.refuseWith(how);
      expect(await session?.invoke(getEntry, { entryId: 2 })).toEqual({ entryId: 2 });
      expect(portal?.logins()).toBe(2);
      expect(calls().map((call) => call.token)).toEqual([tokenOf('1'), tokenOf('1'), tokenOf('2')]);
      expect(calls()[2]?.cookie).toBe('COOKIE_SUPPORT=true; JSESSIONID=2; GUEST_LANGUAGE_ID=en_US');
    },
  );

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
  it('are not sent to a download redirected elsewhere, and a session of another server is refused', async () => {
    other = await startPortalServer(serveHtml('elsewhere'));
    const authentication = await CookieAuthentication.signIn(
      (portal = await startCookiePortal()).server.url,
      USER,
      PASSWORD,
    );
    const elsewhere = new Session({ server: other.url, authentication });
    await expect(download(elsewhere, '/documents/x')).rejects.toBeInstanceOf(AuthenticationError);
    await elsewhere.close();
    session = new Session({ server: portal.server.url, authentication });
    await (await download(session, `${other.url}/documents/y`)).text();
    expect(
      other.requests.map((request) => [request.url, request.headers.cookie, request.headers['x-csrf-token']]),
    ).toEqual([['/documents/y', undefined, undefined]]);
    expect(authentication.authToken).toBe(tokenOf('1'));
  });

  it('refuses a session of another spelling of the server, before sending anything', async () => {
    portal = await startCookiePortal();
    const authentication = await CookieAuthentication.signIn(`http://localhost:${portal.server.port}`, USER, PASSWORD);
    session = new Session({ server: portal.server.url, authentication });
    const sent = portal.server.requests.length;
    const error = await session.invoke(getEntry, { entryId: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain(
      `signed in to http://localhost:${portal.server.port}, not to ${portal.server.url}, the session's server`,
    );
    expect(portal.server.requests).toHaveLength(sent);
  });

  it('treats an explicit default port as the same server', () => {
    expect(originOf('HTTP://Portal.example.com:80/web')).toBe('http://portal.example.com');
    expect(originOf('https://portal.example.com:443')).toBe('https://portal.example.com');
    expect(originOf('https://portal.example.com:80')).toBe('https://portal.example.com:80');
    expect(originOf('http://[::1]:8080/x')).toBe('http://[::1]:8080');
  });
});

describe.each<LoginFamily>(['6.2', '7.0', '7.3'])('a %s portal', (family) => {
  it('signs in, calls, and signs in again when the session expired and the call ran as the guest', async () => {
    portal = await startCookiePortal(family);
    const authentication = await CookieAuthentication.signIn(portal.server.url, USER, PASSWORD);
    expect(authentication.authToken).toBe(tokenOf('1'));
    session = new Session({ server: portal.server.url, authentication });
    expect(await session.invoke(getEntry, { entryId: 1 })).toEqual({ entryId: 1 });
    portal.expire();
    portal.refuseWith('guest');
    expect(await session.invoke(getEntry, { entryId: 2 })).toEqual({ entryId: 2 });
    expect(portal.logins()).toBe(2);
    expect(authentication.authToken).toBe(tokenOf('2'));
  });
});

describe('the 7.3 login action', () => {
  it("refuses a form without the guest session's token with a 403, as the runtime used to send it", async () => {
    portal = await startCookiePortal('7.3');
    const form = `login=${encodeURIComponent(USER)}&password=${encodeURIComponent(PASSWORD)}`;
    const response = await fetch(`${portal.server.url}/c/portal/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'COOKIE_SUPPORT=true' },
      body: form,
      redirect: 'manual',
    });
    expect(response.status).toBe(403);
  });
});

describe('cookies on JSON-WS answers', () => {
  it('are kept for later calls, and dropped when the portal expires them', async () => {
    const session = await signedIn();
    portal?.setOnCalls(['AWSALB=node2; Path=/']);
    await session.invoke(getEntry, { entryId: 1 });
    portal?.setOnCalls([]);
    await session.invoke(getEntry, { entryId: 2 });
    portal?.setOnCalls(['AWSALB=; Max-Age=0']);
    await session.invoke(getEntry, { entryId: 3 });
    await session.invoke(getEntry, { entryId: 4 });
    expect(calls().map((call) => call.cookie)).toEqual([
      'COOKIE_SUPPORT=true; JSESSIONID=1; GUEST_LANGUAGE_ID=en_US',
      'COOKIE_SUPPORT=true; JSESSIONID=1; GUEST_LANGUAGE_ID=en_US; AWSALB=node2',
      'COOKIE_SUPPORT=true; JSESSIONID=1; GUEST_LANGUAGE_ID=en_US; AWSALB=node2',
      'COOKIE_SUPPORT=true; JSESSIONID=1; GUEST_LANGUAGE_ID=en_US',
    ]);
  });

  it("follow the app's own Cookie header (a balancer's sticky cookie) instead of replacing it", async () => {
    portal = await startCookiePortal();
    const authentication = await CookieAuthentication.signIn(portal.server.url, USER, PASSWORD);
    session = new Session({ server: portal.server.url, authentication, headers: { cookie: 'BALANCER=b1' } });
    await session.invoke(getEntry, { entryId: 1 }, { headers: { Cookie: 'BALANCER=b2; TRACE=t' } });
    await session.invoke(getEntry, { entryId: 2 });
    expect(calls().map((call) => call.cookie)).toEqual([
      'BALANCER=b2; TRACE=t; COOKIE_SUPPORT=true; JSESSIONID=1; GUEST_LANGUAGE_ID=en_US',
      'BALANCER=b1; COOKIE_SUPPORT=true; JSESSIONID=1; GUEST_LANGUAGE_ID=en_US',
    ]);
  });
});

describe('a sign-in again that fails on the wire', () => {
  it.each([
    ['reset', NetworkError],
    ['hang', TimeoutError],
  ] as const)('passes a %s through as it is, not as an AuthenticationError', async (how, kind) => {
    portal = await startCookiePortal();
    const authentication = await CookieAuthentication.signIn(portal.server.url, USER, PASSWORD, { timeout: 300 });
    session = new Session({ server: portal.server.url, authentication });
    portal.expire();
    portal.failSignIns(how);
    const error = await session.invoke(getEntry, { entryId: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(kind);
    expect(error).not.toBeInstanceOf(AuthenticationError);
  });
});
