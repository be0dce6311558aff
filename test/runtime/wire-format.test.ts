import { describe, expect, it } from 'vitest';
import type { PortalServer } from '../helpers/portal-server.js';
import { Session, withClassName } from '../../src/runtime/index.js';
import { type ActionSpec } from '../../src/runtime/internal.js';
import { addEntry, getGroupEntries, useEchoPortal } from './jsonws-portal.js';

let portal: PortalServer;
let session: Session;
useEchoPortal((started) => ({ portal, session } = started));

const serviceContext = 'com.liferay.portal.kernel.service.ServiceContext';
const imageSelector = 'com.liferay.portal.kernel.servlet.taglib.ui.ImageSelector';
const entry = { title: 'T', content: 'C', smallImageFileEntry: undefined, coverImageSelector: null };

async function sentBody(action: ActionSpec, parameters: object): Promise<string | undefined> {
  await session.invoke(action, parameters);
  return portal.requests.at(-1)?.body;
}

describe('the wire format of one call', () => {
  it('POSTs the command array as UTF-8 JSON to <server>/api/jsonws/invoke', async () => {
    const result = await session.invoke(getGroupEntries, { groupId: 20, status: 0, start: -1, end: -1 });
    const request = portal.requests[0];
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/jsonws/invoke');
    expect(request?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request?.body).toBe('[{"/blogsentry/get-group-entries":{"groupId":20,"status":0,"start":-1,"end":-1}}]');
    // The first element of the answer array.
    expect(result).toEqual({ groupId: 20, status: 0, start: -1, end: -1 });
  });

  it.each([
    ['scalars and a string', { title: 'Été "quoted"', content: '' }, '"title":"Été \\"quoted\\"","content":""'],
    ['a null string (undefined)', { title: undefined, content: null }, '"title":null,"content":null'],
  ])('sends %s as JSON values', async (_name, given, want) => {
    expect(await sentBody(addEntry, { ...entry, ...given })).toBe(
      `[{"/blogsentry/add-entry":{${want},"smallImageFileEntry":null,"coverImageSelector":null}}]`,
    );
  });

  it.each([
    ['a Uint8Array', new Uint8Array([1, 2, 3]), '"[1,2,3]"'],
    ['a number array', [1, -2, 3], '"[1,-2,3]"'],
    ['unsigned bytes above 127, as signed Java bytes', new Uint8Array([127, 128, 255]), '"[127,-128,-1]"'],
    ['a subarray', new Uint8Array([9, 1, 2, 9]).subarray(1, 3), '"[1,2]"'],
    ['an empty array', new Uint8Array(0), 'null'],
    ['undefined', undefined, 'null'],
  ])('sends bytes given as %s', async (_name, bytes, want) => {
    expect(await sentBody(addEntry, { ...entry, smallImageFileEntry: bytes })).toBe(
      `[{"/blogsentry/add-entry":{"title":"T","content":"C","smallImageFileEntry":${want},"coverImageSelector":null}}]`,
    );
  });

  it('flattens a given ServiceContext and an object parameter into +name and name.key', async () => {
    const body = await sentBody(addEntry, {
      ...entry,
      coverImageSelector: { imageURL: 'http://x/y.png', imageCropRegion: '' },
      serviceContext: { scopeGroupId: 20, addGroupPermissions: true, assetTagNames: ['a', 'b'] },
    });
    expect(body).toBe(
      '[{"/blogsentry/add-entry":{"title":"T","content":"C","smallImageFileEntry":null,' +
        `"+coverImageSelector":"${imageSelector}","coverImageSelector.imageURL":"http://x/y.png","coverImageSelector.imageCropRegion":"",` +
        `"+serviceContext":"${serviceContext}","serviceContext.scopeGroupId":20,"serviceContext.addGroupPermissions":true,` +
        '"serviceContext.assetTagNames":["a","b"]}}]',
    );
  });

  it('leaves out an omitted ServiceContext entirely and sends a null object parameter as null', async () => {
    expect(await sentBody(addEntry, { ...entry, serviceContext: undefined })).toBe(
      '[{"/blogsentry/add-entry":{"title":"T","content":"C","smallImageFileEntry":null,"coverImageSelector":null}}]',
    );
  });

  it('lets withClassName choose the class of an object parameter', async () => {
    const getEntries: ActionSpec = [
      '/x/get-entries',
      [['start', ['obc', 'object', 'com.liferay.portal.kernel.util.OrderByComparator']]],
    ];
    const body = await sentBody(getEntries, {
      start: 0,
      obc: withClassName('com.liferay.blogs.util.comparator.EntryTitleComparator', { ascending: true }),
    });
    expect(body).toBe(
      '[{"/x/get-entries":{"start":0,"+obc":"com.liferay.blogs.util.comparator.EntryTitleComparator","obc.ascending":true}}]',
    );
    expect(await sentBody(getEntries, { start: 0, obc: withClassName('com.example.Comparator') })).toBe(
      '[{"/x/get-entries":{"start":0,"+obc":"com.example.Comparator"}}]',
    );
  });

  it('sends arrays and maps as JSON', async () => {
    const update: ActionSpec = ['/x/update', [['ids', 'titleMap', 'matrix']]];
    const body = await sentBody(update, {
      ids: [1, 2, 3],
      titleMap: { en_US: 'Hello', fr_FR: 'Bonjour' },
      matrix: [['a'], []],
    });
    expect(body).toBe(
      '[{"/x/update":{"ids":[1,2,3],"titleMap":{"en_US":"Hello","fr_FR":"Bonjour"},"matrix":[["a"],[]]}}]',
    );
  });
});

describe('the invoke URL', () => {
  it.each([
    ['a trailing slash on the server', '/', undefined, '/api/jsonws/invoke'],
    ['a path prefix and slashes around jsonwsPath', '/portal//', '/api/jsonws/', '/portal/api/jsonws/invoke'],
    ['the 6.1 secure path', '', 'api/secure/jsonws', '/api/secure/jsonws/invoke'],
  ])('is normalised with %s', async (_name, suffix, jsonwsPath, want) => {
    const other = new Session({ server: portal.url + suffix, ...(jsonwsPath === undefined ? {} : { jsonwsPath }) });
    await other.invoke(['/x/get', [[]]], {});
    await other.close();
    expect(portal.requests[0]?.url).toBe(want);
  });
});
