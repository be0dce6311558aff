/**
 * Versions and the changelog across successive regenerations: a new package starts at 1.0.0; a breaking,
 * an additive and a docs-only portal change bump major, minor and patch, each adding an entry on top of
 * CHANGELOG.md while every byte already there stays (the user's edits included); no change, no bump;
 * `--package-version` pins the version; a version that cannot be read is an error, never a restart at 1.0.0.
 */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BuilderError } from '../../src/errors.js';
import { generate } from '../../src/generate.js';
import { removeTemporaryFolders, runBuilder, temporaryFolder } from './builder.js';
import { PORTAL_FIXTURE, fixture, upgradedPortal, writeDocument, type RawDocument } from './documents.js';

afterAll(removeTemporaryFolders);

/** The upgraded portal (breaking), then a service more (additive), then a description (docs only). */
function additive(): RawDocument {
  const document = upgradedPortal();
  document.services.push({
    method: 'GET',
    name: 'Tag#getTag',
    path: '/tag/get-tag',
    parameters: [{ name: 'tagId', type: 'long' }],
    returns: { type: 'long' },
  });
  return document;
}

function documented(): RawDocument {
  const document = additive();
  const getTag = document.services.find((service) => service.path === '/tag/get-tag');
  Object.assign(getTag ?? {}, { description: 'Returns the tag.' });
  return document;
}

async function regenerate(
  work: string,
  document: RawDocument,
  extra: { packageVersion?: string } = {},
): Promise<{ version: string; changelog: string }> {
  const path = await writeDocument(work, 'portal.json', document);
  const out = join(work, 'client');
  await generate({ discovery: [path], out, verify: false, ...extra });
  const { version } = JSON.parse(await readFile(join(out, 'package.json'), 'utf8')) as { version: string };
  return { version, changelog: await readFile(join(out, 'CHANGELOG.md'), 'utf8') };
}

const entries = (changelog: string) => [...changelog.matchAll(/^## (.*)$/gm)].map((match) => match[1]);

describe('package versions and CHANGELOG.md', () => {
  it('bump by the class of each regeneration (breaking, additive, docs only), newest entry first, old entries kept byte for byte', async () => {
    const work = await temporaryFolder('lsb-versions-');
    const first = await regenerate(work, fixture(PORTAL_FIXTURE));
    expect(first.version).toBe('1.0.0');
    expect(entries(first.changelog)).toEqual(['1.0.0']);

    // The user edits the first entry: it must come through every later regeneration as they left it.
    const edited = first.changelog.replace('First version:', 'First version (released to the intranet team):');
    await writeFile(join(work, 'client', 'CHANGELOG.md'), edited);

    const breaking = await regenerate(work, upgradedPortal());
    expect(breaking.version).toBe('2.0.0');
    expect(entries(breaking.changelog)).toEqual(['2.0.0', '1.0.0']);
    expect(breaking.changelog.endsWith(edited.slice(edited.indexOf('## 1.0.0')))).toBe(true);
    expect(breaking.changelog.slice(0, edited.indexOf('## 1.0.0'))).toBe(edited.slice(0, edited.indexOf('## 1.0.0')));
    expect(breaking.changelog).toContain(
      [
        '## 2.0.0',
        '',
        'From Liferay 7.0.6, by liferay-sdk-builder ' +
          (JSON.parse(await readFile(join(work, 'client', 'liferay-sdk.json'), 'utf8')) as { generatorVersion: string })
            .generatorVersion +
          '.',
        '',
        '### Breaking changes (major)',
        '',
        '- method BlogsEntryService.deleteEntry removed',
        '- service LayoutService removed',
        '- UserService.getUserById(userId): userId changed from number to string \\| null',
        '',
        '### Additions (minor)',
        '',
        '- service FooService added',
        '- overload GroupService.getGroup(friendlyURL) added',
        '',
      ].join('\n'),
    );

    const added = await regenerate(work, additive());
    expect(added.version).toBe('2.1.0');
    expect(entries(added.changelog)).toEqual(['2.1.0', '2.0.0', '1.0.0']);
    expect(added.changelog).toContain('### Additions (minor)\n\n- service TagService added\n');
    expect(added.changelog.endsWith(breaking.changelog.slice(breaking.changelog.indexOf('## 2.0.0')))).toBe(true);

    const docs = await regenerate(work, documented());
    expect(docs.version).toBe('2.1.1');
    expect(entries(docs.changelog)).toEqual(['2.1.1', '2.1.0', '2.0.0', '1.0.0']);
    expect(docs.changelog).toContain('### Other changes (patch)\n\n- description of TagService.getTag changed\n');

    // No change, no bump, no entry.
    expect(await regenerate(work, documented())).toEqual(docs);
  }, 300_000);

  it('--package-version pins the version; the changelog entry takes it', async () => {
    const work = await temporaryFolder('lsb-versions-');
    await regenerate(work, fixture(PORTAL_FIXTURE));
    const pinned = await regenerate(work, upgradedPortal(), { packageVersion: '5.0.0-beta.1' });
    expect(pinned.version).toBe('5.0.0-beta.1');
    expect(entries(pinned.changelog)).toEqual(['5.0.0-beta.1', '1.0.0']);
    // Pinned with no API change: the version, and no entry.
    expect(await regenerate(work, upgradedPortal(), { packageVersion: '5.0.0' })).toEqual({
      version: '5.0.0',
      changelog: pinned.changelog,
    });
    // Then bumped from it: a prerelease of 5.0.0 was already the breaking bump.
    expect((await regenerate(work, additive())).version).toBe('5.1.0');
  }, 300_000);

  it('fails, writing nothing, when the committed version cannot be read', async () => {
    const work = await temporaryFolder('lsb-versions-');
    await regenerate(work, fixture(PORTAL_FIXTURE));
    const out = join(work, 'client');
    const manifest = join(out, 'package.json');
    const original = await readFile(manifest, 'utf8');
    const failure = async () =>
      regenerate(work, upgradedPortal()).then(
        () => undefined,
        (error: unknown) => error,
      );

    await writeFile(manifest, original.replace('"version": "1.0.0"', '"version": "one"'));
    const notSemver = await failure();
    expect(notSemver).toBeInstanceOf(BuilderError);
    expect(notSemver).toMatchObject({
      code: 'write.no-version',
      message: `${manifest} has version "one", not a semantic version such as 1.4.2: fix it, or give --package-version`,
    });

    await rm(manifest);
    expect(await failure()).toMatchObject({
      code: 'write.no-version',
      message: `${out} holds a generated package without a package.json to take its version from: restore it, or give the version with --package-version`,
    });
    expect(await readFile(join(out, 'CHANGELOG.md'), 'utf8')).toContain('## 1.0.0');

    // Pinned, the version is not needed.
    expect((await regenerate(work, upgradedPortal(), { packageVersion: '2.0.0' })).version).toBe('2.0.0');
  }, 300_000);

  it('--package-version takes only a semantic version (exit 2)', async () => {
    const work = await temporaryFolder('lsb-versions-');
    const document = await writeDocument(work, 'portal.json', fixture(PORTAL_FIXTURE));
    const run = await runBuilder([
      'generate',
      '--discovery',
      document,
      '--out',
      join(work, 'client'),
      '--package-version',
      'latest',
      '--no-verify',
      '--no-cache',
    ]);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: --package-version takes a semantic version such as 1.4.2, got "latest"\n',
    });
  });

  it('starts a package the generator did not make at 1.0.0 only through the write stage, which refuses its folder', async () => {
    const work = await temporaryFolder('lsb-versions-');
    await regenerate(work, fixture(PORTAL_FIXTURE));
    const mine = join(work, 'mine');
    await cp(join(work, 'client'), mine, { recursive: true });
    await rm(join(mine, '.liferay-sdk-builder'));
    const document = await writeDocument(work, 'next.json', upgradedPortal());
    await expect(generate({ discovery: [document], out: mine, verify: false })).rejects.toMatchObject({
      code: 'write.not-generated',
    });
  }, 120_000);
});
