// A front end as an app developer writes it, bundled by esbuild for browser.test.ts: a generated client's
// sync, callback-style, batch and upload calls and a download against the mock portal on another origin
// (CORS), and a call to a closed port. Writes its results into #results for the test to read.
import {
  BlogsEntryService,
  BasicAuthentication,
  DLAppService,
  NetworkError,
  Session,
  UserService,
} from 'liferay-portal-client';
import * as callbackStyle from 'liferay-portal-client/callback';

const query = new URLSearchParams(location.search);
const server = query.get('server') ?? '';
const authentication = new BasicAuthentication(query.get('user') ?? '', query.get('password') ?? '');
const session = new Session({ server, authentication });
const results = {};

async function step(name, run) {
  try {
    results[name] = await run();
  } catch (error) {
    results[name] = { failed: error.name, code: error.code, message: error.message };
  }
}

await step('sync', async () => (await new BlogsEntryService(session).getEntry({ entryId: 7 })).title);
await step('callback', () => {
  const callbackSession = new callbackStyle.Session({ server, authentication });
  return new Promise((resolve, reject) =>
    new callbackStyle.BlogsEntryService(callbackSession).getEntry(
      { entryId: 8 },
      {
        onSuccess: (entry) => resolve(entry.entryId),
        onFailure: reject,
      },
    ),
  );
});
await step('batch', async () => {
  const [entry, user] = await session.batch((batch) => [
    new BlogsEntryService(batch).getEntry({ entryId: 7 }),
    new UserService(batch).getUserById({ userId: 20156 }),
  ]);
  return [entry.title, user.userId];
});
await step('upload', async () => {
  const file = new Blob(['hello from the browser'], { type: 'text/plain' });
  const added = await new DLAppService(session).addFileEntry({
    repositoryId: 20143,
    folderId: 0,
    sourceFileName: 'hello.txt',
    mimeType: 'text/plain',
    title: 'hello.txt',
    description: '',
    changeLog: '',
    file,
  });
  return typeof added;
});
await step('download', async () => {
  const progress = [];
  const document = await session.download('/documents/20143/0/hello.txt', {
    onProgress: ({ loaded }) => progress.push(loaded),
  });
  return {
    text: await document.text(),
    contentType: document.contentType,
    size: document.size,
    progressed: progress.length > 0,
  };
});
await step('refused', async () => {
  const error = await new BlogsEntryService(new Session({ server: query.get('refused') ?? '' }))
    .getEntry({ entryId: 1 })
    .catch((caught) => caught);
  return { network: error instanceof NetworkError, message: error.message };
});

const output = document.getElementById('results');
output.textContent = JSON.stringify(results);
output.dataset.done = 'true';
