/**
 * No password, token, cookie or p_auth value in any error the runtime throws or hands to onFailure: the whole
 * error is scanned (message, stack, every own property, the cause chain, as `inspect` shows them hidden ones
 * included), for every failure kind, credential kind, transport and call style.
 */
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  answer,
  hang,
  redirect,
  refusedUrl,
  serveHtml,
  serveJson,
  startPortalServer,
  type PortalHandler,
  type PortalServer,
} from '../helpers/portal-server.js';
import {
  BasicAuthentication,
  BearerAuthentication,
  CookieAuthentication,
  Session,
  type Authentication,
} from '../../src/runtime/index.js';
import { PASSWORD, USER, startCookiePortal, tokenOf } from '../runtime/cookie-portal.js';
import { call, failureOf, getEntry, matrix } from './fault-harness.js';

const BASIC_PASSWORD = 'Pw-7f3c1b9e-basic';
const TOKEN = 'tk-91ac55e2-bearer';
const RENEWED = 'tk-0d44e7f1-renewed';

/** Everything an error exposes, as a person or a log would see it. */
function exposed(error: unknown): string {
  return `${inspect(error, { showHidden: true, depth: 10 })}\n${JSON.stringify(error)}\n${String((error as Error).stack)}`;
}

const failures: readonly (readonly [string, PortalHandler | 'refused'])[] = [
  ['401', answer(401, 'denied')],
  ['403', answer(403, 'forbidden')],
  ['500 with HTML', serveHtml('<html><body>Internal error</body></html>', 500)],
  ['invalid JSON', answer(200, '{"not json')],
  ['302 to a login page', redirect('/c/portal/login')],
  [
    'a portal exception',
    serveJson({ error: { type: 'com.liferay.portal.kernel.security.auth.PrincipalException', message: 'no' } }),
  ],
  ['a hanging server', hang()],
  ['a refused connection', 'refused'],
];

const credentials: readonly (readonly [string, () => Authentication, readonly string[]])[] = [
  [
    'Basic',
    () => new BasicAuthentication('admin', BASIC_PASSWORD),
    [BASIC_PASSWORD, Buffer.from(`admin:${BASIC_PASSWORD}`).toString('base64')],
  ],
  ['Bearer with refresh', () => new BearerAuthentication(TOKEN, { refresh: async () => RENEWED }), [TOKEN, RENEWED]],
];

let portal: PortalServer | undefined;
afterEach(async () => {
  await portal?.close();
  portal = undefined;
});

describe.each(matrix)('errors over %s, %s style', (transport, style) => {
  for (const [credential, authentication, secrets] of credentials) {
    it.each(failures)(`carry no ${credential} secret after %s`, async (_, handler) => {
      const server = handler === 'refused' ? await refusedUrl() : (portal = await startPortalServer(handler)).url;
      const session = new Session({ server, authentication: authentication(), transport, timeout: 300 });
      const error = failureOf(await call(style, session, getEntry, { entryId: 1 }));
      const shown = exposed(error);
      for (const secret of secrets) expect(shown).not.toContain(secret);
      await session.close();
    });
  }

  it('carry no cookie or p_auth value when the portal session cannot be renewed', async () => {
    const cookiePortal = await startCookiePortal();
    portal = cookiePortal.server;
    const authentication = await CookieAuthentication.signIn(portal.url, USER, PASSWORD, { transport });
    cookiePortal.expire(true);
    const session = new Session({ server: portal.url, authentication, transport });
    const shown = exposed(failureOf(await call(style, session, getEntry, { entryId: 1 })));
    for (const secret of [PASSWORD, tokenOf('1'), tokenOf('2'), 'JSESSIONID', 'X-CSRF-Token', 'x-csrf-token'])
      expect(shown).not.toContain(secret);
    await session.close();
  });
});
