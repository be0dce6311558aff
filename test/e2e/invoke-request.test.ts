/**
 * The request a built client sends, with a plugin context's package (7.x calendar): where it goes, its
 * headers and authentication, and module paths such as /calendar.calendarbooking/... on the wire.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPortalServer, type PortalServer } from '../helpers/portal-server.js';
import { buildPackage, methodOf, serviceClass, type ClientRuntime } from './built-package.js';
import { echoInvoke } from './invoke-portal.js';

type Client = ClientRuntime & Record<string, unknown>;
type SessionOptions = ConstructorParameters<Client['Session']>[0];

let client: Client;
let portal: PortalServer;
beforeAll(async () => {
  client = await (await buildPackage('fixtures/discovery/7.x/plugin-calendar.json', 'request-v7-calendar')).main();
});
beforeEach(async () => {
  portal = await startPortalServer(echoInvoke);
});
afterEach(async () => {
  await portal.close();
});

/** Calls /calendar.calendarbooking/get-calendar-booking once on a new session and returns its result. */
async function getBooking(options: Omit<SessionOptions, 'server'> = {}, server = portal.url): Promise<unknown> {
  const session = new client.Session({ server, ...options });
  try {
    return await methodOf(
      new (serviceClass(client, 'CalendarBookingService'))(session),
      'getCalendarBooking',
    )({ calendarBookingId: 5 });
  } finally {
    await session.close();
  }
}

describe('the request of a call', () => {
  it('is a POST of UTF-8 JSON to /api/jsonws/invoke with only the headers it needs', async () => {
    const result = await getBooking();
    const body = '[{"/calendar.calendarbooking/get-calendar-booking":{"calendarBookingId":5}}]';
    expect(portal.requests.map((request) => [request.method, request.url, request.body])).toEqual([
      ['POST', '/api/jsonws/invoke', body],
    ]);
    const headers = portal.requests[0]?.headers ?? {};
    expect(headers['content-type']).toBe('application/json; charset=utf-8');
    expect(headers['content-length']).toBe(String(Buffer.byteLength(body)));
    // undici's Agent, resolved from the project's node_modules, sends no fetch headers (user-agent, ...).
    expect(Object.keys(headers).sort()).toEqual(['connection', 'content-length', 'content-type', 'host']);
    expect(result).toEqual({
      path: '/calendar.calendarbooking/get-calendar-booking',
      parameters: { calendarBookingId: 5 },
    });
  });

  it('keeps a path prefix of the server and a custom JSON web services path', async () => {
    await getBooking({ jsonwsPath: '/api/secure/jsonws/' }, `${portal.url}/portal/`);
    expect(portal.requests.map((request) => request.url)).toEqual(['/portal/api/secure/jsonws/invoke']);
  });

  it('carries HTTP Basic credentials of a BasicAuthentication', async () => {
    await getBooking({ authentication: new client.BasicAuthentication('test@liferay.com', 'pässwörd:1') });
    expect(portal.requests[0]?.headers['authorization']).toBe(
      `Basic ${Buffer.from('test@liferay.com:pässwörd:1').toString('base64')}`,
    );
  });

  it('carries the token of a BearerAuthentication', async () => {
    await getBooking({ authentication: new client.BearerAuthentication('eyJ0.payload.sig') });
    expect(portal.requests[0]?.headers['authorization']).toBe('Bearer eyJ0.payload.sig');
  });
});

describe('a plugin context call', () => {
  it('sends its module path, long[], map<string,string> and a ServiceContext', async () => {
    const session = new client.Session({ server: portal.url });
    const bookings = new (serviceClass(client, 'CalendarBookingService'))(session);
    const booking = {
      calendarId: 7,
      childCalendarIds: [8, 9],
      parentCalendarBookingId: 0,
      titleMap: { en_US: 'Standup', de_DE: 'Stand-up' },
    };
    const times = {
      descriptionMap: {},
      location: '',
      startTime: 1700000000000,
      endTime: 1700000900000,
      allDay: false,
      recurrence: '',
    };
    const reminders = { firstReminder: 0, firstReminderType: 'email', secondReminder: 0, secondReminderType: 'email' };
    await methodOf(
      bookings,
      'addCalendarBooking',
    )({ ...booking, ...times, ...reminders, serviceContext: { scopeGroupId: 20, userId: 20139 } });
    await session.close();
    expect(portal.requests[0]?.body).toBe(
      '[{"/calendar.calendarbooking/add-calendar-booking":{"calendarId":7,"childCalendarIds":[8,9],"parentCalendarBookingId":0,' +
        '"titleMap":{"en_US":"Standup","de_DE":"Stand-up"},"descriptionMap":{},"location":"","startTime":1700000000000,' +
        '"endTime":1700000900000,"allDay":false,"recurrence":"","firstReminder":0,"firstReminderType":"email","secondReminder":0,' +
        '"secondReminderType":"email","+serviceContext":"com.liferay.portal.kernel.service.ServiceContext",' +
        '"serviceContext.scopeGroupId":20,"serviceContext.userId":20139}}]',
    );
  });
});
