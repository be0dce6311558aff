/**
 * OAuth 2 sign-in, as the Mobile SDK's OAuth2SignIn: tokens from the portal's token endpoint
 * (`/o/oauth2/token`) by the password, client credentials, refresh token and authorization code (with PKCE)
 * grants, each as a `BearerAuthentication` that renews itself. A module of its own, so that apps that do not
 * use it do not carry it.
 */
import { BearerAuthentication, type BearerToken } from './authentication.js';
import { withDeadline } from './deadline.js';
import { AuthenticationError, HttpError, LiferayError, ParseError } from './errors.js';
import { httpRequest, type FetchFunction, type TransportKind } from './transport.js';

/** The OAuth 2 application registered in the portal (Control Panel, OAuth 2 Administration). */
export interface OAuth2Client {
  /** The application's client id. */
  readonly clientId: string;
  /** Absent for a public client (a browser or mobile app, which uses PKCE). */
  readonly clientSecret?: string;
  /** The scopes asked for, space-separated (default: those the application is given). */
  readonly scope?: string;
}

/** How the token endpoint is reached; each is optional. */
export interface OAuth2Options {
  /** The HTTP client (default: undici in Node, else fetch). */
  readonly transport?: TransportKind;
  /** A fetch-compatible function for the token requests, as `SessionOptions.fetch`; `transport` is then ignored. */
  readonly fetch?: FetchFunction;
  /** Milliseconds allowed for each token request (default 15000; 0: none). */
  readonly timeout?: number;
  /** Aborts the first token request. */
  readonly signal?: AbortSignal;
  /** Headers sent with the token requests. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Where the app sends the browser to authorize, and what to keep until the portal redirects back. */
export interface OAuth2Authorization {
  /** `<server>/o/oauth2/authorize?...`, with the PKCE challenge. */
  readonly url: string;
  /** The PKCE verifier, for `authorizationCode`. */
  readonly codeVerifier: string;
  /** The state sent, to compare with the one the redirect brings back. */
  readonly state: string;
}

/** The portal's token answer (RFC 6749, section 5.1). */
interface TokenAnswer {
  readonly access_token?: unknown;
  readonly expires_in?: unknown;
  readonly refresh_token?: unknown;
}

/**
 * The grants: each resolves with a `BearerAuthentication` for `new Session({ authentication })`, renewed
 * before it expires and when the portal refuses it, with the refresh token when the portal gave one (a new one
 * replaces it at each renewal), else by asking again with the same grant (client credentials, password).
 */
export class OAuth2SignIn {
  private constructor() {}

  /** The resource owner password grant: a user's login and password, for a trusted app. */
  static password(
    server: string,
    client: OAuth2Client,
    user: string,
    password: string,
    options: OAuth2Options = {},
  ): Promise<BearerAuthentication> {
    return signIn(server, client, { grant_type: 'password', username: user, password }, options);
  }

  /** The client credentials grant: the application itself, as the user the portal assigns to it. */
  static clientCredentials(
    server: string,
    client: OAuth2Client,
    options: OAuth2Options = {},
  ): Promise<BearerAuthentication> {
    return signIn(server, client, { grant_type: 'client_credentials' }, options);
  }

  /** A refresh token the app kept from an earlier sign-in. */
  static refreshToken(
    server: string,
    client: OAuth2Client,
    refreshToken: string,
    options: OAuth2Options = {},
  ): Promise<BearerAuthentication> {
    return signIn(server, client, { grant_type: 'refresh_token', refresh_token: refreshToken }, options);
  }

  /**
   * The first step of the authorization code grant with PKCE (S256), for browsers and other public clients:
   * the URL to send the browser to, and the verifier and state to keep until the portal redirects it back to
   * `redirectUri` with `code` and `state`.
   */
  static async authorize(
    server: string,
    client: OAuth2Client,
    redirectUri: string,
    state: string = randomText(16),
  ): Promise<OAuth2Authorization> {
    const codeVerifier = randomText(32);
    const challenge = base64Url(new Uint8Array(await crypto().subtle.digest('SHA-256', ascii(codeVerifier))));
    const query = formOf({
      response_type: 'code',
      client_id: client.clientId,
      redirect_uri: redirectUri,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state,
      ...(client.scope ? { scope: client.scope } : {}),
    });
    return { url: base(server) + '/o/oauth2/authorize?' + query, codeVerifier, state };
  }

  /** The second step: the `code` the redirect brought, exchanged with the verifier `authorize` gave. */
  static authorizationCode(
    server: string,
    client: OAuth2Client,
    code: string,
    authorization: { readonly codeVerifier: string; readonly redirectUri: string },
    options: OAuth2Options = {},
  ): Promise<BearerAuthentication> {
    const { codeVerifier, redirectUri } = authorization;
    const grant = { grant_type: 'authorization_code', code, code_verifier: codeVerifier, redirect_uri: redirectUri };
    return signIn(server, client, grant, options);
  }
}

async function signIn(
  server: string,
  client: OAuth2Client,
  grant: Readonly<Record<string, string>>,
  options: OAuth2Options,
): Promise<BearerAuthentication> {
  const { signal: _firstOnly, ...kept } = options;
  const first = await requestToken(server, client, grant, options);
  let refreshToken = first.refreshToken;
  // Without a refresh token, a grant that can be asked again is; an authorization code can not.
  const again = grant['grant_type'] === 'authorization_code' ? undefined : grant;
  const refresh = async (): Promise<BearerToken> => {
    const next = refreshToken
      ? { grant_type: 'refresh_token', refresh_token: refreshToken }
      : (again ?? failNoRefresh());
    const token = await requestToken(server, client, next, kept);
    refreshToken = token.refreshToken ?? refreshToken;
    return token;
  };
  return new BearerAuthentication(first.token, { ...first, refresh });
}

function failNoRefresh(): never {
  throw new AuthenticationError('the token expired and the portal gave no refresh token: sign in again');
}

/** POSTs a grant to `<server>/o/oauth2/token` (the client's credentials in the form) and reads the token. */
function requestToken(
  server: string,
  client: OAuth2Client,
  grant: Readonly<Record<string, string>>,
  options: OAuth2Options,
): Promise<BearerToken & { readonly refreshToken: string | undefined }> {
  const path = '/o/oauth2/token';
  return withDeadline(options.signal, options.timeout ?? 15000, path, async (signal) => {
    const form = formOf({
      ...grant,
      client_id: client.clientId,
      ...(client.clientSecret === undefined ? {} : { client_secret: client.clientSecret }),
      ...(client.scope && grant['grant_type'] !== 'refresh_token' ? { scope: client.scope } : {}),
    });
    const headers = {
      ...options.headers,
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
    };
    let status: number;
    let body: string;
    try {
      const response = await httpRequest(options, {
        url: base(server) + path,
        method: 'POST',
        headers,
        body: form,
        signal,
      });
      status = response.status;
      body = await response.text();
    } catch (cause) {
      throw (await import('./network-error.js')).networkError(cause, path);
    }
    let answer: TokenAnswer & { readonly error?: unknown; readonly error_description?: unknown };
    try {
      answer = JSON.parse(body) as typeof answer;
    } catch (cause) {
      if (status > 299) throw new HttpError('HTTP ' + status, { path, status, body });
      throw new ParseError('the answer is not JSON', { path, body, cause });
    }
    // RFC 6749, section 5.2: 400 or 401 with `error` and perhaps `error_description`.
    if (typeof answer.error === 'string') {
      const description = typeof answer.error_description === 'string' ? ': ' + answer.error_description : '';
      throw new AuthenticationError('the portal refused the grant (' + answer.error + description + ')', { path });
    }
    if (status > 299) throw new HttpError('HTTP ' + status, { path, status, body });
    const { access_token: token, expires_in: expiresIn, refresh_token: refreshToken } = answer;
    if (typeof token !== 'string') throw new ParseError('the answer has no access_token', { path, body });
    return {
      token,
      ...(typeof expiresIn === 'number' ? { expiresIn } : {}),
      refreshToken: typeof refreshToken === 'string' ? refreshToken : undefined,
    };
  });
}

function base(server: string): string {
  return server.replace(/\/+$/, '');
}

function formOf(fields: Readonly<Record<string, string>>): string {
  return Object.entries(fields)
    .map(([name, value]) => encodeURIComponent(name) + '=' + encodeURIComponent(value))
    .join('&');
}

interface WebCrypto {
  getRandomValues(bytes: Uint8Array): Uint8Array;
  readonly subtle: { digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer> };
}

// Web Crypto: browsers, Deno, Bun, and Node 20's globalThis.crypto.
function crypto(): WebCrypto {
  const found = (globalThis as { crypto?: WebCrypto }).crypto;
  if (!found?.subtle)
    throw new LiferayError('no Web Crypto in this runtime: PKCE needs it', { code: 'LIFERAY_UNSUPPORTED' });
  return found;
}

/** `bytes` random bytes as base64url text: a PKCE verifier (43 characters for 32 bytes) or a state. */
function randomText(bytes: number): string {
  return base64Url(crypto().getRandomValues(new Uint8Array(bytes)));
}

// The verifier is ASCII: its bytes without TextEncoder, which React Native lacks.
function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}

function base64Url(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = [n >> 18, (n >> 12) & 63, (n >> 6) & 63, n & 63].map((at) => alphabet.charAt(at));
    out += chars.slice(0, Math.min(4, bytes.length - i + 1)).join('');
  }
  return out;
}
