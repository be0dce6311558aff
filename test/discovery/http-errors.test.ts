import { afterEach, describe, expect, it } from 'vitest';
import { ExitCode, exitCodeOf } from '../../src/cli/exit-codes.js';
import { type DiscoverOptions, type DiscoveryEvent, discoverDocuments } from '../../src/discovery/index.js';
import {
  answer,
  hang,
  type PortalHandler,
  type PortalServer,
  redirect,
  refusedUrl,
  serveHtml,
  serveJson,
  startPortalServer,
} from '../helpers/portal-server.js';
import { rejection } from './rejection.js';

const servers: PortalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function portalUrl(handler: PortalHandler): Promise<string> {
  const server = await startPortalServer(handler);
  servers.push(server);
  return server.url;
}

const discoverUrl = (base: string, query = 'discover=/*'): string => `${base}/api/jsonws?${query}`;

describe('HTTP failures', () => {
  it.each([401, 403])('HTTP %i: unauthorized', async (status) => {
    const url = await portalUrl(answer(status, '{"exception":"Authenticated access required"}'));
    const error = await rejection(discoverDocuments({ url }));
    expect([error.code, exitCodeOf(error.code), error.source, error.message]).toEqual([
      'discovery.unauthorized',
      ExitCode.unauthorized,
      discoverUrl(url),
      `Access denied (HTTP ${status}) at ${discoverUrl(url)}: check the credentials (user and password, or token), ` +
        'or enable JSON web services discovery on the portal (jsonws.web.service.discoverable=true).',
    ]);
  });

  it('HTTP 404: no JSON web services there', async () => {
    const url = await portalUrl(answer(404));
    const error = await rejection(discoverDocuments({ url }));
    expect([error.code, exitCodeOf(error.code), error.message]).toEqual([
      'discovery.not-found',
      ExitCode.notFound,
      `No JSON web services at ${discoverUrl(url)} (HTTP 404): check the portal URL and the JSON web services path ` +
        '(6.1 portals need --jsonws-path api/secure/jsonws).',
    ]);
  });

  it('HTTP 404 for a plugin context: also names the context', async () => {
    const url = await portalUrl(answer(404));
    const error = await rejection(discoverDocuments({ url, contexts: ['calendar-portlet'] }));
    const query = 'discover=/*&contextName=calendar-portlet&contextPath=/calendar-portlet';
    expect(error.message).toBe(
      `No JSON web services at ${discoverUrl(url, query)} (HTTP 404): check the portal URL and the JSON web services path ` +
        '(6.1 portals need --jsonws-path api/secure/jsonws), and that the context "calendar-portlet" exists.',
    );
  });

  it('HTTP 500: another HTTP failure', async () => {
    const url = await portalUrl(answer(500, 'java.lang.NullPointerException'));
    const error = await rejection(discoverDocuments({ url }));
    expect([error.code, exitCodeOf(error.code), error.message]).toEqual([
      'discovery.http',
      ExitCode.http,
      `The portal answered HTTP 500 at ${discoverUrl(url)}: check the portal's log, or retry later.`,
    ]);
  });

  it('an answer labelled text/html is HTML even when it does not start with "<"', async () => {
    const url = await portalUrl(serveHtml('Please sign in'));
    const error = await rejection(discoverDocuments({ url }));
    expect([error.code, exitCodeOf(error.code), error.message]).toEqual([
      'discovery.html',
      ExitCode.html,
      `Expected JSON but got an HTML page from ${discoverUrl(url)}, typically a login or error page: check the URL and the credentials.`,
    ]);
  });

  it('invalid JSON: names the position', async () => {
    const url = await portalUrl(serveJson('{"contextName": "",\n "services": [}'));
    const error = await rejection(discoverDocuments({ url }));
    expect([error.code, exitCodeOf(error.code), error.message]).toEqual([
      'discovery.invalid-json',
      ExitCode.invalidJson,
      `Invalid JSON from ${discoverUrl(url)} at line 2, column 15 (position 34): expected a JSON value, found "}"; ` +
        'check that the document is complete and unedited.',
    ]);
  });
});

const password = 'S3cret-pw!';
const token = 'tok-9f8e7d6c5b4a';
const secrets = [
  password,
  token,
  'S3cret',
  encodeURIComponent(password),
  Buffer.from(`joe:${password}`).toString('base64'),
  'dGVzdEBsaWZl',
];

const failures: [string, () => Promise<string>][] = [
  ['unauthorized', () => portalUrl(answer(401))],
  ['not found', () => portalUrl(answer(404))],
  ['server error', () => portalUrl(answer(500))],
  ['retried 503', () => portalUrl(answer(503))],
  ['HTML page', () => portalUrl(serveHtml(`<html><title>Login</title></html>`))],
  ['invalid JSON', () => portalUrl(serveJson('{'))],
  ['invalid document', () => portalUrl(serveJson({ services: [{ name: 1 }] }))],
  ['cross-origin redirect', async () => portalUrl(redirect(`${await portalUrl(answer(200))}/elsewhere`))],
  ['refused connection', () => refusedUrl()],
  ['timeout', () => portalUrl(hang())],
];

const credentialKinds: [string, (url: string) => DiscoverOptions][] = [
  ['user and password', (url) => ({ url, credentials: { user: 'test@liferay.com', password } })],
  ['token', (url) => ({ url, credentials: { token } })],
  ['password in the URL', (url) => ({ url: url.replace('//', `//joe:${encodeURIComponent(password)}@`) })],
];

describe('secrets never appear in errors or events', () => {
  describe.each(credentialKinds)('with %s', (_kind, withCredentials) => {
    it.each(failures)('%s', async (_failure, start) => {
      const events: DiscoveryEvent[] = [];
      const options = {
        ...withCredentials(await start()),
        timeout: 300,
        retries: 1,
        retryDelay: 1,
        onEvent: (event: DiscoveryEvent) => events.push(event),
      };
      const error = await rejection(discoverDocuments(options));
      const printed = [
        error.message,
        String(error),
        error.stack ?? '',
        String(error.cause),
        error.source,
        JSON.stringify(events),
      ].join('\n');
      for (const secret of secrets) expect(printed).not.toContain(secret);
      expect(events.length).toBeGreaterThan(0);
    });
  });
});
