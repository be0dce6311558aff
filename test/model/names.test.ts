import { describe, expect, it } from 'vitest';
import { ModelError } from '../../src/model/model-error.js';
import {
  assignServiceIds,
  classNameOfServiceClass,
  methodNameOf,
  serviceClassName,
  serviceNameOf,
  splitActionPath,
  splitJavaName,
} from '../../src/model/names.js';

describe('methodNameOf', () => {
  it.each([
    ['/blogsentry/get-group-entries', 'getGroupEntries'],
    ['/user/get-user-by-email-address', 'getUserByEmailAddress'],
    ['/calendar.calendarbooking/get-calendar-booking', 'getCalendarBooking'],
    ['/calendar.calendar/search', 'search'],
    ['/portal/get-build-number', 'getBuildNumber'],
    ['/backgroundtask.backgroundtask/get-background-task-status-json', 'getBackgroundTaskStatusJson'],
    ['/custom/deep/add-o-auth2-thing', 'addOAuth2Thing'],
    ['/x/get--double', 'getDouble'],
  ])('%s → %s', (path, expected) => {
    expect(methodNameOf(path)).toBe(expected);
  });
});

describe('splitActionPath', () => {
  it('gives the first and the last segment', () => {
    expect(splitActionPath('/calendar.calendarbooking/get-calendar-booking')).toStrictEqual({
      segment: 'calendar.calendarbooking',
      last: 'get-calendar-booking',
    });
    expect(splitActionPath('/a/b/c')).toStrictEqual({ segment: 'a', last: 'c' });
  });

  it.each(['', '/', '/blogsentry', 'blogsentry/get-entry', '/blogsentry/', '//get-entry', '/blogs entry/get-entry'])(
    'rejects %j',
    (path) => {
      expect(() => splitActionPath(path)).toThrow(
        new ModelError('model.invalid-path', `invalid action path ${JSON.stringify(path)}: expected "/service/action"`),
      );
    },
  );
});

describe('serviceNameOf', () => {
  it.each([
    ['blogsentry', 'blogsentry'],
    ['calendar.calendarbooking', 'calendarbooking'],
    ['calendar-portlet.calendarbooking', 'calendarbooking'],
    ['a.b.entry', 'entry'],
  ])('%s → %s', (segment, expected) => {
    expect(serviceNameOf(segment)).toBe(expected);
  });
});

describe('splitJavaName', () => {
  it.each([
    ['BlogsEntry#getGroupEntries', { javaClass: 'BlogsEntry', javaName: 'getGroupEntries' }],
    ['#getGroupEntries', { javaName: 'getGroupEntries' }],
    ['BlogsEntry#', { javaClass: 'BlogsEntry' }],
    ['getGroupEntries', {}],
    [undefined, {}],
  ])('%j', (name, expected) => {
    expect(splitJavaName(name)).toStrictEqual(expected);
  });
});

describe('classNameOfServiceClass', () => {
  it.each([
    ['com.liferay.portlet.blogs.service.BlogsEntryServiceUtil', 'BlogsEntry'],
    ['com.liferay.portlet.documentlibrary.service.DLAppService', 'DLApp'],
    ['com.liferay.portal.service.impl.UserServiceImpl', 'User'],
    ['Group', 'Group'],
  ])('%s → %s', (serviceClass, expected) => {
    expect(classNameOfServiceClass(serviceClass)).toBe(expected);
  });
});

describe('serviceClassName', () => {
  it('takes the class the actions name, the most common one first', () => {
    expect(serviceClassName('blogsentry', ['BlogsEntry', 'BlogsEntry'])).toBe('BlogsEntry');
    expect(serviceClassName('x', ['B', 'A', 'B'])).toBe('B');
  });

  it('breaks ties by code-unit order, whatever the order of the actions', () => {
    expect(serviceClassName('x', ['Zeta', 'Alpha'])).toBe('Alpha');
    expect(serviceClassName('x', ['Alpha', 'Zeta'])).toBe('Alpha');
  });

  it.each([
    ['dlapp', 'DLApp'],
    ['mbmessage', 'MBMessage'],
    ['dlfileentry', 'DLFileEntry'],
    ['ddmstructure', 'DDMStructure'],
    ['assetentry', 'AssetEntry'],
    ['blogsentry', 'BlogsEntry'],
    ['journalarticle', 'JournalArticle'],
    ['mdrrulegroupinstance', 'MDRRuleGroupInstance'],
    ['sapentry', 'SAPEntry'],
    ['orglabor', 'OrgLabor'],
    ['commentmanagerjsonws', 'CommentManagerJSONWS'],
    ['calendarbooking', 'CalendarBooking'],
    ['user', 'User'],
  ])('knows Liferay service %s → %s', (id, expected) => {
    expect(serviceClassName(id, [])).toBe(expected);
  });

  it('capitalises unknown services', () => {
    expect(serviceClassName('foobarentry', [])).toBe('Foobarentry');
  });
});

describe('assignServiceIds', () => {
  const ids = (segments: string[]): Record<string, string> => Object.fromEntries(assignServiceIds(segments));

  it('uses the service name when it is unique', () => {
    expect(ids(['blogsentry', 'calendar.calendarbooking', 'calendar.calendar'])).toStrictEqual({
      blogsentry: 'blogsentry',
      'calendar.calendarbooking': 'calendarbooking',
      'calendar.calendar': 'calendar',
    });
  });

  it('keeps the plain segment and dashes the prefixed ones on a collision', () => {
    expect(ids(['x.entry', 'entry'])).toStrictEqual({ entry: 'entry', 'x.entry': 'x-entry' });
    expect(ids(['entry', 'x.entry'])).toStrictEqual({ entry: 'entry', 'x.entry': 'x-entry' });
  });

  it('dashes every prefixed segment when none is plain', () => {
    expect(ids(['b.entry', 'a.entry', 'c.other'])).toStrictEqual({
      'a.entry': 'a-entry',
      'b.entry': 'b-entry',
      'c.other': 'other',
    });
  });

  it('counts each segment once', () => {
    expect(ids(['a.entry', 'a.entry'])).toStrictEqual({ 'a.entry': 'entry' });
  });

  it('fails when a dashed id meets a plain segment of that name', () => {
    expect(() => assignServiceIds(['a-entry', 'a.entry', 'b.entry'])).toThrow(
      new ModelError('model.service-id-collision', 'services "/a-entry" and "/a.entry" both need the id "a-entry"'),
    );
  });
});
