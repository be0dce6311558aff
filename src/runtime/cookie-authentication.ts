/**
 * Cookie sign-in: a portal session opened through the portal's login form, as the Mobile SDK's
 * CookieAuthentication and CookieSignIn do. A module of its own, so that apps that do not use it do not carry it.
 */
import { withDeadline } from './deadline.js';
import { AuthenticationError, HttpError, RedirectError } from './errors.js';
import { renewalMargin, type Authentication } from './authentication.js';
import type { RedirectPolicy } from './redirect.js';
import { httpRequest, originOf, type FetchFunction, type HttpResponse, type TransportKind } from './transport.js';

/**
 * A portal session opened through the login form: every request to the portal carries its cookies (with
 * COOKIE_SUPPORT=true, and after a `Cookie` header of the app's own, such as a load balancer's sticky cookie)
 * and its CSRF token as the X-CSRF-Token header, as the SDK sends it. Cookies go to the portal's origin only; a
 * request elsewhere gets neither, and a session of another spelling of the server (`127.0.0.1` for
 * `localhost`) is refused. The cookies the portal sets on later answers are kept. When the portal refuses them
 * (401, a redirect to its sign-in page, or "Authenticated access required": the portal session expired), the
 * session signs in again, once, and retries the call.
 *
 *   const authentication = await CookieAuthentication.signIn('https://portal.example.com', 'test@liferay.com', 'test');
 *   const session = new Session({ server: 'https://portal.example.com', authentication });
 *
 * Needs a runtime that lets it read Set-Cookie and send Cookie: Node (and Deno, Bun), not browsers.
 */
export class CookieAuthentication implements Authentication {
  // The portal signed in to: the server given, or its https address after the portal upgraded the sign-in.
  #server: string;
  #origin: string;
  // Kept in private fields to sign in again; inspecting the session shows no password.
  readonly #user: string;
  readonly #password: string;
  readonly #options: Omit<CookieSignInOptions, 'signal'>;
  #cookies = new Map<string, string>();
  #authToken = '';
  // When the portal session was last used, in milliseconds since the epoch; it ends after `#idle` ms unused.
  #usedAt = 0;
  readonly #idle: number;
  // Calls refused together share one sign-in.
  #signingIn: Promise<boolean> | undefined;

  private constructor(server: string, user: string, password: string, options: CookieSignInOptions) {
    this.#server = server;
    this.#origin = originOf(server);
    this.#user = user;
    this.#password = password;
    const { signal: _firstOnly, ...kept } = options;
    this.#options = kept;
    const timeout = options.sessionTimeout ?? 15 * 60000;
    this.#idle = timeout - renewalMargin(timeout);
  }

  /** Signs in to the portal at `server`; rejects with an AuthenticationError when the portal refuses. */
  static async signIn(
    server: string,
    user: string,
    password: string,
    options: CookieSignInOptions = {},
  ): Promise<CookieAuthentication> {
    const authentication = new CookieAuthentication(server, user, password, options);
    authentication.#use(await signInWithForm(server, user, password, options));
    return authentication;
  }

  /** The server signed in to: the one given, or its https address when the portal upgraded the sign-in to it. */
  get server(): string {
    return this.#server;
  }

  /** The login signed in with, as given. */
  get user(): string {
    return this.#user;
  }

  /** The portal session's CSRF token ("p_auth"), for other requests to the portal. */
  get authToken(): string {
    return this.#authToken;
  }

  /**
   * Adds the cookies and the CSRF token to requests to the portal's origin, and nothing elsewhere. Throws for
   * a session whose server is another origin than the one signed in to: its calls would go as the guest's.
   */
  async authenticate(headers: Record<string, string>, url: string, server?: string): Promise<void> {
    if (server !== undefined && originOf(server) !== this.#origin) {
      throw new AuthenticationError(
        'signed in to ' +
          this.#origin +
          ', not to ' +
          originOf(server) +
          ", the session's server: the portal " +
          'session is valid only for the address it was opened at; sign in and call with the same spelling of the server',
      );
    }
    if (originOf(url) !== this.#origin) return;
    // The portal ends a session left unused for its session timeout: sign in again just before that.
    if (Date.now() - this.#usedAt >= this.#idle) await this.#signIn();
    this.#usedAt = Date.now();
    // The app's own cookies (a load balancer's sticky cookie) go first, then the session's. Headers come in
    // the order the session merged them, the call's last: the last Cookie header of any case is the app's.
    let own = '';
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() !== 'cookie') continue;
      own = headers[name] ?? '';
      delete headers[name];
    }
    headers['Cookie'] = (own ? own + '; ' : '') + cookieHeader(this.#cookies);
    headers['X-CSRF-Token'] = this.#authToken;
  }

  /** Keeps the cookies the portal sets on its answers, so that each call does not open a new portal session. */
  keep(setCookies: readonly string[], url: string): void {
    if (originOf(url) === this.#origin) keepCookies(this.#cookies, setCookies);
  }

  /** Signs in again, once for all the calls refused together. */
  refresh(refused: Readonly<Record<string, string>>): Promise<boolean> {
    // Sent before another call signed in again (the token changes at each sign-in): retry with the new session
    // rather than sign in again.
    if (refused['X-CSRF-Token'] !== this.#authToken) return Promise.resolve(true);
    return this.#signIn();
  }

  /** Signs in again, once for all the calls that need it together. */
  #signIn(): Promise<boolean> {
    return (this.#signingIn ??= signInWithForm(this.#server, this.#user, this.#password, this.#options)
      .then((session) => {
        this.#use(session);
        return true;
      })
      .finally(() => (this.#signingIn = undefined)));
  }

  #use(session: PortalSession): void {
    if (session.server !== undefined) {
      this.#server = session.server;
      this.#origin = originOf(session.server);
    }
    this.#cookies = new Map(session.cookies);
    this.#authToken = session.authToken;
    this.#usedAt = Date.now();
  }
}

/** How to sign in; each is optional. */
export interface CookieSignInOptions {
  /** The HTTP client (default: undici in Node, else fetch). Browsers keep cookies to themselves: use Node. */
  readonly transport?: TransportKind;
  /** A fetch-compatible function for the sign-in requests, as `SessionOptions.fetch`; `transport` is then ignored. */
  readonly fetch?: FetchFunction;
  /** Milliseconds allowed for each sign-in (default 15000; 0: none). */
  readonly timeout?: number;
  /** Aborts the first sign-in. */
  readonly signal?: AbortSignal;
  /** Headers sent with the sign-in requests. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * The portal's session timeout in milliseconds (default 15 minutes, the portal's `session.timeout`): a
   * portal session left unused that long is signed in again just before (a minute before, or a tenth of it).
   */
  readonly sessionTimeout?: number;
}

/** A signed-in portal session: its cookies by name, and its CSRF token (`Liferay.authToken`, "p_auth"). */
interface PortalSession {
  readonly cookies: ReadonlyMap<string, string>;
  readonly authToken: string;
  /** The server signed in to: the one given, or its https address when the portal upgraded to it. */
  readonly server?: string;
}

/** Whether `target` is `server`'s host at https while `server` is at http (any port: `web.server.https.port`). */
function isUpgrade(server: string, target: string): boolean {
  const host = (origin: string): string => origin.replace(/^[a-z]+:\/\//, '').replace(/:\d+$/, '');
  const from = originOf(server);
  const to = originOf(target);
  return from.startsWith('http:') && to.startsWith('https:') && host(from) === host(to);
}

/** The portal's own redirects, on its origin only. */
const SIGN_IN: RedirectPolicy = { follow: 10 };

/**
 * Signs in through the portal's login form in two steps. First a GET of the portal's home page, which opens a
 * guest portal session (its cookie) and embeds that session's CSRF token (`Liferay.authToken`): 7.3 and later
 * check it at login (LoginAction), and refuse a form without it with a 403. Then, as the Mobile SDK's cookie
 * sign-in does, a POST of `login`, `password` and `p_auth` form-encoded to `<server>/c/portal/login` with that
 * session's cookies and COOKIE_SUPPORT=true (the portal refuses sign-ins from clients without cookies),
 * following the redirects with every cookie set on the way. The portal opens a new session at login, with a
 * new token: the token kept is the one of the page reached. 6.2 and 7.0 ignore `p_auth`. Redirects must stay
 * on the portal's origin, but for an upgrade of the first page from http to https on the same host (a portal
 * that requires HTTPS): the sign-in then goes on at https, and the session is the https server's.
 */
function signInWithForm(
  server: string,
  user: string,
  password: string,
  options: CookieSignInOptions,
): Promise<PortalSession> {
  let base = server.replace(/\/+$/, '');
  return withDeadline(options.signal, options.timeout ?? 15000, undefined, async (signal) => {
    // Loaded when signing in, so that an app that only names CookieAuthentication does not carry them.
    const { followRedirects, resolveUrl } = await import('./redirect.js');
    const cookies = new Map([['COOKIE_SUPPORT', 'true']]);
    const visit = async (url: string, form?: string, upgrade?: boolean): Promise<HttpResponse> => {
      const [response, last] = await followRedirects(url, base, SIGN_IN, async ({ url, index }) => {
        const headers: Record<string, string> = { ...options.headers, Cookie: cookieHeader(cookies) };
        const post = form !== undefined && !index;
        // The form goes with the first request; the redirects after it are GETs.
        if (post) headers['Content-Type'] = 'application/x-www-form-urlencoded';
        const request = {
          url,
          method: post ? 'POST' : 'GET',
          headers,
          signal,
          ...(post ? { body: form } : {}),
        } as const;
        const answer = await send(() => httpRequest(options, request));
        keepCookies(cookies, answer.cookies);
        return answer;
      });
      const { status, location } = response;
      if (status < 300 || status > 399 || !location) return response;
      response.cancel();
      const target = resolveUrl(last, location);
      if (!upgrade || !isUpgrade(base, target)) throw redirectedAway(base, target, status, location);
      base = originOf(target) + base.slice(originOf(base).length);
      return visit(target);
    };
    const guest = await visit(base + '/', undefined, true);
    const guestToken = tokenOf(await guest.text());
    const form =
      'login=' +
      encodeURIComponent(user) +
      '&password=' +
      encodeURIComponent(password) +
      (guestToken ? '&p_auth=' + encodeURIComponent(guestToken) : '');
    return { ...(await readPage(await visit(base + '/c/portal/login', form), cookies)), server: base };
  });
}

/**
 * A redirect the sign-in does not follow: too many, or to another origin, which the portal sends users to when
 * its own address is set otherwise (`web.server.host`, `web.server.protocol`, `web.server.http(s).port`,
 * HTTPS required, or the instance's virtual host).
 */
function redirectedAway(server: string, target: string, status: number, location: string): AuthenticationError {
  const redirect = new RedirectError('redirected (HTTP ' + status + ') to ' + location, { status, location });
  if (originOf(target) === originOf(server)) return refused('sign-in redirected too many times', redirect);
  return refused(
    'sign-in redirected away from the portal, to ' +
      target +
      ': sign in at that address if it is the portal, or set the portal to its own address (web.server.host, ' +
      'web.server.protocol, web.server.http.port or web.server.https.port in portal-ext.properties, or the ' +
      "instance's virtual host)",
    redirect,
  );
}

/** The Cookie header for a session's cookies. */
function cookieHeader(cookies: ReadonlyMap<string, string>): string {
  return [...cookies].map(([name, value]) => name + '=' + value).join('; ');
}

async function send(request: () => Promise<HttpResponse>): Promise<HttpResponse> {
  try {
    return await request();
  } catch (cause) {
    throw (await import('./network-error.js')).networkError(cause);
  }
}

/** The token is read as the Mobile SDK reads it, with either quote. */
function tokenOf(page: string): string | undefined {
  return /Liferay\.authToken\s*=\s*["']([^"']+)["']/.exec(page)?.[1];
}

/**
 * The page the sign-in reached. A page that says the user is not signed in (`isSignedIn: function() { return
 * false; }`, in every portal page's script) means a refused login.
 */
async function readPage(response: HttpResponse, cookies: ReadonlyMap<string, string>): Promise<PortalSession> {
  const page = await response.text();
  const { status } = response;
  if (status > 299)
    throw refused('sign-in failed (HTTP ' + status + ')', new HttpError('HTTP ' + status, { status, body: page }));
  const authToken = tokenOf(page);
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
  return new AuthenticationError(message, cause === undefined ? {} : { cause });
}
