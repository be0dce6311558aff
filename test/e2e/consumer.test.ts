/**
 * A generated package as an app sees it once installed: imported by its name, through its package.json
 * exports only. The app names a service's parameters type from `<package>/services/<id>`, adds properties
 * to models from `<package>/models` by declaration merging, calls through both styles, and is type-checked
 * under the strictest options with NodeNext resolution; then it runs.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockPortal } from '../../src/mock/index.js';
import { temporaryFolder } from '../helpers/temporary.js';
import { startPortalServer, type PortalServer } from '../helpers/portal-server.js';
import { buildPackage, tsc, type BuiltPackage } from './built-package.js';
import { projectRoot } from './fixture-documents.js';

const run = promisify(execFile);

/** The app, calling the portal at `server`. */
const app = (
  server: string,
) => `import { BlogsEntryService, GroupService, LiferayError, Session } from 'liferay-portal-client';
import { BlogsEntryService as CallbackBlogsEntryService } from 'liferay-portal-client/callback';
import type { GetEntryParameters } from 'liferay-portal-client/services/blogsentry';
// @ts-expect-error: the runtime's internal module is for the generated code only, not in the exports map
import type { ActionSpec } from 'liferay-portal-client/runtime/internal';

const session = new Session({ server: ${JSON.stringify(server)} });
const parameters: GetEntryParameters = { entryId: 7 };
// @ts-expect-error: entryId is a number
const wrong: GetEntryParameters = { entryId: 'seven' };
// @ts-expect-error: exchange is @internal, stripped from the declarations
void session.exchange;
// The methods are on the prototype before any instance: an app can wrap one.
let wrapped = 0;
const getEntry = BlogsEntryService.prototype.getEntry;
BlogsEntryService.prototype.getEntry = function (this: BlogsEntryService, ...args: unknown[]) {
  wrapped += 1;
  return (getEntry as (...args: unknown[]) => unknown).apply(this, args);
} as typeof getEntry;
const entry = await new BlogsEntryService(session).getEntry(parameters);
const fromCallback = await new Promise((resolve, reject) =>
  new CallbackBlogsEntryService(session).getEntry({ entryId: 8 }, { onSuccess: resolve, onFailure: reject }),
);
const refused = await new BlogsEntryService(session).getEntry(5 as never).catch((error: unknown) => error);
// An action without parameters is called without an argument (the command carries {}); one with them is not.
const sites = await new GroupService(session).getUserSitesGroups();
// @ts-expect-error: getEntry takes its entryId
void (() => new BlogsEntryService(session).getEntry());
const code = refused instanceof LiferayError ? refused.code : 'not a LiferayError';
console.log(JSON.stringify({ entry, fromCallback, wrapped, code, sites, unused: typeof wrong + typeof ({} as ActionSpec) }));
await session.close();
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    types: [],
    lib: ['ES2022', 'DOM'],
    skipLibCheck: false,
    outDir: 'out',
  },
  include: ['app.ts'],
};

/** The app's own folder, with the package generated from `fixture` installed under its name. */
async function consumerOf(fixture: string, label: string): Promise<{ built: BuiltPackage; folder: string }> {
  const built = await buildPackage(fixture, label);
  const folder = await temporaryFolder('lsb-consumer-');
  await mkdir(join(folder, 'node_modules'));
  await symlink(built.out, join(folder, 'node_modules', 'liferay-portal-client'), 'dir');
  await writeFile(join(folder, 'package.json'), JSON.stringify({ name: 'app', type: 'module', private: true }));
  await writeFile(join(folder, 'tsconfig.json'), JSON.stringify(TSCONFIG));
  return { built, folder };
}

/** Type-checks `source` as the app and runs it; resolves with what it printed, parsed. */
async function checkAndRun(folder: string, source: string): Promise<unknown> {
  await writeFile(join(folder, 'app.ts'), source);
  await expect(run(process.execPath, [tsc, '-p', folder], { cwd: folder })).resolves.toBeDefined();
  const { stdout } = await run(process.execPath, [join(folder, 'out', 'app.js')], { cwd: folder });
  return JSON.parse(stdout) as unknown;
}

describe('an app using the generated package by its name', () => {
  let built: BuiltPackage;
  let folder: string;
  beforeAll(async () => {
    ({ built, folder } = await consumerOf('fixtures/discovery/7.x/portal.json', 'consumer'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('type-checks against its exports (the parameters type of a service included), and runs', async () => {
    // Each call is one command ({ path: parameters }) in the posted list; the answer lists one result per command.
    const portal: PortalServer = await startPortalServer((request, response) => {
      const commands = JSON.parse(request.body) as Record<string, { entryId: number }>[];
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify(commands.map((command) => ({ entryId: Object.values(command)[0]?.entryId }))));
    });
    try {
      expect(await checkAndRun(folder, app(portal.url))).toEqual({
        entry: { entryId: 7 },
        fromCallback: { entryId: 8 },
        wrapped: 2,
        code: 'LIFERAY_INVALID_PARAMETERS',
        sites: {},
        unused: 'objectobject',
      });
    } finally {
      await portal.close();
    }
  });

  it('ships declarations without the @internal members, and the internal module only for its own modules', async () => {
    const declarations = (name: string) => readFile(join(built.out, 'dist', 'runtime', name), 'utf8');
    const session = await declarations('session.d.ts');
    expect(session).toContain('export declare class Session');
    for (const internal of ['exchange', 'send(commands', 'Attempt']) expect(session).not.toContain(internal);
    expect(await declarations('errors.d.ts')).not.toContain('readonly brand');
    const exports = (
      JSON.parse(await readFile(join(built.out, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }
    ).exports;
    expect(Object.keys(exports).filter((path) => path.includes('internal'))).toEqual([]);
  });
});

/**
 * The app declares what its portal has beyond the document: properties of an undescribed model (Folder) and
 * one more of a described model (FileEntry), in both call styles' results; undeclared ones stay indexable.
 */
const augmentingApp = (server: string) => `import { Session, ValuesService } from 'liferay-portal-client';
import { ValuesService as CallbackValuesService } from 'liferay-portal-client/callback';
import type { FileEntry, Folder } from 'liferay-portal-client/models';

declare module 'liferay-portal-client/models' {
  interface Folder {
    folderId: number;
    name: string;
  }
  interface FileEntry {
    description: string;
  }
}

const session = new Session({ server: ${JSON.stringify(server)} });
const values = new ValuesService(session);
const folder: Folder | null = await values.getFolder({ folderId: 7 });
const folderId: number | undefined = folder?.folderId;
const name: string | undefined = folder?.name;
const undeclared: unknown = folder?.['companyId'];
// @ts-expect-error: a declared property has the declared type
const wrongName: number | undefined = folder?.name;
const entry: FileEntry | null = await values.getFileEntry({ fileEntryId: 8 });
const title: string | undefined = entry?.title;
const description: string | undefined = entry?.description;
// @ts-expect-error: a described property keeps the portal's type
const wrongTitle: number | undefined = entry?.title;
const fromCallback = await new Promise<Folder | null>((resolve, reject) =>
  new CallbackValuesService(session).getFolder({ folderId: 9 }, { onSuccess: resolve, onFailure: reject }),
);
const callbackName: string | undefined = fromCallback?.name;
console.log(JSON.stringify({
  folderId,
  name: typeof name,
  undeclared: typeof undeclared,
  entry: [entry?.fileEntryId, typeof title],
  callbackFolderId: fromCallback?.folderId,
  unused: [typeof wrongName, typeof wrongTitle, typeof description, typeof callbackName],
}));
await session.close();
`;

describe('an app adding the properties its portal has to the models', () => {
  let folder: string;
  beforeAll(async () => {
    ({ folder } = await consumerOf('fixtures/discovery/7.x/value-classes.json', 'consumer-models'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it("merges them into the models of <package>/models, which type both call styles' results, and runs", async () => {
    const portal = await startMockPortal({
      discovery: [join(projectRoot, 'fixtures/discovery/7.x/value-classes.json')],
      port: 0,
    });
    try {
      expect(await checkAndRun(folder, augmentingApp(portal.url))).toEqual({
        folderId: 7,
        name: 'string',
        undeclared: 'number',
        entry: [8, 'string'],
        callbackFolderId: 9,
        unused: ['string', 'string', 'undefined', 'string'],
      });
    } finally {
      await portal.close();
    }
  });
});
