import { describe, expect, it } from 'vitest';
import { buildDiscoverUrl, type DiscoverTarget } from '../../src/discovery/build-discover-url.js';

const portal = 'http://localhost:8080';
const cases: [string, string, DiscoverTarget, string][] = [
  [
    'all portal services',
    portal,
    { jsonwsPath: 'api/jsonws', context: 'portal' },
    'http://localhost:8080/api/jsonws?discover=/*',
  ],
  [
    'trailing slash on the portal',
    `${portal}/`,
    { jsonwsPath: 'api/jsonws', context: 'portal' },
    'http://localhost:8080/api/jsonws?discover=/*',
  ],
  [
    'path prefix',
    `${portal}/liferay/`,
    { jsonwsPath: '/api/jsonws/', context: 'portal' },
    'http://localhost:8080/liferay/api/jsonws?discover=/*',
  ],
  [
    '6.1 secure path',
    portal,
    { jsonwsPath: 'api/secure/jsonws', context: 'portal' },
    'http://localhost:8080/api/secure/jsonws?discover=/*',
  ],
  [
    'filter',
    portal,
    { jsonwsPath: 'api/jsonws', filter: 'blogsentry', context: 'portal' },
    'http://localhost:8080/api/jsonws?discover=/blogsentry/*',
  ],
  [
    'filter given as a pattern',
    portal,
    { jsonwsPath: 'api/jsonws', filter: '/blogsentry/*', context: 'portal' },
    'http://localhost:8080/api/jsonws?discover=/blogsentry/*',
  ],
  [
    'empty filter',
    portal,
    { jsonwsPath: 'api/jsonws', filter: '', context: 'portal' },
    'http://localhost:8080/api/jsonws?discover=/*',
  ],
  [
    'filter with a module prefix',
    portal,
    { jsonwsPath: 'api/jsonws', filter: 'bookmarks.bookmarksentry', context: 'portal' },
    'http://localhost:8080/api/jsonws?discover=/bookmarks.bookmarksentry/*',
  ],
  [
    'plugin context',
    portal,
    { jsonwsPath: 'api/jsonws', context: 'calendar-portlet' },
    'http://localhost:8080/api/jsonws?discover=/*&contextName=calendar-portlet&contextPath=/calendar-portlet',
  ],
  [
    'filter and context, with characters to encode',
    portal,
    { jsonwsPath: 'api/jsonws', filter: 'a b', context: 'my&plugin' },
    'http://localhost:8080/api/jsonws?discover=/a%20b/*&contextName=my%26plugin&contextPath=/my%26plugin',
  ],
];

describe('buildDiscoverUrl', () => {
  it.each(cases)('%s', (_name, base, target, want) => {
    expect(buildDiscoverUrl(new URL(base), target).href).toBe(want);
  });
});
