import { afterEach, describe, expect, it } from 'vitest';
import {
  serveHtml,
  serveJson,
  startPortalServer,
  type PortalHandler,
  type PortalServer,
} from '../helpers/portal-server.js';
import { AutoBatch } from '../../src/runtime/auto-batch.js';
import { HttpError, NetworkError, ServerError, Session, type SessionOptions } from '../../src/runtime/index.js';
import { type ActionSpec } from '../../src/runtime/internal.js';
import { addEntry, commandsOf, echo, getEntry, portalError } from './jsonws-portal.js';

let portal: PortalServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await portal?.close();
  portal = session = undefined;
});

async function open(handler: PortalHandler, autoBatch: SessionOptions['autoBatch'] = true): Promise<Session> {
  portal = await startPortalServer(handler);
  session = new Session({ server: portal.url, autoBatch });
  return session;
}

function commandCounts(): number[] {
  return portal?.requests.map((request) => commandsOf(request).length) ?? [];
}

const entryIds = (count: number): number[] => Array.from({ length: count }, (_, i) => i + 1);

describe('which actions are reads', () => {
  const autoBatch = new AutoBatch(() => Promise.resolve([]), {});
  it.each([
    ['/blogsentry/get-entry', true],
    ['/user/fetch-user-by-email-address', true],
    ['/journal.journalarticle/search', true],
    ['/group/has-user-group', true],
    ['/layout/is-root-layout', true],
    ['/bookmarks.bookmarksentry/count-entries', true],
    ['/x/findAll', true],
    ['/x/getaway', false],
    ['/x/issue-ticket', false],
    ['/blogsentry/add-entry', false],
    ['/blogsentry/update-entry', false],
    ['/user/delete-user', false],
  ])('%s → %s', (path, read) => {
    expect(autoBatch.coalesces(path)).toBe(read);
  });

  it('follows the configured prefixes', () => {
    const custom = new AutoBatch(() => Promise.resolve([]), { readPrefixes: ['list'] });
    expect([custom.coalesces('/x/list-things'), custom.coalesces('/x/get-thing')]).toEqual([true, false]);
  });
});

describe('automatic batching', () => {
  it('sends 100 concurrent reads in 2 requests of 50, each caller getting its own result', async () => {
    const coalescing = await open(echo);
    const ids = entryIds(100);
    const results = await Promise.all(ids.map((entryId) => coalescing.invoke(getEntry, { entryId })));
    expect(results).toEqual(ids.map((entryId) => ({ entryId })));
    expect(commandCounts()).toEqual([50, 50]);
    expect(commandsOf(portal?.requests[1])[0]).toEqual({ '/blogsentry/get-entry': { entryId: 51 } });
  });

  it('splits at maxCommands and sends a lone read alone', async () => {
    const coalescing = await open(echo, { maxCommands: 10 });
    await Promise.all(entryIds(21).map((entryId) => coalescing.invoke(getEntry, { entryId })));
    expect(commandCounts()).toEqual([10, 10, 1]);
    await coalescing.invoke(getEntry, { entryId: 1 });
    expect(portal?.requests.at(-1)?.body).toBe('[{"/blogsentry/get-entry":{"entryId":1}}]');
  });

  it('never coalesces writes, nor calls with their own options', async () => {
    const coalescing = await open(echo);
    const write = { title: 't', content: 'c', smallImageFileEntry: null, coverImageSelector: null };
    await Promise.all([
      coalescing.invoke(addEntry, write),
      coalescing.invoke(getEntry, { entryId: 1 }),
      coalescing.invoke(addEntry, write),
      coalescing.invoke(getEntry, { entryId: 2 }, { timeout: 5000 }),
      coalescing.invoke(getEntry, { entryId: 3 }),
    ]);
    const bodies = portal?.requests.map((request) => request.body) ?? [];
    expect(bodies.filter((body) => body.includes('/blogsentry/add-entry'))).toEqual([
      '[{"/blogsentry/add-entry":{"title":"t","content":"c","smallImageFileEntry":null,"coverImageSelector":null}}]',
      '[{"/blogsentry/add-entry":{"title":"t","content":"c","smallImageFileEntry":null,"coverImageSelector":null}}]',
    ]);
    expect(bodies).toContain('[{"/blogsentry/get-entry":{"entryId":2}}]');
    expect(bodies).toContain('[{"/blogsentry/get-entry":{"entryId":1}},{"/blogsentry/get-entry":{"entryId":3}}]');
    expect(bodies).toHaveLength(4);
  });

  it('is off by default', async () => {
    portal = await startPortalServer(echo);
    session = new Session({ server: portal.url });
    await Promise.all(entryIds(3).map((entryId) => session!.invoke(getEntry, { entryId })));
    expect(commandCounts()).toEqual([1, 1, 1]);
  });

  /** Fails any request holding entry 13, as the portal fails a whole batch when one command throws. */
  function failOn13(fail: PortalHandler): PortalHandler {
    return (request, response, incoming) =>
      request.body.includes('"entryId":13') ? fail(request, response, incoming) : echo(request, response, incoming);
  }

  it.each<[string, PortalHandler, new (...args: never[]) => Error]>([
    [
      'a portal exception',
      serveJson(portalError('com.liferay.blogs.exception.NoSuchEntryException', 'No BlogsEntry 13')),
      ServerError,
    ],
  ])('after %s for a coalesced request, sends each read again alone', async (_name, fail, errorClass) => {
    const coalescing = await open(failOn13(fail));
    const outcomes = await Promise.allSettled([12, 13, 14].map((entryId) => coalescing.invoke(getEntry, { entryId })));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: { entryId: 12 } });
    expect(outcomes[2]).toEqual({ status: 'fulfilled', value: { entryId: 14 } });
    const failure = outcomes[1]?.status === 'rejected' ? (outcomes[1].reason as Error) : undefined;
    expect(failure).toBeInstanceOf(errorClass);
    expect(failure).toMatchObject({ path: '/blogsentry/get-entry' });
    expect(commandCounts()).toEqual([3, 1, 1, 1]);
  });

  it.each([502, 503, 504])(
    "rejects every coalesced read with a proxy's %i, without sending each alone",
    async (status) => {
      const coalescing = await open(serveHtml('<h1>Bad gateway</h1>', status));
      const outcomes = await Promise.allSettled(entryIds(3).map((entryId) => coalescing.invoke(getEntry, { entryId })));
      expect(
        outcomes.map(
          (outcome) => outcome.status === 'rejected' && outcome.reason instanceof HttpError && outcome.reason.status,
        ),
      ).toEqual([status, status, status]);
      expect(commandCounts()).toEqual([3]);
    },
  );

  it('rejects every coalesced read with a network failure, without retrying', async () => {
    const coalescing = await open((_request, response) => void response.destroy());
    const outcomes = await Promise.allSettled(entryIds(3).map((entryId) => coalescing.invoke(getEntry, { entryId })));
    expect(outcomes.map((outcome) => outcome.status === 'rejected' && outcome.reason instanceof NetworkError)).toEqual([
      true,
      true,
      true,
    ]);
    expect(commandCounts()).toEqual([3]);
  });

  it('coalesces reads of different services', async () => {
    const coalescing = await open(echo);
    const getUser: ActionSpec = ['/user/get-user-by-id', [['userId']]];
    const results = await Promise.all([
      coalescing.invoke(getEntry, { entryId: 1 }),
      coalescing.invoke(getUser, { userId: 2 }),
    ]);
    expect(results).toEqual([{ entryId: 1 }, { userId: 2 }]);
    expect(portal?.requests.map((request) => request.body)).toEqual([
      '[{"/blogsentry/get-entry":{"entryId":1}},{"/user/get-user-by-id":{"userId":2}}]',
    ]);
  });
});
