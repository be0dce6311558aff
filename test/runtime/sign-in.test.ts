/**
 * `signIn(session)` (issue 14, point 13): the signed-in user, from `/user/get-current-user` on 7.x, and by the
 * Mobile SDK's lookup on 6.2, which has no such action (the portal answers that it has no action at that path).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  serveJson,
  startPortalServer,
  type PortalHandler,
  type PortalServer,
  type RecordedRequest,
} from '../helpers/portal-server.js';
import {
  AuthenticationError,
  BasicAuthentication,
  BearerAuthentication,
  Session,
  signIn,
} from '../../src/runtime/index.js';
import { accessRequired, type Family } from './guest-portal.js';
import { commandsOf } from './jsonws-portal.js';

const USER = { userId: 20199, companyId: 20155, screenName: 'test', emailAddress: 'test@liferay.com' };
const basic = (login: string): string => `Basic ${Buffer.from(`${login}:test`).toString('base64')}`;
const LOGINS = ['test@liferay.com', 'test', '20199'];

/** A portal whose user is USER, signed in with Basic and any of its logins, as `family` answers. */
function userPortal(family: Family): PortalHandler {
  return (request: RecordedRequest, response, incoming) => {
    const [path = '', parameters = {}] = Object.entries(commandsOf(request)[0] ?? {})[0] ?? [];
    if (!LOGINS.some((login) => request.headers.authorization === basic(login)))
      return accessRequired(family)(request, response, incoming);
    const found = (ok: boolean): unknown => (ok ? USER : { exception: 'com.liferay.portal.NoSuchUserException' });
    const answers: Record<string, () => unknown> = {
      '/group/get-user-sites-groups': () => [{ groupId: 20182, companyId: USER.companyId }],
      '/user/get-user-by-email-address': () =>
        found(parameters['companyId'] === USER.companyId && parameters['emailAddress'] === USER.emailAddress),
      '/user/get-user-by-screen-name': () =>
        found(parameters['companyId'] === USER.companyId && parameters['screenName'] === USER.screenName),
      '/user/get-user-by-id': () => found(parameters['userId'] === USER.userId),
    };
    if (family === '7.x') answers['/user/get-current-user'] = () => USER;
    const answer = answers[path];
    if (!answer)
      return serveJson({ exception: `No JSON web service action associated with path ${path} and method POST for /` })(
        request,
        response,
        incoming,
      );
    const value = answer();
    return serveJson(Array.isArray(value) || !('exception' in (value as object)) ? [value] : value)(
      request,
      response,
      incoming,
    );
  };
}

let portal: PortalServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await portal?.close();
  portal = session = undefined;
});

async function open(family: Family, authentication: BasicAuthentication | BearerAuthentication): Promise<Session> {
  portal = await startPortalServer(userPortal(family));
  session = new Session({ server: portal.url, authentication });
  return session;
}

const paths = (): string[] =>
  portal?.requests.map((request) => Object.keys(commandsOf(request)[0] ?? {})[0] ?? '') ?? [];

describe('signIn', () => {
  it('resolves with the current user on 7.x, in one call', async () => {
    expect(await signIn(await open('7.x', new BasicAuthentication('test@liferay.com', 'test')))).toEqual(USER);
    expect(paths()).toEqual(['/user/get-current-user']);
  });

  it.each([
    [
      'an e-mail address',
      'test@liferay.com',
      ['/user/get-current-user', '/group/get-user-sites-groups', '/user/get-user-by-email-address'],
    ],
    [
      'a screen name',
      'test',
      ['/user/get-current-user', '/group/get-user-sites-groups', '/user/get-user-by-screen-name'],
    ],
    ['a user id', '20199', ['/user/get-current-user', '/user/get-user-by-id']],
  ])('looks the user up by %s on 6.2, as the Mobile SDK does', async (_, login, calls) => {
    expect(await signIn(await open('6.2', new BasicAuthentication(login, 'test')))).toEqual(USER);
    expect(paths()).toEqual(calls);
  });

  it('takes the login from the options when the authentication has none', async () => {
    const session = await open('6.2', new BasicAuthentication('test', 'test'));
    expect(
      await signIn(new Session({ server: session.server, headers: { Authorization: basic('test') } }), {
        login: 'test@liferay.com',
      }),
    ).toEqual(USER);
    await expect(
      signIn(new Session({ server: session.server, headers: { Authorization: basic('test') } })),
    ).rejects.toMatchObject({
      code: 'LIFERAY_INVALID_PARAMETERS',
    });
  });

  it.each<Family>(['6.2', '7.x'])('rejects wrong credentials with an AuthenticationError on %s', async (family) => {
    await expect(
      signIn(await open(family, new BasicAuthentication('test@liferay.com', 'wrong'))),
    ).rejects.toBeInstanceOf(AuthenticationError);
  });
});
