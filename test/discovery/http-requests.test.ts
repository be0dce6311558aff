import { afterEach, describe, expect, it } from 'vitest';
import { type DiscoveryEvent, discoverDocuments } from '../../src/discovery/index.js';
import { type PortalServer, serveJson, startPortalServer } from '../helpers/portal-server.js';
import { v7Document } from './sample-documents.js';

let portal: PortalServer;
afterEach(async () => {
  await portal.close();
});

async function startPortal(): Promise<PortalServer> {
  portal = await startPortalServer(serveJson(v7Document));
  return portal;
}

describe('the discovery request', () => {
  it('asks for every service of the portal, as JSON, without credentials', async () => {
    await startPortal();
    const [discovered] = await discoverDocuments({ url: portal.url });
    expect(portal.requests.map(({ method, url }) => [method, url])).toEqual([['GET', '/api/jsonws?discover=/*']]);
    expect(portal.requests[0]?.headers['accept']).toBe('application/json');
    expect(portal.requests[0]?.headers['authorization']).toBeUndefined();
    expect(discovered?.source).toBe(`${portal.url}/api/jsonws?discover=/*`);
  });

  it('asks one document per context, in order, with the filter, contextName and contextPath', async () => {
    await startPortal();
    const documents = await discoverDocuments({
      url: portal.url,
      filter: 'calendarbooking',
      contexts: ['portal', 'calendar-portlet', 'bookmarks'],
    });
    expect(portal.requests.map((request) => request.url)).toEqual([
      '/api/jsonws?discover=/calendarbooking/*',
      '/api/jsonws?discover=/calendarbooking/*&contextName=calendar-portlet&contextPath=/calendar-portlet',
      '/api/jsonws?discover=/calendarbooking/*&contextName=bookmarks&contextPath=/bookmarks',
    ]);
    expect(documents.map((document) => document.context)).toEqual(['portal', 'calendar-portlet', 'bookmarks']);
  });

  it('treats an empty context name as the portal', async () => {
    await startPortal();
    const documents = await discoverDocuments({ url: portal.url, contexts: [''] });
    expect(portal.requests.map((request) => request.url)).toEqual(['/api/jsonws?discover=/*']);
    expect(documents.map((document) => document.context)).toEqual(['portal']);
  });

  it('keeps the path prefix of the portal URL and uses the given JSON web services path', async () => {
    await startPortal();
    await discoverDocuments({ url: `${portal.url}/liferay/`, jsonwsPath: 'api/secure/jsonws' });
    expect(portal.requests.map((request) => request.url)).toEqual(['/liferay/api/secure/jsonws?discover=/*']);
  });

  it('sends HTTP Basic credentials from user and password', async () => {
    await startPortal();
    await discoverDocuments({ url: portal.url, credentials: { user: 'test@liferay.com', password: 'p@ss:wörd' } });
    expect(portal.requests[0]?.headers['authorization']).toBe('Basic dGVzdEBsaWZlcmF5LmNvbTpwQHNzOnfDtnJk');
  });

  it('sends a Bearer token', async () => {
    await startPortal();
    await discoverDocuments({ url: portal.url, credentials: { token: 'eyJhbGciOi.payload.signature' } });
    expect(portal.requests[0]?.headers['authorization']).toBe('Bearer eyJhbGciOi.payload.signature');
  });

  it('takes credentials written in the URL and keeps them out of the source', async () => {
    await startPortal();
    const [discovered] = await discoverDocuments({ url: portal.url.replace('//', '//joe:s%40cret@') });
    expect(portal.requests[0]?.headers['authorization']).toBe('Basic am9lOnNAY3JldA==');
    expect(discovered?.source).toBe(`${portal.url}/api/jsonws?discover=/*`);
  });

  it('prefers the credentials option over credentials in the URL', async () => {
    await startPortal();
    await discoverDocuments({ url: portal.url.replace('//', '//joe:s%40cret@'), credentials: { token: 'tok' } });
    expect(portal.requests[0]?.headers['authorization']).toBe('Bearer tok');
  });

  it('reports the request and the response status', async () => {
    await startPortal();
    const events: DiscoveryEvent[] = [];
    await discoverDocuments({ url: portal.url, onEvent: (event) => events.push(event) });
    const url = `${portal.url}/api/jsonws?discover=/*`;
    expect(events).toEqual([
      { kind: 'request', url, attempt: 1 },
      { kind: 'response', url, status: 200, attempt: 1 },
    ]);
  });

  it('returns a document with an empty service list', async () => {
    portal = await startPortalServer(serveJson({ contextName: '', services: [], types: [] }));
    const documents = await discoverDocuments({ url: portal.url });
    expect(documents).toEqual([
      {
        format: '7.x',
        context: 'portal',
        source: `${portal.url}/api/jsonws?discover=/*`,
        document: { contextName: '', services: [], types: [] },
        raw: { contextName: '', services: [], types: [] },
      },
    ]);
  });
});
