import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PortalServer } from '../helpers/portal-server.js';
import {
  BatchSession,
  defineCallbackService,
  defineService,
  LiferayError,
  Session,
  type ActionSpec,
  type CallStyle,
  type ServiceMethod,
} from '../../src/runtime/index.js';
import { commandsOf, startEchoPortal } from './jsonws-portal.js';

// What a generated service module declares: the actions, one interface for both styles, the classes.
const actions = {
  getEntry: ['/blogsentry/get-entry', ['entryId']],
  getEntries: ['/blogsentry/get-entries', ['groupId', 'groupId status']],
} satisfies Record<string, ActionSpec>;
interface BlogsEntryService<Style extends CallStyle = 'sync'> {
  getEntry: ServiceMethod<Style, { entryId: number }, { entryId: number }>;
  getEntries: ServiceMethod<Style, { groupId: number }, unknown[]> & ServiceMethod<Style, { groupId: number; status: number }, unknown[]>;
}
const BlogsEntryService = defineService<BlogsEntryService>('BlogsEntryService', actions);
type CallbackBlogsEntryService = BlogsEntryService<'callback'>;
const CallbackBlogsEntryService = defineCallbackService<CallbackBlogsEntryService>('BlogsEntryService', actions);

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

describe('defineService', () => {
  it('makes a class of that name with one prototype method per action', () => {
    const service = new BlogsEntryService(session);
    expect(BlogsEntryService.name).toBe('BlogsEntryService');
    expect(service).toBeInstanceOf(BlogsEntryService);
    expect(Object.keys(service)).toEqual([]);
    expect(Object.getOwnPropertyNames(BlogsEntryService.prototype).sort()).toEqual(['constructor', 'getEntries', 'getEntry']);
  });

  it('does no work at definition: the methods are made with the first instance', () => {
    const Lazy = defineService<BlogsEntryService>('LazyService', actions);
    expect(Object.getOwnPropertyNames(Lazy.prototype)).toEqual(['constructor']);
    new Lazy(session);
    expect(Object.getOwnPropertyNames(Lazy.prototype).sort()).toEqual(['constructor', 'getEntries', 'getEntry']);
  });

  it('sends each method through its session, choosing the overload', async () => {
    const service = new BlogsEntryService(session);
    await service.getEntry({ entryId: 7 });
    await service.getEntries({ groupId: 20, status: 0 });
    expect(portal.requests.map((request) => commandsOf(request))).toEqual([
      [{ '/blogsentry/get-entry': { entryId: 7 } }],
      [{ '/blogsentry/get-entries': { groupId: 20, status: 0 } }],
    ]);
  });

  it('keeps sessions apart, and queues into a BatchSession', async () => {
    const other = new Session({ server: portal.url });
    const batch = new BatchSession(session);
    const results = Promise.all([new BlogsEntryService(batch).getEntry({ entryId: 1 }), new BlogsEntryService(batch).getEntry({ entryId: 2 })]);
    await new BlogsEntryService(other).getEntry({ entryId: 3 });
    await batch.invoke();
    await results;
    await other.close();
    expect(portal.requests.map((request) => commandsOf(request).length)).toEqual([1, 2]);
  });

  it('refuses a method called on something else, as a class with a private field would', () => {
    const { getEntry } = new BlogsEntryService(session);
    expect(() => getEntry({ entryId: 1 })).toThrow(new TypeError('BlogsEntryService methods must be called on a BlogsEntryService (was it detached from its object?)'));
    expect(portal.requests).toHaveLength(0);
  });
});

describe('defineCallbackService', () => {
  it('returns at once and reports the result to the callback', async () => {
    const service = new CallbackBlogsEntryService(session);
    const outcome = await new Promise<unknown>((resolve, reject) => {
      expect(service.getEntry({ entryId: 5 }, { onSuccess: resolve, onFailure: reject })).toBeUndefined();
    });
    expect(outcome).toEqual({ entryId: 5 });
  });

  it("reports a failure to the callback's onFailure", async () => {
    const service = new CallbackBlogsEntryService(new Session({ server: 'http://127.0.0.1:9' }));
    const error = await new Promise<unknown>((resolve) => service.getEntry({ entryId: 5 }, { onSuccess: () => resolve('success?'), onFailure: resolve }));
    expect(error).toBeInstanceOf(LiferayError);
  });
});
