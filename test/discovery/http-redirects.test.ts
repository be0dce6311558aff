import { afterEach, describe, expect, it } from 'vitest';
import { ExitCode, exitCodeOf } from '../../src/cli/exit-codes.js';
import { type DiscoveryEvent, discoverDocuments } from '../../src/discovery/index.js';
import {
  answer,
  type PortalServer,
  redirect,
  route,
  serveHtml,
  serveJson,
  startPortalServer,
} from '../helpers/portal-server.js';
import { rejection } from './rejection.js';
import { v7Document } from './sample-documents.js';

const servers: PortalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(...args: Parameters<typeof startPortalServer>): Promise<PortalServer> {
  const server = await startPortalServer(...args);
  servers.push(server);
  return server;
}

const credentials = { user: 'test@liferay.com', password: 'S3cret-pw!' };
const basic = 'Basic dGVzdEBsaWZlcmF5LmNvbTpTM2NyZXQtcHch';

describe('redirects', () => {
  it('follows a same-origin redirect with the same credentials', async () => {
    const portal = await start(
      route({ '/api/jsonws': redirect('/o/api/jsonws?discover=/*', 301), '/o/api/jsonws': serveJson(v7Document) }),
    );
    const events: DiscoveryEvent[] = [];
    const [discovered] = await discoverDocuments({
      url: portal.url,
      credentials,
      onEvent: (event) => events.push(event),
    });
    expect(discovered?.format).toBe('7.x');
    expect(portal.requests.map((request) => [request.url, request.headers['authorization']])).toEqual([
      ['/api/jsonws?discover=/*', basic],
      ['/o/api/jsonws?discover=/*', basic],
    ]);
    expect(events.filter((event) => event.kind === 'redirect')).toEqual([
      {
        kind: 'redirect',
        from: `${portal.url}/api/jsonws?discover=/*`,
        to: `${portal.url}/o/api/jsonws?discover=/*`,
        status: 301,
      },
    ]);
  });

  it.each([302, 303, 307, 308])('follows an absolute same-origin redirect (HTTP %i)', async (status) => {
    const portal = await start((request, response, incoming) => {
      const handler = request.url.startsWith('/api/')
        ? redirect(`http://127.0.0.1:${portal.port}/final`, status)
        : serveJson(v7Document);
      return handler(request, response, incoming);
    });
    await discoverDocuments({ url: portal.url });
    expect(portal.requests.map((request) => request.url)).toEqual(['/api/jsonws?discover=/*', '/final']);
  });

  it('follows five redirects and refuses a sixth', async () => {
    let hops = 0;
    const portal = await start((request, response, incoming) =>
      redirect(`/hop/${++hops}`)(request, response, incoming),
    );
    const error = await rejection(discoverDocuments({ url: portal.url }));
    expect(portal.requests).toHaveLength(6);
    expect([error.code, exitCodeOf(error.code), error.message]).toEqual([
      'discovery.redirect',
      ExitCode.http,
      `More than 5 redirects from ${portal.url}/api/jsonws?discover=/*: check the portal URL.`,
    ]);
  });

  it('refuses a redirect to another origin and sends it nothing', async () => {
    const other = await start(serveJson(v7Document));
    const portal = await start(redirect(`${other.url}/api/jsonws?discover=/*`));
    const error = await rejection(discoverDocuments({ url: portal.url, credentials }));
    expect(other.requests).toEqual([]);
    expect(portal.requests).toHaveLength(1);
    expect([error.code, exitCodeOf(error.code), error.message]).toEqual([
      'discovery.redirect',
      ExitCode.http,
      `The portal at ${portal.url}/api/jsonws?discover=/* redirected to another origin (${other.url}), which is not followed ` +
        'so that no credentials are sent there: use that origin as the portal URL if you trust it.',
    ]);
  });

  it('refuses a redirect from http to https on the same host', async () => {
    const portal = await start((request, response, incoming) =>
      redirect(`https://127.0.0.1:${portal.port}/api/jsonws?discover=/*`)(request, response, incoming),
    );
    const error = await rejection(discoverDocuments({ url: portal.url, credentials: { token: 't' } }));
    expect(error.code).toBe('discovery.redirect');
    expect(error.message).toContain(`redirected to another origin (https://127.0.0.1:${portal.port})`);
  });

  it('reports a redirect without a Location', async () => {
    const portal = await start(answer(302));
    const error = await rejection(discoverDocuments({ url: portal.url }));
    expect([error.code, exitCodeOf(error.code), error.message]).toEqual([
      'discovery.http',
      ExitCode.http,
      `The portal answered a redirect (HTTP 302) without a usable Location at ${portal.url}/api/jsonws?discover=/*: check the portal URL.`,
    ]);
  });

  it('reports the login page a redirect leads to', async () => {
    const portal = await start(
      route({
        '/api/jsonws': redirect('/c/portal/login?redirect=%2Fapi%2Fjsonws'),
        '/c/portal/login': serveHtml('<html><head><title>Sign In - Liferay DXP</title></head><body></body></html>'),
      }),
    );
    const error = await rejection(discoverDocuments({ url: portal.url }));
    expect([error.code, exitCodeOf(error.code), error.message]).toEqual([
      'discovery.html',
      ExitCode.html,
      `Expected JSON but got an HTML page titled "Sign In - Liferay DXP" from ${portal.url}/api/jsonws?discover=/*, ` +
        'typically a login or error page: check the URL and the credentials.',
    ]);
  });
});
