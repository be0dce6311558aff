import { describe, expect, it } from 'vitest';
import type { DiscoveryDocument } from '../../src/discovery/formats/types.js';
import { buildApi } from '../../src/model/build-api.js';
import { actionsAt, contextNamed, fixture, parameterList } from './fixture-documents.js';

const PORTAL = 'fixtures/discovery/legacy/portal.json';
const api = buildApi([fixture('legacy', PORTAL)]);
const portal = contextNamed(api, 'portal');
const long = { kind: 'primitive', name: 'long' } as const;
const date = { kind: 'value', className: 'java.util.Date', value: 'date' } as const;

describe('legacy (6.0/6.1) documents', () => {
  it('has no version and no models', () => {
    expect(api.format).toBe('legacy');
    expect(api.portalVersion).toBeNull();
    expect(api.contexts.map((c) => [c.name, c.models.length])).toStrictEqual([['portal', 0]]);
  });

  it("names services from Liferay's table", () => {
    expect(portal.services.map((s) => [s.id, s.className, s.pathPrefix, s.actions.length])).toStrictEqual([
      ['assetentry', 'AssetEntry', '/assetentry', 1],
      ['blogsentry', 'BlogsEntry', '/blogsentry', 8],
      ['ddmstructure', 'DDMStructure', '/ddmstructure', 1],
      ['dlapp', 'DLApp', '/dlapp', 5],
      ['dlfileentry', 'DLFileEntry', '/dlfileentry', 1],
      ['group', 'Group', '/group', 3],
      ['layout', 'Layout', '/layout', 1],
      ['mbmessage', 'MBMessage', '/mbmessage', 1],
      ['user', 'User', '/user', 4],
    ]);
  });

  it('reads JVM type names', () => {
    const [exportLayouts] = actionsAt(portal, '/layout/export-layouts');
    expect(exportLayouts?.parameters.map((p) => p.type)).toStrictEqual([
      long,
      { kind: 'primitive', name: 'boolean' },
      { kind: 'array', element: long },
      { kind: 'map', key: null, value: null },
      date,
      date,
    ]);
    expect(exportLayouts?.returns).toStrictEqual({ type: { kind: 'byteArray' }, typeName: '[B' });
    const [bytes, file] = actionsAt(portal, '/dlapp/add-file-entry');
    expect(bytes?.parameters[7]).toStrictEqual({ name: 'bytes', type: { kind: 'byteArray' }, typeName: '[B' });
    expect(file?.parameters[7]).toStrictEqual({ name: 'file', type: { kind: 'file' }, typeName: 'java.io.File' });
    expect(actionsAt(portal, '/group/get-user-places')[0]?.parameters[0]?.type).toStrictEqual({
      kind: 'array',
      element: { kind: 'string' },
    });
  });

  it('builds an action field by field, without Java name or descriptions', () => {
    expect(actionsAt(portal, '/blogsentry/get-group-entries')).toContainEqual({
      path: '/blogsentry/get-group-entries',
      methodName: 'getGroupEntries',
      httpMethod: 'GET',
      parameters: [
        { name: 'groupId', type: long, typeName: 'long' },
        { name: 'displayDate', type: date, typeName: 'java.util.Date' },
        { name: 'status', type: { kind: 'primitive', name: 'int' }, typeName: 'int' },
        { name: 'start', type: { kind: 'primitive', name: 'int' }, typeName: 'int' },
        { name: 'end', type: { kind: 'primitive', name: 'int' }, typeName: 'int' },
      ],
      returns: { type: { kind: 'list', element: null }, typeName: 'java.util.List' },
      deprecated: false,
      source: { document: PORTAL, entry: 'actions[6]' },
    });
    expect(actionsAt(portal, '/blogsentry/get-group-entries').map(parameterList)).toStrictEqual([
      'groupId:long, status:int, max:int',
      'groupId:long, status:int, start:int, end:int',
      'groupId:long, displayDate:java.util.Date, status:int, start:int, end:int',
    ]);
  });

  it('uses serviceClass and name when a portal gives them', () => {
    const document: DiscoveryDocument = {
      format: 'legacy',
      source: 'legacy.json',
      context: '',
      document: {
        actions: [
          {
            path: '/foo/get-bar',
            parameters: [],
            response: 'void',
            serviceClass: 'com.example.service.FooBarServiceUtil',
            name: 'getBar',
          },
          { path: '/foo/get-baz', parameters: [], response: 'void', name: 'FooBar#getBaz' },
          { path: '/qux/get-quux', parameters: [], response: 'void' },
        ],
      },
    };
    const [foo, qux] = contextNamed(buildApi([document]), 'portal').services;
    expect(foo?.className).toBe('FooBar');
    expect(foo?.actions.map((a) => [a.javaName, a.httpMethod])).toStrictEqual([
      ['getBar', 'POST'],
      ['getBaz', 'POST'],
    ]);
    expect(qux?.className).toBe('Qux');
    expect(qux?.actions[0]).not.toHaveProperty('javaName');
  });
});
