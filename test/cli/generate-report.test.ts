/**
 * What `generate` says: counts in the singular when there is one, `--check` file lists one name a line,
 * output folders named one way (absolute) whether they came from a flag or a file, `--styles both`, the
 * help of the options that take a choice, and `--check` against a folder the generator did not make.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { projectRoot, removeTemporaryFolders, runCli, snapshotFolder, temporaryFolder } from './run-cli.js';

afterAll(removeTemporaryFolders);

const portalFixture = join(projectRoot, 'fixtures/discovery/7.x/portal.json');
const quick = ['--no-verify', '--no-cache'];

describe.concurrent('generate output', () => {
  it('counts one service, one model, one action in the singular', async ({ expect }) => {
    const document = {
      contextName: '',
      version: '7.0.6',
      services: [
        { name: 'A#get', method: 'GET', path: '/acme/get-thing', parameters: [], returns: { type: 'com.acme.Thing' } },
      ],
      types: [{ type: 'com.acme.Thing', properties: [{ name: 'id', type: 'long' }] }],
    };
    const folder = await temporaryFolder();
    await writeFile(join(folder, 'one.json'), JSON.stringify(document));
    const out = join(folder, 'client');
    const run = await runCli(['generate', '--discovery', join(folder, 'one.json'), '--out', out, ...quick]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/, context portal, 1 service, 1 method \(1 action\), 1 model, \d+ files\n$/);
    expect(await runCli(['discover', '--discovery', join(folder, 'one.json')])).toEqual({
      code: 0,
      stdout: '7.x discovery, portal 7.0.6\ncontext portal: 1 service, 1 action, 1 model\n',
      stderr: '',
    });
  });

  it('--check lists the files that differ one a line, and counts one package in the singular', async ({ expect }) => {
    const out = join(await temporaryFolder(), 'missing');
    const run = await runCli(['generate', '--check', '--discovery', portalFixture, '--out', out, ...quick]);
    const lines = run.stdout.split('\n');
    expect(run.code).toBe(1);
    expect(lines[0]).toBe(`${out}: out of date; API change: minor (version 1.0.0)`);
    expect(lines[1]).toMatch(/^ {2}files added \(\d+\):$/);
    expect(lines.slice(2, 6)).toEqual([
      '    CHANGELOG.md',
      '    README.md',
      '    liferay-sdk.json',
      '    package.json',
    ]);
    expect(run.stderr).toBe(
      'error: 1 generated package out of date: run the same command without --check to regenerate\n',
    );
  });

  it('--json names the output folder absolute, from a relative --out as from a configuration file', async ({
    expect,
  }) => {
    const cwd = await temporaryFolder();
    const fromFlag = await runCli(['generate', '--discovery', portalFixture, '--out', 'by-flag', '--json', ...quick], {
      cwd,
    });
    await writeFile(
      join(cwd, 'liferay-sdk.config.json'),
      JSON.stringify({ contexts: [{ name: 'portal', discovery: portalFixture, out: 'by-file' }] }),
    );
    const fromFile = await runCli(['generate', '--json', ...quick], { cwd });
    const outOf = (run: { stdout: string }) =>
      (JSON.parse(run.stdout) as { packages: { out: string }[] }).packages.map((p) => p.out);
    expect(outOf(fromFlag)).toEqual([join(cwd, 'by-flag')]);
    expect(outOf(fromFile)).toEqual([join(cwd, 'by-file')]);
  });

  it('--styles both is sync and callback', async ({ expect }) => {
    const folder = await temporaryFolder();
    const [both, pair] = await Promise.all([
      runCli(['generate', '--discovery', portalFixture, '--out', join(folder, 'both'), '--styles', 'both', ...quick]),
      runCli([
        'generate',
        '--discovery',
        portalFixture,
        '--out',
        join(folder, 'pair'),
        '--styles',
        'sync,callback',
        ...quick,
      ]),
    ]);
    expect([both.code, both.stderr, pair.code]).toEqual([0, '', 0]);
    // The same package; only the command that liferay-sdk.json and the README record differs.
    const files = async (name: string) =>
      [...(await snapshotFolder(join(folder, name)))].filter(
        ([path]) => path !== 'liferay-sdk.json' && path !== 'README.md',
      );
    expect(await files('both')).toEqual(await files('pair'));
    expect(await runCli(['generate', '--discovery', portalFixture, '--styles', 'async'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: --styles takes sync, callback or both (or sync,callback), got "async"\n',
    });
  });

  it('--help shows the choices and defaults of --styles, --emit and --layout, and what --no-cache turns off', async ({
    expect,
  }) => {
    const help = (await runCli(['generate', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain(
      '--styles <list> call styles to generate: sync, callback, or both (comma separated or "both"; default: both)',
    );
    expect(help).toMatch(/--emit <kind> .*\(default: ts\) \(choices: "ts", "js"\)/);
    expect(help).toMatch(/--layout <layout> .*\(default: package\) \(choices: "package", "sources"\)/);
    expect(help).toContain(
      '--no-cache run every stage even when nothing changed since the last run, and render (and format, where prettier runs) every file anew',
    );
  });

  it('--check on a folder the generator did not make says so and what to do, and exits as generate would (12)', async ({
    expect,
  }) => {
    const out = join(await temporaryFolder(), 'mine');
    await mkdir(out);
    await writeFile(join(out, 'notes.txt'), 'mine\n');
    const run = await runCli(['generate', '--check', '--discovery', portalFixture, '--out', out, ...quick]);
    expect(run).toEqual({
      code: 12,
      stdout: '',
      stderr:
        `error: --out ${out} was not generated by liferay-sdk-builder (no .liferay-sdk-builder file), so there is nothing to compare with: ` +
        "if it holds a generated package, restore its .liferay-sdk-builder file (commit it with the package); otherwise give the generated package's folder as --out\n",
    });
    // What the first message used to advise: the same command without --check, refused the same way.
    expect((await runCli(['generate', '--discovery', portalFixture, '--out', out, ...quick])).code).toBe(12);
  });
});
