/**
 * Value classes on the wire, for the runtime alone: dates become milliseconds wherever they are, decimals and
 * enum constants go as given, and an ObjectWrapper is honoured on any parameter; in a call and in a batch.
 */
import { describe, expect, it } from 'vitest';
import { withClassName } from '../../src/runtime/index.js';
import type { ActionSpec } from '../../src/runtime/internal.js';
import { commandsOf, echoSessionPerTest } from './jsonws-portal.js';

const echo = echoSessionPerTest();

const versionIncrease = 'com.liferay.document.library.kernel.model.DLVersionNumberIncrease';
const queryDefinition = 'com.liferay.portal.kernel.dao.orm.QueryDefinition';
/** One action with a parameter of each kind, as the generator writes its spec. */
const action: ActionSpec = [
  '/test/values',
  [
    [
      'price',
      'when',
      'dates',
      'settings',
      ['increase', 'object', versionIncrease],
      ['query', 'object', queryDefinition],
      'other',
    ],
  ],
];
const none = { price: null, when: null, dates: null, settings: null, increase: null, query: null, other: null };
const january = new Date(Date.UTC(2024, 0, 1));
const ms = january.getTime();

async function sent(parameters: object): Promise<Record<string, unknown>> {
  await echo.session.invoke(action, parameters);
  return commandsOf(echo.portal.requests.at(-1))[0]?.['/test/values'] ?? {};
}

describe('value classes on the wire', () => {
  it('sends a BigDecimal as the number or the exact text given', async () => {
    expect(await sent({ ...none, price: 12.5 })).toMatchObject({ price: 12.5 });
    expect(await sent({ ...none, price: '12345678901234567890.123456789' })).toMatchObject({
      price: '12345678901234567890.123456789',
    });
    expect(echo.portal.requests.at(-1)?.body).toContain('"price":"12345678901234567890.123456789"');
  });

  it('sends a Date as its milliseconds, at the top, in arrays, in maps and in the fields of objects', async () => {
    const wire = await sent({
      ...none,
      when: january,
      dates: [january, 5, [january]],
      settings: { from: january, nested: { to: january }, label: 'x' },
      query: { start: 0, since: january },
      other: withClassName('com.example.Range', { from: january }),
    });
    expect(wire).toEqual({
      price: null,
      when: ms,
      dates: [ms, 5, [ms]],
      settings: { from: ms, nested: { to: ms }, label: 'x' },
      increase: null,
      '+query': queryDefinition,
      'query.start': 0,
      'query.since': ms,
      '+other': 'com.example.Range',
      'other.from': ms,
    });
  });

  it("leaves the caller's values as they were, and other objects as JSON has them", async () => {
    const settings = { from: january };
    const dates = [january];
    const bytes = new Uint8Array([1, 2]);
    const wire = await sent({ ...none, settings, dates, other: bytes, price: Number.NaN });
    expect(settings.from).toBe(january);
    expect(dates[0]).toBe(january);
    expect(wire).toMatchObject({ other: { 0: 1, 1: 2 }, price: null });
  });

  it('sends an invalid Date as null, as JSON would', async () => {
    expect(await sent({ ...none, when: new Date(Number.NaN) })).toMatchObject({ when: null });
  });

  it("sends an enum constant's name given for a Liferay class as it is, and fields as +name and name.key", async () => {
    expect(await sent({ ...none, increase: 'MAJOR' })).toMatchObject({ increase: 'MAJOR' });
    const wire = await sent({ ...none, query: { status: 0, start: 0, end: 20 } });
    expect(wire).toMatchObject({ '+query': queryDefinition, 'query.status': 0, 'query.start': 0, 'query.end': 20 });
    expect(wire).not.toHaveProperty('query');
  });

  it('converts dates in a batch as in a single call', async () => {
    await echo.session.batch((batch) => [
      batch.invoke(action, { ...none, when: january }),
      batch.invoke(action, { ...none, dates: [january] }),
    ]);
    expect(echo.portal.requests).toHaveLength(1);
    expect(commandsOf(echo.portal.requests[0]).map((command) => command['/test/values'])).toEqual([
      { ...none, when: ms },
      { ...none, dates: [ms] },
    ]);
  });
});
