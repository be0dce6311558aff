/**
 * Chains end to end: the package generated from the 7.x fixture, built with tsc, chains calls against the
 * mock portal (which runs statements as Liferay's invoker does) in both call styles, in batches, with a
 * signal and a timeout, and gets the portal's errors; what the runtime refuses never reaches the portal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockPortal, type MockPortal } from '../../src/mock/index.js';
import { buildPackage, type ClientRuntime } from './built-package.js';

type Entity = Record<string, unknown>;
type Chaining = typeof import('../../src/runtime/chain.js');
/** What the tests call: a chain-style service's methods, loosely typed (chaining-types.test.ts holds the types). */
type Chained = Record<string, (parameters?: object) => LooseStatement>;
interface LooseStatement {
  pick(...keys: string[]): LooseStatement;
  with(name: string, build: (result: Record<string, unknown>) => LooseStatement): LooseStatement;
}

const groupEntries = { groupId: 1084, status: 0, start: -1, end: -1 };

describe('chains against the mock portal', () => {
  let main: ClientRuntime & Record<string, unknown>;
  let callbackStyle: ClientRuntime & Record<string, unknown>;
  let chaining: Chaining;
  let portal: MockPortal;
  const requests: string[] = [];
  // The mock answers once `held` resolves: a test that holds it makes aborts and timeouts need no clock.
  let held: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    const built = await buildPackage('fixtures/discovery/7.x/portal.json', 'chaining');
    main = await built.main();
    callbackStyle = await built.callback();
    chaining = (await built.module('runtime/chain.js')) as Chaining;
    portal = await startMockPortal({
      port: 0,
      latency: 1,
      sleep: () => held,
      onRequest: (line) => requests.push(line),
    });
  }, 180_000);

  afterAll(() => portal.close());

  const session = () => new main.Session({ server: portal.url });
  // A loose view of the typed chain API, for statements built from names.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  const call = (service: string, module = main): Chained => chaining.call(module[service] as never) as Chained;
  const chain = (target: unknown, statement: LooseStatement, ...rest: unknown[]): Promise<unknown> =>
    (chaining.chain as (...args: unknown[]) => Promise<unknown>)(target, statement, ...rest);
  const direct = (service: string, method: string, parameters: object): Promise<unknown> =>
    (
      new (main[service] as new (session: unknown) => Record<string, (parameters: object) => Promise<unknown>>)(
        session(),
      )[method] as (p: object) => Promise<unknown>
    )(parameters);
  const since = (before: number) => requests.slice(before);

  const userWithContact = () =>
    call('UserService')
      .getUserById?.({ userId: 10_172 })
      .pick('userId', 'screenName', 'contactId')
      .with(
        'contact',
        (user) => call('ContactService').getContact?.({ contactId: user['contactId'] }) as LooseStatement,
      ) as LooseStatement;
  const entriesWithAuthors = () =>
    call('BlogsEntryService')
      .getGroupEntries?.(groupEntries)
      .with(
        'author',
        (entry) => call('UserService').getUserById?.({ userId: entry['userId'] }) as LooseStatement,
      ) as LooseStatement;

  it('gets a user and their contact in one request', async () => {
    const before = requests.length;
    const user = (await chain(session(), userWithContact())) as Entity;
    expect(since(before)).toEqual(['POST /api/jsonws/invoke 200 /user/get-user-by-id /contact/get-contact']);
    expect(Object.keys(user)).toEqual(['userId', 'screenName', 'contactId', 'contact']);
    expect(user['userId']).toBe(10_172);
    expect(user['contact']).toEqual(await direct('ContactService', 'getContact', { contactId: user['contactId'] }));
  });

  it("gets entries and each entry's author in one request instead of N + 1, with the same results", async () => {
    const before = requests.length;
    const entries = (await chain(session(), entriesWithAuthors())) as Entity[];
    expect(since(before)).toHaveLength(1);
    const listed = (await direct('BlogsEntryService', 'getGroupEntries', groupEntries)) as Entity[];
    const authors = await Promise.all(
      listed.map((entry) => direct('UserService', 'getUserById', { userId: entry['userId'] })),
    );
    expect(entries).toEqual(listed.map((entry, index) => ({ ...entry, author: authors[index] })));
  });

  it('nests three levels deep on objects, a reference naming a grandparent', async () => {
    const entry = (await chain(
      session(),
      call('BlogsEntryService')
        .getEntry?.({ entryId: 7 })
        .with('author', (blogsEntry) =>
          (call('UserService').getUserById?.({ userId: blogsEntry['userId'] }) as LooseStatement)
            .with(
              'contact',
              (author) => call('ContactService').getContact?.({ contactId: author['contactId'] }) as LooseStatement,
            )
            .with('group', () => call('GroupService').getGroup?.({ groupId: blogsEntry['groupId'] }) as LooseStatement),
        ) as LooseStatement,
    )) as Entity & { author: Entity & { contact: Entity; group: Entity } };
    expect(entry.author['userId']).toBe(entry['userId']);
    expect(entry.author.contact['contactId']).toBe(entry.author['contactId']);
    expect(entry.author.group['groupId']).toBe(entry['groupId']);
  });

  it('gives nested results the keys the app chose, whatever their names on the wire', async () => {
    const entry = (await chain(
      session(),
      call('BlogsEntryService')
        .getEntry?.({ entryId: 7 })
        .with('the author', (blogsEntry) =>
          (call('UserService').getUserById?.({ userId: blogsEntry['userId'] }) as LooseStatement).with(
            'the author',
            (author) => call('UserService').getUserById?.({ userId: author['userId'] }) as LooseStatement,
          ),
        ) as LooseStatement,
    )) as Entity & { 'the author': Entity & { 'the author': Entity } };
    expect(entry['the author']['userId']).toBe(entry['userId']);
    expect(entry['the author']['the author']['userId']).toBe(entry['userId']);
  });

  it('reports to a callback exactly once, success or failure', async () => {
    const outcomes: string[] = [];
    const settled = (statement: LooseStatement) =>
      new Promise<unknown>((resolve) => {
        void chain(session(), statement, {
          onSuccess: (result: unknown) => resolve(outcomes.push('success') && result),
          onFailure: (error: unknown) => resolve(outcomes.push('failure') && error),
        });
        outcomes.push('returned');
      });
    const user = (await settled(userWithContact())) as Entity;
    expect((user['contact'] as Entity)['contactId']).toBe(user['contactId']);
    const failure = await settled(
      call('BlogsEntryService')
        .deleteEntry?.({ entryId: 7 })
        .with('user', () => call('UserService').getUserById?.({ userId: 1 }) as LooseStatement) as LooseStatement,
    );
    expect(failure).toBeInstanceOf(main.ServerError);
    // Any second report would be queued by now.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(outcomes).toEqual(['returned', 'success', 'returned', 'failure']);
    // The callback style's classes chain too.
    const again = (await chain(
      session(),
      call('UserService', callbackStyle).getUserById?.({ userId: 5 }) as LooseStatement,
    )) as Entity;
    expect(again['userId']).toBe(5);
  });

  it('goes in a batch, one result per statement, and on a BatchSession by hand', async () => {
    const before = requests.length;
    const [user, entry, entries] = await session().batch((batch) => [
      chain(batch, userWithContact()),
      (
        new (main['BlogsEntryService'] as new (b: unknown) => Record<string, (p: object) => Promise<unknown>>)(batch)[
          'getEntry'
        ] as (p: object) => Promise<unknown>
      )({ entryId: 11 }),
      chain(batch, entriesWithAuthors()),
    ]);
    expect(since(before)).toEqual([
      'POST /api/jsonws/invoke 200 /user/get-user-by-id /contact/get-contact /blogsentry/get-entry /blogsentry/get-group-entries /user/get-user-by-id',
    ]);
    expect(user).toEqual(await chain(session(), userWithContact()));
    expect(entry).toMatchObject({ entryId: 11 });
    expect((entries as Entity[]).every((each) => (each['author'] as Entity)['userId'] === each['userId'])).toBe(true);
    const batch = new main.BatchSession(session());
    const queued = chain(batch, userWithContact());
    await batch.send();
    expect(await queued).toEqual(user);
  });

  it("fails a chain, and its whole batch, with the portal's error when a nested statement fails", async () => {
    const failing = () =>
      call('BlogsEntryService')
        .deleteEntry?.({ entryId: 7 })
        .with('user', () => call('UserService').getUserById?.({ userId: 1 }) as LooseStatement) as LooseStatement;
    const alone = await chain(session(), failing()).catch((error: unknown) => error);
    expect(alone).toBeInstanceOf(main.ServerError);
    expect(alone).toMatchObject({ type: 'java.lang.NullPointerException', path: '/blogsentry/delete-entry' });
    const batched = session().batch((batch) => [chain(batch, userWithContact()), chain(batch, failing())]);
    await expect(batched).rejects.toBeInstanceOf(main.ServerError);
  });

  it("fails with the nested statement's own error, in both call styles, alone and on a BatchSession", async () => {
    // The parent succeeds; the nested statement's parameter is one the portal cannot convert (the types would refuse it).
    const failing = () =>
      call('UserService')
        .getUserById?.({ userId: 5 })
        .with(
          'contact',
          () => call('ContactService').getContact?.({ contactId: 'not a number' }) as LooseStatement,
        ) as LooseStatement;
    const expected = { type: 'jodd.typeconverter.TypeConversionException', path: '/user/get-user-by-id' };
    const alone = await chain(session(), failing()).catch((error: unknown) => error);
    expect(alone).toBeInstanceOf(main.ServerError);
    expect(alone).toMatchObject(expected);
    const reports: unknown[] = [];
    const batch = new main.BatchSession(session());
    const reported = new Promise((resolve) => {
      const report = (outcome: unknown) => resolve(reports.push(outcome));
      void chain(batch, failing(), { onSuccess: report, onFailure: report });
    });
    await expect(batch.send()).rejects.toBeInstanceOf(main.ServerError);
    await reported;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toBeInstanceOf(main.ServerError);
    expect(reports[0]).toMatchObject(expected);
  });

  it('is aborted by its signal and stopped by its timeout', async () => {
    let release = (): void => undefined;
    held = new Promise((resolve) => (release = resolve));
    try {
      const controller = new AbortController();
      const aborted = chain(session(), userWithContact(), { signal: controller.signal });
      controller.abort();
      await expect(aborted).rejects.toBeInstanceOf(main.AbortError);
      await expect(chain(session(), userWithContact(), { timeout: 50 })).rejects.toBeInstanceOf(main.TimeoutError);
    } finally {
      held = Promise.resolve();
      release();
    }
  });

  it('refuses, without a request, what the portal would run wrongly', async () => {
    const before = requests.length;
    let outside: unknown;
    const refusals: [string, () => Promise<unknown>][] = [
      [
        'a reference to a statement that does not enclose it',
        () => {
          call('UserService')
            .getUserById?.({ userId: 1 })
            .with(
              'x',
              (user) => ((outside = user['userId']), call('GroupService').getGroup?.({ groupId: 1 }) as LooseStatement),
            );
          return chain(session(), call('ContactService').getContact?.({ contactId: outside }) as LooseStatement);
        },
      ],
      [
        'a reference to a property left out by pick',
        () =>
          chain(
            session(),
            call('UserService')
              .getUserById?.({ userId: 1 })
              .pick('userId')
              .with(
                'contact',
                (user) => call('ContactService').getContact?.({ contactId: user['contactId'] }) as LooseStatement,
              ) as LooseStatement,
          ),
      ],
      [
        'a statement used twice',
        () => {
          const contact = call('ContactService').getContact?.({ contactId: 1 }) as LooseStatement;
          return chain(
            session(),
            call('UserService')
              .getUserById?.({ userId: 1 })
              .with('a', () => contact)
              .with('b', () => contact) as LooseStatement,
          );
        },
      ],
      [
        'an upload',
        () =>
          chain(
            session(),
            call('DLAppService').addFileEntry?.({
              repositoryId: 1,
              folderId: 0,
              sourceFileName: 'a',
              mimeType: 'text/plain',
              title: 'a',
              description: '',
              changeLog: '',
              file: new Uint8Array(1),
            }) as LooseStatement,
          ),
      ],
      ['something call() did not make', () => chain(session(), {} as LooseStatement)],
    ];
    for (const [what, refused] of refusals) {
      const error = await refused().catch((caught: unknown) => caught);
      expect(error, what).toBeInstanceOf(main.LiferayError);
      expect(['LIFERAY_INVALID_PARAMETERS', 'LIFERAY_UNSUPPORTED'], what).toContain((error as { code: string }).code);
    }
    expect(() => chaining.call({})).toThrow(main.LiferayError);
    expect(since(before)).toEqual([]);
  });

  it("says so when the portal reused the first element's references two levels below a list", async () => {
    const stale = call('BlogsEntryService')
      .getGroupEntries?.(groupEntries)
      .with('author', (entry) =>
        (call('UserService').getUserById?.({ userId: entry['userId'] }) as LooseStatement).with(
          'contact',
          (author) => call('ContactService').getContact?.({ contactId: author['contactId'] }) as LooseStatement,
        ),
      ) as LooseStatement;
    const error = await chain(session(), stale).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(main.LiferayError);
    expect(error).toMatchObject({ code: 'LIFERAY_UNSUPPORTED', path: '/contact/get-contact' });
  });
});
