/**
 * `generate --layout sources`: only the TypeScript sources, written into an app's own source tree and
 * compiled by the app's own tsc, under NodeNext as an ES module app and as a CommonJS app, and under bundler
 * resolution with a bundler (esbuild); each app then calls the mock portal. And what the layout means for
 * --check and for folders the generator does not own.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startMockPortal, type MockPortal } from '../../src/mock/index.js';
import { fixture as readFixture, PORTAL_FIXTURE, upgradedPortal, writeDocument } from '../cli-end-to-end/documents.js';
import { runCli } from '../cli/run-cli.js';
import { tsc } from './built-package.js';
import { projectRoot } from './fixture-documents.js';

const run = promisify(execFile);
const fixture = join(projectRoot, 'fixtures/discovery/7.x/portal.json');
/** Inside the project, so that the apps find @types/node and undici in its node_modules, as an app would its own. */
const apps = join(projectRoot, '.cache', 'e2e', 'sources-layout');
const USER = 'test@liferay.com';
const PASSWORD = 'test';

/** The app's code: a call in each style, printed as JSON. */
const calls = `const session = new Session({ server: process.argv[2] ?? '', authentication: new BasicAuthentication(${JSON.stringify(USER)}, ${JSON.stringify(PASSWORD)}) });
  const entries = await new BlogsEntryService(session).getGroupEntries({ groupId: 1084, status: 0, start: -1, end: -1 });
  const user = await new Promise((resolve, reject) => new CallbackUserService(session).getUserById({ userId: 5 }, { onSuccess: resolve, onFailure: reject }));
  console.log(JSON.stringify({ entries: entries.length, title: typeof entries[0]?.title, user }));`;
const imports = `import { BasicAuthentication, BlogsEntryService, Session } from './liferay/index.js';
import { UserService as CallbackUserService } from './liferay/callback/index.js';`;

const strict = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  verbatimModuleSyntax: false,
  skipLibCheck: false,
};

interface App {
  readonly packageJson: object;
  readonly tsconfig: object;
  readonly main: string;
  /** Builds the app; returns the file node runs. */
  build(folder: string): Promise<string>;
}

const compile = async (folder: string) => {
  await run(process.execPath, [tsc, '-p', folder], { cwd: folder });
};

/** Node's own module resolution: the same for an ES module app and a CommonJS one (package.json's type decides). */
const NODE_NEXT = {
  compilerOptions: {
    ...strict,
    target: 'ES2022',
    lib: ['ES2022'],
    types: ['node'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    rootDir: 'src',
    outDir: 'dist',
  },
  include: ['src'],
};

const APPS: Readonly<Record<string, App>> = {
  'NodeNext, ES module': {
    packageJson: { type: 'module', private: true },
    tsconfig: NODE_NEXT,
    main: `${imports}\n${calls.replaceAll('\n  ', '\n')}\n`,
    build: async (folder) => (await compile(folder), join(folder, 'dist', 'main.js')),
  },
  'NodeNext, CommonJS': {
    packageJson: { type: 'commonjs', private: true },
    tsconfig: NODE_NEXT,
    main: `${imports}\nasync function main(): Promise<void> {\n  ${calls}\n}\nvoid main();\n`,
    build: async (folder) => (await compile(folder), join(folder, 'dist', 'main.js')),
  },
  'bundler resolution, bundled by esbuild': {
    packageJson: { type: 'module', private: true },
    tsconfig: {
      compilerOptions: {
        ...strict,
        target: 'ES2022',
        lib: ['ES2022', 'DOM'],
        types: ['node'],
        module: 'ESNext',
        moduleResolution: 'Bundler',
        noEmit: true,
      },
      include: ['src'],
    },
    main: `${imports}\n${calls.replaceAll('\n  ', '\n')}\n`,
    build: async (folder) => {
      await compile(folder);
      const outfile = join(folder, 'bundle', 'main.mjs');
      await build({
        entryPoints: [join(folder, 'src', 'main.ts')],
        bundle: true,
        platform: 'node',
        format: 'esm',
        outfile,
        logLevel: 'silent',
      });
      return outfile;
    },
  },
};

let portal: MockPortal;
let sources: string;
let firstRun: Awaited<ReturnType<typeof runCli>>;

beforeAll(async () => {
  await rm(apps, { recursive: true, force: true });
  await mkdir(apps, { recursive: true });
  portal = await startMockPortal({ port: 0, user: USER, password: PASSWORD });
  // Once through the CLI, verify on (it type-checks the sources with the package's tsconfig): the apps copy it.
  sources = join(apps, 'generated');
  firstRun = await runCli(['generate', '--discovery', fixture, '--out', sources, '--layout', 'sources', '--no-cache']);
  if (firstRun.code !== 0) throw new Error(`generate --layout sources failed: ${firstRun.stderr}`);
});

afterAll(async () => {
  await portal.close();
  await rm(apps, { recursive: true, force: true });
});

describe('generate --layout sources', () => {
  it('writes only the TypeScript sources: the index modules, models, services and runtime, its marker and its provenance', async ({
    expect,
  }) => {
    const files = (await readdir(sources, { recursive: true })).filter((path) => path.includes('.')).sort();
    expect(files).toContain('.liferay-sdk-builder');
    expect(files.filter((path) => !path.endsWith('.ts'))).toEqual(['.liferay-sdk-builder', 'liferay-sdk.json']);
    for (const path of [
      'index.ts',
      'models.ts',
      'services/index.ts',
      'services/blogsentry.ts',
      'callback/index.ts',
      'runtime/index.ts',
      'runtime/session.ts',
    ])
      expect(files).toContain(path);
    // No README in sources: the header points to liferay-sdk.json.
    expect((await readFile(join(sources, 'services', 'user.ts'), 'utf8')).split('\n')[0]).toBe(
      '// Generated by liferay-sdk-builder. DO NOT EDIT: regenerate it with the command in liferay-sdk.json at the root of these generated sources.',
    );
    // Sources are the app's: no package name or version of their own in the summary.
    expect(firstRun.stdout).toBe(
      `wrote the sources to ${sources}: context portal, 7 services, 19 methods (31 actions), 6 models, ${files.length - 1} files\n`,
    );
  });

  it.for(Object.entries(APPS))('compiles and runs in an app with %s', async ([name, app], { expect }) => {
    const folder = join(apps, name.replace(/[^a-z]+/gi, '-'));
    await mkdir(join(folder, 'src'), { recursive: true });
    await cp(sources, join(folder, 'src', 'liferay'), { recursive: true });
    await writeFile(join(folder, 'package.json'), JSON.stringify(app.packageJson));
    await writeFile(join(folder, 'tsconfig.json'), JSON.stringify(app.tsconfig));
    await writeFile(join(folder, 'src', 'main.ts'), app.main);
    const main = await app.build(folder).catch((error: { stdout?: string; message: string }) => {
      throw new Error(`${name}: ${error.stdout ?? ''}${error.message}`);
    });
    const { stdout } = await run(process.execPath, [main, portal.url], { cwd: folder });
    const result = JSON.parse(stdout) as { entries: number; title: string; user: { userId?: unknown } };
    expect(result.entries).toBeGreaterThan(0);
    expect(result.title).toBe('string');
    expect(result.user.userId).toBe(5);
  });

  it('--check finds the sources up to date; --emit js is refused (exit 2)', async ({ expect }) => {
    const check = await runCli([
      'generate',
      '--check',
      '--discovery',
      fixture,
      '--out',
      sources,
      '--layout',
      'sources',
      '--no-cache',
      '--no-verify',
    ]);
    expect(check).toMatchObject({ code: 0, stderr: '' });
    expect(check.stdout).toMatch(/: up to date \(\d+ files\)\n$/);
    expect(
      await runCli([
        'generate',
        '--discovery',
        fixture,
        '--out',
        join(apps, 'js'),
        '--layout',
        'sources',
        '--emit',
        'js',
      ]),
    ).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: --layout sources writes TypeScript sources for your own build: it cannot be combined with --emit js\n',
    });
  });

  it('--check reports and classifies the API changes of sources, names no version, and --fail-on decides', async ({
    expect,
  }) => {
    const checkAgainst = (document: string, ...extra: string[]) =>
      runCli([
        'generate',
        '--check',
        '--discovery',
        document,
        '--out',
        sources,
        '--layout',
        'sources',
        '--no-cache',
        '--no-verify',
        ...extra,
      ]);
    const major = await checkAgainst(
      await writeDocument(apps, 'upgraded.json', upgradedPortal()),
      '--fail-on',
      'major',
    );
    expect(major.code).toBe(1);
    const lines = major.stdout.split('\n');
    expect(lines[0]).toBe(`${sources}: out of date; API change: major`);
    expect(lines).toEqual(
      expect.arrayContaining([
        '  files added (1):',
        '    services/foo.ts',
        '  major: service LayoutService removed',
        '  minor: service FooService added',
      ]),
    );
    const minorDocument = readFixture(PORTAL_FIXTURE);
    minorDocument.services.push({
      method: 'GET',
      name: 'Foo#getBar',
      path: '/foo/get-bar',
      parameters: [{ name: 'barId', type: 'long' }],
      returns: { type: 'long' },
    });
    const minor = await checkAgainst(
      await writeDocument(apps, 'minor.json', minorDocument),
      '--fail-on',
      'major',
      '--json',
    );
    expect(minor.code).toBe(0);
    expect(JSON.parse(minor.stdout)).toMatchObject({
      upToDate: false,
      semver: 'minor',
      packages: [{ semver: 'minor', previousVersion: null, version: null }],
    });
  });

  it("never writes into an app folder it did not make (exit 12), and leaves the app's own files beside it alone", async ({
    expect,
  }) => {
    const app = join(apps, 'own-src');
    await mkdir(join(app, 'src'), { recursive: true });
    await writeFile(join(app, 'src', 'main.ts'), 'export {};\n');
    const into = (out: string) =>
      runCli(['generate', '--discovery', fixture, '--out', out, '--layout', 'sources', '--no-cache', '--no-verify']);
    expect((await into(join(app, 'src'))).code).toBe(12);
    expect(await readdir(join(app, 'src'))).toEqual(['main.ts']);
    expect((await into(join(app, 'src', 'liferay'))).code).toBe(0);
    expect((await into(join(app, 'src', 'liferay'))).code).toBe(0);
    expect((await readdir(join(app, 'src'))).sort()).toEqual(['liferay', 'main.ts']);
  });
});
