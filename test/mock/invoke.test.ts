import { describe, expect, it } from 'vitest';
import { Session } from '../../src/runtime/session.js';
import { ServerError } from '../../src/runtime/errors.js';
import { FIXTURES, invoke, mock, request } from './mock-client.js';

const entryKeys = ['entryId', 'groupId', 'userId', 'title', 'subtitle', 'urlTitle', 'content', 'displayDate', 'status'];

describe('POST /api/jsonws/invoke', () => {
  it('answers a single command with its result', async () => {
    const portal = await mock();
    const answer = await invoke(portal, { '/blogsentry/get-entry': { entryId: 7 } });
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('application/json;charset=UTF-8');
    expect(Object.keys(answer.json as object)).toEqual(entryKeys);
    expect((answer.json as Record<string, unknown>)['entryId']).toBe(7);
  });

  it('answers an array of commands with the array of results, void as null', async () => {
    const portal = await mock();
    const answer = await invoke(portal, [
      { '/blogsentry/get-entry': { entryId: 7 } },
      { '/blogsentry/delete-entry': { entryId: 7 } },
      { '/blogsentry/get-group-entries-count': { groupId: 1084, status: 0 } },
      { '/group/get-user-sites-groups': {} },
    ]);
    expect(answer.status).toBe(200);
    const [entry, deleted, count, groups] = answer.json as unknown[];
    expect((entry as Record<string, unknown>)['entryId']).toBe(7);
    expect(deleted).toBeNull();
    expect(count).toBe(3);
    expect(groups).toHaveLength(3);
    // The single command is the same call, so the same answer.
    expect((await invoke(portal, { '/blogsentry/get-entry': { entryId: 7 } })).json).toEqual(entry);
  });

  it("answers a single void command with the portal's null JSON, {}", async () => {
    const portal = await mock();
    const answer = await invoke(portal, { '/blogsentry/delete-entry': { entryId: 7 } });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('{}');
  });

  it('reads the commands from a cmd form parameter too', async () => {
    const portal = await mock();
    const answer = await request(`${portal.url}/api/jsonws/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ cmd: JSON.stringify({ '/user/get-user-by-id': { userId: 20_156 } }) }).toString(),
    });
    expect((answer.json as Record<string, unknown>)['userId']).toBe(20_156);
  });

  it('serves plugin paths, also from a /<context>/api/jsonws mount that leaves the context out', async () => {
    const portal = await mock({ discovery: [FIXTURES.portal7, FIXTURES.calendar7] });
    const full = await invoke(portal, { '/calendar.calendar/get-calendar': { calendarId: 41 } });
    expect((full.json as Record<string, unknown>)['calendarId']).toBe(41);
    const mounted = await request(`${portal.url}/calendar/api/jsonws/invoke`, {
      method: 'POST',
      body: JSON.stringify({ '/calendar/get-calendar': { calendarId: 41 } }),
    });
    expect(mounted.json).toEqual(full.json);
  });

  it('works with the runtime a generated client uses, errors included', async () => {
    const portal = await mock();
    const session = new Session({ server: portal.url, transport: 'fetch' });
    try {
      const entry = (await session.invoke(['/blogsentry/get-entry', [['entryId']]], { entryId: 12 })) as Record<
        string,
        unknown
      >;
      expect(entry['entryId']).toBe(12);
      const missing = session.invoke(['/blogsentry/get-entry', [['entryId', 'bogusName']]], {
        entryId: 12,
        bogusName: 1,
      });
      await expect(missing).resolves.toMatchObject({ entryId: 12 });
      const wrong = session.invoke(['/blogsentry/get-entry', [['entry']]], { entry: 12 });
      await expect(wrong).rejects.toBeInstanceOf(ServerError);
      await expect(wrong).rejects.toMatchObject({
        type: 'com.liferay.portal.kernel.jsonwebservice.NoSuchJSONWebServiceException',
      });
    } finally {
      await session.close();
    }
  });
});

describe('path-style calls', () => {
  it('take form fields, query parameters and /name/value path parameters', async () => {
    const portal = await mock();
    const form = await request(`${portal.url}/api/jsonws/blogsentry/get-entry`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'entryId=9',
    });
    expect(form.status).toBe(200);
    const single = await invoke(portal, { '/blogsentry/get-entry': { entryId: 9 } });
    expect((form.json as Record<string, unknown>)['entryId']).toBe(9);
    expect(form.json).toEqual(single.json);
    const query = await request(`${portal.url}/api/jsonws/blogsentry/get-entry?entryId=9`);
    expect(query.json).toEqual(single.json);
    const pathParameters = await request(`${portal.url}/api/jsonws/blogsentry/get-entry/entry-id/9`);
    expect(pathParameters.json).toEqual(single.json);
    const voidCall = await request(`${portal.url}/api/jsonws/blogsentry/delete-entry/entry-id/9`, { method: 'POST' });
    expect(voidCall.text).toBe('{}');
  });

  it('take multipart forms with a file part, which selects the file overload', async () => {
    const portal = await mock();
    const form = new FormData();
    const fields = {
      repositoryId: '20143',
      folderId: '0',
      sourceFileName: 'notes.txt',
      mimeType: 'text/plain',
      title: 'Notes',
      description: '',
      changeLog: '',
    };
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob(['hello, portal']), 'notes.txt');
    const answer = await request(`${portal.url}/api/jsonws/dlapp/add-file-entry`, { method: 'POST', body: form });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ repositoryId: 20_143, folderId: 0, mimeType: 'text/plain', title: 'Notes' });
    const withoutFile = new FormData();
    for (const [name, value] of Object.entries(fields)) withoutFile.append(name, value);
    const missing = await request(`${portal.url}/api/jsonws/dlapp/add-file-entry`, {
      method: 'POST',
      body: withoutFile,
    });
    expect(missing.status).toBe(404);
  });

  it('choose the overload with N parameters from a .N suffix', async () => {
    const portal = await mock();
    const answer = await invoke(portal, {
      '/blogsentry/get-group-entries.5': { groupId: 1084, status: 0, start: 0, end: 3 },
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toHaveLength(3);
    const wrongCount = await invoke(portal, { '/blogsentry/get-group-entries.2': { groupId: 1084 } });
    expect(wrongCount.status).toBe(404);
  });
});
