/**
 * The CLI builds packages in a worker thread that ends before verify starts the compiler (src/build/): what the
 * user sees is the same as if it ran in the CLI's own thread. Stage times and render reports come through as
 * they happen, and an error thrown in the worker arrives as itself: its message, its exit code, nothing written.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { bin, projectRoot, removeTemporaryFolders, runBuilder, temporaryFolder } from './builder.js';

afterAll(removeTemporaryFolders);

const portal = join(projectRoot, 'fixtures', 'discovery', '7.x', 'portal.json');

describe.concurrent('the build worker', () => {
  it('is what the bundled CLI runs: it sits beside the CLI', ({ expect }) => {
    expect(existsSync(join(bin, '..', '..', 'dist', 'bin', 'build-worker.js'))).toBe(true);
  });

  it('reports every stage, in order, and the render report, under --verbose', async ({ expect }) => {
    const out = join(await temporaryFolder(), 'client');
    const run = await runBuilder(['generate', '--discovery', portal, '--out', out, '--no-cache', '--verbose']);
    expect(run.code).toBe(0);
    const lines = `${run.stderr}${run.stdout}`.split('\n');
    const stages = lines.flatMap((line) => /^([a-z-]+): \d+ ms$/.exec(line)?.[1] ?? []);
    expect(stages).toEqual(['discovery', 'model', 'typemap', 'render', 'format', 'release', 'write', 'verify', 'swap']);
    expect(lines).toContain('render: context portal: 13 files rendered, 0 from the render cache');
  });

  it('passes an error on as itself: message, exit code, and nothing written', async ({ expect }) => {
    const work = await temporaryFolder();
    const document = join(work, 'portal.json');
    await writeFile(document, '{"services": 5}');
    const out = join(work, 'client');
    const run = await runBuilder(['generate', '--discovery', document, '--out', out, '--no-cache']);
    expect(run).toMatchObject({
      code: 8,
      stderr: `error: Invalid discovery document from ${document}: services must be an array (got number).\n`,
    });
    expect(existsSync(out)).toBe(false);
  });
});
