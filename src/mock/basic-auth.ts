/**
 * HTTP Basic, when the mock is started with a user and a password. A request without the right credentials
 * gets what a portal's servlet container sends: 401, a WWW-Authenticate challenge and an HTML page.
 */
import { timingSafeEqual } from 'node:crypto';
import { htmlPage, type MockAnswer } from './mock-answer.js';

export interface Credentials {
  readonly user: string;
  readonly password: string;
}

export function isAuthorized(header: string | undefined, credentials: Credentials | undefined): boolean {
  if (credentials === undefined) return true;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (match?.[1] === undefined) return false;
  const given = Buffer.from(match[1], 'base64');
  const expected = Buffer.from(`${credentials.user}:${credentials.password}`, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function unauthorized(): MockAnswer {
  return htmlPage(401, 'HTTP Status 401 - Unauthorized', 'This request requires HTTP authentication.', {
    'www-authenticate': 'Basic realm="PortalRealm"',
  });
}
