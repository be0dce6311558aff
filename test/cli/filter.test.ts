/**
 * `--filter` with saved documents, as a flag and in a configuration file: the same service as from a
 * portal, never silently the whole document.
 */
import { readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { projectRoot, removeTemporaryFolders, runCli, temporaryFolder } from './run-cli.js';

afterAll(removeTemporaryFolders);

const portalFixture = join(projectRoot, 'fixtures/discovery/7.x/portal.json');

describe.concurrent('--filter with --discovery', () => {
  it('discover: summarises and saves only the filtered service and its model', async ({ expect }) => {
    const out = join(await temporaryFolder(), 'blogs.json');
    const summary = await runCli(['discover', '--discovery', portalFixture, '--filter', 'blogsentry']);
    expect(summary).toEqual({
      code: 0,
      stdout: '7.x discovery, portal 7.0.6\ncontext portal: 1 service, 8 actions, 1 model\n',
      stderr: '',
    });
    const saved = await runCli(['discover', '--discovery', portalFixture, '--filter', 'blogsentry', '--out', out]);
    expect(saved.code).toBe(0);
    const document = JSON.parse(await readFile(out, 'utf8')) as {
      services: { path: string }[];
      types: { type: string }[];
    };
    expect(new Set(document.services.map((service) => service.path.split('/')[1]))).toEqual(new Set(['blogsentry']));
    expect(document.types.map((type) => type.type)).toEqual(['com.liferay.blogs.kernel.model.BlogsEntry']);
  });

  it('generate: writes only the filtered service', async ({ expect }) => {
    const out = join(await temporaryFolder(), 'client');
    const run = await runCli([
      'generate',
      '--discovery',
      portalFixture,
      '--filter',
      'user',
      '--out',
      out,
      '--no-verify',
      '--no-cache',
    ]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      /^wrote liferay-portal-client to .*: version 1\.0\.0, context portal, 1 service, \d+ methods \(\d+ actions\), 1 model, \d+ files\n$/,
    );
    expect((await readdir(join(out, 'src', 'services'))).sort()).toEqual(['index.ts', 'user.ts']);
  });

  it("generate: applies a configuration file's filter to the context's saved document", async ({ expect }) => {
    const cwd = await temporaryFolder();
    await mkdir(join(cwd, 'discovery'));
    await writeFile(join(cwd, 'discovery', 'portal.json'), await readFile(portalFixture));
    const contexts = [{ name: 'portal', discovery: 'discovery/portal.json', filter: 'group', out: 'client' }];
    await writeFile(join(cwd, 'liferay-sdk.config.json'), JSON.stringify({ contexts, verify: false }));
    const run = await runCli(['generate', '--no-cache'], { cwd });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/, context portal, 1 service, /);
    expect((await readdir(join(cwd, 'client', 'src', 'services'))).sort()).toEqual(['group.ts', 'index.ts']);
  });
});
