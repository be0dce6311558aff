import { withDeadline } from './deadline.js';
import { AuthenticationError, HttpError, LiferayError, NetworkError, RedirectError } from './errors.js';
import { httpRequest, type HttpResponse } from './http-request.js';
import { originOf, resolveUrl } from './resolve-url.js';
import type { TransportKind } from './transport.js';

/** How to sign in; each is optional. */
export interface CookieSignInOptions {
  /** The HTTP client (default: undici in Node, else fetch). Browsers keep cookies to themselves: use Node. */
  readonly transport?: TransportKind;
  /** Milliseconds allowed for each sign-in (default 15000; 0: none). */
  readonly timeout?: number;
  /** Aborts the first sign-in. */
  readonly signal?: AbortSignal;
  /** Headers sent with the sign-in requests. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A signed-in portal session: its cookies by name, and its CSRF token (`Liferay.authToken`, "p_auth"). */
export interface PortalSession {
  readonly cookies: ReadonlyMap<string, string>;
  readonly authToken: string;
}

const MAX_REDIRECTS = 10;

/**
 * Signs in through the portal's login form as the Mobile SDK's cookie sign-in does (Android CookieSignIn,
 * iOS LRCookieSignIn): POST `login` and `password` form-encoded to `<server>/c/portal/login` with the cookie
 * COOKIE_SUPPORT=true (the portal refuses sign-ins from clients without cookies), follow the redirects
 * with every cookie set on the way (JSESSIONID, GUEST_LANGUAGE_ID, ...), and read the session's CSRF token
 * from `Liferay.authToken = '...'` in the page reached. Redirects must stay on the portal's origin.
 */
export function signInWithForm(server: string, user: string, password: string, options: CookieSignInOptions): Promise<PortalSession> {
  const portal = originOf(server);
  return withDeadline(options.signal, options.timeout ?? 15000, undefined, async (signal) => {
    const cookies = new Map([['COOKIE_SUPPORT', 'true']]);
    let url = server.replace(/\/+$/, '') + '/c/portal/login';
    let body: string | undefined = 'login=' + encodeURIComponent(user) + '&password=' + encodeURIComponent(password);
    for (let hops = 0; hops <= MAX_REDIRECTS; hops++) {
      const headers: Record<string, string> = { ...options.headers, Cookie: cookieHeader(cookies) };
      if (body) headers['Content-Type'] = 'application/x-www-form-urlencoded';
      const response = await send(() =>
        httpRequest(options.transport, { url, method: body ? 'POST' : 'GET', headers, signal, ...(body ? { body } : {}) }),
      );
      keepCookies(cookies, response.cookies);
      const { status, location } = response;
      if (status < 300 || status > 399 || !location) return readPage(response, cookies);
      response.cancel();
      url = resolveUrl(url, location);
      if (originOf(url) !== portal) throw refused('sign-in redirected away from the portal', new RedirectError(status, location));
      body = undefined;
    }
    throw refused('sign-in redirected too many times');
  });
}

/** The Cookie header for a session's cookies. */
export function cookieHeader(cookies: ReadonlyMap<string, string>): string {
  return [...cookies].map(([name, value]) => name + '=' + value).join('; ');
}

async function send(request: () => Promise<HttpResponse>): Promise<HttpResponse> {
  try {
    return await request();
  } catch (cause) {
    throw cause instanceof LiferayError ? cause : new NetworkError(undefined, cause);
  }
}

/**
 * The token is read as the Mobile SDK reads it, with either quote. A page that says the user is not signed
 * in (`isSignedIn: function() { return false; }`, in every portal page's script) means a refused login.
 */
async function readPage(response: HttpResponse, cookies: ReadonlyMap<string, string>): Promise<PortalSession> {
  const page = await response.text();
  if (response.status > 299) throw refused('sign-in failed (HTTP ' + response.status + ')', new HttpError(response.status, page));
  const authToken = /Liferay\.authToken\s*=\s*["']([^"']+)["']/.exec(page)?.[1];
  if (/isSignedIn(?:\s*:\s*function)?\s*\(\)\s*\{\s*return\s+false/.test(page))
    throw refused('sign-in refused: check the login and the password');
  if (!authToken) throw refused('sign-in reached a page without Liferay.authToken');
  return { cookies, authToken };
}

/** Keeps each cookie the portal set, and forgets those it expired; Path and Domain stay within the portal. */
function keepCookies(cookies: Map<string, string>, setCookies: readonly string[]): void {
  for (const setCookie of setCookies) {
    const [pair = '', ...attributes] = setCookie.split(';');
    const at = pair.indexOf('=');
    if (at < 1) continue;
    const name = pair.slice(0, at).trim();
    const expired = attributes.some((attribute) => {
      const [key = '', value = ''] = attribute.split(/=(.*)/).map((part) => part.trim());
      if (/^max-age$/i.test(key)) return Number(value) <= 0;
      return /^expires$/i.test(key) && Date.parse(value) < Date.now();
    });
    if (expired) cookies.delete(name);
    else cookies.set(name, pair.slice(at + 1).trim());
  }
}

function refused(message: string, cause?: unknown): AuthenticationError {
  return new AuthenticationError(undefined, cause, message);
}
