import { describe, expect, it, vi } from 'vitest';
import type { PortalServer } from '../helpers/portal-server.js';
import { BatchSession, LiferayError, Session, type CallStyle, type ServiceMethod } from '../../src/runtime/index.js';
import { defineCallbackService, defineService, type ActionSpec } from '../../src/runtime/internal.js';
import { commandsOf, useEchoPortal } from './jsonws-portal.js';

// What a generated service module declares: the actions, one interface for both styles, the classes.
const actions = {
  getEntry: ['/blogsentry/get-entry', ['entryId']],
  getEntries: ['/blogsentry/get-entries', ['groupId', 'groupId status']],
} satisfies Record<string, ActionSpec>;
interface BlogsEntryService<Style extends CallStyle = 'sync'> {
  getEntry: ServiceMethod<Style, { entryId: number }, { entryId: number }>;
  getEntries: ServiceMethod<Style, { groupId: number }, unknown[]> &
    ServiceMethod<Style, { groupId: number; status: number }, unknown[]>;
}
const BlogsEntryService = defineService<BlogsEntryService>('BlogsEntryService', actions);
type CallbackBlogsEntryService = BlogsEntryService<'callback'>;
const CallbackBlogsEntryService = defineCallbackService<CallbackBlogsEntryService>('BlogsEntryService', actions);

let portal: PortalServer;
let session: Session;
useEchoPortal((started) => ({ portal, session } = started));

describe('defineService', () => {
  it('makes a class of that name with one prototype method per action', () => {
    const service = new BlogsEntryService(session);
    expect(BlogsEntryService.name).toBe('BlogsEntryService');
    expect(service).toBeInstanceOf(BlogsEntryService);
    expect(Object.keys(service)).toEqual([]);
    expect(Object.getOwnPropertyNames(BlogsEntryService.prototype).sort()).toEqual([
      'constructor',
      'getEntries',
      'getEntry',
    ]);
  });

  it('has its methods on the prototype from the definition, before any instance', () => {
    const Fresh = defineService<BlogsEntryService>('FreshService', actions);
    expect(Object.getOwnPropertyNames(Fresh.prototype).sort()).toEqual(['constructor', 'getEntries', 'getEntry']);
    expect(Object.getOwnPropertyDescriptor(Fresh.prototype, 'getEntry')).toMatchObject({
      writable: true,
      enumerable: false,
      configurable: true,
    });
  });

  it('lets an app spy on a method, or patch it, before the first instance is made', async () => {
    const Spied = defineService<BlogsEntryService>('SpiedService', actions);
    const spy = vi.spyOn(Spied.prototype, 'getEntry');
    const Patched = defineService<BlogsEntryService>('PatchedService', actions);
    const original = Patched.prototype.getEntry;
    Patched.prototype.getEntry = function (this: BlogsEntryService, parameters) {
      return original.call(this, { entryId: parameters.entryId * 10 });
    };
    await new Spied(session).getEntry({ entryId: 1 });
    expect(await new Patched(session).getEntry({ entryId: 2 })).toEqual({ entryId: 20 });
    expect(spy).toHaveBeenCalledWith({ entryId: 1 });
    expect(portal.requests.map((request) => commandsOf(request))).toEqual([
      [{ '/blogsentry/get-entry': { entryId: 1 } }],
      [{ '/blogsentry/get-entry': { entryId: 20 } }],
    ]);
  });

  it('sends {} for a method called without parameters, and refuses parameters that are not an object', async () => {
    const getCompanies = { getCompanies: ['/company/get-companies', ['']] } satisfies Record<string, ActionSpec>;
    const Companies = defineService<{ getCompanies(parameters?: unknown): Promise<unknown> }>(
      'CompanyService',
      getCompanies,
    );
    await new Companies(session).getCompanies();
    expect(commandsOf(portal.requests[0])).toEqual([{ '/company/get-companies': {} }]);
    for (const [given, described] of [
      [5, 'number'],
      ['x', 'string'],
      [[1], 'an array'],
      [null, 'null'],
    ] as const) {
      const error = await new Companies(session).getCompanies(given).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(LiferayError);
      expect(error).toMatchObject({
        code: 'LIFERAY_INVALID_PARAMETERS',
        message: `/company/get-companies: takes an object of named parameters, not ${described}`,
      });
    }
    expect(portal.requests).toHaveLength(1);
  });

  it('queues a method called without parameters in a batch, and never sends the batch from it', async () => {
    const getCompanies = { getCompanies: ['/company/get-companies', ['']] } satisfies Record<string, ActionSpec>;
    const Companies = defineService<{ getCompanies(parameters?: unknown): Promise<unknown> }>(
      'CompanyService',
      getCompanies,
    );
    const batch = new BatchSession(session);
    const entry = new BlogsEntryService(batch).getEntry({ entryId: 1 });
    // A JavaScript caller leaving out the parameters: before, this sent everyone's batch.
    const companies = new Companies(batch).getCompanies();
    await Promise.resolve();
    expect(portal.requests).toHaveLength(0);
    expect(await batch.send()).toEqual([{ entryId: 1 }, {}]);
    expect([await entry, await companies]).toEqual([{ entryId: 1 }, {}]);
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
    const results = Promise.all([
      new BlogsEntryService(batch).getEntry({ entryId: 1 }),
      new BlogsEntryService(batch).getEntry({ entryId: 2 }),
    ]);
    await new BlogsEntryService(other).getEntry({ entryId: 3 });
    await batch.send();
    await results;
    await other.close();
    expect(portal.requests.map((request) => commandsOf(request).length)).toEqual([1, 2]);
  });

  it('refuses a method called on something else, as a class with a private field would', () => {
    const { getEntry } = new BlogsEntryService(session);
    expect(() => getEntry({ entryId: 1 })).toThrow(
      new TypeError(
        'BlogsEntryService methods must be called on a BlogsEntryService (was it detached from its object?)',
      ),
    );
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
    const error = await new Promise<unknown>((resolve) =>
      service.getEntry({ entryId: 5 }, { onSuccess: () => resolve('success?'), onFailure: resolve }),
    );
    expect(error).toBeInstanceOf(LiferayError);
  });
});
