import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiscoveryDocument, V7Document, V7Service } from '../../src/discovery/formats/types.js';
import { ExitCode, exitCodeOf } from '../../src/cli/exit-codes.js';
import { buildApi } from '../../src/model/build-api.js';
import { contextNamed, fixture, modelErrorOf, parameterList, withoutSources } from './fixture-documents.js';

const v7 = (services: V7Service[], extra: Partial<V7Document> = {}, source = 'doc.json'): DiscoveryDocument => ({
  format: '7.x',
  source,
  context: '',
  document: { contextName: '', services, ...extra },
});
const action = (path: string, parameters: string, extra: Partial<V7Service> = {}): V7Service => ({
  path,
  parameters: parameters
    .split(', ')
    .filter(Boolean)
    .map((p) => ({ name: p.split(':')[0] ?? '', type: p.split(':')[1] ?? '' })),
  returns: { type: 'void' },
  ...extra,
});

/** The same document with `services` and `types` in another order. */
function reordered(document: DiscoveryDocument, order: (length: number) => number[]): DiscoveryDocument {
  if (document.format === 'legacy') {
    const actions = order(document.document.actions.length).map((i) => document.document.actions[i]!);
    return { ...document, document: { ...document.document, actions } };
  }
  const services = order(document.document.services.length).map((i) => document.document.services[i]!);
  const types = document.document.types ?? [];
  const reorderedTypes = order(types.length).map((i) => types[i]!);
  return { ...document, document: { ...document.document, services, types: reorderedTypes } };
}

const permutation = (length: number) =>
  fc.shuffledSubarray([...Array(length).keys()], { minLength: length, maxLength: length });

describe('buildApi determinism', () => {
  const sets: readonly (readonly DiscoveryDocument[])[] = [
    [
      fixture('7.x', 'fixtures/discovery/7.x/portal.json'),
      fixture('7.x', 'fixtures/discovery/7.x/plugin-calendar.json'),
    ],
    [
      fixture('6.2', 'fixtures/discovery/6.2/portal.json'),
      fixture('6.2', 'fixtures/discovery/6.2/plugin-calendar-portlet.json'),
    ],
    [fixture('legacy', 'fixtures/discovery/legacy/portal.json')],
  ];

  it.each(sets.map((documents) => [documents[0]?.format, documents] as const))(
    'gives the same %s model whatever the order',
    (_, documents) => {
      const expected = withoutSources(buildApi(documents));
      fc.assert(
        fc.property(fc.infiniteStream(permutation(40)), fc.boolean(), (orders, reverseDocuments) => {
          const take = (length: number) => (orders.next().value as number[]).filter((i) => i < length);
          const shuffled = documents.map((document) => reordered(document, take));
          const api = buildApi(reverseDocuments ? [...shuffled].reverse() : shuffled);
          expect(withoutSources(api)).toStrictEqual(expected);
        }),
        { numRuns: 30 },
      );
    },
  );

  it('gives the same model for the reversed corpus', () => {
    const corpus = fixture('7.x', 'fixtures/corpus/portal-7.0-reconstructed.json');
    const reversed = reordered(corpus, (length) => [...Array(length).keys()].reverse());
    expect(withoutSources(buildApi([reversed]))).toStrictEqual(withoutSources(buildApi([corpus])));
  });
});

describe('buildApi on the 7.0 corpus', () => {
  const api = buildApi([fixture('7.x', 'fixtures/corpus/portal-7.0-reconstructed.json')]);
  const portal = contextNamed(api, 'portal');
  const actions = portal.services.flatMap((service) => service.actions);

  it('has 103 services with unique ids and 1,299 actions (no exact duplicates)', () => {
    expect(portal.services).toHaveLength(103);
    expect(new Set(portal.services.map((s) => s.id)).size).toBe(103);
    expect(actions).toHaveLength(1299);
    expect(new Set(actions.map((a) => a.path)).size).toBe(916);
    expect(portal.services.filter((s) => s.pathPrefix.includes('.')).length).toBe(35);
    expect(portal.models).toHaveLength(6);
  });

  it('names module services after the dot', () => {
    expect(
      portal.services.filter((s) => s.pathPrefix.startsWith('/calendar.')).map((s) => [s.id, s.className]),
    ).toStrictEqual([
      ['calendar', 'Calendar'],
      ['calendarbooking', 'CalendarBooking'],
      ['calendarnotificationtemplate', 'CalendarNotificationTemplate'],
      ['calendarresource', 'CalendarResource'],
    ]);
  });
});

describe('buildApi rules', () => {
  it('collapses exact duplicates and keeps overloads that differ only in types', () => {
    const api = buildApi([
      v7([
        action('/foo/get-bar', 'id:long', { description: 'second' }),
        action('/foo/get-bar', 'id:long', { description: 'first' }),
        action('/foo/get-bar', 'id:string'),
        action('/foo/get-bar', 'id:long', { description: 'first' }),
      ]),
    ]);
    const [foo] = contextNamed(api, 'portal').services;
    expect(foo?.actions.map((a) => [parameterList(a), a.description])).toStrictEqual([
      ['id:long', 'first'],
      ['id:string', undefined],
    ]);
  });

  it('defaults the HTTP method to POST and upper-cases it', () => {
    const api = buildApi([
      v7([action('/foo/a', ''), action('/foo/b', '', { method: 'get' }), action('/foo/c', '', { method: '' })]),
    ]);
    expect(contextNamed(api, 'portal').services[0]?.actions.map((a) => a.httpMethod)).toStrictEqual([
      'POST',
      'GET',
      'POST',
    ]);
  });

  it('drops empty descriptions', () => {
    const api = buildApi([
      v7([action('/foo/a', '', { description: ' ', returns: { type: 'void', description: '' } })]),
    ]);
    const built = contextNamed(api, 'portal').services[0]?.actions[0];
    expect(built).not.toHaveProperty('description');
    expect(built?.returns).toStrictEqual({ type: { kind: 'void' }, typeName: 'void' });
  });

  it('disambiguates colliding service ids', () => {
    const api = buildApi([v7([action('/b.entry/get', ''), action('/entry/get', ''), action('/a.entry/get', '')])]);
    expect(contextNamed(api, 'portal').services.map((s) => [s.id, s.pathPrefix, s.className])).toStrictEqual([
      ['a-entry', '/a.entry', 'Entry'],
      ['b-entry', '/b.entry', 'Entry'],
      ['entry', '/entry', 'Entry'],
    ]);
  });

  it('names the context from the document, then from the request, else "portal"', () => {
    const named = (contextName: string, context: string) =>
      buildApi([{ format: '7.x', source: 's', context, document: { contextName, services: [action('/x/y', '')] } }])
        .contexts[0]?.name;
    expect([named('', ''), named('calendar', ''), named('', 'calendar'), named('calendar', 'other')]).toStrictEqual([
      'portal',
      'calendar',
      'calendar',
      'calendar',
    ]);
  });

  it('takes the first version given', () => {
    const api = buildApi([
      v7([], {}, 'a'),
      v7([], { version: '7.4.3', contextName: 'b' }, 'b'),
      v7([], { version: '7.0.6', contextName: 'c' }, 'c'),
    ]);
    expect(api.portalVersion).toBe('7.4.3');
    expect(buildApi([v7([])]).portalVersion).toBeNull();
  });
});

describe('buildApi errors', () => {
  it('refuses documents of different formats', () => {
    const error = modelErrorOf(
      () =>
        buildApi([
          fixture('7.x', 'fixtures/discovery/7.x/portal.json'),
          fixture('6.2', 'fixtures/discovery/6.2/plugin-calendar-portlet.json'),
        ]),
      'model.mixed-formats',
    );
    expect(exitCodeOf(error.code)).toBe(ExitCode.invalidDocument);
    expect(error.message).toBe(
      'fixtures/discovery/6.2/plugin-calendar-portlet.json is in the 6.2 format but fixtures/discovery/7.x/portal.json is in the 7.x format; all documents of one run must come from the same portal',
    );
  });

  it('refuses an empty run and two documents for one context', () => {
    expect(exitCodeOf(modelErrorOf(() => buildApi([]), 'model.no-documents').code)).toBe(ExitCode.internal);
    const error = modelErrorOf(
      () => buildApi([v7([], {}, 'one.json'), v7([], {}, 'two.json')]),
      'model.duplicate-context',
    );
    expect(error.message).toBe('one.json and two.json both describe the context "portal"');
  });

  it.each([
    [
      [action('/foo/a', ''), action('/foo/b', 'x:long, y:list<long')],
      'services[1].parameters[1]: invalid Java type "list<long": expected ">" at the end',
    ],
    [
      [action('/foo/a', '', { returns: { type: 'long!' } })],
      'services[0].returns: invalid Java type "long!": unexpected "!" at position 4',
    ],
  ])('names the entry of an invalid type (%#)', (services, where) => {
    const error = modelErrorOf(() => buildApi([v7(services)]), 'model.invalid-type');
    expect(exitCodeOf(error.code)).toBe(ExitCode.invalidDocument);
    expect(error.message).toBe(`doc.json ${where}`);
  });

  it('names the entry of an invalid model property and an invalid path', () => {
    const types = [
      {
        type: 'com.example.Foo',
        properties: [
          { name: 'a', type: 'long' },
          { name: 'b', type: 'map<' },
        ],
      },
    ];
    expect(modelErrorOf(() => buildApi([v7([], { types })]), 'model.invalid-type').message).toBe(
      'doc.json types[0].properties[1]: invalid Java type "map<": expected a name at the end',
    );
    expect(
      modelErrorOf(() => buildApi([v7([action('/foo/a', ''), action('/foo', '')])]), 'model.invalid-path').message,
    ).toBe('doc.json services[1]: invalid action path "/foo": expected "/service/action"');
  });

  it('reports a service id collision with the document', () => {
    const error = modelErrorOf(
      () => buildApi([v7([action('/a-entry/x', ''), action('/a.entry/x', ''), action('/b.entry/x', '')])]),
      'model.service-id-collision',
    );
    expect(error.message).toBe('doc.json: services "/a-entry" and "/a.entry" both need the id "a-entry"');
  });
});
