/**
 * A portal with a login form, as LoginAction and SessionAuthToken show it: any page opens a guest portal
 * session (a JSESSIONID cookie) and embeds its token (`Liferay.authToken`); POST /c/portal/login signs in, on
 * 7.3 and later only with the guest session's token as `p_auth` (else 403), then opens a new session with a new
 * token (the session and the token rotate at login) and redirects to a page that embeds it.
 * /api/jsonws/invoke answers only calls carrying a signed-in session's cookie and token, else 401, a redirect
 * to the sign-in page, or "Authenticated access required" (the call then runs as the guest's).
 */
import {
  answer,
  redirect,
  route,
  serveHtml,
  startPortalServer,
  type PortalHandler,
  type PortalServer,
} from '../helpers/portal-server.js';
import { accessRequired } from './guest-portal.js';
import { echo } from './jsonws-portal.js';

export const USER = 'test@liferay.com';
export const PASSWORD = 'päss w&rd';

/** 6.2 and 7.0 do not check a token at login; 7.3 and later do. */
export type LoginFamily = '6.2' | '7.0' | '7.3';

export interface CookiePortal {
  readonly server: PortalServer;
  /** Sign-ins accepted so far. */
  logins(): number;
  /** Ends every portal session, as an expiry does; with `always`, sessions end as soon as they open. */
  expire(always?: boolean): void;
  /** How a call without a valid session is refused. */
  refuseWith(refusal: 'status' | 'redirect' | 'guest'): void;
  /** Cookies set on every JSON-WS answer (a balancer's sticky cookie), as Set-Cookie values. */
  setOnCalls(setCookies: readonly string[]): void;
  /** Makes later sign-ins fail on the wire: the connection reset, or no answer at all. */
  failSignIns(how: 'reset' | 'hang'): void;
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

export async function startCookiePortal(family: LoginFamily = '7.3'): Promise<CookiePortal> {
  // Every portal session by id: true once signed in. Guest sessions are "g1", "g2", ...; signed-in ones "1", "2", ...
  const sessions = new Map<string, boolean>();
  let logins = 0;
  let guests = 0;
  let expireAlways = false;
  let refusal: PortalHandler = answer(401);
  let onCalls: readonly string[] = [];
  let failing: 'reset' | 'hang' | undefined;
  const sessionOf = (cookie: string | undefined): string => cookiesOf(cookie).get('JSESSIONID') ?? '';
  const signIn: PortalHandler = (request, response, incoming) => {
    if (failing === 'reset') return void incoming.socket.destroy();
    if (failing === 'hang') return;
    const form = new URLSearchParams(request.body);
    const guest = sessionOf(request.headers.cookie);
    // LoginAction on 7.3+: AuthTokenUtil.checkCSRFToken, against the token of the session the form came with.
    if (family === '7.3' && (!sessions.has(guest) || form.get('p_auth') !== tokenOf(guest))) {
      return serveHtml('<html>Forbidden</html>', 403)(request, response, incoming);
    }
    const accepted = form.get('login') === USER && form.get('password') === PASSWORD;
    if (!accepted || cookiesOf(request.headers.cookie).get('COOKIE_SUPPORT') !== 'true') {
      return serveHtml(page(false, 'guest123'))(request, response, incoming);
    }
    // A new session at login, against session fixation: the guest one ends.
    sessions.delete(guest);
    const id = String(++logins);
    if (!expireAlways) sessions.set(id, true);
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
  const anyPage: PortalHandler = (request, response, incoming) => {
    const id = sessionOf(request.headers.cookie);
    // A session that signed in lands on its page even when it expires at once (`expire(true)`).
    const landing = /^\d+$/.test(id) && Number(id) <= logins;
    if (sessions.has(id) || landing) return serveHtml(page(landing, tokenOf(id)))(request, response, incoming);
    const opened = `g${++guests}`;
    sessions.set(opened, false);
    response.writeHead(200, { 'content-type': 'text/html', 'set-cookie': `JSESSIONID=${opened}; Path=/; HttpOnly` });
    response.end(page(false, tokenOf(opened)));
  };
  const invoke: PortalHandler = (request, response, incoming) => {
    const id = sessionOf(request.headers.cookie);
    const valid = sessions.get(id) === true && request.headers['x-csrf-token'] === tokenOf(id);
    if (onCalls.length) response.setHeader('set-cookie', [...onCalls]);
    return (valid ? echo : refusal)(request, response, incoming);
  };
  const server = await startPortalServer(
    route({ '/c/portal/login': signIn, '/api/jsonws/invoke': invoke, '/': anyPage, '/web/guest/home': anyPage }),
  );
  return {
    server,
    logins: () => logins,
    expire: (always = false) => {
      sessions.clear();
      expireAlways = always;
    },
    refuseWith: (how) => {
      refusal =
        how === 'status'
          ? answer(401)
          : how === 'redirect'
            ? redirect('/c/portal/login?redirect=%2Fapi%2Fjsonws')
            : accessRequired(family === '6.2' ? '6.2' : '7.x');
    },
    setOnCalls: (setCookies) => {
      onCalls = setCookies;
    },
    failSignIns: (how) => {
      failing = how;
    },
  };
}
