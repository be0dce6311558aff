/**
 * The whole tool against the mock portal, in both the 6.2 and the 7.x format: `generate --url` over HTTP
 * (the real CLI), `tsc`, then calls through the built package in every style, and the portal's errors.
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockPortal, type MockPortal } from '../../src/mock/index.js';
import { e2eFolder } from '../helpers/project.js';
import { projectRoot } from './fixture-documents.js';
import { methodOf, type ClientRuntime, type ServiceClass } from './built-package.js';

const run = promisify(execFile);
const USER = 'test@liferay.com';
const PASSWORD = 'mock-secret-9f1c';

type Module = ClientRuntime & Record<string, unknown>;

const formats = [
  [
    '7.x',
    'fixtures/discovery/7.x/portal.json',
    'com.liferay.portal.kernel.jsonwebservice.NoSuchJSONWebServiceException',
  ],
  ['6.2', 'fixtures/discovery/6.2/portal.json', 'java.lang.RuntimeException'],
] as const;

describe.each(formats)('a client generated over HTTP from a mock %s portal', (format, fixture, noSuchActionType) => {
  let portal: MockPortal;
  let sync: Module;
  let callback: Module;
  const requests: string[] = [];

  beforeAll(async () => {
    portal = await startMockPortal({
      discovery: [join(projectRoot, fixture)],
      port: 0,
      user: USER,
      password: PASSWORD,
      onRequest: (line) => requests.push(line),
    });
    const out = e2eFolder(`mock-${format}`);
    await rm(out, { recursive: true, force: true });
    const cli = join(projectRoot, 'bin', 'liferay-sdk-builder.js');
    const env = { ...process.env, LIFERAY_USER: USER, LIFERAY_PASSWORD: PASSWORD };
    const generated = await run(process.execPath, [cli, 'generate', '--url', portal.url, '--out', out, '--no-cache'], {
      env,
      cwd: projectRoot,
    });
    expect(generated.stdout).toMatch(/^wrote liferay-portal-client to /);
    expect(`${generated.stdout}${generated.stderr}`).not.toContain(PASSWORD);
    await run(process.execPath, [join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', out], {
      cwd: projectRoot,
    });
    sync = (await import(/* @vite-ignore */ pathToFileURL(join(out, 'dist', 'index.js')).href)) as Module;
    callback = (await import(
      /* @vite-ignore */ pathToFileURL(join(out, 'dist', 'callback', 'index.js')).href
    )) as Module;
  }, 180_000);

  afterAll(async () => {
    await portal.close();
  });

  const session = (password = PASSWORD) =>
    new sync.Session({ server: portal.url, authentication: new sync.BasicAuthentication(USER, password) });
  const service = (module: Module, name: string, invoker: unknown) => new (module[name] as ServiceClass)(invoker);
  const groupEntries = { groupId: 1084, status: 0, start: -1, end: -1 };

  it('calls in sync style and gets results shaped by the return type', async () => {
    const entries = (await methodOf(
      service(sync, 'BlogsEntryService', session()),
      'getGroupEntries',
    )(groupEntries)) as { groupId: number; title: string }[];
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(entry.groupId).toBe(1084);
      expect(typeof entry.title).toBe('string');
    }
  });

  it('calls in callback style: returns at once, then onSuccess exactly once', async () => {
    const calls: string[] = [];
    const done = new Promise<unknown>((resolve, reject) => {
      methodOf(service(callback, 'BlogsEntryService', session()), 'getEntry')(
        { entryId: 7 },
        {
          onSuccess: (entry: unknown) => {
            calls.push('success');
            resolve(entry);
          },
          onFailure: (error: Error) => {
            calls.push('failure');
            reject(error);
          },
        },
      );
      calls.push('returned');
    });
    expect(await done).toMatchObject({ entryId: 7 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toEqual(['returned', 'success']);
  });

  it('sends a batch as one request and routes each result', async () => {
    const before = requests.length;
    const [entry, user] = await session().batch((batch) => [
      methodOf(service(sync, 'BlogsEntryService', batch), 'getEntry')({ entryId: 11 }) as Promise<unknown>,
      methodOf(service(sync, 'UserService', batch), 'getUserById')({ userId: 20156 }) as Promise<unknown>,
    ]);
    expect(entry).toMatchObject({ entryId: 11 });
    expect(user).toMatchObject({ userId: 20156 });
    expect(requests.slice(before)).toEqual(['POST /api/jsonws/invoke 200 /blogsentry/get-entry /user/get-user-by-id']);
  });

  it('uploads a file as a multipart request to the path-style URL', async () => {
    const before = requests.length;
    const bytes = new TextEncoder().encode('hello from the end-to-end test');
    const added = await methodOf(
      service(sync, 'DLAppService', session()),
      'addFileEntry',
    )({
      repositoryId: 20143,
      folderId: 0,
      sourceFileName: 'hello.txt',
      mimeType: 'text/plain',
      title: 'hello.txt',
      description: '',
      changeLog: '',
      file: bytes,
    });
    expect(added).toBeTypeOf('object');
    expect(requests.slice(before)).toEqual(['POST /api/jsonws/dlapp/add-file-entry 200 /dlapp/add-file-entry']);
  });

  it('rejects wrong credentials with AuthenticationError', async () => {
    const call = methodOf(
      service(sync, 'UserService', session('wrong')),
      'getUserById',
    )({ userId: 1 }) as Promise<unknown>;
    const error = await call.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(sync.AuthenticationError);
    expect(String((error as Error).message)).not.toContain('wrong');
  });

  it("answers an unknown action with a ServerError of the portal's exception type", async () => {
    const error = await session()
      .invoke(['/blogsentry/no-such-action', [['entryId']]], { entryId: 1 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(sync.ServerError);
    expect((error as InstanceType<ClientRuntime['ServerError']>).type).toBe(noSuchActionType);
    expect((error as Error).message).toMatch(/No JSON web service action with path \/blogsentry\/no-such-action/);
  });

  it('answers parameter names that match no overload with a ServerError', async () => {
    const error = await session()
      .invoke(['/blogsentry/get-entry', [['entryKey']]], { entryKey: 1 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(sync.ServerError);
    expect((error as InstanceType<ClientRuntime['ServerError']>).type).toBe(noSuchActionType);
  });
});

/** The other fixtures, each generated over HTTP from the mock (plugin contexts with --context) and called once. */
const plugins = [
  [
    '7.x calendar plugin',
    ['fixtures/discovery/7.x/portal.json', 'fixtures/discovery/7.x/plugin-calendar.json'],
    'calendar',
    'CalendarService',
    'getCalendar',
    { calendarId: 5 },
    { calendarId: 5 },
  ],
  [
    '6.2 calendar-portlet',
    ['fixtures/discovery/6.2/portal.json', 'fixtures/discovery/6.2/plugin-calendar-portlet.json'],
    'calendar-portlet',
    'CalendarService',
    'getCalendar',
    { calendarId: 5 },
    { calendarId: 5 },
  ],
  // A legacy document describes no models, so the mock answers an undescribed class with a small object.
  [
    'legacy portal',
    ['fixtures/discovery/legacy/portal.json'],
    undefined,
    'BlogsEntryService',
    'getEntry',
    { entryId: 9 },
    { blogsEntryId: expect.any(Number) as unknown },
  ],
] as const;

describe.each(plugins)(
  'a client generated over HTTP from the mock %s',
  (_label, documents, context, className, method, parameters, expected) => {
    let portal: MockPortal;
    let sync: Module;

    beforeAll(async () => {
      portal = await startMockPortal({ discovery: documents.map((document) => join(projectRoot, document)), port: 0 });
      const out = e2eFolder(`mock-${_label.replace(/\W+/g, '-')}`);
      await rm(out, { recursive: true, force: true });
      const cli = join(projectRoot, 'bin', 'liferay-sdk-builder.js');
      const contextArgs = context === undefined ? [] : ['--context', context];
      await run(
        process.execPath,
        [cli, 'generate', '--url', portal.url, ...contextArgs, '--out', out, '--no-cache', '--no-verify'],
        { cwd: projectRoot },
      );
      await run(process.execPath, [join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', out], {
        cwd: projectRoot,
      });
      sync = (await import(/* @vite-ignore */ pathToFileURL(join(out, 'dist', 'index.js')).href)) as Module;
    }, 180_000);

    afterAll(async () => {
      await portal.close();
    });

    it('calls through the built package and gets the entity it asked for', async () => {
      const session = new sync.Session({ server: portal.url });
      const result = await methodOf(new (sync[className] as ServiceClass)(session), method)(parameters);
      expect(result).toMatchObject(expected);
    });
  },
);
