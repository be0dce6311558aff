/**
 * Authentication: how a session proves who it is. HTTP Basic, or an OAuth 2 bearer token; a portal session
 * opened through the login form is `CookieAuthentication` (cookie-authentication.ts), and the OAuth 2 sign-in
 * flows are in oauth.ts, so that apps that use neither do not carry them.
 */
import { AuthenticationError, LiferayError } from './errors.js';

/**
 * How a session proves who it is. `authenticate` adds headers to each request sent to `url`; `refresh`, when
 * present, is called with the headers of a request the portal refused (401, a redirect to its sign-in page,
 * or "Authenticated access required") and resolves true when the call is worth retrying once with fresh
 * credentials; `keep`, when present, receives the cookies the portal set on an answer from its origin.
 */
export interface Authentication {
  /**
   * Adds this authentication's headers to those of a request about to be sent to `url` by a session of the
   * portal at `server`; may renew credentials about to expire first.
   */
  authenticate(headers: Record<string, string>, url: string, server: string): void | Promise<void>;
  /** Renews the credentials after the portal refused a request sent with `refused`; true: retry it. */
  refresh?(refused: Readonly<Record<string, string>>): Promise<boolean>;
  /** Takes the Set-Cookie headers of an answer from `url`. */
  keep?(setCookies: readonly string[], url: string): void;
}

/** HTTP Basic with the portal's login (screen name, e-mail address or user id, per portal settings). */
export class BasicAuthentication implements Authentication {
  /** The login, as given. */
  readonly user: string;
  // Only the encoded header is kept, in a private field, so inspecting the session shows no password.
  readonly #header: string;

  constructor(user: string, password: string) {
    this.user = user;
    this.#header = 'Basic ' + toBase64(user + ':' + password);
  }

  /** Adds the Authorization header. */
  authenticate(headers: Record<string, string>): void {
    headers['Authorization'] = this.#header;
  }
}

/** A bearer token and when it expires, as `BearerAuthentication`'s `refresh` may resolve. */
export interface BearerToken {
  /** The access token, sent as `Authorization: Bearer <token>`. */
  readonly token: string;
  /** When it expires: a Date, or milliseconds since the epoch. */
  readonly expiresAt?: Date | number;
  /** Seconds from now until it expires, as OAuth 2's `expires_in`. */
  readonly expiresIn?: number;
}

/** How a bearer token is renewed; each is optional. */
export interface BearerOptions {
  /** Gets a new token: a string, or a `BearerToken` with its expiry. Without it, the token is never renewed. */
  readonly refresh?: () => Promise<string | BearerToken>;
  /** When the first token expires (a Date, or milliseconds since the epoch). */
  readonly expiresAt?: Date | number;
  /** Seconds from now until the first token expires. */
  readonly expiresIn?: number;
}

/**
 * An OAuth 2 bearer token. With `refresh`, it is renewed before it expires (when its expiry is known: a minute
 * before, or a tenth of its lifetime when that is shorter), and when the portal refuses it (a 401, or
 * "Authenticated access required": the portal treats an expired token as the guest's); one renewal at a time.
 */
export class BearerAuthentication implements Authentication {
  #token = '';
  // Milliseconds since the epoch after which the token is renewed before use; Infinity: not known.
  #renewAt = Infinity;
  readonly #renew: (() => Promise<string | BearerToken>) | undefined;
  // Calls failing together share one renewal.
  #renewing: Promise<boolean> | undefined;

  constructor(token: string, options: BearerOptions = {}) {
    this.#use({ ...options, token });
    this.#renew = options.refresh;
  }

  /** Adds the Authorization header with the current token, renewed first when it is about to expire. */
  authenticate(headers: Record<string, string>): void | Promise<void> {
    const add = (): void => void (headers['Authorization'] = 'Bearer ' + this.#token);
    if (!this.#renew || Date.now() < this.#renewAt) return add();
    return this.#renewal().then(add, (cause: unknown) => {
      throw cause instanceof LiferayError ? cause : new AuthenticationError('renewing the token failed', { cause });
    });
  }

  /** Renews the token with the `refresh` option, once for all the calls refused together. */
  refresh(refused: Readonly<Record<string, string>>): Promise<boolean> {
    if (!this.#renew) return Promise.resolve(false);
    // Sent before another call renewed the token: retry with the new one rather than renew again.
    if (refused['Authorization'] !== 'Bearer ' + this.#token) return Promise.resolve(true);
    return this.#renewal();
  }

  #renewal(): Promise<boolean> {
    return (this.#renewing ??= (this.#renew as () => Promise<string | BearerToken>)()
      .then((token) => {
        this.#use(typeof token === 'string' ? { token } : token);
        return true;
      })
      .finally(() => (this.#renewing = undefined)));
  }

  #use({ token, expiresAt, expiresIn }: BearerToken): void {
    const now = Date.now();
    const at = expiresIn !== undefined ? now + expiresIn * 1000 : expiresAt === undefined ? Infinity : +expiresAt;
    this.#token = token;
    this.#renewAt = at - renewalMargin(at - now);
  }
}

/** How long before an expiry to renew: a minute, or a tenth of the lifetime left when that is shorter. */
export function renewalMargin(lifetime: number): number {
  return Math.min(60000, Math.max(0, lifetime) / 10);
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
