import { afterEach, describe, expect, it } from 'vitest';
import { sequence, serveHtml, serveJson, type PortalServer } from '../helpers/portal-server.js';
import {
  HttpError,
  ServerError,
  Session,
  UploadData,
  withClassName,
  type Progress,
  type SessionOptions,
  type TransportKind,
} from '../../src/runtime/index.js';
import { portalError } from './jsonws-portal.js';
import {
  addAttachment,
  addFileEntry,
  fileEntry,
  serviceContextClass,
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

describe.each<TransportKind>(['undici', 'fetch'])('an upload over %s', (transport) => {
  it("POSTs multipart/form-data to the action's own URL, every parameter a field, the file a file part", async () => {
    const file = new UploadData(new TextEncoder().encode('Hello, portal'), {
      fileName: 'Été "2024".txt',
      mimeType: 'text/plain',
    });
    const result = await (await open({ transport })).invoke(addFileEntry, { ...fileEntry, file });
    const request = portal?.requests[0];
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/jsonws/dlapp/add-file-entry');
    expect(request?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=----LiferaySdk[a-z0-9]+$/);
    expect(request?.headers['content-length']).toBe(String(request?.rawBody.length));
    // The portal answers with the result itself, which is what the call resolves with.
    expect(result).toEqual({
      fields: [
        ['repositoryId', '20143'],
        ['folderId', '0'],
        ['sourceFileName', 'Été "2024".txt'],
        ['mimeType', 'text/plain'],
        ['title', 'Été'],
        ['-description', ''],
        ['changeLog', ''],
      ],
      // Quotes in a file name are escaped as browsers do.
      files: [{ name: 'file', fileName: 'Été %222024%22.txt', contentType: 'text/plain', text: 'Hello, portal' }],
    } satisfies UploadSummary);
  });

  it('sends nulls as -name, byte arrays as "[..]", object parameters as +name and name.key, dates as milliseconds, other values as JSON', async () => {
    const result = (await (
      await open({ transport })
    ).invoke(addAttachment, {
      entryId: 7,
      thumbnail: new Uint8Array([1, 255]),
      selector: withClassName('com.example.UrlImageSelector', {
        imageURL: 'http://x/y.png',
        cropRegion: null,
        size: [1, 2],
        taken: new Date(Date.UTC(2024, 0, 1)),
      }),
      attachment: new Blob(['%PDF'], { type: 'application/pdf' }),
      tags: ['a', 'b'],
      when: new Date(Date.UTC(2024, 0, 2)),
    })) as UploadSummary;
    expect(result.fields).toEqual([
      ['entryId', '7'],
      ['thumbnail', '[1,-1]'],
      ['+selector', 'com.example.UrlImageSelector'],
      ['selector.imageURL', 'http://x/y.png'],
      ['-selector.cropRegion', ''],
      ['selector.size', '[1,2]'],
      // The portal makes a Date only from milliseconds, in a model's field too.
      ['selector.taken', '1704067200000'],
      ['tags', '["a","b"]'],
      ['when', '1704153600000'],
    ]);
    // A Blob without a name takes the parameter's name, and keeps its type.
    expect(result.files).toEqual([
      { name: 'attachment', fileName: 'attachment', contentType: 'application/pdf', text: '%PDF' },
    ]);
  });

  it('sends a given ServiceContext, leaves out an omitted one, and sends a missing object parameter as null', async () => {
    const first = (await (
      await open({ transport })
    ).invoke(addFileEntry, {
      ...fileEntry,
      file: new Uint8Array([65]),
      serviceContext: { scopeGroupId: 20, addGroupPermissions: true },
    })) as UploadSummary;
    expect(first.fields.slice(7)).toEqual([
      ['+serviceContext', serviceContextClass],
      ['serviceContext.scopeGroupId', '20'],
      ['serviceContext.addGroupPermissions', 'true'],
    ]);
    expect(first.files).toEqual([
      { name: 'file', fileName: 'file', contentType: 'application/octet-stream', text: 'A' },
    ]);
    const second = (await session?.invoke(addAttachment, {
      entryId: 1,
      attachment: new Uint8Array([66]),
    })) as UploadSummary;
    expect(second.fields).toEqual([
      ['entryId', '1'],
      ['-thumbnail', ''],
      ['-selector', ''],
      ['-tags', ''],
      ['-when', ''],
    ]);
  });

  it('takes a File with its name and type, and a web stream of known size (with a Content-Length, but for fetch)', async () => {
    const file = new File(['<p>hi</p>'], 'page.html', { type: 'text/html' });
    expect(
      ((await (await open({ transport })).invoke(addFileEntry, { ...fileEntry, file })) as UploadSummary).files,
    ).toEqual([{ name: 'file', fileName: 'page.html', contentType: 'text/html', text: '<p>hi</p>' }]);
    const stream = new UploadData(webStream('abc', 'def'), { fileName: 'a.txt', size: 6 });
    expect(
      ((await session?.invoke(addFileEntry, { ...fileEntry, file: stream })) as UploadSummary).files[0]?.text,
    ).toBe('abcdef');
    // fetch can only send a stream chunked.
    const length = transport === 'fetch' ? undefined : String(portal?.requests[1]?.rawBody.length);
    expect(portal?.requests[1]?.headers['content-length']).toBe(length);
  });

  it('reports progress up to the whole body, ending at its size', async () => {
    const events: Progress[] = [];
    const bytes = new Uint8Array(200_000).fill(7);
    await (
      await open({ transport })
    ).invoke(addFileEntry, { ...fileEntry, file: bytes }, { onProgress: (event) => events.push(event) });
    const size = portal?.requests[0]?.rawBody.length;
    expect(events.at(-1)).toEqual({ loaded: size, total: size });
    for (const [i, event] of events.entries()) {
      expect(event.total).toBe(size);
      if (i > 0) expect(event.loaded).toBeGreaterThan(events[i - 1]?.loaded ?? 0);
    }
  });

  it("resolves an action that returns nothing to undefined, not to the portal's null JSON {}", async () => {
    await open({ transport }, serveJson({}));
    expect(await session?.invoke(addFileEntry, { ...fileEntry, file: new Uint8Array([1]) })).toBeUndefined();
    await session?.close();
    await portal?.close();
    // A result that has fields is the result, and a JSON null stays null.
    await open({ transport }, sequence(serveJson({ fileEntryId: 5 }), serveJson(null)));
    expect(await session?.invoke(addFileEntry, { ...fileEntry, file: new Uint8Array([1]) })).toEqual({
      fileEntryId: 5,
    });
    expect(await session?.invoke(addFileEntry, { ...fileEntry, file: new Uint8Array([1]) })).toBeNull();
  });

  it('maps the answers as for /invoke: a portal exception, an error page', async () => {
    await open(
      { transport },
      serveJson({ exception: 'com.liferay.document.library.kernel.exception.DuplicateFileEntryException' }),
    );
    const duplicate = await session
      ?.invoke(addFileEntry, { ...fileEntry, file: new Uint8Array([1]) })
      .catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(ServerError);
    expect(duplicate).toMatchObject({
      type: 'com.liferay.document.library.kernel.exception.DuplicateFileEntryException',
      path: '/dlapp/add-file-entry',
    });
    await session?.close();
    await portal?.close();
    await open(
      { transport },
      serveJson(portalError('com.liferay.portal.kernel.security.auth.PrincipalException', 'no'), 403),
    );
    await expect(session?.invoke(addFileEntry, { ...fileEntry, file: new Uint8Array([1]) })).rejects.toBeInstanceOf(
      ServerError,
    );
    await session?.close();
    await portal?.close();
    await open({ transport }, serveHtml('<html>Request Entity Too Large</html>', 413));
    const tooLarge = await session
      ?.invoke(addFileEntry, { ...fileEntry, file: new Uint8Array([1]) })
      .catch((error: unknown) => error);
    expect(tooLarge).toBeInstanceOf(HttpError);
    expect(tooLarge).toMatchObject({ status: 413, body: '<html>Request Entity Too Large</html>' });
  });
});
