/**
 * The Node API as a build script sees it: the library compiled by `tsc` as `npm run build` does, installed
 * into an app, its declarations type-checking the examples of docs/examples/ under NodeNext and strict
 * options, and the examples run against the mock portal: one generates a client's sources, one lists the
 * services through the model types.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startMockPortal, type MockPortal } from '../../src/mock/index.js';
import { tsc } from './built-package.js';
import { projectRoot } from './fixture-documents.js';

const run = promisify(execFile);
/** Inside the project: the app finds @types/node up the tree, as it would in its own node_modules. */
const folder = join(projectRoot, '.cache', 'e2e', 'node-api');
const pkg = join(folder, 'liferay-sdk-builder');
const app = join(folder, 'app');
const USER = 'test@liferay.com';
const PASSWORD = 'test';

let portal: MockPortal;

beforeAll(async () => {
  await rm(folder, { recursive: true, force: true });
  // The package as installed: package.json, the library as tsc builds it, and the files it reads at run time.
  await mkdir(pkg, { recursive: true });
  await run(process.execPath, [tsc, '-p', join(projectRoot, 'tsconfig.json'), '--outDir', join(pkg, 'dist')], {
    cwd: projectRoot,
  });
  await cp(join(projectRoot, 'package.json'), join(pkg, 'package.json'));
  for (const entry of ['templates', 'src', 'fixtures', 'node_modules'])
    await symlink(join(projectRoot, entry), join(pkg, entry), 'dir');
  await mkdir(join(app, 'node_modules'), { recursive: true });
  await symlink(pkg, join(app, 'node_modules', 'liferay-sdk-builder'), 'dir');
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'app', type: 'module', private: true }));
  const compilerOptions = {
    target: 'ES2022',
    lib: ['ES2022'],
    types: ['node'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    rootDir: 'scripts',
    outDir: 'build',
  };
  await writeFile(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['scripts'] }));
  await cp(join(projectRoot, 'docs', 'examples'), join(app, 'scripts'), { recursive: true });
  portal = await startMockPortal({ port: 0, user: USER, password: PASSWORD });
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await rm(folder, { recursive: true, force: true });
});

const env = () => ({
  ...process.env,
  LIFERAY_URL: portal.url,
  LIFERAY_USER: USER,
  LIFERAY_PASSWORD: PASSWORD,
  XDG_CACHE_HOME: join(folder, 'cache'),
});

describe('the Node API', () => {
  it("type-checks the examples against the package's declarations", async ({ expect }) => {
    const compiled = await run(process.execPath, [tsc, '-p', app], { cwd: app }).then(
      () => '',
      (error: Error & { stdout?: string }) => error.stdout ?? error.message,
    );
    expect(compiled).toBe('');
    expect((await readdir(join(app, 'build'))).sort()).toEqual(['generate-client.js', 'list-services.js']);
  });

  it("generates a client's sources from a build script, and nothing the second time", async ({ expect }) => {
    const first = await run(process.execPath, ['build/generate-client.js'], { cwd: app, env: env() });
    expect(first.stdout).toBe(`wrote: ${join(app, 'src', 'liferay')} (7 services, 19 methods)\n`);
    expect((await readdir(join(app, 'src', 'liferay'))).sort()).toEqual([
      '.liferay-sdk-builder',
      'index.ts',
      'liferay-sdk.json',
      'models.ts',
      'runtime',
      'services',
    ]);
    const second = await run(process.execPath, ['build/generate-client.js'], { cwd: app, env: env() });
    expect(second.stdout).toBe(`up to date: ${join(app, 'src', 'liferay')} (7 services, 19 methods)\n`);
  });

  it('lists services and signatures through discover() and the model types, and reports a failure by its code', async ({
    expect,
  }) => {
    const listed = await run(process.execPath, ['build/list-services.js', 'blogsentry'], { cwd: app, env: env() });
    const lines = listed.stdout.split('\n');
    expect(lines[0]).toBe('Liferay 7.0.6, 7.x discovery');
    expect(lines[1]).toBe('BlogsEntryService (/blogsentry, context portal)');
    expect(lines).toContain('  getEntry(entryId: long): com.liferay.blogs.kernel.model.BlogsEntry');
    const refused = await run(process.execPath, ['build/generate-client.js'], {
      cwd: app,
      env: { ...env(), LIFERAY_PASSWORD: 'wrong' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toMatch(
      /^liferay client: Access denied \(HTTP 401\) at .* \[discovery\.unauthorized\]\n$/,
    );
  });
});
