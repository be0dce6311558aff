/**
 * The built client's callback-style services (`dist/callback/index.js`) and `session.batch(...)`.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { route, serveJson, startPortalServer, type PortalServer } from '../helpers/portal-server.js';
import { buildPackage, methodOf, serviceClass, type BuiltPackage, type ClientRuntime } from './built-package.js';
import { commandsOf, echoInvoke, echoOf, portalException } from './invoke-portal.js';

type Client = ClientRuntime & Record<string, unknown>;

let built: BuiltPackage;
let portal: PortalServer;
beforeAll(async () => {
  built = await buildPackage('fixtures/discovery/7.x/portal.json', 'callback-v7-portal');
});
afterEach(async () => {
  await portal.close();
});

/** Answers get-entry with an exception and every other command with its echo. */
const portalWithMissingEntry = route({
  '/api/jsonws/invoke': (request, response, incoming) => {
    const [command] = commandsOf(request);
    if (command !== undefined && '/blogsentry/get-entry' in command) {
      return serveJson(
        portalException(
          'com.liferay.blogs.kernel.exception.NoSuchEntryException',
          'No BlogsEntry exists with the primary key 7',
        ),
        404,
      )(request, response, incoming);
    }
    return echoInvoke(request, response, incoming);
  },
});

type Outcome = readonly ['success' | 'failure', unknown, boolean];

describe('callback-style services', () => {
  it('report a success and a failure exactly once each, after the method returned', async () => {
    portal = await startPortalServer(portalWithMissingEntry);
    const callback: Client = await built.callback();
    const session = new callback.Session({ server: portal.url });
    const blogs = new (serviceClass(callback, 'BlogsEntryService'))(session);
    const outcomes: Outcome[] = [];
    let returned = false;
    const settled = new Promise<void>((resolve) => {
      const record = (kind: Outcome[0]) => (value: unknown) => {
        outcomes.push([kind, value, returned]);
        if (outcomes.length === 2) resolve();
      };
      methodOf(blogs, 'getGroupEntriesCount')(
        { groupId: 20, status: 0 },
        { onSuccess: record('success'), onFailure: record('failure') },
      );
      methodOf(blogs, 'getEntry')({ entryId: 7 }, { onSuccess: record('success'), onFailure: record('failure') });
    });
    returned = true;
    expect(outcomes).toEqual([]);
    await settled;
    // One more full exchange: a second report of either call would have arrived by now.
    await new Promise<void>((resolve) =>
      methodOf(blogs, 'getGroupEntriesCount')(
        { groupId: 1, status: 1 },
        { onSuccess: () => resolve(), onFailure: () => resolve() },
      ),
    );
    await session.close();

    expect(outcomes.length).toBe(2);
    const success = outcomes.find(([kind]) => kind === 'success');
    const failure = outcomes.find(([kind]) => kind === 'failure');
    expect(success).toEqual([
      'success',
      { path: '/blogsentry/get-group-entries-count', parameters: { groupId: 20, status: 0 } },
      true,
    ]);
    expect(failure?.[2]).toBe(true);
    expect(failure?.[1]).toBeInstanceOf(callback.ServerError);
    expect(failure?.[1]).toMatchObject({
      path: '/blogsentry/get-entry',
      message: '/blogsentry/get-entry: No BlogsEntry exists with the primary key 7',
    });
  });

  it('share the runtime, and so the error classes, of the sync-style entry point', async () => {
    portal = await startPortalServer(echoInvoke);
    const [main, callback] = await Promise.all([built.main(), built.callback()]);
    expect(callback.ServerError).toBe(main.ServerError);
    expect(callback.Session).toBe(main.Session);
    expect(callback['BlogsEntryService']).not.toBe(main['BlogsEntryService']);
  });
});

describe('session.batch', () => {
  it('sends two calls as one POST whose body is the array of both commands, and resolves each', async () => {
    portal = await startPortalServer(echoInvoke);
    const main: Client = await built.main();
    const session = new main.Session({ server: portal.url });
    const [entry, user] = await session.batch((batch) => [
      methodOf(new (serviceClass(main, 'BlogsEntryService'))(batch), 'getEntry')({ groupId: 20, urlTitle: 'hello' }),
      methodOf(new (serviceClass(main, 'UserService'))(batch), 'getUserById')({ userId: 20139 }),
    ]);
    await session.close();
    expect(portal.requests.map((request) => [request.method, request.url])).toEqual([['POST', '/api/jsonws/invoke']]);
    expect(portal.requests[0]?.body).toBe(
      '[{"/blogsentry/get-entry":{"groupId":20,"urlTitle":"hello"}},{"/user/get-user-by-id":{"userId":20139}}]',
    );
    expect(entry).toEqual(echoOf({ '/blogsentry/get-entry': { groupId: 20, urlTitle: 'hello' } }));
    expect(user).toEqual(echoOf({ '/user/get-user-by-id': { userId: 20139 } }));
  });
});
