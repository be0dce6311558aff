/**
 * `generate` with nothing changed stops right after discovery (seen in `--json`'s upToDate and the
 * `--verbose` lines, never in timings), reports what the last run reported and touches nothing; a change runs
 * the whole pipeline again. Through the real CLI, each test with its own cache folder: a few of each kind of
 * change (the document's bytes, an option, the working folder, the generator's own files, the generated
 * files, an interrupted write, a damaged record). Every option, every kind of change of the output and every
 * kind of damage is a table of pure functions in run-record.test.ts.
 */
import { existsSync } from 'node:fs';
import { appendFile, copyFile, cp, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  folderState,
  projectRoot,
  removeTemporaryFolders,
  runNode,
  temporaryFolder,
  type Run,
} from '../cli-end-to-end/builder.js';
import { PORTAL_FIXTURE } from '../cli-end-to-end/documents.js';

const BIN = join(projectRoot, 'bin', 'liferay-sdk-builder.js');
/** Caches filled once (formatted and finished files, no run records), copied into each test's cache folder. */
let seed: string;

beforeAll(async () => {
  seed = await temporaryFolder('lsb-up-to-date-seed-');
  const run = await runNode(
    [BIN, 'generate', '--discovery', join(projectRoot, PORTAL_FIXTURE), '--out', join(seed, 'client'), '--no-verify'],
    { env: { XDG_CACHE_HOME: seed } },
  );
  if (run.code !== 0) throw new Error(`seeding the caches failed: ${run.stderr}`);
  await rm(join(seed, 'liferay-sdk-builder', 'runs'), { recursive: true });
});
afterAll(removeTemporaryFolders);

interface Summary {
  readonly upToDate: boolean;
  readonly packages: readonly { readonly out: string; readonly files: number; readonly services: number }[];
}

interface Project {
  readonly work: string;
  readonly document: string;
  readonly out: string;
  readonly cacheHome: string;
  /** `generate --json --no-verify` on the project's document into its output, plus `extra`. */
  generate(...extra: string[]): Promise<Summary>;
  /** The same with --verbose and without --json: the whole run. */
  verbose(...extra: string[]): Promise<Run>;
  /** `generate --json` with only these arguments, in `cwd` (default the project's folder), with the project's cache. */
  json(args: readonly string[], cwd?: string): Promise<Summary>;
}

async function project(bin = BIN): Promise<Project> {
  const work = await temporaryFolder('lsb-up-to-date-');
  const document = join(work, 'portal.json');
  await copyFile(join(projectRoot, PORTAL_FIXTURE), document);
  const out = join(work, 'client');
  const cacheHome = join(work, 'cache');
  await cp(join(seed, 'liferay-sdk-builder'), join(cacheHome, 'liferay-sdk-builder'), { recursive: true });
  const cli = (args: readonly string[], cwd = work) =>
    runNode([bin, 'generate', ...args], { cwd, env: { XDG_CACHE_HOME: cacheHome } });
  const json = async (args: readonly string[], cwd?: string) => {
    const result = await cli(['--json', ...args], cwd);
    if (result.code !== 0) throw new Error(`generate failed (exit ${String(result.code)}): ${result.stderr}`);
    return JSON.parse(result.stdout) as Summary;
  };
  const usual = ['--discovery', document, '--out', out];
  return {
    work,
    document,
    out,
    cacheHome,
    generate: (...extra) => json([...usual, '--no-verify', ...extra]),
    verbose: (...extra) => cli([...usual, '--no-verify', '--verbose', ...extra]),
    json,
  };
}

/** A project whose last run is recorded and still on disk: the next identical run is up to date. */
async function upToDateProject(): Promise<Project> {
  const fresh = await project();
  const first = await fresh.generate();
  if (first.upToDate) throw new Error('the first run of a fresh project cannot be up to date');
  return fresh;
}

const recordFolder = (p: Project) => join(p.cacheHome, 'liferay-sdk-builder', 'runs');

describe.concurrent('generate with nothing changed', () => {
  it('stops after discovery, reports what the last run wrote and touches nothing', async ({ expect }) => {
    const p = await project();
    const first = await p.generate();
    const before = await folderState(p.out);
    const second = await p.generate();
    expect(first.upToDate).toBe(false);
    expect(second).toEqual({ ...first, upToDate: true });
    expect(await folderState(p.out)).toEqual(before);
    const verbose = await p.verbose();
    const [summary] = first.packages;
    expect(verbose.code).toBe(0);
    expect(verbose.stdout).toBe(
      `liferay-portal-client in ${p.out} is up to date: version 1.0.0, context portal, 7 services, 19 methods (31 actions), 6 models, ${summary?.files ?? '?'} files\n`,
    );
    expect(verbose.stderr).toMatch(/^up-to-date: \d+ ms$/m);
    expect(verbose.stderr).toMatch(/^up to date: nothing changed since the last run, nothing written$/m);
    expect(verbose.stderr).not.toMatch(/^(model|render|format|write): /m);
    expect(await folderState(p.out)).toEqual(before);
  });

  it('generate --check says "up to date" (exit 0) without rendering anything', async ({ expect }) => {
    const p = await upToDateProject();
    const files = (await p.generate()).packages[0]?.files;
    const check = await p.verbose('--check');
    expect({ code: check.code, stdout: check.stdout }).toEqual({
      code: 0,
      stdout: `${p.out}: up to date (${String(files)} files, version 1.0.0)\n`,
    });
    expect(check.stderr).toMatch(/^up to date: nothing changed since the last run$/m);
    expect(check.stderr).not.toMatch(/^(model|render|format): /m);
  });

  it('a check that finds no drift is remembered: the next run is up to date', async ({ expect }) => {
    const p = await project();
    await p.generate('--no-cache');
    const check = await p.verbose('--check');
    expect(check.code).toBe(0);
    expect(check.stderr).toMatch(/^checking: no record of an earlier run of this command$/m);
    expect((await p.generate()).upToDate).toBe(true);
  });

  it('--no-cache never stops early', async ({ expect }) => {
    const p = await upToDateProject();
    expect((await p.generate('--no-cache')).upToDate).toBe(false);
    expect((await p.verbose('--no-cache')).stderr).toMatch(/^regenerating: no cache folder$/m);
  });
});

describe.concurrent('generate runs again when', () => {
  /** A verbose run: its exit code, what it wrote, and whether it gave `reason` for not stopping early. */
  const regenerates = async (p: Project, reason: RegExp) => {
    const run = await p.verbose();
    return { code: run.code, wrote: /^wrote /.test(run.stdout), reason: reason.test(run.stderr) };
  };

  it('the document has other bytes, even with the same meaning', async ({ expect }) => {
    const p = await upToDateProject();
    const before = await folderState(p.out);
    await appendFile(p.document, '\n');
    expect(
      await regenerates(p, /^regenerating: the documents, the options, the templates or the generator changed$/m),
    ).toEqual({ code: 0, wrote: true, reason: true });
    // Same meaning, same files.
    expect(new Map([...(await folderState(p.out))].map(([path, { bytes }]) => [path, bytes]))).toEqual(
      new Map([...before].map(([path, { bytes }]) => [path, bytes])),
    );
  });

  // Every option's share in the run's identity is a table in run-record.test.ts; one through the CLI here.
  it('an option changes: --name acme-portal-client', async ({ expect }) => {
    const option = ['--name', 'acme-portal-client'];
    const p = await upToDateProject();
    expect((await p.generate(...option)).upToDate).toBe(false);
    expect((await p.generate(...option)).upToDate).toBe(true);
    // Back to the first command: its record is still there, but the files it wrote are not (every option
    // is in the command that liferay-sdk.json and the README record).
    expect((await p.generate()).upToDate).toBe(false);
  });

  it('the output folder changes, or the working folder it is relative to', async ({ expect }) => {
    const p = await upToDateProject();
    expect(
      (await p.json(['--discovery', p.document, '--out', join(p.work, 'elsewhere'), '--no-verify'])).upToDate,
    ).toBe(false);
    await mkdir(join(p.work, 'sub'));
    const relative = async (cwd: string) =>
      (await p.json(['--discovery', p.document, '--out', 'rel', '--no-verify'], cwd)).upToDate;
    expect([await relative(p.work), await relative(p.work), await relative(join(p.work, 'sub'))]).toEqual([
      false,
      true,
      false,
    ]);
  });

  it("the generator's own files change: compiled code, bundled templates, runtime, version", async ({ expect }) => {
    // A copy of the builder, so that its files can change without touching the one under test.
    const builder = join(await temporaryFolder('lsb-builder-copy-'), 'liferay-sdk-builder');
    for (const entry of ['bin', 'dist', 'templates', 'src/runtime', 'package.json'])
      await cp(join(projectRoot, entry), join(builder, entry), { recursive: true });
    await symlink(join(projectRoot, 'node_modules'), join(builder, 'node_modules'));
    const p = await project(join(builder, 'bin', 'liferay-sdk-builder.js'));
    const changes: readonly (() => Promise<void>)[] = [
      // The CLI runs the bundle in dist/bin/: its entry and the chunks it loads.
      () => appendFile(join(builder, 'dist', 'bin', 'cli.js'), '\n// changed\n'),
      async () => {
        const chunk = (await readdir(join(builder, 'dist', 'bin'))).find((name) => name.startsWith('chunk-'));
        await appendFile(join(builder, 'dist', 'bin', chunk ?? 'missing-chunk.js'), '\n// changed\n');
      },
      () => appendFile(join(builder, 'templates', 'partials', 'method-doc.hbs'), '\n'),
      () => appendFile(join(builder, 'src', 'runtime', 'index.ts'), '\n'),
      async () => {
        const manifest = JSON.parse(await readFile(join(builder, 'package.json'), 'utf8')) as { version: string };
        await writeFile(
          join(builder, 'package.json'),
          JSON.stringify({ ...manifest, version: `${manifest.version}-next` }),
        );
      },
    ];
    expect((await p.generate()).upToDate).toBe(false);
    for (const change of changes) {
      expect((await p.generate()).upToDate).toBe(true);
      await change();
      expect((await p.generate()).upToDate).toBe(false);
    }
    // Eleven generations: more than the default timeout allows on a busy machine.
  }, 240_000);

  // Every kind of change of the output is a table in run-record.test.ts; two through the CLI here.
  const outputChanges: readonly (readonly [string, (out: string) => Promise<unknown>])[] = [
    ['a generated file is deleted', (out) => rm(join(out, 'src', 'services', 'user.ts'))],
    [
      'an interrupted write left its staging folder beside it',
      (out) => mkdir(join(out, '..', '.client.staging-0badf00d')),
    ],
  ];
  for (const [label, change] of outputChanges) {
    it(`${label}, which the run then puts right`, async ({ expect }) => {
      const p = await upToDateProject();
      const before = await folderState(p.out);
      await change(p.out);
      expect(await regenerates(p, /^regenerating: the generated files in .* changed$/m)).toEqual({
        code: 0,
        wrote: true,
        reason: true,
      });
      // The committed package is what the API is compared with: a service put back is an addition (1.1.0).
      const versioned = ['package.json', 'CHANGELOG.md'];
      const bytes = (state: typeof before) =>
        new Map(
          [...state]
            .filter(([path]) => !path.endsWith('.orig') && !versioned.includes(path))
            .map(([path, { bytes }]) => [path, bytes]),
        );
      expect(bytes(await folderState(p.out))).toEqual(bytes(before));
      const { version } = JSON.parse(await readFile(join(p.out, 'package.json'), 'utf8')) as { version: string };
      expect(version).toBe(label === 'a generated file is deleted' ? '1.1.0' : '1.0.0');
      expect((await readdir(p.work)).filter((name) => name.includes('staging'))).toEqual([]);
      expect((await p.generate()).upToDate).toBe(true);
    });
  }

  // Every kind of damage is a table in run-record.test.ts; one through the CLI here.
  const damages: readonly (readonly [string, (record: string) => Promise<unknown>])[] = [
    ['not JSON', (record) => writeFile(record, 'this is not a record')],
  ];
  for (const [label, damage] of damages) {
    it(`the record is damaged (${label}): a full run, never an error`, async ({ expect }) => {
      const p = await upToDateProject();
      // The store keeps each record under a folder named by the first two digits of its key.
      const [record] = (await readdir(recordFolder(p), { recursive: true, withFileTypes: true })).filter((entry) =>
        entry.isFile(),
      );
      await damage(join(record?.parentPath ?? '?', record?.name ?? '?'));
      expect(await regenerates(p, /^regenerating: no record of an earlier run of this command$/m)).toEqual({
        code: 0,
        wrote: true,
        reason: true,
      });
    });
  }

  it('the cache folder cannot be written: every run is a full one, and succeeds', async ({ expect }) => {
    const p = await project();
    // A file where the cache folder should be: nothing can be created under it, whoever runs the test.
    await rm(join(p.cacheHome, 'liferay-sdk-builder'), { recursive: true });
    await writeFile(join(p.cacheHome, 'liferay-sdk-builder'), 'in the way');
    expect((await p.generate()).upToDate).toBe(false);
    expect((await p.generate()).upToDate).toBe(false);
    expect(existsSync(join(p.out, 'src', 'index.ts'))).toBe(true);
  });

  it('the marker file is deleted: the run then refuses the folder, as it would without a cache (exit 12)', async ({
    expect,
  }) => {
    const p = await upToDateProject();
    await rm(join(p.out, '.liferay-sdk-builder'));
    const run = await p.verbose();
    expect(run.code).toBe(12);
    expect(run.stderr).toMatch(/^regenerating: the generated files in .* changed$/m);
    expect(run.stderr).toMatch(/^error: --out .* was not generated by liferay-sdk-builder/m);
  });
});
