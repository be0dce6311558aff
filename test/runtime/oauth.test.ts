/**
 * OAuth 2 sign-in helpers (issue 14, point 12), against a token endpoint that checks every grant and the PKCE
 * verifier: each resolves with a BearerAuthentication that renews itself, before expiry and after a refusal.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthenticationError, OAuth2SignIn, Session } from '../../src/runtime/index.js';
import { getEntry } from './jsonws-portal.js';
import { CLIENT, PUBLIC_CLIENT, REDIRECT_URI, startOAuth2Portal, type OAuth2Portal } from './oauth-portal.js';

let portal: OAuth2Portal | undefined;
let session: Session | undefined;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.UTC(2026, 0, 1));
  portal = await startOAuth2Portal();
});
afterEach(async () => {
  vi.useRealTimers();
  await session?.close();
  await portal?.server.close();
  portal = session = undefined;
});

const url = (): string => portal?.server.url ?? '';
const grantTypes = (): (string | undefined)[] => portal?.grants.map((grant) => grant['grant_type']) ?? [];
const sentTokens = (): (string | undefined)[] =>
  portal?.server.requests
    .filter((request) => request.url === '/api/jsonws/invoke')
    .map((request) => request.headers.authorization) ?? [];

describe('OAuth2SignIn', () => {
  it('signs in with the password grant, and renews with the refresh token before expiry', async () => {
    const authentication = await OAuth2SignIn.password(url(), CLIENT, 'test@liferay.com', 'test');
    session = new Session({ server: url(), authentication });
    expect(await session.invoke(getEntry, { entryId: 1 })).toEqual({ entryId: 1 });
    expect(portal?.grants[0]).toEqual({
      grant_type: 'password',
      username: 'test@liferay.com',
      password: 'test',
      client_id: 'id-app',
      client_secret: 'secret-app',
    });
    vi.setSystemTime(Date.now() + 9 * 60_000);
    expect(await session.invoke(getEntry, { entryId: 2 })).toEqual({ entryId: 2 });
    // The refresh token is used once; the next renewal uses the new one.
    vi.setSystemTime(Date.now() + 9 * 60_000);
    await session.invoke(getEntry, { entryId: 3 });
    expect(grantTypes()).toEqual(['password', 'refresh_token', 'refresh_token']);
    expect(portal?.grants.map((grant) => grant['refresh_token'])).toEqual([undefined, 'refresh-1', 'refresh-2']);
    expect(sentTokens()).toEqual(['Bearer access-1', 'Bearer access-2', 'Bearer access-3']);
  });

  it("renews when the portal answers as the guest's, then retries the call", async () => {
    session = new Session({
      server: url(),
      authentication: await OAuth2SignIn.password(url(), CLIENT, 'test@liferay.com', 'test'),
    });
    portal?.expireTokens();
    expect(await session.invoke(getEntry, { entryId: 1 })).toEqual({ entryId: 1 });
    expect(sentTokens()).toEqual(['Bearer access-1', 'Bearer access-2']);
  });

  it('signs in with client credentials, and asks again when the token expires (no refresh token)', async () => {
    session = new Session({ server: url(), authentication: await OAuth2SignIn.clientCredentials(url(), CLIENT) });
    await session.invoke(getEntry, { entryId: 1 });
    vi.setSystemTime(Date.now() + 10 * 60_000);
    await session.invoke(getEntry, { entryId: 2 });
    expect(grantTypes()).toEqual(['client_credentials', 'client_credentials']);
    expect(sentTokens()).toEqual(['Bearer access-1', 'Bearer access-2']);
  });

  it('signs in with a kept refresh token', async () => {
    await OAuth2SignIn.password(url(), CLIENT, 'test@liferay.com', 'test');
    session = new Session({
      server: url(),
      authentication: await OAuth2SignIn.refreshToken(url(), CLIENT, 'refresh-1'),
    });
    expect(await session.invoke(getEntry, { entryId: 1 })).toEqual({ entryId: 1 });
    expect(sentTokens()).toEqual(['Bearer access-2']);
  });

  it('runs the authorization code flow with PKCE for a public client', async () => {
    const authorization = await OAuth2SignIn.authorize(url(), PUBLIC_CLIENT, REDIRECT_URI, 'xyz');
    const query = new URL(authorization.url).searchParams;
    expect(new URL(authorization.url).pathname).toBe('/o/oauth2/authorize');
    expect(Object.fromEntries(query)).toMatchObject({
      response_type: 'code',
      client_id: 'id-spa',
      redirect_uri: REDIRECT_URI,
      code_challenge_method: 'S256',
      state: 'xyz',
    });
    expect(authorization.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The browser signs in at the portal, which redirects back with a code bound to the challenge.
    const code = portal?.issueCode(query.get('code_challenge') ?? '', REDIRECT_URI) ?? '';
    const authentication = await OAuth2SignIn.authorizationCode(url(), PUBLIC_CLIENT, code, {
      codeVerifier: authorization.codeVerifier,
      redirectUri: REDIRECT_URI,
    });
    session = new Session({ server: url(), authentication });
    expect(await session.invoke(getEntry, { entryId: 1 })).toEqual({ entryId: 1 });
    expect(portal?.grants[0]).toEqual({
      grant_type: 'authorization_code',
      code,
      code_verifier: authorization.codeVerifier,
      redirect_uri: REDIRECT_URI,
      client_id: 'id-spa',
    });
  });

  it('is refused a code with another verifier', async () => {
    const authorization = await OAuth2SignIn.authorize(url(), PUBLIC_CLIENT, REDIRECT_URI);
    const other = await OAuth2SignIn.authorize(url(), PUBLIC_CLIENT, REDIRECT_URI);
    const code =
      portal?.issueCode(new URL(authorization.url).searchParams.get('code_challenge') ?? '', REDIRECT_URI) ?? '';
    const error = await OAuth2SignIn.authorizationCode(url(), PUBLIC_CLIENT, code, {
      codeVerifier: other.codeVerifier,
      redirectUri: REDIRECT_URI,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toBe(
      '/o/oauth2/token: the portal refused the grant (invalid_grant: code, verifier or redirect URI)',
    );
  });

  it.each([
    [
      'a wrong password',
      () => OAuth2SignIn.password(url(), CLIENT, 'test@liferay.com', 'wrong'),
      'invalid_grant: wrong login or password',
    ],
    [
      'a wrong client secret',
      () => OAuth2SignIn.clientCredentials(url(), { ...CLIENT, clientSecret: 'wrong' }),
      'invalid_client',
    ],
    [
      'an unknown refresh token',
      () => OAuth2SignIn.refreshToken(url(), CLIENT, 'refresh-99'),
      'invalid_grant: unknown refresh token',
    ],
  ])("rejects %s with an AuthenticationError naming the portal's error", async (_, signIn, reason) => {
    const error = await signIn().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toBe(`/o/oauth2/token: the portal refused the grant (${reason})`);
  });
});
