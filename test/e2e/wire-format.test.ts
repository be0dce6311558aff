/**
 * The built 7.x client against a recording portal: how its generated methods put each kind of parameter
 * on the wire, checked on the exact request bodies.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPortalServer, type PortalServer } from '../helpers/portal-server.js';
import { buildPackage, methodOf, serviceClass, type ClientRuntime, type ServiceMethod } from './built-package.js';
import { echoInvoke } from './invoke-portal.js';

type Client = ClientRuntime & Record<string, unknown>;
type Service = Record<string, ServiceMethod>;

let client: Client;
let portal: PortalServer;
let session: InstanceType<Client['Session']>;
beforeAll(async () => {
  client = await (await buildPackage('fixtures/discovery/7.x/portal.json', 'wire-v7-portal')).main();
});
beforeEach(async () => {
  portal = await startPortalServer(echoInvoke);
  session = new client.Session({ server: portal.url });
});
afterEach(async () => {
  await session.close();
  await portal.close();
});

/** Calls a method and returns the raw body sent; the echo answer is checked to be the parsed one. */
async function sent(serviceName: string, method: string, parameters: object): Promise<string> {
  const service: Service = new (serviceClass(client, serviceName))(session);
  const result = await methodOf(service, method)(parameters);
  const body = portal.requests.at(-1)?.body ?? '';
  const [command] = JSON.parse(body) as Record<string, unknown>[];
  const [path, wire] = Object.entries(command ?? {})[0] ?? [];
  expect(result).toEqual({ path, parameters: wire });
  return body;
}

const imageSelector = 'com.liferay.portal.kernel.servlet.taglib.ui.ImageSelector';
const serviceContext = 'com.liferay.portal.kernel.service.ServiceContext';

describe('the parameters of a generated method on the wire', () => {
  it('sends numbers and strings (with quotes and accents) as JSON values, in UTF-8', async () => {
    const body = await sent('GroupService', 'getGroup', { companyId: 20097, groupKey: 'Guest "Été"' });
    expect(body).toBe('[{"/group/get-group":{"companyId":20097,"groupKey":"Guest \\"Été\\""}}]');
    expect(portal.requests[0]?.rawBody.equals(Buffer.from(body, 'utf8'))).toBe(true);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
  ])('sends a string given as %s as null', async (_name, title) => {
    const body = await sent('DLAppService', 'getFileEntry', { groupId: 20, folderId: 0, title });
    expect(body).toBe('[{"/dlapp/get-file-entry":{"groupId":20,"folderId":0,"title":null}}]');
  });

  it.each([
    ['a Uint8Array', new Uint8Array([1, 2, 3]), '"[1,2,3]"'],
    ['a number array', [1, 2, 3], '"[1,2,3]"'],
    ['an empty array', [], 'null'],
    ['null', null, 'null'],
  ])('sends a byte[] given as %s, without a ServiceContext when none is given', async (_name, bytes, wire) => {
    const file = {
      repositoryId: 20,
      folderId: 0,
      sourceFileName: 'a.txt',
      mimeType: 'text/plain',
      title: 'a',
      description: '',
      changeLog: '',
    };
    const body = await sent('DLAppService', 'addFileEntry', { ...file, bytes });
    expect(body).toBe(
      '[{"/dlapp/add-file-entry":{"repositoryId":20,"folderId":0,"sourceFileName":"a.txt","mimeType":"text/plain",' +
        `"title":"a","description":"","changeLog":"","bytes":${wire}}}]`,
    );
    expect(body).not.toContain('serviceContext');
  });

  it('flattens a given ServiceContext and an ImageSelector into +name and name.key; a null object is null', async () => {
    const body = await sent('BlogsEntryService', 'addEntry', {
      ...blogsEntry,
      coverImageImageSelector: { imageURL: 'http://x/y.png', imageCropRegion: '' },
      smallImageImageSelector: null,
      serviceContext: { scopeGroupId: 20, addGroupPermissions: true, assetTagNames: ['a', 'b'] },
    });
    expect(JSON.parse(body)).toEqual([
      {
        '/blogsentry/add-entry': {
          ...blogsEntryWire,
          '+coverImageImageSelector': imageSelector,
          'coverImageImageSelector.imageURL': 'http://x/y.png',
          'coverImageImageSelector.imageCropRegion': '',
          smallImageImageSelector: null,
          '+serviceContext': serviceContext,
          'serviceContext.scopeGroupId': 20,
          'serviceContext.addGroupPermissions': true,
          'serviceContext.assetTagNames': ['a', 'b'],
        },
      },
    ]);
    expect(body).toContain(`"+serviceContext":"${serviceContext}","serviceContext.scopeGroupId":20,`);
  });

  it('leaves an omitted ServiceContext out entirely', async () => {
    const body = await sent('BlogsEntryService', 'addEntry', {
      ...blogsEntry,
      coverImageImageSelector: null,
      smallImageImageSelector: null,
    });
    expect(JSON.parse(body)).toEqual([
      { '/blogsentry/add-entry': { ...blogsEntryWire, coverImageImageSelector: null, smallImageImageSelector: null } },
    ]);
    expect(body).not.toContain('serviceContext');
  });

  it('sends an OrderByComparator as its declared class, or as the class given with withClassName', async () => {
    const page = { groupId: 20, status: 0, start: 0, end: 20 };
    const declared = await sent('BlogsEntryService', 'getGroupEntries', { ...page, obc: { ascending: true } });
    expect(declared).toBe(
      '[{"/blogsentry/get-group-entries":{"groupId":20,"status":0,"start":0,"end":20,' +
        '"+obc":"com.liferay.portal.kernel.util.OrderByComparator","obc.ascending":true}}]',
    );
    const comparator = 'com.liferay.blogs.util.comparator.EntryDisplayDateComparator';
    const chosen = await sent('BlogsEntryService', 'getGroupEntries', {
      ...page,
      obc: client.withClassName(comparator, { ascending: false }),
    });
    expect(chosen).toBe(
      `[{"/blogsentry/get-group-entries":{"groupId":20,"status":0,"start":0,"end":20,"+obc":"${comparator}","obc.ascending":false}}]`,
    );
  });

  it('chooses the overload of /blogsentry/get-group-entries by the keys given', async () => {
    const four = await sent('BlogsEntryService', 'getGroupEntries', { groupId: 20, status: 0, start: -1, end: -1 });
    expect(four).toBe('[{"/blogsentry/get-group-entries":{"groupId":20,"status":0,"start":-1,"end":-1}}]');
    const five = await sent('BlogsEntryService', 'getGroupEntries', {
      end: 10,
      start: 0,
      status: 0,
      displayDate: 1500000000000,
      groupId: 20,
    });
    // The document's parameter order, whatever order the caller used.
    expect(five).toBe(
      '[{"/blogsentry/get-group-entries":{"groupId":20,"displayDate":1500000000000,"status":0,"start":0,"end":10}}]',
    );
  });

  it('sends long[] and map<string,string[]> parameters as JSON arrays and objects', async () => {
    const parameterMap = { PERMISSIONS: ['true'], DATA_STRATEGY: ['DATA_STRATEGY_MIRROR'] };
    const body = await sent('LayoutService', 'exportLayouts', {
      groupId: 20,
      privateLayout: false,
      layoutIds: [1, 2, 3],
      parameterMap,
      startDate: 0,
      endDate: 1500000000000,
    });
    expect(body).toBe(
      '[{"/layout/export-layouts":{"groupId":20,"privateLayout":false,"layoutIds":[1,2,3],' +
        '"parameterMap":{"PERMISSIONS":["true"],"DATA_STRATEGY":["DATA_STRATEGY_MIRROR"]},"startDate":0,"endDate":1500000000000}}]',
    );
  });
});

const blogsEntry = {
  title: 'Title',
  subtitle: undefined,
  description: null,
  content: '<p>Hi</p>',
  displayDateMonth: 0,
  displayDateDay: 1,
  displayDateYear: 2024,
  displayDateHour: 12,
  displayDateMinute: 30,
  allowPingbacks: false,
  allowTrackbacks: false,
  trackbacks: [],
  coverImageCaption: '',
};

const blogsEntryWire = { ...blogsEntry, subtitle: null };
