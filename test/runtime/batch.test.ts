import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { serveJson, startPortalServer, type PortalServer } from '../helpers/portal-server.js';
import { BatchSession, LiferayError, ServerError, Session, type CallOptions, type Invoker } from '../../src/runtime/index.js';
import { addFileEntry, getEntry, getUserById, portalError, startEchoPortal } from './jsonws-portal.js';

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
beforeEach(async () => {
  portal = await startEchoPortal();
  session = new Session({ server: portal.url });
});
afterEach(async () => {
  await session.close();
  await portal.close();
});

describe('BatchSession', () => {
  it('sends the queued commands as one request and routes each result to its call', async () => {
    const batch = new BatchSession(session);
    const entry = new BlogsEntryService(batch).getEntry({ entryId: 1 });
    const user = new UserService(batch).getUserById({ userId: 2 });
    const other = new BlogsEntryService(batch).getEntry({ entryId: 3 });
    expect(portal.requests).toHaveLength(0);
    expect(await batch.invoke()).toEqual([{ entryId: 1 }, { userId: 2 }, { entryId: 3 }]);
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
    expect(await batch.invoke()).toEqual([]);
    void batch.invoke(getEntry, { entryId: 1 });
    await batch.invoke();
    void batch.invoke(getEntry, { entryId: 2 });
    expect(await batch.invoke()).toEqual([{ entryId: 2 }]);
    expect(portal.requests.map((request) => request.body)).toEqual([
      '[{"/blogsentry/get-entry":{"entryId":1}}]',
      '[{"/blogsentry/get-entry":{"entryId":2}}]',
    ]);
  });

  it('rejects every call and the batch when the portal rejects the request', async () => {
    await portal.close();
    portal = await startPortalServer(serveJson(portalError('com.liferay.blogs.exception.NoSuchEntryException', 'No BlogsEntry 9'), 404));
    session = new Session({ server: portal.url });
    const batch = new BatchSession(session);
    const calls = [batch.invoke(getEntry, { entryId: 1 }), batch.invoke(getEntry, { entryId: 9 })];
    const error = await batch.invoke().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ type: 'com.liferay.blogs.exception.NoSuchEntryException', message: 'No BlogsEntry 9', path: undefined });
    for (const call of calls) await expect(call).rejects.toBe(error);
  });

  it('refuses uploads, and a bad parameter set, for that call only', async () => {
    const batch = new BatchSession(session);
    const upload = batch.invoke(addFileEntry, { repositoryId: 1, title: 't', file: new Uint8Array([1]) });
    const wrong = batch.invoke(getEntry, { id: 1 });
    const right = batch.invoke(getEntry, { entryId: 1 });
    await expect(upload).rejects.toThrow(
      new LiferayError('uploads cannot be batched: call this method on the session', '/dlapp/add-file-entry'),
    );
    await expect(wrong).rejects.toBeInstanceOf(LiferayError);
    expect(await batch.invoke()).toEqual([{ entryId: 1 }]);
    expect(await right).toEqual({ entryId: 1 });
  });

  it('passes the batch options to the request', async () => {
    const batch = new BatchSession(session);
    void batch.invoke(getEntry, { entryId: 1 });
    await batch.invoke({ headers: { 'X-Batch': 'yes' } });
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
    const results = await session.batch((b) => [1, 2, 3].map((entryId) => new BlogsEntryService(b).getEntry({ entryId })));
    expectTypeOf(results).toEqualTypeOf<BlogsEntry[]>();
    expect(results).toEqual([{ entryId: 1 }, { entryId: 2 }, { entryId: 3 }]);
    expect(portal.requests).toHaveLength(1);
  });

  it('rejects when one of the calls could not be queued', async () => {
    await expect(session.batch((b) => [b.invoke(getEntry, { entryId: 1 }), b.invoke(getEntry, { nope: 1 })])).rejects.toThrow(
      'no overload takes the parameters {nope}',
    );
  });
});
