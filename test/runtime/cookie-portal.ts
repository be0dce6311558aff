/**
 * A portal with a login form, as far as the cookie sign-in sees one: POST /c/portal/login opens a portal
 * session (a JSESSIONID cookie) and redirects to a page that embeds the session's `Liferay.authToken`;
 * /api/jsonws/invoke answers only calls carrying both, else 401 or a redirect to the sign-in page.
 */
import { answer, redirect, route, serveHtml, startPortalServer, type PortalHandler, type PortalServer } from '../helpers/portal-server.js';
import { echo } from './jsonws-portal.js';

export const USER = 'test@liferay.com';
export const PASSWORD = 'päss w&rd';

export interface CookiePortal {
  readonly server: PortalServer;
  /** Sign-ins accepted so far. */
  logins(): number;
  /** Ends every portal session, as an expiry does; with `always`, sessions end as soon as they open. */
  expire(always?: boolean): void;
  /** How a call without a valid session is refused. */
  refuseWith(refusal: 'status' | 'redirect'): void;
}

export function tokenOf(sessionId: string): string {
  return `tok${sessionId.padStart(5, '0')}`;
}

function cookiesOf(header: string | undefined): Map<string, string> {
  return new Map((header ?? '').split('; ').map((pair) => pair.split('=') as [string, string]));
}

function page(signedIn: boolean, token: string): string {
  return `<html><script>Liferay.authToken = '${token}';
    Liferay.ThemeDisplay = { isSignedIn: function() {
      return ${signedIn};
    } };</script></html>`;
}

export async function startCookiePortal(): Promise<CookiePortal> {
  const sessions = new Set<string>();
  let logins = 0;
  let expireAlways = false;
  let refusal: PortalHandler = answer(401);
  const signIn: PortalHandler = (request, response, incoming) => {
    const form = new URLSearchParams(request.body);
    const accepted = form.get('login') === USER && form.get('password') === PASSWORD;
    if (!accepted || cookiesOf(request.headers.cookie).get('COOKIE_SUPPORT') !== 'true') {
      return serveHtml(page(false, 'guest123'))(request, response, incoming);
    }
    const id = String(++logins);
    if (!expireAlways) sessions.add(id);
    response.writeHead(302, {
      location: '/web/guest/home',
      'set-cookie': [
        `JSESSIONID=${id}; Path=/; HttpOnly`,
        'GUEST_LANGUAGE_ID=en_US; Path=/; Max-Age=31536000',
        'LFR_SESSION_STATE_20=; Max-Age=0',
      ],
    });
    response.end();
  };
  const home: PortalHandler = (request, response, incoming) => {
    const id = cookiesOf(request.headers.cookie).get('JSESSIONID') ?? '';
    const signedIn = id !== '' && Number(id) <= logins;
    return serveHtml(page(signedIn, signedIn ? tokenOf(id) : 'guest123'))(request, response, incoming);
  };
  const invoke: PortalHandler = (request, response, incoming) => {
    const id = cookiesOf(request.headers.cookie).get('JSESSIONID') ?? '';
    const valid = sessions.has(id) && request.headers['x-csrf-token'] === tokenOf(id);
    return (valid ? echo : refusal)(request, response, incoming);
  };
  const server = await startPortalServer(route({ '/c/portal/login': signIn, '/web/guest/home': home, '/api/jsonws/invoke': invoke }));
  return {
    server,
    logins: () => logins,
    expire: (always = false) => {
      sessions.clear();
      expireAlways = always;
    },
    refuseWith: (how) => {
      refusal = how === 'status' ? answer(401) : redirect('/c/portal/login?redirect=%2Fapi%2Fjsonws');
    },
  };
}
