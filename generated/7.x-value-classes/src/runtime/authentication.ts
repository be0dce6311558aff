/**
 * Authentication: how a session proves who it is. HTTP Basic, an OAuth 2 bearer token, or a portal session
 * opened through the login form (`CookieAuthentication`, with the cookie sign-in it does).
 */
import { withDeadline } from './deadline.js';
import { AuthenticationError, HttpError, LiferayError, NetworkError, RedirectError } from './errors.js';
import { followRedirects, originOf, resolveUrl, type RedirectPolicy } from './redirect.js';
import { httpRequest, type HttpResponse, type TransportKind } from './transport.js';

/**
 * How a session proves who it is. `authenticate` adds headers to each request sent to `url`; `refresh`, when
 * present, is called with the headers of a request the portal refused (401, or a redirect to its sign-in
 * page) and resolves true when the call is worth retrying once with fresh credentials.
 */
export interface Authentication {
  /** Adds this authentication's headers to those of a request about to be sent to `url`. */
  authenticate(headers: Record<string, string>, url: string): void | Promise<void>;
  /** Renews the credentials after the portal refused a request sent with `refused`; true: retry it. */
  refresh?(refused: Readonly<Record<string, string>>): Promise<boolean>;
}

/** HTTP Basic with the portal's login (screen name, e-mail address or user id, per portal settings). */
export class BasicAuthentication implements Authentication {
  // Only the encoded header is kept, in a private field, so inspecting the session shows no password.
  readonly #header: string;

  constructor(user: string, password: string) {
    this.#header = 'Basic ' + toBase64(user + ':' + password);
  }

  /** Adds the Authorization header. */
  authenticate(headers: Record<string, string>): void {
    headers['Authorization'] = this.#header;
  }
}

/** An OAuth 2 bearer token, optionally renewed by `refresh` when the portal answers 401. */
export class BearerAuthentication implements Authentication {
  #token: string;
  readonly #renew: (() => Promise<string>) | undefined;
  // Calls failing together share one renewal.
  #renewing: Promise<boolean> | undefined;

  constructor(token: string, options?: { refresh?: () => Promise<string> }) {
    this.#token = token;
    this.#renew = options?.refresh;
  }

  /** Adds the Authorization header with the current token. */
  authenticate(headers: Record<string, string>): void {
    headers['Authorization'] = 'Bearer ' + this.#token;
  }

  /** Renews the token with the `refresh` option, once for all the calls refused together. */
  refresh(refused: Readonly<Record<string, string>>): Promise<boolean> {
    const renew = this.#renew;
    if (!renew) return Promise.resolve(false);
    // Sent before another call renewed the token: retry with the new one rather than renew again.
    if (refused['Authorization'] !== 'Bearer ' + this.#token) return Promise.resolve(true);
    return (this.#renewing ??= renew()
      .then((token) => {
        this.#token = token;
        return true;
      })
      .finally(() => (this.#renewing = undefined)));
  }
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of the UTF-8 bytes of `text`, without Buffer, btoa or TextEncoder (absent in some runtimes). */
export function toBase64(text: string): string {
  // encodeURIComponent yields UTF-8 as %XX escapes; turn them into one char per byte.
  const bytes = encodeURIComponent(text).replace(/%(..)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes.charCodeAt(i) << 16) | ((bytes.charCodeAt(i + 1) || 0) << 8) | (bytes.charCodeAt(i + 2) || 0);
    out += alphabet.charAt(n >> 18) + alphabet.charAt((n >> 12) & 63);
    out += i + 1 < bytes.length ? alphabet.charAt((n >> 6) & 63) : '=';
    out += i + 2 < bytes.length ? alphabet.charAt(n & 63) : '=';
  }
  return out;
}

/**
 * A portal session opened through the login form, like the Mobile SDK's CookieAuthentication: every request
 * to the portal carries its cookies (with COOKIE_SUPPORT=true) and its CSRF token as the X-CSRF-Token
 * header, as the SDK sends it (no p_auth query parameter). Cookies go to the portal's origin only; a
 * request elsewhere gets neither. When the portal refuses them (401, or a redirect to its sign-in page:
 * the portal session expired), the session signs in again, once, and retries the call.
 *
 *   const authentication = await CookieAuthentication.signIn('https://portal.example.com', 'test@liferay.com', 'test');
 *   const session = new Session({ server: 'https://portal.example.com', authentication });
 *
 * Needs a runtime that lets it read Set-Cookie and send Cookie: Node (and Deno, Bun), not browsers.
 * Cookies the portal sets on later answers are not taken in; the next sign-in replaces them all.
 */
export class CookieAuthentication implements Authentication {
  readonly #server: string;
  readonly #origin: string;
  // Kept in private fields to sign in again; inspecting the session shows no password.
  readonly #user: string;
  readonly #password: string;
  readonly #options: Omit<CookieSignInOptions, 'signal'>;
  #cookies = '';
  #authToken = '';
  // Calls refused together share one sign-in.
  #signingIn: Promise<boolean> | undefined;

  private constructor(server: string, user: string, password: string, options: CookieSignInOptions) {
    this.#server = server;
    this.#origin = originOf(server);
    this.#user = user;
    this.#password = password;
    const { signal: _firstOnly, ...kept } = options;
    this.#options = kept;
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

  /** The portal session's CSRF token ("p_auth"), for other requests to the portal. */
  get authToken(): string {
    return this.#authToken;
  }

  /** Adds the cookies and the CSRF token to requests to the portal's origin, and nothing elsewhere. */
  authenticate(headers: Record<string, string>, url: string): void {
    if (originOf(url) !== this.#origin) return;
    headers['Cookie'] = this.#cookies;
    headers['X-CSRF-Token'] = this.#authToken;
  }

  /** Signs in again, once for all the calls refused together. */
  refresh(refused: Readonly<Record<string, string>>): Promise<boolean> {
    // Sent before another call signed in again: retry with the new cookies rather than sign in again.
    if (refused['Cookie'] !== this.#cookies) return Promise.resolve(true);
    return (this.#signingIn ??= signInWithForm(this.#server, this.#user, this.#password, this.#options)
      .then((session) => {
        this.#use(session);
        return true;
      })
      .finally(() => (this.#signingIn = undefined)));
  }

  #use(session: PortalSession): void {
    this.#cookies = cookieHeader(session.cookies);
    this.#authToken = session.authToken;
  }
}

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
interface PortalSession {
  readonly cookies: ReadonlyMap<string, string>;
  readonly authToken: string;
}

/** The portal's own redirects after the login form, on its origin only. */
const SIGN_IN: RedirectPolicy = { follow: 10 };

/**
 * Signs in through the portal's login form as the Mobile SDK's cookie sign-in does (Android CookieSignIn,
 * iOS LRCookieSignIn): POST `login` and `password` form-encoded to `<server>/c/portal/login` with the cookie
 * COOKIE_SUPPORT=true (the portal refuses sign-ins from clients without cookies), follow the redirects
 * with every cookie set on the way (JSESSIONID, GUEST_LANGUAGE_ID, ...), and read the session's CSRF token
 * from `Liferay.authToken = '...'` in the page reached. Redirects must stay on the portal's origin.
 */
function signInWithForm(
  server: string,
  user: string,
  password: string,
  options: CookieSignInOptions,
): Promise<PortalSession> {
  const portal = originOf(server);
  return withDeadline(options.signal, options.timeout ?? 15000, undefined, async (signal) => {
    const cookies = new Map([['COOKIE_SUPPORT', 'true']]);
    const url = server.replace(/\/+$/, '') + '/c/portal/login';
    const form = 'login=' + encodeURIComponent(user) + '&password=' + encodeURIComponent(password);
    const [response, last] = await followRedirects(url, server, SIGN_IN, async ({ url, index }) => {
      const headers: Record<string, string> = { ...options.headers, Cookie: cookieHeader(cookies) };
      // The form goes with the first request; the redirects after it are GETs.
      if (!index) headers['Content-Type'] = 'application/x-www-form-urlencoded';
      const request = {
        url,
        method: index ? 'GET' : 'POST',
        headers,
        signal,
        ...(index ? {} : { body: form }),
      } as const;
      const answer = await send(() => httpRequest(options.transport, request));
      keepCookies(cookies, answer.cookies);
      return answer;
    });
    const { status, location } = response;
    if (status < 300 || status > 399 || !location) return readPage(response, cookies);
    response.cancel();
    const away = originOf(resolveUrl(last, location)) !== portal;
    const redirect = new RedirectError('redirected (HTTP ' + status + ') to ' + location, { status, location });
    throw refused(away ? 'sign-in redirected away from the portal' : 'sign-in redirected too many times', redirect);
  });
}

/** The Cookie header for a session's cookies. */
function cookieHeader(cookies: ReadonlyMap<string, string>): string {
  return [...cookies].map(([name, value]) => name + '=' + value).join('; ');
}

async function send(request: () => Promise<HttpResponse>): Promise<HttpResponse> {
  try {
    return await request();
  } catch (cause) {
    throw cause instanceof LiferayError ? cause : new NetworkError('network failure', { cause });
  }
}

/**
 * The token is read as the Mobile SDK reads it, with either quote. A page that says the user is not signed
 * in (`isSignedIn: function() { return false; }`, in every portal page's script) means a refused login.
 */
async function readPage(response: HttpResponse, cookies: ReadonlyMap<string, string>): Promise<PortalSession> {
  const page = await response.text();
  const { status } = response;
  if (status > 299)
    throw refused('sign-in failed (HTTP ' + status + ')', new HttpError('HTTP ' + status, { status, body: page }));
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
  return new AuthenticationError(message, cause === undefined ? {} : { cause });
}
