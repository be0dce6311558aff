/**
 * Golden packages: generated/<name>/ holds, committed, what the generator makes of each fixture. Each test
 * regenerates in memory and compares file by file, with the set of paths read from the folder itself, so a
 * missing or orphaned file fails too. `npm run update:generated` rewrites them (through the same write stage as the CLI).
 *
 * And the goldens are prettier's shape: every file, templates' output and the runtime copied from
 * src/runtime/ alike, is byte for byte what prettier makes of it. Generation runs no prettier on built-in
 * templates' output, so this is what holds the printer (src/typemap/print/) exact on the fixtures.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { MARKER_FILE } from '../src/write/write-package.js';
import { buildInMemory } from './helpers/build-in-memory.js';
import { judgeFiles, type GeneratedFile } from './helpers/prettier-judge.js';
import { GOLDEN_PACKAGES, projectRoot as ROOT } from './helpers/project.js';

const UPDATE = process.env['UPDATE_GENERATED'] === '1';

describe.each(GOLDEN_PACKAGES)('generated/%s', (name, document) => {
  it('matches what the generator makes of its fixture', async () => {
    const out = join(ROOT, 'generated', name);
    // As the CLI records it (options in the order `generate --help` lists them).
    const command = `npx liferay-sdk-builder generate --out generated/${name} --discovery ${document}`;
    // Regenerated as users do (verify included), as a new package (1.0.0: nothing to follow on from);
    // compared from the same stages, in memory.
    if (UPDATE) {
      await rm(out, { recursive: true, force: true });
      await generate({ discovery: [join(ROOT, document)], out, command });
    }
    const [generated] = await buildInMemory(document, { out, command });
    if (generated === undefined) throw new Error('no package generated');
    // The folder read on its own (not through the write stage's idea of what it owns), so that a stray file
    // anywhere in it (an orphan, a leftover lib/old.js) fails; only the marker is the write stage's.
    const golden = await readTree(out);
    const expected = new Map(generated.files.map((file) => [file.path, file.contents]));
    expect(golden.map((file) => file.path).sort()).toEqual([...expected.keys()].sort());
    for (const file of golden) {
      // Compared as text so that the failure shows a readable diff of the first changed file.
      expect(file.contents, file.path).toBe(expected.get(file.path));
    }
  });

  it('is byte for byte what prettier makes of it', async () => {
    const files = await readTree(join(ROOT, 'generated', name));
    expect(files.length).toBeGreaterThan(5);
    expect((await judgeFiles(files)).join('\n\n')).toBe('');
    // The 7.0 corpus is some 200 files for prettier: a minute on a loaded two-core machine; not about time.
  }, 300_000);
});

/** The package's files: all but the marker the write stage leaves to claim the folder. */
async function readTree(root: string): Promise<GeneratedFile[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name !== MARKER_FILE)
    .map((entry) => join(entry.parentPath, entry.name));
  return Promise.all(
    files.map(async (path) => ({
      path: relative(root, path).split('\\').join('/'),
      contents: await readFile(path, 'utf8'),
    })),
  );
}
