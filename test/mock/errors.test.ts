import { describe, expect, it } from 'vitest';
import { error7, FIXTURES, invoke, mock, NO_SUCH_7, request } from './mock-client.js';

describe('7.x errors: 404 and the serialized NoSuchJSONWebServiceException', () => {
  it('answers an unknown path', async () => {
    const portal = await mock();
    const answer = await invoke(portal, { '/blogsentry/no-such-action': { entryId: 1 } });
    expect(answer.status).toBe(404);
    expect(answer.contentType).toBe('application/json;charset=UTF-8');
    expect(answer.json).toEqual(
      error7(NO_SUCH_7, 'No JSON web service action with path /blogsentry/no-such-action and method null for null'),
    );
  });

  it('answers parameter names that match no overload, naming the plugin context of a plugin path', async () => {
    const portal = await mock({ discovery: [FIXTURES.portal7, FIXTURES.calendar7] });
    const portalMiss = await invoke(portal, { '/group/get-group': { companyId: 1 } });
    expect(portalMiss.status).toBe(404);
    expect(portalMiss.json).toEqual(
      error7(NO_SUCH_7, 'No JSON web service action with path /group/get-group and method null for null'),
    );
    const pluginMiss = await invoke(portal, { '/calendar.calendar/get-calendar': { id: 1 } });
    expect(pluginMiss.json).toEqual(
      error7(
        NO_SUCH_7,
        'No JSON web service action with path /calendar.calendar/get-calendar and method null for calendar',
      ),
    );
  });

  it('names the HTTP method of a path-style call', async () => {
    const portal = await mock();
    const answer = await request(`${portal.url}/api/jsonws/user/get-user-by-id?userName=x`);
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual(
      error7(NO_SUCH_7, 'No JSON web service action with path /user/get-user-by-id and method GET for null'),
    );
  });

  it('fails a whole batch when one command fails', async () => {
    const portal = await mock();
    const answer = await invoke(portal, [
      { '/blogsentry/get-entry': { entryId: 7 } },
      { '/blogsentry/get-entry': { id: 7 } },
    ]);
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual(
      error7(NO_SUCH_7, 'No JSON web service action with path /blogsentry/get-entry and method null for null'),
    );
  });

  it('answers bodies that are not commands as the invoker fails on them', async () => {
    const portal = await mock();
    const notJson = await invoke(portal, '{"/blogsentry/get-entry": ');
    expect(notJson.status).toBe(500);
    expect(notJson.json).toEqual(error7('java.lang.IllegalStateException', 'Unable to deserialize object'));
    for (const body of ['42', '[{}]', '{"/blogsentry/get-entry": 7}']) {
      const answer = await invoke(portal, body);
      expect(answer.status).toBe(500);
      expect(answer.json).toEqual(error7('java.lang.IllegalArgumentException', 'java.lang.IllegalArgumentException'));
    }
  });

  it('answers an unreadable multipart body with the upload exception, status 200 as the portal does', async () => {
    const portal = await mock();
    const answer = await request(`${portal.url}/api/jsonws/dlapp/add-file-entry`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="title"\r\n\r\nA\r\n',
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ error: { type: 'com.liferay.portal.kernel.upload.UploadException' } });
    expect((answer.json as { exception: string }).exception).toMatch(/^Unable to read the multipart request: /);
  });

  it('answers values the portal cannot convert', async () => {
    const portal = await mock();
    const answer = await invoke(portal, { '/blogsentry/get-entry': { entryId: 'seven' } });
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual(
      error7('jodd.typeconverter.TypeConversionException', 'Unable to convert "seven" of parameter entryId to long'),
    );
  });
});

describe('6.2 errors: 200 and {"exception": class, "message"}', () => {
  it('answers an unknown path and a parameter mismatch', async () => {
    const portal = await mock({ discovery: [FIXTURES.portal62] });
    const unknown = await invoke(portal, { '/blogsentry/no-such-action': {} });
    expect(unknown.status).toBe(200);
    expect(unknown.json).toEqual({
      exception: 'java.lang.RuntimeException',
      message: 'No JSON web service action with path /blogsentry/no-such-action and method null for /',
    });
    const mismatch = await invoke(portal, [
      { '/user/get-user-by-id': { userId: 1 } },
      { '/user/get-user-by-id': { userid: 1 } },
    ]);
    expect(mismatch.status).toBe(200);
    expect(mismatch.json).toEqual({
      exception: 'java.lang.RuntimeException',
      message: 'No JSON web service action with path /user/get-user-by-id and method null for /',
    });
  });

  it('splits the plugin context path off, and words path-style misses "associated with path"', async () => {
    const portal = await mock({ discovery: [FIXTURES.portal62, FIXTURES.calendar62] });
    const plugin = await invoke(portal, { '/calendar-portlet.calendar/get-calendar': {} });
    expect(plugin.json).toEqual({
      exception: 'java.lang.RuntimeException',
      message: 'No JSON web service action with path /calendar/get-calendar and method null for //calendar-portlet',
    });
    const pathStyle = await request(`${portal.url}/api/jsonws/group/get-group`, { method: 'POST' });
    expect(pathStyle.status).toBe(200);
    expect(pathStyle.json).toEqual({
      exception: 'java.lang.RuntimeException',
      message: 'No JSON web service action associated with path /group/get-group and method POST for /',
    });
  });

  it('answers a legacy (6.0/6.1) miss as {"exception": message}', async () => {
    const portal = await mock({ discovery: [FIXTURES.legacy] });
    const answer = await invoke(portal, { '/user/no-such-action': {} });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      exception: 'No JSON web service action with path /user/no-such-action and method null for /',
    });
  });
});
