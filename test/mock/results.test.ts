import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURES, invoke, mock } from './mock-client.js';

type Entity = Record<string, unknown>;

const batch = [
  { '/blogsentry/get-entry': { entryId: 7 } },
  { '/blogsentry/get-group-entries': { groupId: 1084, status: 0, start: 0, end: 3 } },
  { '/user/get-user-by-id': { userId: 20_156 } },
  { '/group/get-group': { groupId: 20_143 } },
  { '/dlapp/get-file-entries': { repositoryId: 20_143, folderId: 0 } },
  {
    '/layout/export-layouts': {
      groupId: 20_143,
      privateLayout: false,
      layoutIds: [1],
      parameterMap: {},
      startDate: 0,
      endDate: 0,
    },
  },
];

describe('generated results', () => {
  it('are the same for the same seed and request, and differ for another seed', async () => {
    const first = await invoke(await mock({ seed: 7 }), batch);
    const again = await invoke(await mock({ seed: 7 }), batch);
    const other = await invoke(await mock({ seed: 8 }), batch);
    expect(first.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect(other.json).not.toEqual(first.json);
    // The ids the request names are echoed whatever the seed.
    expect((other.json as Entity[])[0]).toMatchObject({ entryId: 7 });
  });

  it('echo the ids the call names: the entry asked for, the group of the entries listed', async () => {
    const portal = await mock();
    const [entry, entries] = (await invoke(portal, batch)).json as [Entity, Entity[]];
    expect(entry['entryId']).toBe(7);
    expect(entries).toHaveLength(3);
    expect(entries.map((listed) => listed['groupId'])).toEqual([1084, 1084, 1084]);
    expect(new Set(entries.map((listed) => listed['entryId'])).size).toBe(3);
  });

  it('describe one entity the same way in every answer', async () => {
    const portal = await mock();
    const [, entries] = (await invoke(portal, batch)).json as [Entity, Entity[]];
    const listed = entries[1] ?? {};
    const alone = (await invoke(portal, { '/blogsentry/get-entry': { entryId: listed['entryId'] } })).json as Entity;
    // groupId was echoed from the listing call; every other property comes from the entity alone.
    expect({ ...alone, groupId: 1084 }).toEqual(listed);
  });

  it('fill every property of a described model with a value of its type', async () => {
    const portal = await mock();
    const document = JSON.parse(readFileSync(FIXTURES.portal7, 'utf8')) as {
      types: { type: string; properties: { name: string; type: string }[] }[];
    };
    const results = (await invoke(portal, batch)).json as unknown[];
    const checks: [unknown, string][] = [
      [results[0], 'com.liferay.blogs.kernel.model.BlogsEntry'],
      [results[2], 'com.liferay.portal.kernel.model.User'],
      [results[3], 'com.liferay.portal.kernel.model.Group'],
      [(results[4] as unknown[])[0], 'com.liferay.portal.kernel.repository.model.FileEntry'],
    ];
    for (const [value, className] of checks) {
      const properties = document.types.find((type) => type.type === className)?.properties ?? [];
      expect(Object.keys(value as Entity)).toEqual(properties.map((property) => property.name));
      for (const property of properties)
        expect(kindOf((value as Entity)[property.name]), `${className}.${property.name}`).toBe(
          expectedKind(property.type),
        );
    }
  });

  it('look plausible: one company, e-mail addresses from screen names, localized name maps', async () => {
    const portal = await mock();
    const [, , user, group] = (await invoke(portal, batch)).json as Entity[];
    expect(user?.['companyId']).toBe(group?.['companyId']);
    expect(user?.['emailAddress']).toBe(`${String(user?.['screenName'])}@liferay.com`);
    expect(group?.['nameMap']).toEqual({ en_US: group?.['name'] });
  });

  it('answer scalars, byte arrays and lists of scalars by the return type', async () => {
    const portal = await mock();
    const [, , , , , bytes] = (await invoke(portal, batch)).json as unknown[];
    expect(Array.isArray(bytes)).toBe(true);
    expect((bytes as number[]).every((byte) => Number.isInteger(byte) && byte >= -128 && byte <= 127)).toBe(true);
    const count = await invoke(portal, { '/blogsentry/get-group-entries-count': { groupId: 1084, status: 0 } });
    expect(count.text).toBe('3');
    const six = await mock({ discovery: [FIXTURES.portal62] });
    const ids = (await invoke(six, { '/dlapp/get-subfolder-ids': { repositoryId: 1, folderId: 0 } })).json as unknown[];
    expect(ids).toHaveLength(3);
    expect(ids.every((id) => Number.isInteger(id))).toBe(true);
  });

  it('give classes the documents do not describe a small object with their id', async () => {
    const portal = await mock({ discovery: [FIXTURES.portal7, FIXTURES.calendar7] });
    const answer = await invoke(portal, {
      '/calendar.calendarresource/get-calendar-resource': { calendarResourceId: 31 },
    });
    const resource = answer.json as Entity;
    expect(Object.keys(resource)).toEqual(['calendarResourceId', 'companyId', 'groupId', 'name']);
    expect(resource['calendarResourceId']).toBe(31);
    expect(kindOf(resource['companyId'])).toBe('integer');
    expect(kindOf(resource['name'])).toBe('string');
  });
});

function kindOf(value: unknown): string {
  if (Number.isInteger(value)) return 'integer';
  if (value !== null && typeof value === 'object') return Array.isArray(value) ? 'array' : 'object';
  return typeof value;
}

function expectedKind(typeName: string): string {
  if (['long', 'int', 'short', 'byte'].includes(typeName)) return 'integer';
  if (typeName === 'string') return 'string';
  if (typeName === 'boolean') return 'boolean';
  if (typeName.startsWith('map')) return 'object';
  return `unexpected type ${typeName}`;
}
