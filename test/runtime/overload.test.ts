import { describe, expect, it } from 'vitest';
import type { PortalServer } from '../helpers/portal-server.js';
import { chooseOverload } from '../../src/runtime/command.js';
import { LiferayError, Session } from '../../src/runtime/index.js';
import { type ActionSpec } from '../../src/runtime/internal.js';
import { getGroupEntries, useEchoPortal } from './jsonws-portal.js';

const context = ['serviceContext', 'context', 'com.liferay.portal.kernel.service.ServiceContext'] as const;
const withContext: ActionSpec = [
  '/x/move',
  [
    ['a', 'b', 'c'],
    ['a', 'b', context],
  ],
];
const single: ActionSpec = ['/x/get', [['a', 'b']]];

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('chooseOverload', () => {
  it.each<[string, ActionSpec, object, number]>([
    [
      'the overload whose names equal the keys (4 keys)',
      getGroupEntries,
      { groupId: 1, status: 0, start: 0, end: 1 },
      0,
    ],
    [
      'the overload whose names equal the keys (5 keys)',
      getGroupEntries,
      { groupId: 1, displayDate: 2, status: 0, start: 0, end: 1 },
      1,
    ],
    [
      'keys set to undefined count as passed',
      getGroupEntries,
      { groupId: 1, displayDate: undefined, status: 0, start: 0, end: 1 },
      1,
    ],
    ['the smallest overload holding every key', getGroupEntries, { groupId: 1, status: 0 }, 0],
    ['the larger one when only it holds the keys', getGroupEntries, { displayDate: 2 }, 1],
    ['an exact match when only a ServiceContext is left out', withContext, { a: 1, b: 2 }, 1],
    ['an exact match with the ServiceContext given', withContext, { a: 1, b: 2, serviceContext: {} }, 1],
    ['an exact match over a smaller partial one', withContext, { a: 1, b: 2, c: 3 }, 0],
    ['the only overload, with keys missing', single, { a: 1 }, 0],
  ])('picks %s', (_name, action, parameters, index) => {
    expect(chooseOverload(action, parameters)).toBe(action[1][index]);
  });

  it.each<[string, ActionSpec, object, string]>([
    [
      'a key no overload has',
      getGroupEntries,
      { groupId: 1, companyId: 2 },
      '/blogsentry/get-group-entries: no overload takes the parameters {groupId, companyId}; ' +
        'available: (groupId, status, start, end) | (groupId, displayDate, status, start, end)',
    ],
    [
      'an extra key on a single overload',
      single,
      { a: 1, b: 2, c: 3 },
      '/x/get: no overload takes the parameters {a, b, c}; available: (a, b)',
    ],
  ])('rejects %s, naming the path, the keys and the overloads', (_name, action, parameters, message) => {
    const error = thrownBy(() => chooseOverload(action, parameters));
    expect(error).toBeInstanceOf(LiferayError);
    expect(error).toMatchObject({ message, path: action[0] });
  });
});

describe('the compact overload form', () => {
  const className = 'com.liferay.portal.kernel.service.ServiceContext';
  const compact: ActionSpec = [
    '/x/add',
    ['', 'a bytes:bytes up:file o:object:com.example.Thing serviceContext:context:' + className],
  ];

  it('decodes to the same parameter lists as the explicit form', () => {
    expect(chooseOverload(compact, {})).toEqual([]);
    expect(chooseOverload(compact, { a: 1, up: new Uint8Array() })).toEqual([
      'a',
      ['bytes', 'bytes'],
      ['up', 'file'],
      ['o', 'object', 'com.example.Thing'],
      ['serviceContext', 'context', className],
    ]);
  });

  it('is decoded once per action', () => {
    expect(chooseOverload(compact, { a: 1 })).toBe(chooseOverload(compact, { bytes: [1] }));
  });

  it('names the overloads it offers when none fits', () => {
    expect(() => chooseOverload(compact, { z: 1 })).toThrow('available: () | (a, bytes, up, o, serviceContext)');
  });
});

describe('overloads on the wire', () => {
  let portal: PortalServer;
  let session: Session;
  useEchoPortal((started) => ({ portal, session } = started));

  it('sends each overload of a path with its own parameters, in its order', async () => {
    await session.invoke(getGroupEntries, { end: 9, start: 0, status: 0, groupId: 20 });
    await session.invoke(getGroupEntries, { groupId: 20, status: 0, displayDate: 1700000000000, start: 0, end: 9 });
    expect(portal.requests.map((request) => request.body)).toEqual([
      '[{"/blogsentry/get-group-entries":{"groupId":20,"status":0,"start":0,"end":9}}]',
      '[{"/blogsentry/get-group-entries":{"groupId":20,"displayDate":1700000000000,"status":0,"start":0,"end":9}}]',
    ]);
  });

  it('sends the same body for an overload written compactly', async () => {
    const compact: ActionSpec = [
      getGroupEntries[0],
      getGroupEntries[1].map((overload) => (typeof overload === 'string' ? overload : overload.join(' '))),
    ];
    await session.invoke(getGroupEntries, { groupId: 20, status: 0, displayDate: 1700000000000, start: 0, end: 9 });
    await session.invoke(compact, { groupId: 20, status: 0, displayDate: 1700000000000, start: 0, end: 9 });
    const [explicit, written] = portal.requests.map((request) => request.body);
    expect(written).toBe(explicit);
  });

  it('fills the keys left out with null', async () => {
    await session.invoke(getGroupEntries, { groupId: 20, status: 0, start: 0 });
    expect(portal.requests[0]?.body).toBe(
      '[{"/blogsentry/get-group-entries":{"groupId":20,"status":0,"start":0,"end":null}}]',
    );
  });

  it('rejects an impossible key set without sending anything', async () => {
    await expect(session.invoke(getGroupEntries, { groupId: 20, userId: 1 })).rejects.toThrow(
      'no overload takes the parameters {groupId, userId}',
    );
    expect(portal.requests).toHaveLength(0);
  });
});
