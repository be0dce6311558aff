/**
 * The scripted session of `demo`, written against the generated package as an application would use it.
 * The package is loaded at run time, so the few parts used are described here by small interfaces.
 */
interface BlogsEntry {
  readonly entryId: number;
  readonly groupId: number;
  readonly title: string;
}
interface User {
  readonly userId: number;
  readonly screenName: string;
  readonly emailAddress: string;
}
interface Group {
  readonly groupId: number;
  readonly name: string;
}
interface Callback<T> {
  onSuccess(result: T): void;
  onFailure(error: Error): void;
}
type GroupEntries = { groupId: number; status: number; start: number; end: number };

interface SyncModule {
  readonly Session: new (options: { server: string; authentication: unknown }) => Session;
  readonly BasicAuthentication: new (user: string, password: string) => unknown;
  readonly BlogsEntryService: new (session: unknown) => {
    getGroupEntries(parameters: GroupEntries): Promise<BlogsEntry[]>;
    getEntry(parameters: { entryId: number }): Promise<BlogsEntry | null>;
  };
  readonly UserService: new (session: unknown) => { getUserById(parameters: { userId: number }): Promise<User | null> };
  readonly GroupService: new (session: unknown) => { getGroup(parameters: { groupId: number }): Promise<Group | null> };
}
interface Session {
  batch<T extends readonly unknown[]>(
    calls: (batch: unknown) => readonly [...{ [K in keyof T]: Promise<T[K]> }],
  ): Promise<T>;
}
interface CallbackModule {
  readonly BlogsEntryService: new (session: unknown) => {
    getGroupEntries(parameters: GroupEntries, callback: Callback<BlogsEntry[]>): void;
  };
}
/** `<package>/chain`, as far as the demo uses it: statements are opaque here, their results are not. */
interface Statement {
  with(name: string, build: (result: Record<string, unknown>) => Statement): Statement;
}
interface ChainModule {
  call(service: unknown): Record<string, (parameters: object) => Statement>;
  chain(session: Session, statement: Statement): Promise<unknown>;
}

export interface DemoClient {
  readonly sync: SyncModule;
  readonly callback: CallbackModule;
  readonly chain: ChainModule;
}

const GROUP_ENTRIES: GroupEntries = { groupId: 1084, status: 0, start: -1, end: -1 };

export async function runDemoSession(
  client: DemoClient,
  portal: { server: string; user: string; password: string },
  print: (line: string) => void,
): Promise<void> {
  const { Session, BasicAuthentication, BlogsEntryService, UserService, GroupService } = client.sync;
  const session = new Session({
    server: portal.server,
    authentication: new BasicAuthentication(portal.user, portal.password),
  });

  print("4. Callback style, as in Liferay's tutorial: the call returns at once, onSuccess runs later");
  const fromCallback = await new Promise<BlogsEntry[]>((resolve, reject) => {
    new client.callback.BlogsEntryService(session).getGroupEntries(GROUP_ENTRIES, {
      onSuccess: resolve,
      onFailure: reject,
    });
    print('   getGroupEntries({ groupId: 1084, ... }) returned; waiting for onSuccess…');
  });
  printEntries(fromCallback, print);

  print('5. Sync style: the same call with await');
  const entries = await new BlogsEntryService(session).getGroupEntries(GROUP_ENTRIES);
  printEntries(entries, print);

  print('6. Three calls in one batch (one HTTP request, typed results)');
  const entryId = entries[0]?.entryId ?? 1;
  const [entry, user, group] = await session.batch<[BlogsEntry | null, User | null, Group | null]>((batch) => [
    new BlogsEntryService(batch).getEntry({ entryId }),
    new UserService(batch).getUserById({ userId: 20156 }),
    new GroupService(batch).getGroup({ groupId: 1084 }),
  ]);
  print(`   entry ${entry?.entryId}: "${entry?.title}"`);
  print(`   user ${user?.userId}: ${user?.screenName} <${user?.emailAddress}>`);
  print(`   group ${group?.groupId}: ${group?.name}`);

  print("7. A chain: the entries and each entry's author in one request, instead of one more per entry");
  // call and chain are plain functions of the chain entry point: they use no `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const { call, chain } = client.chain;
  const groupEntries = call(BlogsEntryService)['getGroupEntries'];
  const authorOf = (listed: Record<string, unknown>) =>
    call(UserService)['getUserById']?.({ userId: listed['userId'] });
  const statement = groupEntries?.(GROUP_ENTRIES).with('author', (listed) => authorOf(listed) as Statement);
  const chained = (await chain(session, statement as Statement)) as (BlogsEntry & { author: User | null })[];
  for (const each of chained) print(`   - #${each.entryId} "${each.title}" by ${each.author?.screenName}`);
}

function printEntries(entries: readonly BlogsEntry[], print: (line: string) => void): void {
  print(`   ${entries.length} entries in group 1084:`);
  for (const entry of entries) print(`   - #${entry.entryId} "${entry.title}" (group ${entry.groupId})`);
}
