/**
 * JDK value classes and Liferay enums through a built package, against the mock behind a recording proxy:
 * the exact wire form of each (BigDecimal as the number or text given, a Date as milliseconds, an enum
 * constant's name as it is), in sync style, callback style, a batch and an upload, and the portal's answer.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseMultipart, fieldsOf } from '../runtime/multipart.js';
import { buildPackage, serviceClass, type ClientRuntime, type ServiceMethod } from './built-package.js';
import { startRecordingPortal, type RecordingPortal } from './recording-proxy.js';

const FIXTURE = 'fixtures/discovery/7.x/value-classes.json';
type Client = ClientRuntime & Record<string, unknown>;

let sync: Client;
let callback: Client;
let portal: RecordingPortal;
let session: InstanceType<Client['Session']>;
beforeAll(async () => {
  const built = await buildPackage(FIXTURE, 'values-wire');
  [sync, callback] = await Promise.all([built.main(), built.callback()]);
  portal = await startRecordingPortal(FIXTURE);
});
afterAll(() => portal.close());
beforeEach(() => {
  session = new sync.Session({ server: portal.proxy.url });
});
afterEach(() => session.close());

const values = (module: Client, invoker: unknown): Record<string, ServiceMethod> => new (serviceClass(module, 'ValuesService'))(invoker);
const january = new Date(Date.UTC(2024, 0, 1));
const ms = january.getTime();
const lastBody = (): string => portal.proxy.requests.at(-1)?.body ?? '';

describe('value classes through a generated package', () => {
  it('sends a BigDecimal and a BigInteger as the number or the exact text given, never as +name (sync style)', async () => {
    const parameters = { commercePriceEntryId: 7, price: '12345678901234567890.123456789', promoPrice: 9.99, quantity: '98765432109876543210' };
    const result = await values(sync, session).setPrice?.(parameters);
    expect(lastBody()).toBe(`[{"/values/set-price":${JSON.stringify(parameters)}}]`);
    expect(typeof result).toBe('number');
  });

  it('sends Dates (for a Date, a Calendar and in an array) as milliseconds (callback style)', async () => {
    const result = await new Promise((resolve, reject) => {
      values(callback, session).schedule?.({ startDate: january, endDate: january, reminders: [january, 5] }, { onSuccess: resolve, onFailure: reject });
    });
    expect(JSON.parse(lastBody())).toEqual([{ '/values/schedule': { startDate: ms, endDate: ms, reminders: [ms, 5] } }]);
    expect(typeof result).toBe('number');
  });

  it('sends text, an enum constant, an object with a Date field, dates in a map and any JSON value in one batch', async () => {
    const results = await session.batch((batch) => [
      values(sync, batch).localize?.({ locale: 'pt_BR', timeZone: 'Europe/Lisbon' }),
      values(sync, batch).checkIn?.({ fileEntryId: 1, dlVersionNumberIncrease: 'MAJOR', changeLog: 'fixed' }),
      values(sync, batch).countEntries?.({ groupId: 20, queryDefinition: { status: 0, start: 0, end: 20, since: january } }),
      values(sync, batch).updateSettings?.({ settings: { from: january }, value: { any: [1, 'two'] } }),
    ]);
    expect(JSON.parse(lastBody())).toEqual([
      { '/values/localize': { locale: 'pt_BR', timeZone: 'Europe/Lisbon' } },
      { '/values/check-in': { fileEntryId: 1, dlVersionNumberIncrease: 'MAJOR', changeLog: 'fixed' } },
      {
        '/values/count-entries': {
          groupId: 20,
          '+queryDefinition': 'com.liferay.portal.kernel.dao.orm.QueryDefinition',
          'queryDefinition.status': 0,
          'queryDefinition.start': 0,
          'queryDefinition.end': 20,
          'queryDefinition.since': ms,
        },
      },
      { '/values/update-settings': { settings: { from: ms }, value: { any: [1, 'two'] } } },
    ]);
    expect(portal.lines.at(-1)).toBe('POST /api/jsonws/invoke 200 /values/localize /values/check-in /values/count-entries /values/update-settings');
    expect(results[0]).toBe('en_US');
    expect(typeof results[2]).toBe('number');
  });

  it('sends a Date, a BigDecimal and an enum constant as the form fields of an upload', async () => {
    const file = new TextEncoder().encode('hello');
    const result = await values(sync, session).upload?.({ fileEntryId: 3, displayDate: january, price: '10.50', dlVersionNumberIncrease: 'MINOR', file });
    const request = portal.proxy.requests.at(-1);
    expect(request?.url).toBe('/api/jsonws/values/upload');
    const fields = fieldsOf(parseMultipart(request?.headers ?? {}, request?.rawBody ?? Buffer.alloc(0)));
    expect(fields).toEqual([
      ['fileEntryId', '3'],
      ['displayDate', String(ms)],
      ['price', '10.50'],
      ['dlVersionNumberIncrease', 'MINOR'],
    ]);
    expect(result).toMatchObject({ fileEntryId: 3 });
  });

  it('gets the portal\'s own error for what it cannot convert: a BigDecimal wrapper, a Date as ISO text', async () => {
    const wrapped = values(sync, session).setPrice?.({ commercePriceEntryId: 7, price: sync.withClassName('java.math.BigDecimal', {}), promoPrice: null, quantity: 1 });
    await expect(wrapped).rejects.toMatchObject({ type: 'java.lang.InstantiationException', message: 'java.math.BigDecimal' });
    expect(JSON.parse(lastBody())).toEqual([{ '/values/set-price': { commercePriceEntryId: 7, '+price': 'java.math.BigDecimal', promoPrice: null, quantity: 1 } }]);
    const iso = values(sync, session).schedule?.({ startDate: january.toISOString(), endDate: null, reminders: null });
    await expect(iso).rejects.toBeInstanceOf(sync.ServerError);
    await expect(iso).rejects.toMatchObject({ type: 'java.lang.ClassCastException' });
  });
});
