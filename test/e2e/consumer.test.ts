/**
 * A generated package as an app sees it once installed: imported by its name, through its package.json
 * exports only. The app names a service's parameters type from `<package>/services/<id>`, calls through
 * both styles, and is type-checked under the strictest options with NodeNext resolution; then it runs.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../helpers/temporary.js';
import { startPortalServer, type PortalServer } from '../helpers/portal-server.js';
import { buildPackage, tsc, type BuiltPackage } from './built-package.js';

const run = promisify(execFile);

/** The app, calling the portal at `server`. */
const app = (server: string) => `import { BlogsEntryService, LiferayError, Session } from 'liferay-portal-client';
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
const code = refused instanceof LiferayError ? refused.code : 'not a LiferayError';
console.log(JSON.stringify({ entry, fromCallback, wrapped, code, unused: typeof wrong + typeof ({} as ActionSpec) }));
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

describe('an app using the generated package by its name', () => {
  let built: BuiltPackage;
  let folder: string;
  beforeAll(async () => {
    built = await buildPackage('fixtures/discovery/7.x/portal.json', 'consumer');
    folder = await temporaryFolder('lsb-consumer-');
    await mkdir(join(folder, 'node_modules'));
    await symlink(built.out, join(folder, 'node_modules', 'liferay-portal-client'), 'dir');
    await writeFile(join(folder, 'package.json'), JSON.stringify({ name: 'app', type: 'module', private: true }));
    await writeFile(join(folder, 'tsconfig.json'), JSON.stringify(TSCONFIG));
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
      await writeFile(join(folder, 'app.ts'), app(portal.url));
      await expect(run(process.execPath, [tsc, '-p', folder], { cwd: folder })).resolves.toBeDefined();
      const { stdout } = await run(process.execPath, [join(folder, 'out', 'app.js')], { cwd: folder });
      expect(JSON.parse(stdout)).toEqual({ entry: { entryId: 7 }, fromCallback: { entryId: 8 }, wrapped: 2, code: 'LIFERAY_INVALID_PARAMETERS', unused: 'objectobject' });
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
    const exports = (JSON.parse(await readFile(join(built.out, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }).exports;
    expect(Object.keys(exports).filter((path) => path.includes('internal'))).toEqual([]);
  });
});
