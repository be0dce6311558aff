/**
 * `generate --check` as CI runs it: exit 0 and not a byte (nor an mtime) touched when the committed package
 * is up to date; exit 1 with an exact summary of files and of services, methods and signatures when the
 * portal changed; the same as JSON with --json; every file "added" when the output is missing.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  folderState,
  packageFiles,
  projectRoot,
  removeTemporaryFolders,
  runBuilder,
  temporaryFolder,
} from './builder.js';
import { PORTAL_FIXTURE, fixture, upgradedPortal, writeDocument, type RawDocument } from './documents.js';

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

// What the upgrade touches: the services it changes, their sections of the index modules, the counts in the
// README, the version, the changelog and the provenance file. No file changes only because the document did.
const CHANGED = [
  'CHANGELOG.md',
  'README.md',
  'liferay-sdk.json',
  'package.json',
  'src/callback/index.ts',
  'src/index.ts',
  ...['blogsentry', 'group', 'index', 'user'].map((name) => `src/services/${name}.ts`),
];
const CHANGES = [
  {
    semver: 'major',
    kind: 'method-removed',
    subject: 'BlogsEntryService.deleteEntry',
    message: 'method BlogsEntryService.deleteEntry removed',
  },
  { semver: 'major', kind: 'service-removed', subject: 'LayoutService', message: 'service LayoutService removed' },
  {
    semver: 'major',
    kind: 'parameter-type-changed',
    subject: 'UserService.getUserById(userId): userId',
    message: 'UserService.getUserById(userId): userId changed from number to string | null',
  },
  { semver: 'minor', kind: 'service-added', subject: 'FooService', message: 'service FooService added' },
  {
    semver: 'minor',
    kind: 'overload-added',
    subject: 'GroupService.getGroup(friendlyURL)',
    message: 'overload GroupService.getGroup(friendlyURL) added',
  },
];
const API = {
  addedServices: ['FooService'],
  removedServices: ['LayoutService'],
  addedMethods: [],
  removedMethods: ['BlogsEntryService.deleteEntry'],
  changedMethods: ['GroupService.getGroup', 'UserService.getUserById'],
};
const NO_API_CHANGE = {
  addedServices: [],
  removedServices: [],
  addedMethods: [],
  removedMethods: [],
  changedMethods: [],
};
const upToDate = async (target: string) =>
  `${target}: up to date (${(await packageFiles(target)).length} files, version 1.0.0)\n`;

describe.concurrent('generate --check', () => {
  it('exits 0 on an up-to-date output and writes nothing: same bytes, same mtimes, no staging folder', async ({
    expect,
  }) => {
    const before = await folderState(out);
    const run = await check(portalFixture, out);
    expect(run).toEqual({ code: 0, stdout: await upToDate(out), stderr: '' });
    expect(await folderState(out)).toEqual(before);
    expect((await readdir(parent)).sort()).toEqual(['portal', 'upgraded.json']);
  });

  it('exits 1 after the portal changed, naming the files and the services, methods and signatures that differ', async ({
    expect,
  }) => {
    const before = await folderState(out);
    const run = await check(upgraded, out);
    const line = (label: string, items: readonly string[]) =>
      `  ${label} (${items.length}):\n${items.map((item) => `    ${item}\n`).join('')}`;
    expect(run).toEqual({
      code: 1,
      stdout:
        `${out}: out of date; API change: major (version 1.0.0 → 2.0.0)\n` +
        line('files added', ['src/services/foo.ts']) +
        line('files removed', ['src/services/layout.ts']) +
        line('files changed', CHANGED) +
        CHANGES.map((change) => `  ${change.semver}: ${change.message}\n`).join(''),
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
        semver: 'major',
        packages: [
          {
            context: 'portal',
            out,
            added: ['src/services/foo.ts'],
            removed: ['src/services/layout.ts'],
            changed: CHANGED,
            semver: 'major',
            previousVersion: '1.0.0',
            version: '2.0.0',
            changes: CHANGES,
            api: API,
          },
        ],
      },
      stderr: STALE,
    });
    const current = await check(portalFixture, out, '--json');
    expect(current).toEqual({
      code: 0,
      stdout: `${JSON.stringify(
        {
          upToDate: true,
          semver: 'none',
          packages: [
            {
              context: 'portal',
              out,
              added: [],
              removed: [],
              changed: [],
              semver: 'none',
              previousVersion: '1.0.0',
              version: '1.0.0',
              changes: [],
              api: NO_API_CHANGE,
            },
          ],
        },
        null,
        2,
      )}\n`,
      stderr: '',
    });
  });

  it('fails like a write would (exit 12) when --out is a file', async ({ expect }) => {
    expect(await check(portalFixture, upgraded)).toEqual({
      code: 12,
      stdout: '',
      stderr: `error: --out ${upgraded} exists but is not a folder\n`,
    });
  });

  it('exits 1 when the output is missing, listing every file it would write as added, and creates nothing', async ({
    expect,
  }) => {
    const missing = join(await temporaryFolder(), 'nothing-here');
    const run = await check(portalFixture, missing, '--json');
    const services = [
      'BlogsEntryService',
      'ContactService',
      'DLAppService',
      'DLFileEntryService',
      'GroupService',
      'LayoutService',
      'UserService',
    ];
    expect({ ...run, stdout: JSON.parse(run.stdout) as unknown }).toEqual({
      code: 1,
      stdout: {
        upToDate: false,
        semver: 'minor',
        packages: [
          {
            context: 'portal',
            out: missing,
            added: await packageFiles(out),
            removed: [],
            changed: [],
            semver: 'minor',
            previousVersion: null,
            version: '1.0.0',
            changes: services.map((service) => ({
              semver: 'minor',
              kind: 'service-added',
              subject: service,
              message: `service ${service} added`,
            })),
            api: { ...NO_API_CHANGE, addedServices: services },
          },
        ],
      },
      stderr: STALE,
    });
    expect(existsSync(missing)).toBe(false);
  });
});

/** The portal fixture with one change of each class: a service added, a description, a Java type TypeScript does not show. */
function changedPortal(kind: 'minor' | 'patch' | 'none'): RawDocument {
  const document = fixture(PORTAL_FIXTURE);
  if (kind === 'minor')
    document.services.push({
      method: 'GET',
      name: 'Foo#getBar',
      path: '/foo/get-bar',
      parameters: [{ name: 'barId', type: 'long' }],
      returns: { type: 'long' },
    });
  const getUserById = document.services.find((service) => service.path === '/user/get-user-by-id');
  if (getUserById?.parameters[0] === undefined) throw new Error('the portal fixture lost /user/get-user-by-id');
  if (kind === 'patch') Object.assign(getUserById, { description: 'Returns the user.' });
  if (kind === 'none') getUserById.parameters[0].type = 'int';
  return document;
}

describe.concurrent('generate --check --fail-on', () => {
  const below = (count: number, found: string, threshold: string) =>
    `${count} generated package out of date with ${found} API changes only, below --fail-on ${threshold}: not a failure\n`;
  const failing = (found: string, threshold: string) =>
    `error: 1 generated package out of date with ${found} API changes (--fail-on ${threshold}): run the same command without --check to regenerate\n`;

  it.for([
    ['major', 'major', 1],
    ['major', 'patch', 1],
    ['minor', 'major', 0],
    ['minor', 'minor', 1],
    ['patch', 'minor', 0],
    ['patch', 'patch', 1],
    ['none', 'patch', 0],
  ] as const)(
    'exits as a CI job needs: %s changes with --fail-on %s → exit %i',
    async ([found, threshold, code], { expect }) => {
      const document =
        found === 'major'
          ? upgraded
          : await writeDocument(await temporaryFolder(), 'portal.json', changedPortal(found));
      const run = await check(document, out, '--fail-on', threshold);
      expect(run.stdout.split('\n')[0]).toBe(
        `${out}: out of date; API change: ${found} (version 1.0.0 → ${{ major: '2.0.0', minor: '1.1.0', patch: '1.0.1', none: '1.0.0' }[found]})`.replace(
          ' → 1.0.0',
          '',
        ),
      );
      expect({ code: run.code, stderr: run.stderr }).toEqual({
        code,
        stderr: code === 1 ? failing(found, threshold) : below(1, found, threshold),
      });
    },
  );

  it('fails on any drift without --fail-on, a change of no class included', async ({ expect }) => {
    const run = await check(await writeDocument(await temporaryFolder(), 'portal.json', changedPortal('none')), out);
    expect(run).toEqual({
      code: 1,
      // The document's hash, and the command that names another document: no API change.
      stdout: `${out}: out of date; API change: none (version 1.0.0)\n  files changed (2):\n    README.md\n    liferay-sdk.json\n`,
      stderr: STALE,
    });
  });

  it('is a usage error without --check', async ({ expect }) => {
    const run = await runBuilder([
      'generate',
      '--discovery',
      portalFixture,
      '--out',
      out,
      '--fail-on',
      'major',
      '--no-verify',
      '--no-cache',
    ]);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'error: --fail-on only applies to --check\n' });
  });
});
