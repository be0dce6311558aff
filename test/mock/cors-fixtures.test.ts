/** `mock --cors` and `mock --fixtures`, through the library (the CLI passes both options as they are). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MockError } from '../../src/mock/index.js';
import { error7, FIXTURES, invoke, mock, request } from './mock-client.js';

const PAGE = 'http://127.0.0.1:5173';
const basic = `Basic ${Buffer.from('test@liferay.com:test').toString('base64')}`;

describe('mock --cors', () => {
  const preflight = (url: string, origin: string) =>
    fetch(`${url}/api/jsonws/invoke`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });

  it('answers the preflight of a named origin before HTTP Basic, and allows its credentials', async () => {
    const lines: string[] = [];
    const portal = await mock({
      cors: PAGE,
      user: 'test@liferay.com',
      password: 'test',
      onRequest: (line) => lines.push(line),
    });
    const answer = await preflight(portal.url, PAGE);
    expect(answer.status).toBe(204);
    expect(Object.fromEntries(answer.headers)).toMatchObject({
      'access-control-allow-origin': PAGE,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'authorization,content-type',
      vary: 'Origin',
    });
    const call = await fetch(`${portal.url}/api/jsonws/invoke`, {
      method: 'POST',
      headers: { origin: PAGE, authorization: basic },
      body: '{"/user/get-user-by-id": {"userId": 5}}',
    });
    expect(call.status).toBe(200);
    expect(call.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(call.headers.get('access-control-allow-credentials')).toBe('true');
    expect(lines).toEqual([
      'OPTIONS /api/jsonws/invoke 204 preflight',
      'POST /api/jsonws/invoke 200 /user/get-user-by-id',
    ]);
  });

  it('gives another origin no CORS header, so that browsers refuse it', async () => {
    const portal = await mock({ cors: PAGE });
    const answer = await preflight(portal.url, 'http://evil.example');
    expect(answer.status).toBe(403);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const call = await invoke(portal, { '/user/get-user-by-id': { userId: 5 } }, { origin: 'http://evil.example' });
    expect(call.status).toBe(200);
    expect(
      (await fetch(`${portal.url}/api/jsonws?discover`, { headers: { origin: 'http://evil.example' } })).headers.get(
        'access-control-allow-origin',
      ),
    ).toBeNull();
  });

  it('allows any origin with *, without credentials', async () => {
    const portal = await mock({ cors: '*' });
    const answer = await preflight(portal.url, 'http://anywhere.example:8000');
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('refuses a value that is no origin, with a clear message', async () => {
    await expect(mock({ cors: 'localhost:5173' })).rejects.toThrow(
      new MockError('mock.options', '--cors takes an origin such as http://localhost:5173, or *; got "localhost:5173"'),
    );
    await expect(mock({ cors: 'http://localhost:5173/app' })).rejects.toBeInstanceOf(MockError);
  });
});

describe('mock --fixtures', () => {
  let folder: string;
  const file = (name: string) => join(folder, name);
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'lsb-fixtures-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  async function withFixtures(fixtures: unknown, options: Parameters<typeof mock>[0] = {}) {
    const path = file(`f${Math.random().toString(36).slice(2)}.json`);
    await writeFile(path, typeof fixtures === 'string' ? fixtures : JSON.stringify(fixtures));
    return mock({ fixtures: path, ...options });
  }

  const fixtures = {
    actions: [
      {
        path: '/blogsentry/get-entry',
        parameters: { entryId: 7 },
        result: { entryId: 7, title: 'Hello from the fixture' },
      },
      {
        path: '/blogsentry/get-entry',
        parameters: { entryId: 8 },
        error: {
          type: 'com.liferay.blogs.exception.NoSuchEntryException',
          message: 'No BlogsEntry exists with the primary key 8',
          status: 404,
        },
      },
      { path: '/user/get-user-by-id', result: { userId: 1, screenName: 'any user' } },
    ],
    documents: { '/documents/20143/0/hello.txt': { text: 'hello, document', contentType: 'text/plain' } },
  };

  it('serves the first fixture whose parameters match, in /invoke, batches and path-style calls', async () => {
    const portal = await withFixtures(fixtures);
    expect((await invoke(portal, { '/blogsentry/get-entry': { entryId: 7 } })).json).toEqual({
      entryId: 7,
      title: 'Hello from the fixture',
    });
    // A value sent as text (a path-style call, a form) matches a number in the fixture.
    expect((await request(`${portal.url}/api/jsonws/blogsentry/get-entry/entry-id/7`)).json).toMatchObject({
      title: 'Hello from the fixture',
    });
    const batch = await invoke(portal, [
      { '/user/get-user-by-id': { userId: 99 } },
      { '/blogsentry/get-entry': { entryId: 7 } },
    ]);
    expect(batch.json).toEqual([
      { userId: 1, screenName: 'any user' },
      { entryId: 7, title: 'Hello from the fixture' },
    ]);
  });

  it('answers an error fixture as the portal does, and other calls with generated results', async () => {
    const portal = await withFixtures(fixtures);
    const failed = await invoke(portal, { '/blogsentry/get-entry': { entryId: 8 } });
    expect(failed.status).toBe(404);
    expect(failed.json).toEqual(
      error7('com.liferay.blogs.exception.NoSuchEntryException', 'No BlogsEntry exists with the primary key 8'),
    );
    const generated = await invoke(portal, { '/blogsentry/get-entry': { entryId: 9 } });
    expect(generated.status).toBe(200);
    expect(generated.json).toMatchObject({ entryId: expect.any(Number) as number });
    expect(generated.json).not.toMatchObject({ title: 'Hello from the fixture' });
    // The portal would refuse a call with parameters no overload takes: so does a fixture's action.
    expect((await invoke(portal, { '/user/get-user-by-id': { userKey: 1 } })).status).toBe(404);
  });

  it('serves documents, behind HTTP Basic when the mock asks for it', async () => {
    const portal = await withFixtures(fixtures, { user: 'test@liferay.com', password: 'test' });
    const url = `${portal.url}/documents/20143/0/hello.txt`;
    expect((await request(url)).status).toBe(401);
    const answer = await request(url, { headers: { authorization: basic } });
    expect(answer).toMatchObject({ status: 200, contentType: 'text/plain', text: 'hello, document' });
    expect((await fetch(url, { headers: { authorization: basic } })).headers.get('content-length')).toBe('15');
    expect((await request(`${portal.url}/documents/other`, { headers: { authorization: basic } })).status).toBe(404);
  });

  it.each([
    ['not JSON', '{ actions: [', /is not JSON/],
    ['an unknown key', { action: [] }, /has unknown keys: action \(expected "actions", "documents"\)/],
    [
      'an unknown action',
      { actions: [{ path: '/blogsentry/get-entri', result: 1 }] },
      /actions\[0\]\.path: no action \/blogsentry\/get-entri in the discovery documents/,
    ],
    [
      'neither result nor error',
      { actions: [{ path: '/blogsentry/get-entry' }] },
      /actions\[0\] needs either "result" or "error"/,
    ],
    ['a bad error', { actions: [{ path: '/blogsentry/get-entry', error: 'boom' }] }, /actions\[0\]\.error must be/],
    [
      'a bad status',
      { actions: [{ path: '/blogsentry/get-entry', error: { type: 'X', message: 'm', status: 99 } }] },
      /status must be an HTTP status/,
    ],
    [
      'a document key that is no path',
      { documents: { 'hello.txt': { text: '' } } },
      /a document's key is its URL path/,
    ],
  ])('refuses a file with %s, naming the file and the place', async (_name, content, message) => {
    const error = await withFixtures(content).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MockError);
    expect((error as Error).message).toMatch(/^--fixtures \S+\.json /);
    expect((error as Error).message).toMatch(message);
  });

  it('refuses a missing file', async () => {
    await expect(mock({ fixtures: file('missing.json'), discovery: [FIXTURES.portal7] })).rejects.toThrow(
      /missing\.json cannot be read: ENOENT/,
    );
  });
});
