/**
 * Overload parameters types are named from their own parameter names only: adding or removing another
 * overload of the same method never renames or changes an existing overload's type (property), and the
 * documented rule gives the names it promises (table).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiscoveryDocument, V7Service } from '../../src/discovery/formats/types.js';
import { buildApi } from '../../src/model/build-api.js';
import { mapContext, type TypedMethod } from '../../src/typemap/index.js';
import { overloadTypeName } from '../../src/typemap/overload-names.js';

type Overload = readonly (readonly [name: string, type: string])[];

const PATH = '/blogsentry/get-group-entries';

/** One service with one method whose overloads are `overloads`, as the model and type mapper see it. */
function mapMethod(overloads: readonly Overload[]): TypedMethod {
  const services: V7Service[] = overloads.map((parameters) => ({
    path: PATH,
    name: 'BlogsEntry#getGroupEntries',
    parameters: parameters.map(([name, type]) => ({ name, type })),
    returns: { type: 'int' },
  }));
  const document: DiscoveryDocument = {
    format: '7.x',
    source: 'doc.json',
    context: '',
    document: { contextName: '', services },
  };
  const [method] = mapContext(buildApi([document]).contexts[0]!).services[0]!.methods;
  return method!;
}

/** Each overload's type, by its parameter names: the name an app imports and the members it has. */
function overloadTypes(method: TypedMethod): Map<string, unknown> {
  return new Map(
    method.overloads.map((overload) => [
      overload.action.parameters.map((parameter) => parameter.name).join(),
      { name: overload.parametersName, fields: overload.fields },
    ]),
  );
}

/** Liferay-like parameter names, and a few long ones so that shortened names come up too. */
const parameterName = fc.oneof(
  fc.constantFrom(
    'groupId',
    'companyId',
    'userId',
    'status',
    'start',
    'end',
    'obc',
    'max',
    'displayDate',
    'serviceContext',
    'title',
    'urlTitle',
  ),
  fc.stringMatching(/^[a-z]{2,10}(?:[A-Z][a-z]{2,12}){0,3}$/),
);
const parameterType = fc.constantFrom(
  'long',
  'int',
  'boolean',
  'java.lang.String',
  'double',
  '[J',
  'java.util.Map<java.util.Locale, java.lang.String>',
  'com.liferay.portal.kernel.service.ServiceContext',
);
const overload: fc.Arbitrary<Overload> = fc.uniqueArray(fc.tuple(parameterName, parameterType), {
  maxLength: 12,
  selector: ([name]) => name,
});
/** Distinct overloads (the portal tells them apart by their parameter names). */
const overloadSet = (minLength: number) =>
  fc.uniqueArray(overload, {
    minLength,
    maxLength: 8,
    selector: (parameters) => parameters.map(([name]) => name).join(),
  });

/** The documented exception: two overloads whose names are the same identifier once capitalised and compared without case. */
function collide(overloads: readonly Overload[]): boolean {
  const names = overloads.map((parameters) =>
    overloadTypeName(
      'getGroupEntries',
      parameters.map(([name]) => ({ name })),
    ).toLowerCase(),
  );
  return new Set(names).size < names.length;
}

describe('overload parameters type names', () => {
  it('stay the same, with the same members, when another overload is added', () => {
    fc.assert(
      fc.property(overloadSet(1), overload, (existing, added) => {
        const all = [...existing, added];
        fc.pre(
          new Set(all.map((parameters) => parameters.map(([name]) => name).join())).size === all.length &&
            !collide(all),
        );
        const before = overloadTypes(mapMethod(existing));
        const after = overloadTypes(mapMethod(all));
        for (const [names, type] of before) expect(after.get(names)).toEqual(type);
      }),
      { numRuns: 300 },
    );
  });

  it('stay the same, with the same members, when another overload is removed', () => {
    fc.assert(
      fc.property(overloadSet(2), fc.nat(), (all, index) => {
        fc.pre(!collide(all));
        const removed = index % all.length;
        const before = overloadTypes(mapMethod(all));
        const after = overloadTypes(mapMethod(all.filter((_, position) => position !== removed)));
        expect(after.size).toBe(all.length - 1);
        for (const [names, type] of after) expect(before.get(names)).toEqual(type);
      }),
      { numRuns: 300 },
    );
  });

  it('name the union of every overload <Method>Parameters', () => {
    fc.assert(
      fc.property(overloadSet(1), (all) => {
        fc.pre(!collide(all));
        const method = mapMethod(all);
        expect(method.parametersName).toBe('GetGroupEntriesParameters');
        expect(new Set(method.overloads.map((entry) => entry.parametersName)).size).toBe(all.length);
      }),
      { numRuns: 100 },
    );
  });

  it.each([
    [[], 'GetGroupEntriesWithoutParameters'],
    [['groupId', 'status', 'max'], 'GetGroupEntriesWithGroupIdStatusMax'],
    // 64 characters of names: still whole.
    [['a'.repeat(30), 'b'.repeat(34)], `GetGroupEntriesWithA${'a'.repeat(29)}B${'b'.repeat(33)}`],
    // 65: the leading names that fit in 40 characters, how many are left out, and a hash of all the names.
    [
      ['a'.repeat(30), 'b'.repeat(35)],
      expect.stringMatching(new RegExp(`^GetGroupEntriesWithA${'a'.repeat(29)}And1More_[0-9a-z]{4}$`)),
    ],
    [
      [
        'repositoryId',
        'folderId',
        'sourceFileName',
        'mimeType',
        'title',
        'description',
        'changeLog',
        'file',
        'serviceContext',
      ],
      expect.stringMatching(/^GetGroupEntriesWithRepositoryIdFolderIdSourceFileNameAnd6More_[0-9a-z]{4}$/),
    ],
    // A first name longer than 40 characters is cut.
    [
      ['x'.repeat(70)],
      expect.stringMatching(new RegExp(`^GetGroupEntriesWithX${'x'.repeat(39)}And0More_[0-9a-z]{4}$`)),
    ],
    [['+weird.name', 'class'], 'GetGroupEntriesWithWeirdNameClass'],
  ] as const)('%j → %s', (names, expected) => {
    expect(
      overloadTypeName(
        'getGroupEntries',
        names.map((name) => ({ name })),
      ),
    ).toEqual(expected);
  });

  it('tells apart long overloads that differ only after the names they keep', () => {
    const long = (last: string) =>
      [
        'repositoryId',
        'folderId',
        'sourceFileName',
        'mimeType',
        'title',
        'description',
        'changeLog',
        last,
        'serviceContext',
      ].map((name) => ({ name }));
    const names = ['bytes', 'file', 'is'].map((last) => overloadTypeName('addFileEntry', long(last)));
    expect(new Set(names).size).toBe(3);
    expect(overloadTypeName('addFileEntry', long('file'))).toBe(names[1]);
  });
});
