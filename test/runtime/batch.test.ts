import { describe, expect, expectTypeOf, it } from 'vitest';
import { serveJson, startPortalServer, type PortalServer } from '../helpers/portal-server.js';
import { BatchSession, LiferayError, ServerError, Session, type CallOptions } from '../../src/runtime/index.js';
import { type Invoker } from '../../src/runtime/internal.js';
import { addFileEntry, getEntry, getUserById, portalError, useEchoPortal } from './jsonws-portal.js';

// Services shaped like generated ones.
interface BlogsEntry {
  entryId: number;
}
interface User {
  userId: number;
}
class BlogsEntryService {
  readonly #session: Invoker;
  constructor(session: Invoker) {
    this.#session = session;
  }
  getEntry(parameters: { entryId: number }, options?: CallOptions): Promise<BlogsEntry>;
  getEntry(parameters: Record<string, unknown>, options?: CallOptions): Promise<unknown> {
    return this.#session.invoke(getEntry, parameters, options);
  }
}
class UserService {
  readonly #session: Invoker;
  constructor(session: Invoker) {
    this.#session = session;
  }
  getUserById(parameters: { userId: number }, options?: CallOptions): Promise<User>;
  getUserById(parameters: Record<string, unknown>, options?: CallOptions): Promise<unknown> {
    return this.#session.invoke(getUserById, parameters, options);
  }
}

let portal: PortalServer;
let session: Session;
useEchoPortal((started) => ({ portal, session } = started));

describe('BatchSession', () => {
  it('sends the queued commands as one request and routes each result to its call', async () => {
    const batch = new BatchSession(session);
    const entry = new BlogsEntryService(batch).getEntry({ entryId: 1 });
    const user = new UserService(batch).getUserById({ userId: 2 });
    const other = new BlogsEntryService(batch).getEntry({ entryId: 3 });
    expect(portal.requests).toHaveLength(0);
    expect(await batch.send()).toEqual([{ entryId: 1 }, { userId: 2 }, { entryId: 3 }]);
    expect(await entry).toEqual({ entryId: 1 });
    expect(await user).toEqual({ userId: 2 });
    expect(await other).toEqual({ entryId: 3 });
    expect(portal.requests.map((request) => request.body)).toEqual([
      '[{"/blogsentry/get-entry":{"entryId":1}},{"/user/get-user-by-id":{"userId":2}},{"/blogsentry/get-entry":{"entryId":3}}]',
    ]);
    expect(portal.requests[0]?.url).toBe('/api/jsonws/invoke');
  });

  it('starts afresh after each send, and sends nothing when empty', async () => {
    const batch = new BatchSession(session);
    expect(await batch.send()).toEqual([]);
    void batch.invoke(getEntry, { entryId: 1 });
    await batch.send();
    void batch.invoke(getEntry, { entryId: 2 });
    expect(await batch.send()).toEqual([{ entryId: 2 }]);
    expect(portal.requests.map((request) => request.body)).toEqual([
      '[{"/blogsentry/get-entry":{"entryId":1}}]',
      '[{"/blogsentry/get-entry":{"entryId":2}}]',
    ]);
  });

  it('rejects every call and the batch when the portal rejects the request', async () => {
    await portal.close();
    portal = await startPortalServer(
      serveJson(portalError('com.liferay.blogs.exception.NoSuchEntryException', 'No BlogsEntry 9'), 404),
    );
    session = new Session({ server: portal.url });
    const batch = new BatchSession(session);
    const calls = [batch.invoke(getEntry, { entryId: 1 }), batch.invoke(getEntry, { entryId: 9 })];
    const error = await batch.send().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerError);
    // The portal does not say which of two commands threw, and its message names no path: neither is named.
    expect(error).toMatchObject({
      type: 'com.liferay.blogs.exception.NoSuchEntryException',
      message: 'No BlogsEntry 9',
      path: undefined,
      command: undefined,
    });
    for (const call of calls) await expect(call).rejects.toBe(error);
  });

  it('names the failing command when the batch has one, or when the portal names its path', async () => {
    await portal.close();
    const unknown = 'No JSON web service action with path /user/get-user-by-id and method POST for /';
    portal = await startPortalServer((request, response, incoming) => {
      const failure = request.body.includes('get-user-by-id')
        ? portalError('java.lang.RuntimeException', unknown)
        : portalError('x.NoSuchEntryException', 'No BlogsEntry 9');
      return serveJson(failure, 404)(request, response, incoming);
    });
    session = new Session({ server: portal.url });
    const named = new BatchSession(session);
    const calls = [
      named.invoke(getEntry, { entryId: 1 }),
      named.invoke(getUserById, { userId: 2 }),
      named.invoke(getEntry, { entryId: 3 }),
    ];
    const error = await named.send().catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'LIFERAY_SERVER',
      command: 1,
      path: '/user/get-user-by-id',
      message: `/user/get-user-by-id: ${unknown}`,
    });
    for (const call of calls) await expect(call).rejects.toBe(error);
    const alone = new BatchSession(session);
    const call = alone.invoke(getEntry, { entryId: 9 });
    await expect(alone.send()).rejects.toMatchObject({
      command: 0,
      path: '/blogsentry/get-entry',
      message: '/blogsentry/get-entry: No BlogsEntry 9',
    });
    await expect(call).rejects.toMatchObject({ command: 0 });
  });

  it('keeps the deprecated invoke() without an action as a way to send', async () => {
    const batch = new BatchSession(session);
    const entry = batch.invoke(getEntry, { entryId: 4 });
    // The old overload: no action, so the options (or nothing) are for sending.
    expect(await batch.invoke({ headers: { 'X-Batch': 'old' } })).toEqual([{ entryId: 4 }]);
    expect(await entry).toEqual({ entryId: 4 });
    expect(portal.requests[0]?.headers['x-batch']).toBe('old');
  });

  it('refuses uploads, and a bad parameter set, for that call only', async () => {
    const batch = new BatchSession(session);
    const upload = batch.invoke(addFileEntry, { repositoryId: 1, title: 't', file: new Uint8Array([1]) });
    const wrong = batch.invoke(getEntry, { id: 1 });
    const right = batch.invoke(getEntry, { entryId: 1 });
    await expect(upload).rejects.toMatchObject({
      message: '/dlapp/add-file-entry: uploads cannot be batched: call this method on the session',
      code: 'LIFERAY_UNSUPPORTED',
    });
    await expect(wrong).rejects.toMatchObject({ code: 'LIFERAY_INVALID_PARAMETERS' });
    await expect(wrong).rejects.toBeInstanceOf(LiferayError);
    expect(await batch.send()).toEqual([{ entryId: 1 }]);
    expect(await right).toEqual({ entryId: 1 });
  });

  it('passes the batch options to the request', async () => {
    const batch = new BatchSession(session);
    void batch.invoke(getEntry, { entryId: 1 });
    await batch.send({ headers: { 'X-Batch': 'yes' } });
    expect(portal.requests[0]?.headers['x-batch']).toBe('yes');
  });
});

describe('session.batch', () => {
  it('resolves with a typed tuple of the results, from one request', async () => {
    const results = await session.batch((b) => [
      new BlogsEntryService(b).getEntry({ entryId: 1 }),
      new UserService(b).getUserById({ userId: 2 }),
    ]);
    expectTypeOf(results).toEqualTypeOf<[BlogsEntry, User]>();
    const [entry, user] = results;
    expect(entry).toEqual({ entryId: 1 });
    expect(user).toEqual({ userId: 2 });
    expect(portal.requests).toHaveLength(1);
  });

  it('types a mapped array of calls as an array', async () => {
    const results = await session.batch((b) =>
      [1, 2, 3].map((entryId) => new BlogsEntryService(b).getEntry({ entryId })),
    );
    expectTypeOf(results).toEqualTypeOf<BlogsEntry[]>();
    expect(results).toEqual([{ entryId: 1 }, { entryId: 2 }, { entryId: 3 }]);
    expect(portal.requests).toHaveLength(1);
  });

  it('rejects when one of the calls could not be queued', async () => {
    await expect(
      session.batch((b) => [b.invoke(getEntry, { entryId: 1 }), b.invoke(getEntry, { nope: 1 })]),
    ).rejects.toThrow('no overload takes the parameters {nope}');
  });
});

describe('session.batch when build throws', () => {
  it('rejects the calls queued before the throw with its error, and sends nothing', async () => {
    const failure = new Error('build failed');
    const queued: Promise<unknown>[] = [];
    const batch = session.batch((b) => {
      queued.push(new BlogsEntryService(b).getEntry({ entryId: 1 }), new UserService(b).getUserById({ userId: 2 }));
      throw failure;
    });
    await expect(batch).rejects.toBe(failure);
    const outcomes = await Promise.allSettled(queued);
    expect(outcomes).toEqual([
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
    ]);
    expect(portal.requests).toHaveLength(0);
  });
});
