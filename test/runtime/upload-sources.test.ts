import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../helpers/temporary.js';
import { answer, type PortalServer } from '../helpers/portal-server.js';
import {
  BearerAuthentication,
  LiferayError,
  Session,
  UploadData,
  type SessionOptions,
} from '../../src/runtime/index.js';
import {
  addFileEntry,
  fileEntry,
  startUploadPortal,
  summarizeUpload,
  webStream,
  type UploadSummary,
} from './upload-portal.js';

let portal: PortalServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await portal?.close();
  portal = session = undefined;
});

async function open(options: Partial<SessionOptions> = {}, handler = summarizeUpload): Promise<Session> {
  portal = await startUploadPortal(handler);
  session = new Session({ server: portal.url, ...options });
  return session;
}

describe('upload sources', () => {
  it('reads UploadData.fromPath as a stream, with the file name and a Content-Length from the file system', async () => {
    const folder = await temporaryFolder('lsb-upload-');
    try {
      const path = join(folder, 'report 2024.csv');
      await writeFile(path, 'a,b\n1,2\n');
      const file = UploadData.fromPath(path, { mimeType: 'text/csv' });
      const result = (await (await open()).invoke(addFileEntry, { ...fileEntry, file })) as UploadSummary;
      expect(result.files).toEqual([
        { name: 'file', fileName: 'report 2024.csv', contentType: 'text/csv', text: 'a,b\n1,2\n' },
      ]);
      expect(portal?.requests[0]?.headers['content-length']).toBe(String(portal?.requests[0]?.rawBody.length));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('rejects a path that can not be read, without a request', async () => {
    const call = (await open()).invoke(addFileEntry, { ...fileEntry, file: UploadData.fromPath('/no/such/file.txt') });
    await expect(call).rejects.toThrow(
      new LiferayError('cannot read the file to upload: /no/such/file.txt', {
        path: '/dlapp/add-file-entry',
        code: 'LIFERAY_UNREADABLE_FILE',
      }),
    );
    await expect(call).rejects.toMatchObject({ code: 'LIFERAY_UNREADABLE_FILE', cause: { code: 'ENOENT' } });
    expect(portal?.requests).toHaveLength(0);
  });

  it('sends a Node stream, and a stream of unknown size, chunked', async () => {
    const result = (await (
      await open()
    ).invoke(addFileEntry, {
      ...fileEntry,
      file: Readable.from([Buffer.from('no'), Buffer.from('de')]),
    })) as UploadSummary;
    expect(result.files).toEqual([
      { name: 'file', fileName: 'file', contentType: 'application/octet-stream', text: 'node' },
    ]);
    expect(portal?.requests[0]?.headers['content-length']).toBeUndefined();
    expect(portal?.requests[0]?.headers['transfer-encoding']).toBe('chunked');
  });

  it('refuses a value that is not a file, without a request', async () => {
    const call = (await open()).invoke(addFileEntry, { ...fileEntry, file: 'not a file' as unknown as Blob });
    await expect(call).rejects.toThrow(
      new LiferayError('parameter file takes a Blob, bytes, a stream or an UploadData', {
        path: '/dlapp/add-file-entry',
        code: 'LIFERAY_INVALID_PARAMETERS',
      }),
    );
    expect(portal?.requests).toHaveLength(0);
  });
});

describe('uploads and credentials', () => {
  it('sends the session headers and credentials, and after a 401 sends bytes again with the renewed token', async () => {
    let renewals = 0;
    const authentication = new BearerAuthentication('old', { refresh: () => Promise.resolve(`new-${++renewals}`) });
    await open({ authentication, headers: { 'X-Tenant': 'a' } }, (request, response, incoming) =>
      request.headers.authorization === 'Bearer new-1'
        ? summarizeUpload(request, response, incoming)
        : answer(401)(request, response, incoming),
    );
    const result = (await session?.invoke(addFileEntry, {
      ...fileEntry,
      file: new Uint8Array([72, 105]),
    })) as UploadSummary;
    expect(result.files[0]?.text).toBe('Hi');
    expect(portal?.requests.map((request) => [request.headers.authorization, request.headers['x-tenant']])).toEqual([
      ['Bearer old', 'a'],
      ['Bearer new-1', 'a'],
    ]);
  });

  it('does not send a stream twice: a refused stream upload fails with the AuthenticationError', async () => {
    let renewals = 0;
    const authentication = new BearerAuthentication('old', { refresh: () => Promise.resolve(`new-${++renewals}`) });
    await open({ authentication }, answer(401));
    const call = session?.invoke(addFileEntry, { ...fileEntry, file: webStream('once') });
    await expect(call).rejects.toMatchObject({ name: 'AuthenticationError', path: '/dlapp/add-file-entry' });
    expect(renewals).toBe(0);
    expect(portal?.requests).toHaveLength(1);
  });

  it('is never batched: in a batch, the upload fails clearly and nothing is sent for it', async () => {
    const call = (await open()).batch((batch) => [
      batch.invoke(addFileEntry, { ...fileEntry, file: new Uint8Array([1]) }),
    ]);
    await expect(call).rejects.toThrow(
      new LiferayError('uploads cannot be batched: call this method on the session', {
        path: '/dlapp/add-file-entry',
        code: 'LIFERAY_UNSUPPORTED',
      }),
    );
    expect(portal?.requests).toHaveLength(0);
  });

  it('is never coalesced by auto-batching, even with a read-like name', async () => {
    const getPreview: typeof addFileEntry = ['/x/get-preview', [[['file', 'file']]]];
    const result = await (await open({ autoBatch: true })).invoke(getPreview, { file: new Uint8Array([1]) });
    expect(result).toMatchObject({ files: [{ name: 'file' }] });
    expect(portal?.requests[0]?.url).toBe('/api/jsonws/x/get-preview');
  });
});
