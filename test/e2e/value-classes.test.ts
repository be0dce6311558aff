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

const values = (module: Client, invoker: unknown): Record<string, ServiceMethod> =>
  new (serviceClass(module, 'ValuesService'))(invoker);
const january = new Date(Date.UTC(2024, 0, 1));
const ms = january.getTime();
const lastBody = (): string => portal.proxy.requests.at(-1)?.body ?? '';

/** [what, method, parameters, what goes on the wire]: one call per kind of value. */
const cases: readonly (readonly [string, string, Record<string, unknown>, Record<string, unknown>])[] = [
  [
    'a BigDecimal and a BigInteger as the number or the exact text given, never as +name',
    'setPrice',
    {
      commercePriceEntryId: 7,
      price: '12345678901234567890.123456789',
      promoPrice: 9.99,
      quantity: '98765432109876543210',
    },
    {
      commercePriceEntryId: 7,
      price: '12345678901234567890.123456789',
      promoPrice: 9.99,
      quantity: '98765432109876543210',
    },
  ],
  ['BigDecimals in a list', 'getPrices', { prices: [1.5, '2.50'] }, { prices: [1.5, '2.50'] }],
  [
    'a Date, a Calendar and Dates in an array as milliseconds',
    'schedule',
    { startDate: january, endDate: january, reminders: [january, 5] },
    { startDate: ms, endDate: ms, reminders: [ms, 5] },
  ],
  [
    'a Locale and a TimeZone as text',
    'localize',
    { locale: 'pt_BR', timeZone: 'Europe/Lisbon' },
    { locale: 'pt_BR', timeZone: 'Europe/Lisbon' },
  ],
  [
    'an enum constant as it is, without a ServiceContext left out',
    'checkIn',
    { fileEntryId: 1, dlVersionNumberIncrease: 'MAJOR', changeLog: 'fixed' },
    { fileEntryId: 1, dlVersionNumberIncrease: 'MAJOR', changeLog: 'fixed' },
  ],
  [
    'a QueryDefinition as +name and its fields, a Date field as milliseconds',
    'countEntries',
    { groupId: 20, queryDefinition: { status: 0, start: 0, end: 20, since: january } },
    {
      groupId: 20,
      '+queryDefinition': 'com.liferay.portal.kernel.dao.orm.QueryDefinition',
      'queryDefinition.status': 0,
      'queryDefinition.start': 0,
      'queryDefinition.end': 20,
      'queryDefinition.since': ms,
    },
  ],
  [
    'Dates in a map, and an Object as the JSON it is',
    'updateSettings',
    { settings: { from: january }, value: { any: [1, 'two'] } },
    { settings: { from: ms }, value: { any: [1, 'two'] } },
  ],
];

const path = (method: string): string => `/values/${method.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

describe.each(['sync', 'callback', 'batch'] as const)(
  'value classes through a generated package, in %s style',
  (style) => {
    /** Calls `method` in the style under test; resolves with its result once the portal answered. */
    function call(method: string, parameters: object): Promise<unknown> {
      if (style === 'sync') return values(sync, session)[method]?.(parameters) as Promise<unknown>;
      if (style === 'callback') {
        return new Promise((resolve, reject) => {
          values(callback, session)[method]?.(parameters, { onSuccess: resolve, onFailure: reject });
        });
      }
      return session.batch((batch) => [values(sync, batch)[method]?.(parameters)]).then(([result]) => result);
    }

    it.each(cases)('sends %s, and the portal takes it', async (_what, method, parameters, wire) => {
      await call(method, parameters);
      expect(JSON.parse(lastBody())).toEqual([{ [path(method)]: wire }]);
      expect(portal.lines.at(-1)).toBe(`POST /api/jsonws/invoke 200 ${path(method)}`);
    });
  },
);

describe('value classes through a generated package', () => {
  it('sends every kind in one batch, and routes each result', async () => {
    const results = await session.batch((batch) =>
      cases.map(([, method, parameters]) => values(sync, batch)[method]?.(parameters)),
    );
    expect(JSON.parse(lastBody())).toEqual(cases.map(([, method, , wire]) => ({ [path(method)]: wire })));
    expect(portal.lines.at(-1)).toBe(
      `POST /api/jsonws/invoke 200 ${cases.map(([, method]) => path(method)).join(' ')}`,
    );
    // A BigDecimal comes back a number, a Date milliseconds, a Locale its language id, a void null.
    expect(results.map((result) => (result === null ? 'null' : typeof result))).toEqual([
      'number',
      'object',
      'number',
      'string',
      'null',
      'number',
      'null',
    ]);
    expect(results[3]).toBe('en_US');
  });

  it('sends a Date, a BigDecimal and an enum constant as the form fields of an upload', async () => {
    const file = new TextEncoder().encode('hello');
    const result = await values(sync, session).upload?.({
      fileEntryId: 3,
      displayDate: january,
      price: '10.50',
      dlVersionNumberIncrease: 'MINOR',
      file,
    });
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

  it("gets the portal's own error for what it cannot convert: a BigDecimal wrapper, a Date as ISO text", async () => {
    const wrapped = values(sync, session).setPrice?.({
      commercePriceEntryId: 7,
      price: sync.withClassName('java.math.BigDecimal', {}),
      promoPrice: null,
      quantity: 1,
    });
    await expect(wrapped).rejects.toMatchObject({
      type: 'java.lang.InstantiationException',
      message: '/values/set-price: java.math.BigDecimal',
    });
    expect(JSON.parse(lastBody())).toEqual([
      {
        '/values/set-price': {
          commercePriceEntryId: 7,
          '+price': 'java.math.BigDecimal',
          promoPrice: null,
          quantity: 1,
        },
      },
    ]);
    const iso = values(sync, session).schedule?.({ startDate: january.toISOString(), endDate: null, reminders: null });
    await expect(iso).rejects.toBeInstanceOf(sync.ServerError);
    await expect(iso).rejects.toMatchObject({ type: 'java.lang.ClassCastException' });
  });
});
