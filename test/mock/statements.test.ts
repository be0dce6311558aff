/**
 * The mock's `/invoke` statements, as JSONWebServiceInvokerAction runs them: named results, whitelists,
 * nested statements on objects and lists, flags, three levels, batches of chains, inner statements, and the
 * failures (a nested statement's error, a null parent, a missing property), with the differences by version.
 */
import { describe, expect, it } from 'vitest';
import {
  error7,
  FIXTURES,
  invoke,
  mock,
  NO_SUCH_7,
  type TestAction,
  type TestModel,
  writeDocument,
} from './mock-client.js';

type Entity = Record<string, unknown>;

const entries = { groupId: 1084, status: 0, start: -1, end: -1 };
const userWithContact = {
  '$user[userId,screenName,contactId] = /user/get-user-by-id': {
    userId: 10_172,
    '$contact = /contact/get-contact': { '@contactId': '$user.contactId' },
  },
};

/** The same call without statements, to compare a nested result with. */
async function plain(portal: Awaited<ReturnType<typeof mock>>, path: string, parameters: object): Promise<unknown> {
  return (await invoke(portal, { [path]: parameters })).json;
}

describe('/invoke statements: names, whitelists, nesting and flags', () => {
  it('answers a named statement like the plain command', async () => {
    const portal = await mock();
    const named = await invoke(portal, { '$user = /user/get-user-by-id': { userId: 10_172 } });
    expect(named.status).toBe(200);
    expect(named.json).toEqual(await plain(portal, '/user/get-user-by-id', { userId: 10_172 }));
  });

  it('keeps exactly the whitelisted properties, null where the result has none, of an object and of each element', async () => {
    const portal = await mock();
    const user = (await invoke(portal, { '$user[userId, screenName,nope] = /user/get-user-by-id': { userId: 10_172 } }))
      .json as Entity;
    const full = (await plain(portal, '/user/get-user-by-id', { userId: 10_172 })) as Entity;
    expect(user).toEqual({ userId: 10_172, screenName: full['screenName'], nope: null });
    const listed = (await invoke(portal, { '$entries[entryId,userId] = /blogsentry/get-group-entries': entries }))
      .json as Entity[];
    expect(listed).toHaveLength(3);
    for (const entry of listed) expect(Object.keys(entry)).toEqual(['entryId', 'userId']);
  });

  it('runs a nested statement with a flag from its parent and adds its result under its name', async () => {
    const portal = await mock();
    const answer = await invoke(portal, userWithContact);
    expect(answer.status).toBe(200);
    const user = answer.json as Entity;
    expect(Object.keys(user)).toEqual(['userId', 'screenName', 'contactId', 'contact']);
    // The contact is the one the user's contactId names, as a call of its own would answer it.
    expect(user['contact']).toEqual(await plain(portal, '/contact/get-contact', { contactId: user['contactId'] }));
    expect((user['contact'] as Entity)['contactId']).toBe(user['contactId']);
  });

  it('runs a nested statement once per element of a list, each element getting its own result', async () => {
    const portal = await mock();
    const listed = (
      await invoke(portal, {
        '$entries = /blogsentry/get-group-entries': {
          ...entries,
          '$author = /user/get-user-by-id': { '@userId': '$entries.userId' },
        },
      })
    ).json as Entity[];
    expect(listed).toHaveLength(3);
    const alone = (await plain(portal, '/blogsentry/get-group-entries', entries)) as Entity[];
    listed.forEach((entry, index) => {
      const { author, ...own } = entry;
      expect(own).toEqual(alone[index]);
      expect((author as Entity)['userId']).toBe(entry['userId']);
    });
    expect(new Set(listed.map((entry) => (entry['author'] as Entity)['userId'])).size).toBe(3);
  });

  it('nests three levels deep, a flag naming any enclosing statement', async () => {
    const portal = await mock();
    const entry = (
      await invoke(portal, {
        '$entry[entryId,userId,groupId] = /blogsentry/get-entry': {
          entryId: 7,
          '$author[userId,contactId] = /user/get-user-by-id': {
            '@userId': '$entry.userId',
            '$contact = /contact/get-contact': { '@contactId': '$author.contactId' },
            '$group = /group/get-group': { '@groupId': '$entry.groupId' },
          },
        },
      })
    ).json as Entity;
    const author = entry['author'] as Entity;
    expect(Object.keys(author)).toEqual(['userId', 'contactId', 'contact', 'group']);
    expect(author['userId']).toBe(entry['userId']);
    expect((author['contact'] as Entity)['contactId']).toBe(author['contactId']);
    expect((author['group'] as Entity)['groupId']).toBe(entry['groupId']);
  });

  it('logs every statement of the request, nested ones too', async () => {
    const lines: string[] = [];
    const portal = await mock({ onRequest: (line) => lines.push(line) });
    await invoke(portal, userWithContact);
    expect(lines).toEqual(['POST /api/jsonws/invoke 200 /user/get-user-by-id /contact/get-contact']);
  });

  it('answers a batch of chains and plain commands with one result per top-level statement', async () => {
    const portal = await mock();
    const answer = await invoke(portal, [
      userWithContact,
      { '/blogsentry/get-entry': { entryId: 7 } },
      userWithContact,
    ]);
    expect(answer.status).toBe(200);
    const [first, entry, again] = answer.json as Entity[];
    expect(first).toEqual((await invoke(portal, userWithContact)).json);
    expect(entry).toMatchObject({ entryId: 7 });
    expect(again).toEqual(first);
  });

  it('runs an inner statement on each element of a list property, its flags naming the element or the parent', async () => {
    const portal = await mock();
    const group = (
      await invoke(portal, {
        '$group = /group/get-group': {
          groupId: 1084,
          '$entries = /blogsentry/get-group-entries': { '@groupId': '$group.groupId', status: 0, start: -1, end: -1 },
          'entries.$author = /user/get-user-by-id': { '@userId': '$group.entries.userId' },
          'entries.$site = /group/get-group': { '@groupId': '$group.parentGroupId' },
        },
      })
    ).json as Entity;
    const listed = group['entries'] as Entity[];
    expect(listed).toHaveLength(3);
    for (const entry of listed) {
      expect((entry['author'] as Entity)['userId']).toBe(entry['userId']);
      expect((entry['site'] as Entity)['groupId']).toBe(group['parentGroupId']);
    }
  });
});

describe('/invoke statements: failures', () => {
  it('fails the whole request, batch included, with the error of a nested statement', async () => {
    const portal = await mock();
    const failing = {
      '$user = /user/get-user-by-id': { userId: 1, '$contact = /contact/get-contact': { '@id': '$user.contactId' } },
    };
    const expected = error7(
      NO_SUCH_7,
      'No JSON web service action with path /contact/get-contact and method null for null',
    );
    for (const body of [failing, [{ '/blogsentry/get-entry': { entryId: 7 } }, failing]]) {
      const answer = await invoke(portal, body);
      expect(answer.status).toBe(404);
      expect(answer.json).toEqual(expected);
    }
  });

  it('fails with a NullPointerException when a nested statement runs on a null result', async () => {
    const portal = await mock();
    const answer = await invoke(portal, {
      '$deleted = /blogsentry/delete-entry': { entryId: 7, '$user = /user/get-user-by-id': { userId: 1 } },
    });
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual(error7('java.lang.NullPointerException', 'java.lang.NullPointerException'));
  });

  it("fails with jodd's BeanException when a flag names a property the result lacks", async () => {
    const portal = await mock();
    const answer = await invoke(portal, {
      '$user = /user/get-user-by-id': { userId: 1, '$contact = /contact/get-contact': { '@contactId': '$user.nope' } },
    });
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual(error7('jodd.bean.BeanException', 'Simple property not found: nope'));
  });

  it("fails with a map's BeanException when a flag names a property the whitelist left out", async () => {
    const portal = await mock();
    const answer = await invoke(portal, {
      '$user[userId] = /user/get-user-by-id': {
        userId: 1,
        '$contact = /contact/get-contact': { '@contactId': '$user.contactId' },
      },
    });
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual(error7('jodd.bean.BeanException', 'Map key not found: contactId'));
  });

  it('sets nothing for a flag that names no enclosing statement, so the parameter is missing', async () => {
    const portal = await mock();
    const answer = await invoke(portal, {
      '$user = /user/get-user-by-id': {
        userId: 1,
        '$contact = /contact/get-contact': { '@contactId': '$account.contactId' },
      },
    });
    expect(answer.json).toEqual(
      error7(NO_SUCH_7, 'No JSON web service action with path /contact/get-contact and method null for null'),
    );
  });

  it('6.x refuses a statement name with "*" when it writes the answer; 7.x does not', async () => {
    const named = { '$* = /user/get-user-by-id': { userId: 1 } };
    const answer62 = await invoke(await mock({ discovery: [FIXTURES.portal62] }), named);
    expect(answer62.json).toEqual({
      exception: 'java.lang.IllegalArgumentException',
      message: '* has special characters',
    });
    const answer7 = await invoke(await mock(), named);
    expect(answer7.json).toMatchObject({ userId: 1 });
  });

  it("refuses a flag whose value is not a string, as the portal's cast does", async () => {
    const portal = await mock();
    const answer = await invoke(portal, {
      '$user = /user/get-user-by-id': { userId: 1, '$contact = /contact/get-contact': { '@contactId': 7 } },
    });
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual(
      error7('java.lang.ClassCastException', 'java.lang.Integer cannot be cast to java.lang.String'),
    );
  });
});

describe('/invoke statements: flags by version', () => {
  // Folders with a described owner object, so `$folder.owner.ownerId` is a property path.
  const models: TestModel[] = [
    {
      className: 'com.example.Folder',
      properties: [
        ['folderId', 'long'],
        ['owner', 'com.example.Owner'],
      ],
    },
    {
      className: 'com.example.Owner',
      properties: [
        ['ownerId', 'long'],
        ['name', 'string'],
      ],
    },
  ];
  const actions: TestAction[] = [
    { path: '/folder/get-folder', parameters: [['folderId', 'long']], returns: 'com.example.Folder' },
    { path: '/folder/get-folders', parameters: [], returns: 'java.util.List<com.example.Folder>' },
    { path: '/owner/get-owner', parameters: [['ownerId', 'long']], returns: 'com.example.Owner' },
  ];
  const deepFlag = {
    '$folder = /folder/get-folder': {
      folderId: 1,
      '$holder = /owner/get-owner': { '@ownerId': '$folder.owner.ownerId' },
    },
  };

  it("6.2 reads a flag's property path", async () => {
    const portal = await mock({ discovery: [await writeDocument('6.2', actions, models)] });
    const answer = (await invoke(portal, deepFlag)).json as { owner: Entity; holder: Entity };
    expect(answer.holder['ownerId']).toBe(answer.owner['ownerId']);
  });

  it('7.x reads only one level: a longer path sets nothing, so the parameter is missing', async () => {
    const portal = await mock({ discovery: [await writeDocument('7.x', actions, models)] });
    const answer = await invoke(portal, deepFlag);
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual(
      error7(NO_SUCH_7, 'No JSON web service action with path /owner/get-owner and method null for null'),
    );
  });

  // Two levels below a list: the grandchild's flag is set while its parent runs for the first element only.
  const belowList = {
    '$folders = /folder/get-folders': {
      '$owner = /owner/get-owner': {
        '@ownerId': '$folders.folderId',
        '$folder = /folder/get-folder': { '@folderId': '$owner.ownerId' },
      },
    },
  };
  const grandchildIds = (answer: unknown): unknown[] =>
    (answer as { folderId: number; owner: { folder: Entity } }[]).map((each) => [
      each.folderId,
      each.owner.folder['folderId'],
    ]);

  it("6.2 and 7.x keep the first element's flag values in statements two levels below a list", async () => {
    for (const format of ['6.2', '7.x'] as const) {
      const portal = await mock({ discovery: [await writeDocument(format, actions, models)] });
      const ids = grandchildIds((await invoke(portal, belowList)).json) as [number, number][];
      const first = ids[0]?.[0];
      expect(ids.map(([, folderId]) => folderId)).toEqual([first, first, first]);
      expect(new Set(ids.map(([folderId]) => folderId)).size).toBe(3);
    }
  });

  it('6.1 sets them for every element', async () => {
    const portal = await mock({ discovery: [await writeDocument('legacy', actions, [])] });
    const ids = grandchildIds((await invoke(portal, belowList)).json) as [number, number][];
    for (const [folderId, grandchild] of ids) expect(grandchild).toBe(folderId);
  });
});
