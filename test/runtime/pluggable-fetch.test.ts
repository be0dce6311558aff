import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import {
  answer,
  refusedUrl,
  startPortalServer,
  type PortalHandler,
  type PortalServer,
} from '../helpers/portal-server.js';
import { NetworkError, Session, type FetchFunction } from '../../src/runtime/index.js';
import { echo, getEntry } from './jsonws-portal.js';
import { addFileEntry, fileEntry, summarizeUpload } from './upload-portal.js';

let portal: PortalServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await portal?.close();
  portal = session = undefined;
});

/** JSON calls, uploads to an action's URL, and documents. */
const portalOfAll: PortalHandler = (request, response, incoming) => {
  if (request.url === '/api/jsonws/invoke') return echo(request, response, incoming);
  if (request.url === '/api/jsonws/dlapp/add-file-entry') return summarizeUpload(request, response, incoming);
  return answer(200, 'document ' + request.url)(request, response, incoming);
};

/** Node's global fetch, recording each URL and method it is given. */
function recordingFetch(): { fetch: FetchFunction; seen: string[] } {
  const seen: string[] = [];
  const fetch: FetchFunction = (url, init) => {
    seen.push(init.method + ' ' + url);
    return globalThis.fetch(url, init);
  };
  return { fetch, seen };
}

describe('new Session({ fetch })', () => {
  // Node's own fetch must fit the option as it is, without a cast.
  const global: FetchFunction = globalThis.fetch;

  it('sends JSON calls, batches, uploads and downloads through the given fetch, even with transport "undici"', async () => {
    portal = await startPortalServer(portalOfAll);
    const { fetch, seen } = recordingFetch();
    session = new Session({ server: portal.url, fetch, transport: 'undici' });
    expect(await session.invoke(getEntry, { entryId: 7 })).toEqual({ entryId: 7 });
    const [first, second] = await session.batch((batch) => [
      batch.invoke(getEntry, { entryId: 1 }),
      batch.invoke(getEntry, { entryId: 2 }),
    ]);
    expect([first, second]).toEqual([{ entryId: 1 }, { entryId: 2 }]);
    const file = new TextEncoder().encode('hello');
    const uploaded = await session.invoke(addFileEntry, { ...fileEntry, file, serviceContext: {} });
    expect(uploaded).toMatchObject({ files: [expect.objectContaining({ name: 'file' })] });
    expect(await (await session.download('/documents/1/a.txt')).text()).toBe('document /documents/1/a.txt');
    expect(seen).toEqual([
      `POST ${portal.url}/api/jsonws/invoke`,
      `POST ${portal.url}/api/jsonws/invoke`,
      `POST ${portal.url}/api/jsonws/dlapp/add-file-entry`,
      `GET ${portal.url}/documents/1/a.txt`,
    ]);
    // fetch, not undici, sent them all.
    expect(portal.requests.every((request) => request.headers['sec-fetch-mode'] === 'cors')).toBe(true);
    expect(global).toBe(globalThis.fetch);
  });

  it('rejects with what the given fetch threw as the cause of a NetworkError naming it', async () => {
    const failure = new TypeError('proxy refused: 407 Proxy Authentication Required');
    session = new Session({ server: 'http://127.0.0.1:1', fetch: () => Promise.reject(failure) });
    const error = await session.invoke(getEntry, { entryId: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({
      message: '/blogsentry/get-entry: network failure: proxy refused: 407 Proxy Authentication Required',
      cause: failure,
    });
  });
});

describe('NetworkError messages', () => {
  it.each(['undici', 'fetch'] as const)('say which connection failed (%s), for downloads too', async (transport) => {
    const server = await refusedUrl();
    session = new Session({ server, transport });
    const port = server.split(':').pop() ?? '';
    const error = await session.download('/documents/x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toBe(`/documents/x: network failure: connect ECONNREFUSED 127.0.0.1:${port}`);
  });

  it('name each address of an AggregateError, and keep the message of a cause that has none', async () => {
    const errors = [new Error('connect ECONNREFUSED ::1:80'), new Error('connect ECONNREFUSED 127.0.0.1:80')];
    const aggregate = Object.assign(new TypeError('fetch failed'), { cause: new AggregateError(errors) });
    session = new Session({ server: 'http://localhost', fetch: () => Promise.reject(aggregate) });
    await expect(session.invoke(getEntry, { entryId: 1 })).rejects.toThrow(
      '/blogsentry/get-entry: network failure: connect ECONNREFUSED ::1:80; connect ECONNREFUSED 127.0.0.1:80',
    );
    // A fetch that rejects with a plain string, as some do: its text must still reach the message.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    session = new Session({ server: 'http://localhost', fetch: () => Promise.reject('offline') });
    await expect(session.invoke(getEntry, { entryId: 1 })).rejects.toThrow('network failure: offline');
  });
});

describe('the transport chosen by capability', () => {
  /**
   * The runtime bundled into a folder whose node_modules/undici is `undici` (source of a module), run in a
   * fresh Node process against the portal: prints the result, or the error's message.
   */
  async function runWithUndici(undici: string | undefined): Promise<string> {
    const folder = await mkdtemp(join(tmpdir(), 'lsb-capability-'));
    try {
      if (undici !== undefined) {
        await mkdir(join(folder, 'node_modules', 'undici'), { recursive: true });
        await writeFile(
          join(folder, 'node_modules', 'undici', 'package.json'),
          '{"name":"undici","type":"module","main":"index.js"}',
        );
        await writeFile(join(folder, 'node_modules', 'undici', 'index.js'), undici);
      }
      const entry = fileURLToPath(new URL('../../src/runtime/index.ts', import.meta.url));
      await build({
        entryPoints: [entry],
        bundle: true,
        splitting: true,
        format: 'esm',
        outdir: join(folder, 'runtime'),
        logLevel: 'silent',
      });
      const script = `const { Session } = await import(${JSON.stringify(join(folder, 'runtime', 'index.js'))});
        const session = new Session({ server: ${JSON.stringify(portal?.url)} });
        try { console.log(JSON.stringify(await session.invoke(['/blogsentry/get-entry', [['entryId']]], { entryId: 3 }))); }
        catch (error) { console.log(error.message); }`;
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
        cwd: folder,
      });
      return stdout.trim();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  it("falls back to fetch when undici's Agent has no request(), as Bun's built-in undici", async () => {
    portal = await startPortalServer(echo);
    // Bun's look-alike: an Agent and a fetch, but no Agent.prototype.request.
    const lookAlike = 'export class Agent { close() {} }\nexport const fetch = globalThis.fetch;\n';
    expect(await runWithUndici(lookAlike)).toBe('{"entryId":3}');
    expect(portal.requests[0]?.headers['sec-fetch-mode']).toBe('cors');
  });

  it('uses undici when it is complete (a real undici re-exported)', async () => {
    portal = await startPortalServer(echo);
    const real = fileURLToPath(new URL('../../node_modules/undici/index.js', import.meta.url));
    expect(await runWithUndici(`export * from ${JSON.stringify(real)};`)).toBe('{"entryId":3}');
    expect(portal.requests[0]?.headers['sec-fetch-mode']).toBeUndefined();
  });
});
