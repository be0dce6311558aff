import { afterEach, describe, expect, it } from 'vitest';
import { startMockPortal, type MockPortal } from '../../src/mock/index.js';
import { ServerError, Session, UploadData } from '../../src/runtime/index.js';
import { type ActionSpec } from '../../src/runtime/internal.js';
import { DLAppServiceActions } from '../../generated/7.x-portal/src/services/index.js';

/**
 * Uploads against the project's mock portal, which reads multipart forms and checks parameter names and
 * values as JSONWebServiceActionParametersMap does: the form the runtime sends must be one a portal accepts.
 */
// The actions table as generated for the 7.x portal fixture: the golden itself, so that it can not drift.
const addFileEntry: ActionSpec = DLAppServiceActions.addFileEntry;

let portal: MockPortal | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await portal?.close();
  portal = session = undefined;
});

describe('an upload to the mock portal', () => {
  it('is accepted, nulls, a ServiceContext and the file part included, and answers a file entry', async () => {
    portal = await startMockPortal({ port: 0 });
    session = new Session({ server: portal.url });
    const entry = await session.invoke(addFileEntry, {
      repositoryId: 20143,
      folderId: 0,
      sourceFileName: 'notes.txt',
      mimeType: 'text/plain',
      title: 'Notes',
      description: null,
      changeLog: undefined,
      file: new UploadData(new TextEncoder().encode('hello'), { fileName: 'notes.txt', mimeType: 'text/plain' }),
      serviceContext: { scopeGroupId: 20143, addGroupPermissions: true },
    });
    expect(entry).toMatchObject({ fileEntryId: expect.any(Number) as unknown, title: expect.any(String) as unknown });
  });

  it('is refused like a portal refuses a wrong value, with a ServerError', async () => {
    portal = await startMockPortal({ port: 0 });
    session = new Session({ server: portal.url });
    const call = session.invoke(addFileEntry, {
      repositoryId: 'not a number',
      folderId: 0,
      sourceFileName: 'a',
      mimeType: 'text/plain',
      title: 'a',
      description: '',
      changeLog: '',
      file: new Uint8Array([1]),
    });
    await expect(call).rejects.toBeInstanceOf(ServerError);
  });
});
