/**
 * `discover --out` where the document cannot be saved: a user mistake, so a write failure (exit 12) on one
 * line that names the path, and no temporary file left behind.
 * A document nested too deeply to print again is refused as a document problem (exit 8), writing nothing.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { removeTemporaryFolders, runCli, temporaryFolder } from './run-cli.js';

afterAll(removeTemporaryFolders);

const fixture = 'fixtures/discovery/7.x/portal.json';

describe.concurrent('discover --out that cannot be written', () => {
  it('into a folder that does not exist: exit 12, one line naming the path', async ({ expect }) => {
    const parent = await temporaryFolder();
    const out = join(parent, 'missing', 'portal.json');
    const run = await runCli(['discover', '--discovery', fixture, '--out', out]);
    expect(run.code).toBe(12);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: [^\n]+\n$/);
    expect(run.stderr).toContain(out);
    expect(run.stderr).not.toContain('internal error');
    expect(await readdir(parent)).toEqual([]);
  });

  it('onto an existing folder: exit 12, one line naming the path, the folder untouched and no temporary file', async ({
    expect,
  }) => {
    const parent = await temporaryFolder();
    const out = join(parent, 'existing');
    await mkdir(out);
    const run = await runCli(['discover', '--discovery', fixture, '--out', out]);
    expect(run.code).toBe(12);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: [^\n]+\n$/);
    expect(run.stderr).toContain(out);
    expect(run.stderr).not.toContain('internal error');
    expect(await readdir(parent)).toEqual(['existing']);
    expect(await readdir(out)).toEqual([]);
  });

  it('of a document nested too deeply to print: exit 8, one line, nothing written', async ({ expect }) => {
    const parent = await temporaryFolder();
    const deep = join(parent, 'deep.json');
    const depth = 200_000;
    await writeFile(deep, `{"contextName":"","services":[],"types":[],"x":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    const out = join(parent, 'saved.json');
    const run = await runCli(['discover', '--discovery', deep, '--out', out]);
    expect(run.code).toBe(8);
    expect(run.stderr).toContain(
      `error: cannot save the discovery of context portal to ${out}: the document is nested too deeply to print\n`,
    );
    expect(await readdir(parent)).toEqual(['deep.json']);
  });
});
