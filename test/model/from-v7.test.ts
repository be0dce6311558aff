import { describe, expect, it } from 'vitest';
import { buildApi } from '../../src/model/build-api.js';
import type { Action } from '../../src/model/types.js';
import { actionsAt, contextNamed, fixture, parameterList, serviceNamed } from './fixture-documents.js';

const PORTAL = 'fixtures/discovery/7.x/portal.json';
const api = buildApi([
  fixture('7.x', PORTAL),
  fixture('7.x', 'fixtures/discovery/7.x/plugin-calendar.json', 'calendar'),
]);
const portal = contextNamed(api, 'portal');
const calendar = contextNamed(api, 'calendar');
const BLOGS_ENTRY = 'com.liferay.blogs.kernel.model.BlogsEntry';

describe('7.x documents', () => {
  it('gives the format, the version and the contexts sorted by name', () => {
    expect(api.format).toBe('7.x');
    expect(api.portalVersion).toBe('7.0.6');
    expect(api.contexts.map((context) => context.name)).toStrictEqual(['calendar', 'portal']);
  });

  it('groups the portal actions into services', () => {
    expect(portal.services.map((s) => [s.id, s.className, s.pathPrefix, s.actions.length])).toStrictEqual([
      ['blogsentry', 'BlogsEntry', '/blogsentry', 8],
      ['contact', 'Contact', '/contact', 1],
      ['dlapp', 'DLApp', '/dlapp', 8],
      ['dlfileentry', 'DLFileEntry', '/dlfileentry', 2],
      ['group', 'Group', '/group', 7],
      ['layout', 'Layout', '/layout', 1],
      ['user', 'User', '/user', 4],
    ]);
  });

  it('keeps module prefixes in pathPrefix only', () => {
    expect(calendar.services.map((s) => [s.id, s.className, s.pathPrefix, s.actions.length])).toStrictEqual([
      ['calendar', 'Calendar', '/calendar.calendar', 3],
      ['calendarbooking', 'CalendarBooking', '/calendar.calendarbooking', 5],
      ['calendarresource', 'CalendarResource', '/calendar.calendarresource', 1],
    ]);
    expect(actionsAt(calendar, '/calendar.calendarbooking/get-calendar-booking').map(parameterList)).toStrictEqual([
      'calendarBookingId:long',
      'calendarId:long, parentCalendarBookingId:long',
    ]);
  });

  it('sorts overloads by parameter count, then names', () => {
    expect(actionsAt(portal, '/blogsentry/get-group-entries').map(parameterList)).toStrictEqual([
      'groupId:long, status:int, start:int, end:int',
      'groupId:long, displayDate:long, status:int, start:int, end:int',
      `groupId:long, status:int, start:int, end:int, obc:com.liferay.portal.kernel.util.OrderByComparator<${BLOGS_ENTRY}>`,
    ]);
    const [bytes, file] = actionsAt(portal, '/dlapp/add-file-entry');
    expect([bytes?.parameters[7]?.name, bytes?.parameters[7]?.type]).toStrictEqual(['bytes', { kind: 'byteArray' }]);
    expect([file?.parameters[7]?.name, file?.parameters[7]?.type]).toStrictEqual(['file', { kind: 'file' }]);
  });

  it('builds an action with descriptions field by field', () => {
    const expected: Action = {
      path: '/blogsentry/get-entry',
      methodName: 'getEntry',
      javaName: 'getEntry',
      httpMethod: 'GET',
      parameters: [
        {
          name: 'entryId',
          type: { kind: 'primitive', name: 'long' },
          typeName: 'long',
          description: 'the primary key of the blogs entry',
        },
      ],
      returns: {
        type: { kind: 'object', className: BLOGS_ENTRY, typeArguments: [] },
        typeName: BLOGS_ENTRY,
        description: 'the <code>BlogsEntry</code>',
      },
      description: '<p>Returns the <code>BlogsEntry</code> with the primary key.</p>',
      deprecated: false,
      source: { document: PORTAL, entry: 'services[2]' },
    };
    expect(actionsAt(portal, '/blogsentry/get-entry')[0]).toStrictEqual(expected);
    expect(actionsAt(portal, '/blogsentry/get-entry')[1]).not.toHaveProperty('description');
  });

  it('parses object, generic, array, list and map parameters', () => {
    const addEntry = actionsAt(portal, '/blogsentry/add-entry')[0];
    expect(addEntry?.httpMethod).toBe('POST');
    expect(addEntry?.parameters[11]?.type).toStrictEqual({ kind: 'array', element: { kind: 'string' } });
    expect(addEntry?.parameters[13]?.type).toStrictEqual({
      kind: 'object',
      className: 'com.liferay.portal.kernel.servlet.taglib.ui.ImageSelector',
      typeArguments: [],
    });
    const addUser = actionsAt(portal, '/user/add-user')[1];
    expect(addUser?.parameters[20]).toStrictEqual({
      name: 'groupIds',
      type: { kind: 'array', element: { kind: 'primitive', name: 'long' } },
      typeName: 'long[]',
    });
    expect(addUser?.parameters[24]?.type).toStrictEqual({
      kind: 'list',
      element: { kind: 'object', className: 'com.liferay.portal.kernel.model.Address', typeArguments: [] },
    });
    const addGroup = actionsAt(portal, '/group/add-group')[0];
    expect(addGroup?.parameters[2]?.type).toStrictEqual({
      kind: 'map',
      key: { kind: 'string' },
      value: { kind: 'string' },
    });
  });

  it('marks deprecated actions and keeps HTML descriptions raw', () => {
    expect(
      actionsAt(portal, '/group/get-user-sites-groups').map((a) => [a.parameters.length, a.deprecated]),
    ).toStrictEqual([
      [0, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    const exportLayouts = actionsAt(portal, '/layout/export-layouts')[0];
    expect(exportLayouts?.deprecated).toBe(true);
    expect(exportLayouts?.description).toBe(
      '<p>Exports the layouts that match the primary keys and the criteria as a byte array.</p>\n<p><strong>Deprecated</strong> As of 7.0.0, replaced by <code>ExportImportService#exportLayouts</code></p>',
    );
    expect(exportLayouts?.returns).toStrictEqual({ type: { kind: 'byteArray' }, typeName: 'byte[]' });
    expect(exportLayouts?.parameters[3]?.type).toStrictEqual({
      kind: 'map',
      key: { kind: 'string' },
      value: { kind: 'array', element: { kind: 'string' } },
    });
  });

  it('describes the models from types', () => {
    expect(portal.models.map((m) => [m.className, m.simpleName, m.isInterface, m.properties.length])).toStrictEqual([
      [BLOGS_ENTRY, 'BlogsEntry', true, 9],
      ['com.liferay.document.library.kernel.model.DLFileEntry', 'DLFileEntry', true, 9],
      ['com.liferay.portal.kernel.model.Contact', 'Contact', true, 7],
      ['com.liferay.portal.kernel.model.Group', 'Group', true, 8],
      ['com.liferay.portal.kernel.model.User', 'User', true, 9],
      ['com.liferay.portal.kernel.repository.model.FileEntry', 'FileEntry', true, 9],
    ]);
    expect(portal.models[3]?.properties[4]).toStrictEqual({
      name: 'nameMap',
      type: {
        kind: 'map',
        key: { kind: 'value', className: 'java.util.Locale', value: 'text' },
        value: { kind: 'string' },
      },
      typeName: 'map<java.util.Locale,string>',
    });
    expect(calendar.models.map((m) => m.simpleName)).toStrictEqual(['Calendar', 'CalendarBooking']);
  });

  it('names methods as the Mobile SDK does and keeps Java names', () => {
    const user = serviceNamed(portal, 'user');
    expect(user.actions.map((a) => [a.methodName, a.javaName])).toStrictEqual([
      ['addUser', 'addUser'],
      ['addUser', 'addUser'],
      ['getUserByEmailAddress', 'getUserByEmailAddress'],
      ['getUserById', 'getUserById'],
    ]);
  });
});
