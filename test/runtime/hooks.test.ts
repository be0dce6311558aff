import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { answer, failTimes, redirect, route, startPortalServer, type PortalServer } from '../helpers/portal-server.js';
import {
  BearerAuthentication,
  HttpError,
  Session,
  type PortalRequest,
  type PortalResponse,
  type SessionOptions,
  type TransportKind,
} from '../../src/runtime/index.js';
import { echo, getEntry } from './jsonws-portal.js';
import { addFileEntry, fileEntry, summarizeUpload } from './upload-portal.js';

let portal: PortalServer | undefined;
let cdn: PortalServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await portal?.close();
  await cdn?.close();
  portal = cdn = session = undefined;
});

const signature = (request: PortalRequest): string =>
  createHash('sha256')
    .update(`${request.method} ${request.url}\n${request.body ?? ''}`)
    .digest('hex');

async function open(options: Partial<SessionOptions>): Promise<Session> {
  portal ??= await startPortalServer(
    route({ '/api/jsonws/invoke': echo, '/api/jsonws/dlapp/add-file-entry': summarizeUpload }, answer(200, 'document')),
  );
  return (session = new Session({ server: portal.url, ...options }));
}

describe.each<TransportKind>(['undici', 'fetch'])('hooks (%s)', (transport) => {
  it('lets an async onRequest sign the request it sees, and sends what it changed', async () => {
    const seen: PortalRequest[] = [];
    await open({
      transport,
      headers: { 'X-App': 'blog' },
      onRequest: async (request) => {
        seen.push({ ...request, headers: { ...request.headers } });
        await new Promise((resolve) => setImmediate(resolve));
        request.headers['X-Signature'] = signature(request);
      },
    });
    expect(await session?.invoke(getEntry, { entryId: 7 })).toEqual({ entryId: 7 });
    const body = '[{"/blogsentry/get-entry":{"entryId":7}}]';
    expect(seen).toEqual([
      {
        url: `${portal?.url}/api/jsonws/invoke`,
        method: 'POST',
        headers: { 'X-App': 'blog', 'Content-Type': 'application/json; charset=utf-8' },
        body,
        path: '/blogsentry/get-entry',
      },
    ]);
    const sent = portal?.requests[0];
    expect(sent?.headers['x-signature']).toBe(signature({ ...seen[0]!, body }));
    expect(sent?.headers['x-app']).toBe('blog');
  });

  it("runs the call's hooks after the session's, for that call only; a batch's request has no path", async () => {
    const order: string[] = [];
    await open({
      transport,
      onRequest: (request) => void order.push('session request ' + request.path),
      onResponse: (response) => void order.push('session response ' + response.status),
    });
    await session?.invoke(
      getEntry,
      { entryId: 1 },
      {
        onRequest: (request) => void order.push('call request ' + request.path),
        onResponse: (response, request) =>
          void order.push('call response ' + JSON.stringify(response.body) + ' ' + request.method),
      },
    );
    await session?.batch((batch) => [batch.invoke(getEntry, { entryId: 2 }), batch.invoke(getEntry, { entryId: 3 })]);
    expect(order).toEqual([
      'session request /blogsentry/get-entry',
      'call request /blogsentry/get-entry',
      'session response 200',
      'call response "[{\\"entryId\\":1}]" POST',
      'session request undefined',
      'session response 200',
    ]);
  });

  it('shows onResponse every answer before it is parsed, errors included', async () => {
    portal = await startPortalServer(
      answer(503, '<html>down</html>', { 'content-type': 'text/html', 'retry-after': '5' }),
    );
    const responses: PortalResponse[] = [];
    await open({ transport, onResponse: (response) => void responses.push(response) });
    await expect(session?.invoke(getEntry, { entryId: 1 })).rejects.toBeInstanceOf(HttpError);
    expect(responses).toEqual([
      expect.objectContaining({ url: `${portal.url}/api/jsonws/invoke`, status: 503, body: '<html>down</html>' }),
    ]);
    expect(responses[0]?.headers).toMatchObject({ 'content-type': 'text/html', 'retry-after': '5' });
  });

  it('rejects the call with what a hook throws, as it is; a request refused by onRequest is not sent', async () => {
    const refusal = new Error('no signing key');
    await open({ transport, onRequest: () => Promise.reject(refusal) });
    await expect(session?.invoke(getEntry, { entryId: 1 })).rejects.toBe(refusal);
    expect(portal?.requests).toHaveLength(0);
    const rejected = new RangeError('answer too old');
    await session?.close();
    session = new Session({
      server: portal?.url ?? '',
      transport,
      onResponse: () => {
        throw rejected;
      },
    });
    await expect(session.invoke(getEntry, { entryId: 1 })).rejects.toBe(rejected);
    await expect(session.invoke(getEntry, { entryId: 1 }, { onResponse: () => {} })).rejects.toBe(rejected);
    await expect(session.download('/documents/a')).rejects.toBe(rejected);
    expect(portal?.requests).toHaveLength(3);
  });

  it('sees uploads and downloads, with their method, and no body for them', async () => {
    const seen: PortalRequest[] = [];
    await open({
      transport,
      onRequest: (request) => {
        seen.push(request);
        request.headers['X-Hooked'] = 'yes';
      },
    });
    await session?.invoke(addFileEntry, { ...fileEntry, file: new TextEncoder().encode('hi'), serviceContext: {} });
    expect(await (await session!.download('/documents/1/a.txt')).text()).toBe('document');
    expect(seen.map(({ method, url, body, path }) => [method, url.replace(portal?.url ?? '', ''), body, path])).toEqual(
      [
        ['POST', '/api/jsonws/dlapp/add-file-entry', undefined, '/dlapp/add-file-entry'],
        ['GET', '/documents/1/a.txt', undefined, '/documents/1/a.txt'],
      ],
    );
    expect(portal?.requests.map((request) => request.headers['x-hooked'])).toEqual(['yes', 'yes']);
  });

  it('runs again for the retry after a refresh', async () => {
    portal = await startPortalServer(failTimes(1, answer(401), echo));
    const tokens: string[] = [];
    const authentication = new BearerAuthentication('old', { refresh: () => Promise.resolve('new') });
    await open({
      transport,
      authentication,
      onRequest: (request) => void tokens.push(request.headers['Authorization'] ?? ''),
    });
    expect(await session?.invoke(getEntry, { entryId: 1 })).toEqual({ entryId: 1 });
    expect(tokens).toEqual(['Bearer old', 'Bearer new']);
  });

  it('never runs onRequest for a redirect to another origin, where nothing of the session goes', async () => {
    cdn = await startPortalServer(answer(200, 'from the cdn'));
    portal = await startPortalServer(
      route({ '/documents/a': redirect('/documents/b'), '/documents/b': redirect(`${cdn.url}/c`) }),
    );
    const requests: string[] = [];
    const responses: string[] = [];
    await open({
      transport,
      authentication: new BearerAuthentication('secret'),
      onRequest: (request) => {
        requests.push(request.method + ' ' + request.url);
        request.headers['X-Api-Key'] = 'key';
      },
      onResponse: (response, request) => void responses.push(`${response.status} ${request.url}`),
    });
    expect(await (await session!.download('/documents/a')).text()).toBe('from the cdn');
    expect(requests).toEqual([`GET ${portal.url}/documents/a`, `GET ${portal.url}/documents/b`]);
    expect(responses).toEqual([`302 ${portal.url}/documents/a`, `302 ${portal.url}/documents/b`, `200 ${cdn.url}/c`]);
    expect(portal.requests.map((request) => request.headers['x-api-key'])).toEqual(['key', 'key']);
    expect(cdn.requests[0]?.headers['x-api-key']).toBeUndefined();
    expect(cdn.requests[0]?.headers.authorization).toBeUndefined();
  });
});
