/**
 * `--filter` on a document: the actions under `/<filter>/*`, as a filtering portal answers them, and only the
 * models those actions reach; 7.x portals ignore `?discover=`, so saved and fetched documents alike are
 * filtered by the builder.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { discoverDocuments, filterDocument, type DiscoveryDocument } from '../../src/discovery/index.js';
import { serveJson, startPortalServer } from '../helpers/portal-server.js';

const fixture = (path: string) => fileURLToPath(new URL(`../../fixtures/discovery/${path}`, import.meta.url));
const paths = (document: DiscoveryDocument): string[] =>
  document.format === 'legacy'
    ? document.document.actions.map((action) => action.path)
    : document.document.services.map((service) => service.path);
const types = (document: DiscoveryDocument): string[] =>
  document.format === 'legacy' ? [] : (document.document.types ?? []).map((type) => type.type);

describe('filterDocument', () => {
  it('keeps the services under the filter and the models they reach, in the typed and the raw document', async ({
    expect,
  }) => {
    const [document] = await discoverDocuments({ discovery: [fixture('7.x/portal.json')], filter: 'blogsentry' });
    if (document === undefined) throw new Error('no document');
    expect(new Set(paths(document).map((path) => path.split('/')[1]))).toEqual(new Set(['blogsentry']));
    expect(paths(document)).toHaveLength(8);
    expect(types(document)).toEqual(['com.liferay.blogs.kernel.model.BlogsEntry']);
    const raw = document.raw as { services: { path: string }[]; types: { type: string }[] };
    expect(raw.services.map((service) => service.path)).toEqual(paths(document));
    expect(raw.types.map((type) => type.type)).toEqual(types(document));
  });

  it('follows models through their properties', ({ expect }) => {
    const model = (type: string, properties: Record<string, string>) => ({
      type,
      properties: Object.entries(properties).map(([name, typeName]) => ({ name, type: typeName })),
    });
    const raw = {
      contextName: '',
      services: [
        {
          name: 'A#get',
          method: 'GET',
          path: '/a/get',
          parameters: [{ name: 'id', type: 'long' }],
          returns: { type: 'list<com.acme.A>' },
        },
        { name: 'B#get', method: 'GET', path: '/b/get', parameters: [], returns: { type: 'com.acme.B' } },
      ],
      types: [
        model('com.acme.A', { owner: 'com.acme.Owner' }),
        model('com.acme.Owner', { tags: 'java.util.List<com.acme.Tag>' }),
        model('com.acme.Tag', {}),
        model('com.acme.B', {}),
      ],
    };
    const document: DiscoveryDocument = { format: '7.x', source: 'test', context: 'portal', document: raw, raw };
    expect(types(filterDocument(document, '/a/*'))).toEqual(['com.acme.A', 'com.acme.Owner', 'com.acme.Tag']);
    expect(types(filterDocument(document, 'b'))).toEqual(['com.acme.B']);
    expect(filterDocument(document, undefined)).toBe(document);
    expect(filterDocument(document, '/*')).toBe(document);
  });

  it('filters 6.2 and legacy documents by the same pattern', async ({ expect }) => {
    const [v62] = await discoverDocuments({ discovery: [fixture('6.2/portal.json')], filter: 'user' });
    const [legacy] = await discoverDocuments({ discovery: [fixture('legacy/portal.json')], filter: '/blogsentry' });
    if (v62 === undefined || legacy === undefined) throw new Error('no document');
    expect(new Set(paths(v62).map((path) => path.split('/')[1]))).toEqual(new Set(['user']));
    expect(new Set(paths(legacy).map((path) => path.split('/')[1]))).toEqual(new Set(['blogsentry']));
  });

  it('filters what a portal answered in full, as 7.x portals do whatever ?discover= asks', async ({ expect }) => {
    const portal = await startPortalServer(serveJson(await readFile(fixture('7.x/portal.json'), 'utf8')));
    try {
      const [document] = await discoverDocuments({ url: portal.url, filter: 'user' });
      if (document === undefined) throw new Error('no document');
      expect(portal.requests.map((request) => request.url)).toEqual(['/api/jsonws?discover=/user/*']);
      expect(new Set(paths(document).map((path) => path.split('/')[1]))).toEqual(new Set(['user']));
      expect(types(document)).toEqual(['com.liferay.portal.kernel.model.User']);
    } finally {
      await portal.close();
    }
  });
});
