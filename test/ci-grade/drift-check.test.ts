/**
 * `generate --check` as CI runs it: exit 0 and not a byte (nor an mtime) touched when the committed package
 * is up to date; exit 1 with an exact summary of files and of services, methods and signatures when the
 * portal changed; the same as JSON with --json; every file "added" when the output is missing.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { folderState, packageFiles, projectRoot, removeTemporaryFolders, runBuilder, temporaryFolder } from './builder.js';
import { PORTAL_FIXTURE, upgradedPortal, writeDocument } from './documents.js';

const portalFixture = join(projectRoot, PORTAL_FIXTURE);
const STALE = 'error: 1 generated package out of date: run the same command without --check to regenerate\n';
let parent: string;
let out: string;
let upgraded: string;

beforeAll(async () => {
  parent = await temporaryFolder();
  out = join(parent, 'portal');
  upgraded = await writeDocument(parent, 'upgraded.json', upgradedPortal());
  const run = await runBuilder(['generate', '--discovery', portalFixture, '--out', out, '--no-verify', '--no-cache']);
  if (run.code !== 0) throw new Error(`generate failed: ${run.stderr}`);
});
afterAll(removeTemporaryFolders);

const check = (document: string, target: string, ...extra: string[]) =>
  runBuilder(['generate', '--check', '--discovery', document, '--out', target, '--no-verify', '--no-cache', ...extra]);

// Every generated file's header names the document's hash: all of them change.
const CHANGED = [
  'README.md',
  'src/callback/index.ts',
  'src/index.ts',
  'src/models.ts',
  ...['blogsentry', 'dlapp', 'dlfileentry', 'group', 'index', 'user'].map((name) => `src/services/${name}.ts`),
];
const API = {
  addedServices: ['FooService'],
  removedServices: ['LayoutService'],
  addedMethods: [],
  removedMethods: ['BlogsEntryService.deleteEntry'],
  changedMethods: ['GroupService.getGroup', 'UserService.getUserById'],
};
const NO_API_CHANGE = { addedServices: [], removedServices: [], addedMethods: [], removedMethods: [], changedMethods: [] };

describe.concurrent('generate --check', () => {
  it('exits 0 on an up-to-date output and writes nothing: same bytes, same mtimes, no staging folder', async ({ expect }) => {
    const before = await folderState(out);
    const run = await check(portalFixture, out);
    expect(run).toEqual({ code: 0, stdout: `${out}: up to date (${(await packageFiles(out)).length} files)\n`, stderr: '' });
    expect(await folderState(out)).toEqual(before);
    expect((await readdir(parent)).sort()).toEqual(['portal', 'upgraded.json']);
  });

  it('exits 1 after the portal changed, naming the files and the services, methods and signatures that differ', async ({ expect }) => {
    const before = await folderState(out);
    const run = await check(upgraded, out);
    const line = (label: string, items: readonly string[]) => `  ${label} (${items.length}):\n${items.map((item) => `    ${item}\n`).join('')}`;
    expect(run).toEqual({
      code: 1,
      stdout:
        `${out}: out of date\n` +
        line('files added', ['src/services/foo.ts']) +
        line('files removed', ['src/services/layout.ts']) +
        line('files changed', CHANGED) +
        line('services added', API.addedServices) +
        line('services removed', API.removedServices) +
        line('methods removed', API.removedMethods) +
        line('signatures changed', API.changedMethods),
      stderr: STALE,
    });
    expect(await folderState(out)).toEqual(before);
  });

  it('prints the same as JSON with --json, up to date or not', async ({ expect }) => {
    const drifted = await check(upgraded, out, '--json');
    expect({ ...drifted, stdout: JSON.parse(drifted.stdout) as unknown }).toEqual({
      code: 1,
      stdout: {
        upToDate: false,
        packages: [
          {
            context: 'portal',
            out,
            added: ['src/services/foo.ts'],
            removed: ['src/services/layout.ts'],
            changed: CHANGED,
            api: API,
          },
        ],
      },
      stderr: STALE,
    });
    const current = await check(portalFixture, out, '--json');
    expect(current).toEqual({
      code: 0,
      stdout: `${JSON.stringify({ upToDate: true, packages: [{ context: 'portal', out, added: [], removed: [], changed: [], api: NO_API_CHANGE }] }, null, 2)}\n`,
      stderr: '',
    });
  });

  it('fails like a write would (exit 12) when --out is a file', async ({ expect }) => {
    expect(await check(portalFixture, upgraded)).toEqual({ code: 12, stdout: '', stderr: `error: --out ${upgraded} exists but is not a folder\n` });
  });

  it('exits 1 when the output is missing, listing every file it would write as added, and creates nothing', async ({ expect }) => {
    const missing = join(await temporaryFolder(), 'nothing-here');
    const run = await check(portalFixture, missing, '--json');
    const services = ['BlogsEntryService', 'DLAppService', 'DLFileEntryService', 'GroupService', 'LayoutService', 'UserService'];
    expect({ ...run, stdout: JSON.parse(run.stdout) as unknown }).toEqual({
      code: 1,
      stdout: {
        upToDate: false,
        packages: [{ context: 'portal', out: missing, added: await packageFiles(out), removed: [], changed: [], api: { ...NO_API_CHANGE, addedServices: services } }],
      },
      stderr: STALE,
    });
    expect(existsSync(missing)).toBe(false);
  });
});
