/**
 * How the session tells that the portal refused its credentials (issue 14, points 2 to 5): "Authenticated
 * access required" as 6.2 and 7.x answer it, the portal's own sign-in redirects only, and failures while
 * renewing that are not refusals.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  redirect,
  sequence,
  startPortalServer,
  type PortalHandler,
  type PortalServer,
  type RecordedRequest,
} from '../helpers/portal-server.js';
import {
  AuthenticationError,
  BasicAuthentication,
  BearerAuthentication,
  NetworkError,
  RedirectError,
  ServerError,
  Session,
  TimeoutError,
  type Authentication,
} from '../../src/runtime/index.js';
import { isRefusal } from '../../src/runtime/refusal.js';
import { guestPortal, type Family } from './guest-portal.js';
import { echo, getEntry, getUserById, portalError } from './jsonws-portal.js';
import { serveJson } from '../helpers/portal-server.js';

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

const bearer = (token: string) => (request: RecordedRequest) => request.headers.authorization === `Bearer ${token}`;

/** A Bearer token renewed by counting: "new-1", "new-2", ... */
function renewing(): { authentication: BearerAuthentication; renewals: () => number } {
  let renewals = 0;
  const authentication = new BearerAuthentication('old', { refresh: () => Promise.resolve(`new-${++renewals}`) });
  return { authentication, renewals: () => renewals };
}

describe.each<Family>(['6.2', '7.x'])('"Authenticated access required" from a %s portal', (family) => {
  it('is an AuthenticationError for wrong Basic credentials, sent once', async () => {
    const { handler } = guestPortal(family, () => false);
    const error = await (
      await open(handler, new BasicAuthentication('test@liferay.com', 'wrong'))
    )
      .invoke(getEntry, { entryId: 1 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      code: 'LIFERAY_AUTHENTICATION',
      path: '/blogsentry/get-entry',
      message: '/blogsentry/get-entry: Authenticated access required',
    });
    expect(portal?.requests).toHaveLength(1);
  });

  it("renews an expired token once and retries the call, which the portal treated as a guest's", async () => {
    const { handler, ran } = guestPortal(family, bearer('new-1'));
    const { authentication, renewals } = renewing();
    expect(await (await open(handler, authentication)).invoke(getEntry, { entryId: 7 })).toEqual({ entryId: 7 });
    expect(renewals()).toBe(1);
    expect(portal?.requests.map((request) => request.headers.authorization)).toEqual(['Bearer old', 'Bearer new-1']);
    expect(ran).toEqual(['/blogsentry/get-entry as user']);
  });

  it('raises an AuthenticationError when the retry is refused too', async () => {
    const { handler, ran } = guestPortal(family, () => false);
    const { authentication, renewals } = renewing();
    await expect((await open(handler, authentication)).invoke(getEntry, { entryId: 7 })).rejects.toBeInstanceOf(
      AuthenticationError,
    );
    expect(renewals()).toBe(1);
    expect(portal?.requests).toHaveLength(2);
    expect(ran).toEqual([]);
  });

  it('does not send a batch twice: its earlier commands ran as the guest, and the error says so', async () => {
    const { handler, ran } = guestPortal(family, bearer('new-1'), ['/user/get-user-by-id']);
    const { authentication, renewals } = renewing();
    const batch = (await open(handler, authentication)).batch((b) => [
      b.invoke(getUserById, { userId: 2 }),
      b.invoke(getEntry, { entryId: 7 }),
    ]);
    const error = await batch.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    // The portal's answer does not say which command it refused.
    expect((error as Error).message).toBe('Authenticated access required (the commands before it ran as the guest)');
    expect(ran).toEqual(['/user/get-user-by-id as guest']);
    expect(portal?.requests).toHaveLength(1);
    expect(renewals()).toBe(0);
  });
});

describe('a service access policy', () => {
  it('keeps "Access denied to ..." a ServerError, without renewing', async () => {
    const message = 'Access denied to com.liferay.blogs.service.BlogsEntryService#getEntry';
    const { authentication, renewals } = renewing();
    const error = await (
      await open(serveJson(portalError('java.lang.SecurityException', message), 403), authentication)
    )
      .invoke(getEntry, { entryId: 1 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ type: 'java.lang.SecurityException', message: `/blogsentry/get-entry: ${message}` });
    expect(renewals()).toBe(0);
  });
});

describe('sign-in redirects', () => {
  const base = 'http://127.0.0.1:8080/api/jsonws/invoke';
  it.each([
    ['/c/portal/login?redirect=%2Fapi%2Fjsonws', true],
    ['/portal/c/portal/login', true],
    ['http://127.0.0.1:8080/c/portal/login?redirect=x', true],
    ['HTTP://127.0.0.1:8080/c/portal/login', true],
    ['/web/guest/home?p_p_id=com_liferay_login_web_portlet_LoginPortlet&p_p_lifecycle=0&p_p_state=maximized', true],
    ['/web/guest/home?p_p_state=maximized&p_p_id=58&p_p_lifecycle=0', true],
    ['/web/guest/login-help', false],
    ['/c/portal/logout', false],
    ['/c/portal/login-as', false],
    ['/web/guest/home?p_p_id=580', false],
    ['/web/guest/home?p_p_id=com_liferay_login_web_portlet_LoginPortletX', false],
    ['https://sso.example.com/login', false],
    ['http://localhost:8080/c/portal/login', false],
    ['//evil.example/c/portal/login', false],
    ['/search?q=/c/portal/login', false],
  ])('%s is a sign-in page: %s', (location, expected) => {
    expect(isRefusal(302, location, base)).toBe(expected);
  });

  it("renews only for the portal's own sign-in page, and reports any other redirect", async () => {
    const { authentication, renewals } = renewing();
    await expect(
      (await open(redirect('/web/guest/login-help'), authentication)).invoke(getEntry, { entryId: 1 }),
    ).rejects.toBeInstanceOf(RedirectError);
    expect(renewals()).toBe(0);
    await session?.close();
    await portal?.close();
    expect(
      await (
        await open(
          sequence(redirect('/web/guest/home?p_p_id=com_liferay_login_web_portlet_LoginPortlet'), echo),
          authentication,
        )
      ).invoke(getEntry, { entryId: 1 }),
    ).toEqual({
      entryId: 1,
    });
    expect(renewals()).toBe(1);
  });
});

describe('failures while renewing', () => {
  it.each([
    ['a reset', new NetworkError('network failure', { cause: new Error('socket hang up') })],
    ['a timeout', new TimeoutError('no answer within 5 ms', { timeout: 5 })],
  ])('pass %s through as it is, not as an AuthenticationError', async (_, failure) => {
    const authentication = new BearerAuthentication('old', { refresh: () => Promise.reject(failure) });
    const error = await (
      await open(guestPortal('7.x', () => false).handler, authentication)
    )
      .invoke(getEntry, { entryId: 1 })
      .catch((caught: unknown) => caught);
    expect(error).toBe(failure);
  });
});
