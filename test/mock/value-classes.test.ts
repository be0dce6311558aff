/**
 * The mock converts JDK value classes as a 7.3 portal does (JSONWebServiceActionImpl, jodd's converters):
 * from plain values, in /invoke bodies and in form fields; it refuses `+name` wrappers of them and text it
 * cannot read, with the portal's own exceptions.
 */
import { describe, expect, it } from 'vitest';
import { error7, FIXTURES, invoke, mock, request } from './mock-client.js';

const prices = { commercePriceEntryId: 7, price: 12.5, promoPrice: null, quantity: 1 };
const schedule = { startDate: 1_704_067_200_000, endDate: null, reminders: null };

async function setPrice(given: object) {
  return invoke(await mock({ discovery: [FIXTURES.values7] }), { '/values/set-price': { ...prices, ...given } });
}

async function scheduleAt(given: object) {
  return invoke(await mock({ discovery: [FIXTURES.values7] }), { '/values/schedule': { ...schedule, ...given } });
}

describe('a BigDecimal or BigInteger parameter', () => {
  it.each([
    ['a number', { price: 12.5 }],
    ['its exact text', { price: '12345678901234567890.123456789' }],
    ['text with spaces and an exponent', { price: ' -1.5E3 ' }],
    ['a BigInteger as text', { quantity: '98765432109876543210' }],
  ])('accepts %s', async (_name, given) => {
    const answer = await setPrice(given);
    expect(answer.status).toBe(200);
    expect(typeof answer.json).toBe('number');
  });

  it.each([
    ['text that is not a number', { price: 'twelve' }, 'Conversion failed: twelve'],
    ['a fraction for a BigInteger', { quantity: 1.5 }, 'Conversion failed: 1.5'],
    ['a boolean', { promoPrice: true }, 'Conversion failed: true'],
  ])('refuses %s as jodd does, through a ClassCastException', async (_name, given, message) => {
    const answer = await setPrice(given);
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual(error7('java.lang.ClassCastException', message));
  });

  it('refuses a +name wrapper: the portal cannot instantiate a BigDecimal without arguments', async () => {
    const { price: _price, ...rest } = prices;
    const answer = await setPrice({ ...rest, price: undefined, '+price': 'java.math.BigDecimal', 'price.scale': 2 });
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual(error7('java.lang.InstantiationException', 'java.math.BigDecimal'));
  });

  it("refuses a wrapper of another class as the portal's type check does", async () => {
    const { price: _price, ...rest } = prices;
    const answer = await setPrice({ ...rest, price: undefined, '+price': 'java.lang.String' });
    expect(answer.json).toEqual(
      error7('java.lang.IllegalArgumentException', 'Unmatched argument type java.lang.String for method argument 1'),
    );
  });

  it('takes a form field in a path-style call', async () => {
    const portal = await mock({ discovery: [FIXTURES.values7] });
    const body = new URLSearchParams({ commercePriceEntryId: '7', price: '12.50', '-promoPrice': '', quantity: '3' });
    const answer = await request(`${portal.url}/api/jsonws/values/set-price`, { method: 'POST', body });
    expect(answer.status).toBe(200);
  });
});

describe('a Date or Calendar parameter', () => {
  it.each([
    ['milliseconds', { startDate: 1_704_067_200_000 }],
    ['milliseconds as text', { startDate: '1704067200000' }],
    ["jodd's default format", { startDate: '2024-01-02 10:30:00.000' }],
    ['a date without time', { startDate: '2024-01-02' }],
    ['milliseconds in an array', { reminders: [1_704_067_200_000, '1704067200001'] }],
    ['anything for a Calendar, read by GetterUtil.getLong', { endDate: 'soon' }],
  ])('accepts %s', async (_name, given) => {
    const answer = await scheduleAt(given);
    expect(answer.status).toBe(200);
    expect(typeof answer.json).toBe('number');
  });

  it('refuses an ISO 8601 string, which JSON.stringify makes of a Date: the portal parses it field by field', async () => {
    const answer = await scheduleAt({ startDate: '2024-01-02T10:30:00.000Z' });
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual(error7('java.lang.ClassCastException', 'For input string: "02T10:30:00.000Z"'));
  });

  it('instantiates a Date for +name (a Date has a constructor without arguments), but not a Calendar', async () => {
    const date = await scheduleAt({ startDate: undefined, '+startDate': 'java.util.Date' });
    expect(date.status).toBe(200);
    const calendar = await scheduleAt({ endDate: undefined, '+endDate': 'java.util.Calendar' });
    expect(calendar.json).toEqual(error7('java.lang.InstantiationException', 'java.util.Calendar'));
  });
});

describe('text and enum parameters', () => {
  it('accepts a locale and a time zone as text, and answers a Locale as its language id', async () => {
    const portal = await mock({ discovery: [FIXTURES.values7] });
    const answer = await invoke(portal, { '/values/localize': { locale: 'pt_BR', timeZone: 'Europe/Lisbon' } });
    expect(answer.json).toBe('en_US');
  });

  it('refuses a Locale wrapper', async () => {
    const portal = await mock({ discovery: [FIXTURES.values7] });
    const answer = await invoke(portal, { '/values/localize': { '+locale': 'java.util.Locale', timeZone: 'UTC' } });
    expect(answer.json).toEqual(error7('java.lang.InstantiationException', 'java.util.Locale'));
  });

  it("accepts an enum constant's name as plain text", async () => {
    const portal = await mock({ discovery: [FIXTURES.values7] });
    const answer = await invoke(portal, {
      '/values/check-in': { fileEntryId: 1, dlVersionNumberIncrease: 'MAJOR', changeLog: '' },
    });
    expect(answer.status).toBe(200);
  });
});

describe('value classes in a legacy portal', () => {
  it('reads a java.util.Date from milliseconds and answers what it cannot read in the legacy shape', async () => {
    const portal = await mock({ discovery: [FIXTURES.legacy] });
    const entries = { groupId: 1084, status: 0, start: -1, end: -1 };
    const good = await invoke(portal, {
      '/blogsentry/get-group-entries': { ...entries, displayDate: 1_704_067_200_000 },
    });
    expect(Array.isArray(good.json)).toBe(true);
    const iso = await invoke(portal, {
      '/blogsentry/get-group-entries': { ...entries, displayDate: '2024-01-01T00:00:00.000Z' },
    });
    expect(iso.status).toBe(200);
    expect(iso.json).toEqual({ exception: 'For input string: "01T00:00:00.000Z"' });
  });
});
