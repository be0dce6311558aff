import { describe, expect, it, vi } from 'vitest';
import { invoke, mock, request } from './mock-client.js';

const user = 'test@liferay.com';
const password = 'pa55:word';
const basic = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('HTTP Basic', () => {
  it('answers requests without the right credentials with 401 and an HTML page, discovery included', async () => {
    const portal = await mock({ user, password });
    const wrong = `Basic ${Buffer.from(`${user}:nope`).toString('base64')}`;
    for (const answer of [
      await invoke(portal, { '/user/get-user-by-id': { userId: 1 } }),
      await invoke(portal, { '/user/get-user-by-id': { userId: 1 } }, { authorization: wrong }),
      await request(`${portal.url}/api/jsonws?discover=/*`),
      await request(`${portal.url}/api/jsonws/user/get-user-by-id?userId=1`, {
        headers: { authorization: 'Bearer abc' },
      }),
    ]) {
      expect(answer.status).toBe(401);
      expect(answer.contentType).toBe('text/html;charset=UTF-8');
      expect(answer.text).toMatch(/^<!DOCTYPE html>/);
      expect(answer.text).toContain('HTTP Status 401 - Unauthorized');
    }
    const challenged = await fetch(`${portal.url}/api/jsonws?discover`);
    expect(challenged.headers.get('www-authenticate')).toBe('Basic realm="PortalRealm"');
  });

  it('answers requests with the right credentials', async () => {
    const portal = await mock({ user, password });
    const answer = await invoke(portal, { '/user/get-user-by-id': { userId: 1 } }, { authorization: basic });
    expect(answer.status).toBe(200);
    expect((answer.json as Record<string, unknown>)['userId']).toBe(1);
    expect((await request(`${portal.url}/api/jsonws?discover`, { headers: { authorization: basic } })).status).toBe(
      200,
    );
  });

  it('refuses a user without a password', async () => {
    await expect(mock({ user })).rejects.toMatchObject({ code: 'mock.options' });
  });
});

describe('request log', () => {
  it('has one line per request with method, path, status and command paths, and no credentials', async () => {
    const lines: string[] = [];
    const portal = await mock({ user, password, onRequest: (line) => lines.push(line) });
    await invoke(portal, { '/user/get-user-by-id': { userId: 1 } });
    await invoke(portal, [{ '/user/get-user-by-id': { userId: 1 } }, { '/blogsentry/get-entry': { entryId: 2 } }], {
      authorization: basic,
    });
    await request(`${portal.url}/api/jsonws/blogsentry/get-entry/password/${encodeURIComponent(password)}?entryId=2`, {
      headers: { authorization: basic },
    });
    await request(`${portal.url}/api/jsonws?discover=/*`, { headers: { authorization: basic } });
    expect(lines).toEqual([
      'POST /api/jsonws/invoke 401',
      'POST /api/jsonws/invoke 200 /user/get-user-by-id /blogsentry/get-entry',
      'GET /api/jsonws/blogsentry/get-entry 200 /blogsentry/get-entry',
      'GET /api/jsonws 200',
    ]);
    expect(lines.join('\n')).not.toContain('pa55');
  });
});

describe('latency', () => {
  it('holds every answer for the configured milliseconds', async () => {
    const waits: number[] = [];
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const portal = await mock({ latency: 250, sleep: (milliseconds) => (waits.push(milliseconds), gate) });
    let answered = false;
    const pending = invoke(portal, { '/user/get-user-by-id': { userId: 1 } }).finally(() => (answered = true));
    await vi.waitFor(() => expect(waits).toEqual([250]));
    // The answer is written only after the delay resolves, so it cannot have arrived yet.
    expect(answered).toBe(false);
    open();
    expect((await pending).status).toBe(200);
  });

  it('waits with a real timer by default', async () => {
    const portal = await mock({ latency: 20 });
    expect((await invoke(portal, { '/user/get-user-by-id': { userId: 1 } })).status).toBe(200);
  });
});
