/**
 * Several contexts in one run: one package each, under `<out>/<context>`, each with its own name and only
 * its own services, even when two contexts have a service of the same name; and `--version-suffix`.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { versionSuffix } from '../../src/generate-options.js';
import type { Api } from '../../src/model/types.js';
import { packageFiles, projectRoot, removeTemporaryFolders, runBuilder, temporaryFolder } from './builder.js';
import { CALENDAR_FIXTURE, PORTAL_ENTRY, PORTAL_FIXTURE, WIKI_ENTRY, writeDocument } from './documents.js';

afterAll(removeTemporaryFolders);

const fromProject = (path: string) => join(projectRoot, path);

async function nameOf(out: string): Promise<string> {
  return (JSON.parse(await readFile(join(out, 'package.json'), 'utf8')) as { name: string }).name;
}

/** Every JSON-WS path named in a package's generated sources. */
async function pathsIn(out: string): Promise<string[]> {
  const paths = new Set<string>();
  for (const file of await packageFiles(out)) {
    if (!file.startsWith('src/') || file.startsWith('src/runtime/')) continue;
    for (const match of (await readFile(join(out, file), 'utf8')).matchAll(/'(\/[a-z0-9.-]+\/[a-z0-9-]+)'/g))
      paths.add(match[1] ?? '');
  }
  return [...paths].sort();
}

describe.concurrent('several contexts', () => {
  it('writes <out>/portal and <out>/calendar, each its own package', async ({ expect }) => {
    const out = join(await temporaryFolder(), 'clients');
    const run = await runBuilder([
      'generate',
      '--discovery',
      fromProject(PORTAL_FIXTURE),
      fromProject(CALENDAR_FIXTURE),
      '--out',
      out,
      '--no-verify',
      '--no-cache',
    ]);
    const [calendar, portal] = [join(out, 'calendar'), join(out, 'portal')];
    expect(run).toEqual({
      code: 0,
      stdout:
        `wrote liferay-calendar-client to ${calendar}: version 1.0.0, context calendar, 3 services, 7 methods (9 actions), 2 models, ${(await packageFiles(calendar)).length} files\n` +
        `wrote liferay-portal-client to ${portal}: version 1.0.0, context portal, 7 services, 19 methods (31 actions), 6 models, ${(await packageFiles(portal)).length} files\n`,
      stderr: '',
    });
    expect((await readdir(out)).sort()).toEqual(['calendar', 'portal']);
    expect([await nameOf(calendar), await nameOf(portal)]).toEqual([
      'liferay-calendar-client',
      'liferay-portal-client',
    ]);
    expect((await pathsIn(calendar)).every((path) => path.startsWith('/calendar.'))).toBe(true);
    expect((await pathsIn(portal)).some((path) => path.startsWith('/calendar.'))).toBe(false);
  });

  it('keeps services of the same name in different contexts apart', async ({ expect }) => {
    const work = await temporaryFolder();
    const documents = [
      await writeDocument(work, 'portal.json', PORTAL_ENTRY),
      await writeDocument(work, 'wiki.json', WIKI_ENTRY),
    ];
    const out = join(work, 'clients');
    const run = await runBuilder([
      'generate',
      '--discovery',
      ...documents,
      '--out',
      out,
      '--name',
      'acme',
      '--no-cache',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await pathsIn(join(out, 'portal'))).toEqual(['/entry/delete-entry', '/entry/get-entry']);
    expect(await pathsIn(join(out, 'wiki'))).toEqual(['/wiki.entry/add-entry', '/wiki.entry/get-entry']);
    expect([await nameOf(join(out, 'portal')), await nameOf(join(out, 'wiki'))]).toEqual(['acme-portal', 'acme-wiki']);
  });

  it('--version-suffix takes the suffix from the document (v7 for 7.0.x, v62 for 6.2.x) into the folder and the name', async ({
    expect,
  }) => {
    const cwd = await temporaryFolder();
    const [seven, sixTwo] = await Promise.all([
      runBuilder(
        ['generate', '--discovery', fromProject(PORTAL_FIXTURE), '--version-suffix', '--no-verify', '--no-cache'],
        { cwd },
      ),
      runBuilder(
        [
          'generate',
          '--discovery',
          fromProject('fixtures/discovery/6.2/portal.json'),
          '--version-suffix',
          '--no-verify',
          '--no-cache',
        ],
        { cwd },
      ),
    ]);
    expect([seven.code, seven.stderr, sixTwo.code, sixTwo.stderr]).toEqual([0, '', 0, '']);
    expect(seven.stdout.startsWith(`wrote liferay-portal-client-v7 to ${join(cwd, 'generated', 'portal-v7')}: `)).toBe(
      true,
    );
    expect(
      sixTwo.stdout.startsWith(`wrote liferay-portal-client-v62 to ${join(cwd, 'generated', 'portal-v62')}: `),
    ).toBe(true);
    expect((await readdir(join(cwd, 'generated'))).sort()).toEqual(['portal-v62', 'portal-v7']);
    expect(await nameOf(join(cwd, 'generated', 'portal-v62'))).toBe('liferay-portal-client-v62');
  });

  it('--version-suffix <value> uses the value as given', async ({ expect }) => {
    const cwd = await temporaryFolder();
    const run = await runBuilder(
      [
        'generate',
        '--discovery',
        fromProject(CALENDAR_FIXTURE),
        '--version-suffix',
        'dxp-7.0',
        '--no-verify',
        '--no-cache',
      ],
      { cwd },
    );
    expect(
      run.stdout.startsWith(`wrote liferay-calendar-client-dxp-7.0 to ${join(cwd, 'generated', 'calendar-dxp-7.0')}: `),
    ).toBe(true);
    expect(run.code).toBe(0);
  });

  it('refuses --version-suffix for a legacy document without a version, and a suffix that is not a plain name (exit 2, nothing written)', async ({
    expect,
  }) => {
    const cwd = await temporaryFolder();
    const legacy = await runBuilder(
      [
        'generate',
        '--discovery',
        fromProject('fixtures/discovery/legacy/portal.json'),
        '--version-suffix',
        '--no-cache',
      ],
      { cwd },
    );
    expect(legacy).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: the discovery document gives no portal version: give the suffix yourself, e.g. --version-suffix v61\n',
    });
    // A name of its own, so that a folder someone left in the temporary folder's parent cannot fail the test.
    const escape = `escaped-${basename(cwd).toLowerCase()}`;
    const escaping = await runBuilder(
      ['generate', '--discovery', fromProject(PORTAL_FIXTURE), '--version-suffix', `../../${escape}`, '--no-cache'],
      { cwd },
    );
    expect(escaping).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: --version-suffix "../../${escape}" must be lower-case letters, digits, dots and dashes, such as v7 or v62\n`,
    });
    expect(await readdir(cwd)).toEqual([]);
    expect(existsSync(join(cwd, '..', escape))).toBe(false);
  });

  it('refuses a --name npm would refuse (exit 2, nothing written)', async ({ expect }) => {
    const cwd = await temporaryFolder();
    expect(
      await runBuilder(
        ['generate', '--discovery', fromProject(PORTAL_FIXTURE), '--name', 'Acme Client', '--no-cache'],
        { cwd },
      ),
    ).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: "Acme Client" is not a valid npm package name (lower case, digits, - . _ ~, optionally @scope/): give another --name\n',
    });
    expect(await readdir(cwd)).toEqual([]);
  });

  it('derives the suffix from the major and minor version', ({ expect }) => {
    const suffix = (portalVersion: string | null) => versionSuffix({ portalVersion } as Api, true);
    expect(['7.0.6', '7.0.10.2', '6.2.5', '6.1.20', '7.4.3.112', '7.3'].map(suffix)).toEqual([
      'v7',
      'v7',
      'v62',
      'v61',
      'v74',
      'v73',
    ]);
    expect(() => suffix(null)).toThrow(expect.objectContaining({ code: 'generate.version-suffix' }));
    expect(versionSuffix({ portalVersion: null } as Api, 'v61')).toBe('v61');
    expect(versionSuffix({ portalVersion: '7.0.6' } as Api, false)).toBeUndefined();
  });
});
