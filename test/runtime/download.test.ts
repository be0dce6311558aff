import { afterEach, describe, expect, it } from 'vitest';
import { getEventListeners } from 'node:events';
import {
  answer,
  redirect,
  route,
  serveHtml,
  startPortalServer,
  type PortalHandler,
  type PortalServer,
} from '../helpers/portal-server.js';
import {
  BasicAuthentication,
  BearerAuthentication,
  Session,
  type Progress,
  type SessionOptions,
  type TransportKind,
} from '../../src/runtime/index.js';
import { download } from '../../src/runtime/download.js';

const document = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));
const documentPath = '/documents/20143/0/report.pdf/6f1c2a';
const credentials = `Basic ${Buffer.from('test@liferay.com:test').toString('base64')}`;

let portal: PortalServer | undefined;
let cdn: PortalServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await portal?.close();
  await cdn?.close();
  portal = cdn = session = undefined;
});

/** Serves the document in 64 KiB writes when the request carries the credentials; answers 401 otherwise. */
const serveDocument: PortalHandler = async (request, response) => {
  if (request.headers.authorization !== credentials) return void answer(401)(request, response, undefined as never);
  response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(document.length) });
  for (let at = 0; at < document.length; at += 65536) {
    if (!response.write(document.subarray(at, at + 65536)))
      await new Promise((resolve) => response.once('drain', resolve));
  }
  response.end();
};

async function open(routes: Record<string, PortalHandler>, options: Partial<SessionOptions> = {}): Promise<Session> {
  portal = await startPortalServer(route({ [documentPath]: serveDocument, ...routes }));
  session = new Session({
    server: portal.url,
    authentication: new BasicAuthentication('test@liferay.com', 'test'),
    headers: { 'X-Tenant': 'a' },
    ...options,
  });
  return session;
}

async function readChunks(body: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe.each<TransportKind>(['undici', 'fetch'])('a download over %s', (transport) => {
  it('is session.download(url, options), as the issue names it, loading its code on first use', async () => {
    const events: Progress[] = [];
    const result = await (
      await open({}, { transport })
    ).download(documentPath, { onProgress: (event) => events.push(event) });
    expect(result).toMatchObject({ status: 200, size: document.length });
    expect(Buffer.from(await result.arrayBuffer()).equals(document)).toBe(true);
    expect(events.at(-1)).toEqual({ loaded: document.length, total: document.length });
  });

  it("streams a document given relative to the server, with the session's credentials and progress", async () => {
    const events: Progress[] = [];
    const result = await download(await open({}, { transport }), documentPath, {
      onProgress: (event) => events.push(event),
    });
    expect(result).toMatchObject({
      url: portal?.url + documentPath,
      status: 200,
      contentType: 'application/pdf',
      size: document.length,
    });
    expect(result.headers['content-length']).toBe(String(document.length));
    expect((await readChunks(result.body)).toString('base64')).toBe(document.toString('base64'));
    expect(portal?.requests.map((request) => [request.method, request.url, request.headers['x-tenant']])).toEqual([
      ['GET', documentPath, 'a'],
    ]);
    expect(events.at(-1)).toEqual({ loaded: document.length, total: document.length });
    for (let i = 1; i < events.length; i++) expect(events[i]?.loaded).toBeGreaterThan(events[i - 1]?.loaded ?? 0);
  });

  it('follows a redirect on the portal with credentials, and one to another origin with nothing of the session', async () => {
    cdn = await startPortalServer(route({ '/files/report.pdf': serveHtml('<p>from the CDN</p>') }));
    await open(
      { '/documents/moved': redirect(documentPath), '/documents/elsewhere': redirect(`${cdn.url}/files/report.pdf`) },
      { transport },
    );
    const moved = await download(session as Session, '/documents/moved');
    expect(Buffer.from(await moved.arrayBuffer()).toString('base64')).toBe(document.toString('base64'));
    expect(moved.url).toBe(portal?.url + documentPath);
    const elsewhere = await download(session as Session, '/documents/elsewhere');
    expect(await elsewhere.text()).toBe('<p>from the CDN</p>');
    expect(elsewhere.url).toBe(`${cdn.url}/files/report.pdf`);
    const headers = cdn.requests[0]?.headers;
    expect([headers?.authorization, headers?.['x-tenant'], headers?.cookie]).toEqual([undefined, undefined, undefined]);
  });
});

describe('download URLs', () => {
  it('resolves a root-relative URL against the origin and a relative one against the server path', async () => {
    portal = await startPortalServer(serveHtml('ok'));
    session = new Session({ server: `${portal.url}/portal/` });
    await (await download(session, '/documents/a')).text();
    await (await download(session, 'documents/b?download=true')).text();
    await (await download(session, `${portal.url}/documents/c`)).text();
    expect(portal.requests.map((request) => request.url)).toEqual([
      '/documents/a',
      '/portal/documents/b?download=true',
      '/documents/c',
    ]);
  });

  it('sends no credentials to an absolute URL of another origin', async () => {
    cdn = await startPortalServer(serveHtml('ok'));
    await open({});
    await (await download(session as Session, `${cdn.url}/x.pdf`)).text();
    expect(cdn.requests[0]?.headers.authorization).toBeUndefined();
    expect(cdn.requests[0]?.headers['x-tenant']).toBeUndefined();
  });

  it('renews a refused token and asks again', async () => {
    let renewals = 0;
    const authentication = new BearerAuthentication('old', { refresh: () => Promise.resolve(`new-${++renewals}`) });
    await open(
      {
        '/documents/bearer': (request, response, incoming) =>
          (request.headers.authorization === 'Bearer new-1' ? serveHtml('fresh') : answer(401))(
            request,
            response,
            incoming,
          ),
      },
      { authentication },
    );
    expect(await (await download(session as Session, '/documents/bearer')).text()).toBe('fresh');
    expect(portal?.requests.map((request) => request.headers.authorization)).toEqual(['Bearer old', 'Bearer new-1']);
  });
});

describe('downloads sharing one signal', () => {
  it('add one abort listener to it in all, as calls do, and leave none when done', async () => {
    const session = await open({});
    const controller = new AbortController();
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const downloads = await Promise.all(
        Array.from({ length: 12 }, () => session.download(documentPath, { signal: controller.signal })),
      );
      // Every body is open and unread: each download still watches the signal.
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
      const bodies = await Promise.all(downloads.map((each) => each.arrayBuffer()));
      expect(bodies.map((body) => body.byteLength)).toEqual(Array(12).fill(document.length));
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
  });

  it('still abort every body with the shared listener', async () => {
    const session = await open({});
    const controller = new AbortController();
    const downloads = await Promise.all(
      Array.from({ length: 3 }, () => session.download(documentPath, { signal: controller.signal })),
    );
    controller.abort(new Error('stop'));
    const outcomes = await Promise.allSettled(downloads.map((each) => each.arrayBuffer()));
    expect(outcomes.map((outcome) => outcome.status === 'rejected' && (outcome.reason as Error).name)).toEqual([
      'AbortError',
      'AbortError',
      'AbortError',
    ]);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
