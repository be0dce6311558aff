// A new user's app, run under Bun and Deno by runtimes.test.ts: a generated client's sync, callback-style,
// batch and upload calls against the mock portal, and a refused connection. Prints one JSON line per step.
const [packageFolder, server, user, password, refused] = globalThis.Deno?.args ?? process.argv.slice(2);
const sync = await import(`${packageFolder}/dist/index.js`);
const callback = await import(`${packageFolder}/dist/callback/index.js`);
const print = (step, value) => console.log(JSON.stringify({ step, value }));
const session = new sync.Session({ server, authentication: new sync.BasicAuthentication(user, password) });

const entry = await new sync.BlogsEntryService(session).getEntry({ entryId: 7 });
print('sync', { entryId: entry.entryId });

const callbackSession = new callback.Session({
  server,
  authentication: new callback.BasicAuthentication(user, password),
});
const viaCallback = await new Promise((resolve, reject) =>
  new callback.BlogsEntryService(callbackSession).getEntry({ entryId: 8 }, { onSuccess: resolve, onFailure: reject }),
);
print('callback', { entryId: viaCallback.entryId });

const [first, second] = await session.batch((batch) => [
  new sync.BlogsEntryService(batch).getEntry({ entryId: 11 }),
  new sync.UserService(batch).getUserById({ userId: 20156 }),
]);
print('batch', { entryId: first.entryId, userId: second.userId });

const added = await new sync.DLAppService(session).addFileEntry({
  repositoryId: 20143,
  folderId: 0,
  sourceFileName: 'hello.txt',
  mimeType: 'text/plain',
  title: 'hello.txt',
  description: '',
  changeLog: '',
  file: new TextEncoder().encode('hello'),
});
print('upload', typeof added);

const failure = await new sync.BlogsEntryService(new sync.Session({ server: refused }))
  .getEntry({ entryId: 1 })
  .catch((error) => error);
print('refused', { network: failure instanceof sync.NetworkError, code: failure.code, message: failure.message });
await session.close();
await callbackSession.close();
