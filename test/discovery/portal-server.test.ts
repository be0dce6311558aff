import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { answer, failTimes, hang, route, serveJson, startPortalServer } from '../helpers/portal-server.js';

/** The shared test portal is used by other stages' tests too: check what they rely on. */
describe('startPortalServer', () => {
  it('records method, raw target, headers and body of every request', async () => {
    const portal = await startPortalServer(serveJson({ ok: true }));
    try {
      const response = await request(`${portal.url}/api/jsonws/invoke?a=/b/*`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': 'abc' },
        body: 'cmd=%7B%7D&é=1',
      });
      expect([response.statusCode, await response.body.json()]).toEqual([200, { ok: true }]);
      expect(portal.requests).toHaveLength(1);
      const [recorded] = portal.requests;
      expect([recorded?.method, recorded?.url, recorded?.body]).toEqual([
        'POST',
        '/api/jsonws/invoke?a=/b/*',
        'cmd=%7B%7D&é=1',
      ]);
      expect(recorded?.headers['x-csrf-token']).toBe('abc');
      expect(recorded?.rawBody.equals(Buffer.from('cmd=%7B%7D&é=1'))).toBe(true);
      expect(portal.url).toBe(`http://127.0.0.1:${portal.port}`);
    } finally {
      await portal.close();
    }
  });

  it('combines handlers: failTimes, route and a 404 fallback', async () => {
    const portal = await startPortalServer(route({ '/a': failTimes(1, answer(503, 'busy'), answer(200, 'fine')) }));
    try {
      const statuses: [number, string][] = [];
      for (const path of ['/a', '/a?x=1', '/b']) {
        const response = await request(`${portal.url}${path}`);
        statuses.push([response.statusCode, await response.body.text()]);
      }
      expect(statuses).toEqual([
        [503, 'busy'],
        [200, 'fine'],
        [404, 'not found'],
      ]);
    } finally {
      await portal.close();
    }
  });

  it('closes even while a request hangs', async () => {
    const portal = await startPortalServer(hang());
    const pending = request(portal.url).catch((error: unknown) => error);
    while (portal.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(portal.openConnections()).toBe(1);
    await portal.close();
    expect(await pending).toBeInstanceOf(Error);
    await portal.whenIdle();
    expect(portal.openConnections()).toBe(0);
  });
});
