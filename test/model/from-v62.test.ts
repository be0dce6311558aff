import { describe, expect, it } from 'vitest';
import { buildApi } from '../../src/model/build-api.js';
import { actionsAt, contextNamed, fixture, parameterList } from './fixture-documents.js';

const PORTAL = 'fixtures/discovery/6.2/portal.json';
const PLUGIN = 'fixtures/discovery/6.2/plugin-calendar-portlet.json';
const api = buildApi([fixture('6.2', PLUGIN, 'calendar-portlet'), fixture('6.2', PORTAL)]);
const portal = contextNamed(api, 'portal');
const plugin = contextNamed(api, 'calendar-portlet');

describe('6.2 documents', () => {
  it('gives the format, the version and the contexts', () => {
    expect(api.format).toBe('6.2');
    expect(api.portalVersion).toBe('6.2.5');
    expect(api.contexts.map((context) => context.name)).toStrictEqual(['calendar-portlet', 'portal']);
  });

  it('groups the actions into services named from the ids', () => {
    expect(portal.services.map((s) => [s.id, s.className, s.pathPrefix, s.actions.length])).toStrictEqual([
      ['blogsentry', 'BlogsEntry', '/blogsentry', 8],
      ['dlapp', 'DLApp', '/dlapp', 7],
      ['dlfileentry', 'DLFileEntry', '/dlfileentry', 1],
      ['group', 'Group', '/group', 7],
      ['layout', 'Layout', '/layout', 1],
      ['user', 'User', '/user', 3],
    ]);
    expect(plugin.services.map((s) => [s.id, s.className, s.pathPrefix, s.actions.length])).toStrictEqual([
      ['calendar', 'Calendar', '/calendar-portlet.calendar', 2],
      ['calendarbooking', 'CalendarBooking', '/calendar-portlet.calendarbooking', 4],
    ]);
  });

  it('keeps the four get-group-entries overloads apart, in order', () => {
    expect(actionsAt(portal, '/blogsentry/get-group-entries').map(parameterList)).toStrictEqual([
      'groupId:long, status:int, max:int',
      'groupId:long, status:int, start:int, end:int',
      'groupId:long, displayDate:long, status:int, start:int, end:int',
      'groupId:long, status:int, start:int, end:int, obc:com.liferay.portal.kernel.util.OrderByComparator',
    ]);
  });

  it('builds a described action field by field', () => {
    expect(actionsAt(portal, '/user/get-user-by-email-address')).toStrictEqual([
      {
        path: '/user/get-user-by-email-address',
        methodName: 'getUserByEmailAddress',
        javaName: 'getUserByEmailAddress',
        httpMethod: 'GET',
        parameters: [
          {
            name: 'companyId',
            type: { kind: 'primitive', name: 'long' },
            typeName: 'long',
            description: "the primary key of the user's company",
          },
          {
            name: 'emailAddress',
            type: { kind: 'string' },
            typeName: 'string',
            description: "the user's email address",
          },
        ],
        returns: {
          type: { kind: 'object', className: 'com.liferay.portal.model.User', typeArguments: [] },
          typeName: 'com.liferay.portal.model.User',
          description: 'the user with the email address',
        },
        description: '<p>Returns the user with the email address.</p>',
        deprecated: false,
        source: { document: PORTAL, entry: 'services[25]' },
      },
    ]);
  });

  it('reads 6.2 types: raw comparators, streams, locales, boxed lists', () => {
    const addEntry = actionsAt(portal, '/blogsentry/add-entry')[0];
    expect(addEntry?.parameters[14]?.type).toStrictEqual({
      kind: 'value',
      className: 'java.io.InputStream',
      value: 'json',
    });
    expect(addEntry?.parameters[15]?.typeName).toBe('com.liferay.portal.service.ServiceContext');
    expect(actionsAt(portal, '/dlapp/get-subfolder-ids')[0]?.returns.type).toStrictEqual({
      kind: 'list',
      element: { kind: 'primitive', name: 'long' },
    });
    const addBooking = actionsAt(plugin, '/calendar-portlet.calendarbooking/add-calendar-booking')[0];
    expect(addBooking?.parameters[3]?.type).toStrictEqual({
      kind: 'map',
      key: { kind: 'value', className: 'java.util.Locale', value: 'text' },
      value: { kind: 'string' },
    });
  });

  it('marks the deprecated action and keeps its HTML description', () => {
    const [userPlaces] = actionsAt(portal, '/group/get-user-places');
    expect(userPlaces?.deprecated).toBe(true);
    expect(userPlaces?.description).toBe(
      "<p>Returns the user's groups &quot;sites&quot;.</p>\n<p><strong>Deprecated</strong> As of 6.2.0, replaced by <code>getUserSitesGroups(String[], int)</code></p>",
    );
    expect(
      portal.services
        .flatMap((s) => s.actions)
        .filter((a) => a.deprecated)
        .map((a) => a.path),
    ).toStrictEqual(['/group/get-user-places']);
  });

  it('describes the models, interfaces only when flagged', () => {
    expect(portal.models.map((m) => [m.simpleName, m.isInterface, m.properties.length])).toStrictEqual([
      ['FileEntry', true, 7],
      ['Group', false, 7],
      ['User', false, 7],
      ['BlogsEntry', false, 8],
      ['DLFileEntry', false, 7],
    ]);
    expect(portal.models.map((m) => m.className)).toStrictEqual([
      'com.liferay.portal.kernel.repository.model.FileEntry',
      'com.liferay.portal.model.Group',
      'com.liferay.portal.model.User',
      'com.liferay.portlet.blogs.model.BlogsEntry',
      'com.liferay.portlet.documentlibrary.model.DLFileEntry',
    ]);
  });
});
