/**
 * A portal with Liferay's OAuth 2 token endpoint, as far as the grants go (RFC 6749 and 7636, as the portal's
 * OAuth 2 provider implements them): `/o/oauth2/token` takes the password, client credentials, refresh token
 * and authorization code grants, form-encoded with the client's id and secret, and answers a token with
 * `expires_in` 600 and a refresh token that is used once (a new one comes with each refresh). An authorization
 * code is issued by `issueCode` (standing in for the browser's visit to /o/oauth2/authorize) and exchanged only
 * with the verifier whose S256 digest is its challenge. JSON-WS runs calls with an unknown or expired token as
 * the guest's (7.x: 403 "Authenticated access required").
 */
import { createHash } from 'node:crypto';
import {
  answer,
  route,
  serveJson,
  startPortalServer,
  type PortalHandler,
  type PortalServer,
} from '../helpers/portal-server.js';
import { guestPortal } from './guest-portal.js';

export const CLIENT = { clientId: 'id-app', clientSecret: 'secret-app' };
export const PUBLIC_CLIENT = { clientId: 'id-spa' };
export const REDIRECT_URI = 'https://app.example.com/callback';

export interface OAuth2Portal {
  readonly server: PortalServer;
  /** Every grant the token endpoint received, with the form fields that matter. */
  readonly grants: Record<string, string>[];
  /** An authorization code for the public client, bound to a PKCE challenge and a redirect URI. */
  issueCode(challenge: string, redirectUri: string): string;
  /** Ends every access token, as their expiry does. */
  expireTokens(): void;
}

const base64Url = (bytes: Buffer): string =>
  bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export async function startOAuth2Portal(): Promise<OAuth2Portal> {
  const grants: Record<string, string>[] = [];
  const accessTokens = new Set<string>();
  const refreshTokens = new Set<string>();
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  let issued = 0;
  const issue = (withRefresh: boolean): Record<string, unknown> => {
    const access = `access-${++issued}`;
    accessTokens.add(access);
    const refresh = `refresh-${issued}`;
    if (withRefresh) refreshTokens.add(refresh);
    return {
      access_token: access,
      token_type: 'Bearer',
      expires_in: 600,
      scope: 'everything',
      ...(withRefresh ? { refresh_token: refresh } : {}),
    };
  };
  const refuse = (error: string, description: string): PortalHandler =>
    serveJson({ error, error_description: description }, 400);
  const token: PortalHandler = (request, response, incoming) => {
    const form = Object.fromEntries(new URLSearchParams(request.body));
    grants.push(form);
    const confidential = form['client_id'] === CLIENT.clientId && form['client_secret'] === CLIENT.clientSecret;
    const isPublic = form['client_id'] === PUBLIC_CLIENT.clientId && form['client_secret'] === undefined;
    if (!confidential && !isPublic)
      return answer(401, JSON.stringify({ error: 'invalid_client' }), { 'content-type': 'application/json' })(
        request,
        response,
        incoming,
      );
    const reply = (body: Record<string, unknown>): void => void serveJson(body)(request, response, incoming);
    switch (form['grant_type']) {
      case 'password':
        if (form['username'] !== 'test@liferay.com' || form['password'] !== 'test')
          return refuse('invalid_grant', 'wrong login or password')(request, response, incoming);
        return reply(issue(true));
      case 'client_credentials':
        return confidential
          ? reply(issue(false))
          : refuse('unauthorized_client', 'public client')(request, response, incoming);
      case 'refresh_token':
        if (!refreshTokens.delete(form['refresh_token'] ?? ''))
          return refuse('invalid_grant', 'unknown refresh token')(request, response, incoming);
        return reply(issue(true));
      case 'authorization_code': {
        const code = codes.get(form['code'] ?? '');
        codes.delete(form['code'] ?? '');
        const digest = base64Url(
          createHash('sha256')
            .update(form['code_verifier'] ?? '')
            .digest(),
        );
        if (!code || code.challenge !== digest || code.redirectUri !== form['redirect_uri'])
          return refuse('invalid_grant', 'code, verifier or redirect URI')(request, response, incoming);
        return reply(issue(true));
      }
      default:
        return refuse('unsupported_grant_type', String(form['grant_type']))(request, response, incoming);
    }
  };
  const jsonws = guestPortal('7.x', (request) =>
    accessTokens.has((request.headers.authorization ?? '').replace(/^Bearer /, '')),
  ).handler;
  const server = await startPortalServer(route({ '/o/oauth2/token': token, '/api/jsonws/invoke': jsonws }));
  return {
    server,
    grants,
    issueCode: (challenge, redirectUri) => {
      const code = `code-${codes.size + 1}`;
      codes.set(code, { challenge, redirectUri });
      return code;
    },
    expireTokens: () => accessTokens.clear(),
  };
}
