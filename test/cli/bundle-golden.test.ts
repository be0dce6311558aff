/**
 * The CLI runs from its bundle (dist/bin/, made by scripts/build-cli.mjs), while the golden test runs src/:
 * through bin/, `generate --check` must find committed golden packages up to date, so that bundling
 * (templates, runtime sources and version found from the bundle, the same handlebars and prettier) cannot
 * change what is generated.
 */
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { GOLDEN_PACKAGES } from '../helpers/project.js';
import { projectRoot, runCli, snapshotFolder } from './run-cli.js';

// One fixture proves it: the bundle either finds its templates, runtime and version as src/ does or not. The
// 7.x portal uses every template and part of the runtime; the other goldens differ only in what src/ makes.
const PACKAGES = GOLDEN_PACKAGES.filter(([name]) => name === '7.x-portal');

describe('the bundled CLI', () => {
  it.for(PACKAGES)('generates generated/%s as the golden test does', async ([name, document], { expect }) => {
    const out = `generated/${name}`;
    const files = [...(await snapshotFolder(join(projectRoot, out))).keys()].filter(
      (path) => path !== '.liferay-sdk-builder',
    );
    const run = await runCli([
      'generate',
      '--discovery',
      document,
      '--out',
      out,
      '--check',
      '--no-verify',
      '--no-cache',
    ]);
    expect(run).toEqual({
      code: 0,
      stdout: `${join(projectRoot, out)}: up to date (${files.length} files, version 1.0.0)\n`,
      stderr: '',
    });
  });
});
