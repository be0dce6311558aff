/**
 * The CLI runs from its bundle (dist/bin/, made by scripts/build-cli.mjs), while the golden test runs src/:
 * through bin/, `generate --check` must find committed golden packages up to date, so that bundling
 * (templates, runtime sources and version found from the bundle, the same handlebars and prettier) cannot
 * change what is generated.
 */
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { projectRoot, runCli, snapshotFolder } from './run-cli.js';

const PACKAGES: readonly (readonly [name: string, document: string])[] = [
  ['7.x-portal', 'fixtures/discovery/7.x/portal.json'],
  ['6.2-portal', 'fixtures/discovery/6.2/portal.json'],
  ['legacy-portal', 'fixtures/discovery/legacy/portal.json'],
  ['hostile-reserved-words', 'fixtures/hostile/reserved-words.json'],
];

describe.concurrent('the bundled CLI', () => {
  it.for(PACKAGES)('generates generated/%s as the golden test does', async ([name, document], { expect }) => {
    const out = `generated/${name}`;
    const files = [...(await snapshotFolder(join(projectRoot, out))).keys()].filter((path) => path !== '.liferay-sdk-builder');
    const run = await runCli(['generate', '--discovery', document, '--out', out, '--check', '--no-verify', '--no-cache']);
    expect(run).toEqual({ code: 0, stdout: `${join(projectRoot, out)}: up to date (${files.length} files, version 1.0.0)\n`, stderr: '' });
  });
});
