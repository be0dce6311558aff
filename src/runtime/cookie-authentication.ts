import type { Authentication } from './authentication.js';
import { cookieHeader, signInWithForm, type CookieSignInOptions, type PortalSession } from './cookie-sign-in.js';
import { originOf } from './resolve-url.js';

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
  static async signIn(server: string, user: string, password: string, options: CookieSignInOptions = {}): Promise<CookieAuthentication> {
    const authentication = new CookieAuthentication(server, user, password, options);
    authentication.#use(await signInWithForm(server, user, password, options));
    return authentication;
  }

  /** The portal session's CSRF token ("p_auth"), for other requests to the portal. */
  get authToken(): string {
    return this.#authToken;
  }

  authenticate(headers: Record<string, string>, url: string): void {
    if (originOf(url) !== this.#origin) return;
    headers['Cookie'] = this.#cookies;
    headers['X-CSRF-Token'] = this.#authToken;
  }

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
