/**
 * Golden packages: generated/<name>/ holds, committed, what the generator makes of each fixture. Each test
 * regenerates in memory and compares file by file, set of paths included, so a missing or orphaned file
 * fails too. `npm run update:generated` rewrites them (through the same write stage as the CLI).
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPackage } from '../src/check/check.js';
import { generate } from '../src/generate.js';
import { buildInMemory } from './helpers/build-in-memory.js';

const ROOT = join(import.meta.dirname, '..');

export const GOLDEN_PACKAGES: readonly (readonly [name: string, document: string])[] = [
  ['7.x-portal', 'fixtures/discovery/7.x/portal.json'],
  ['7.x-calendar', 'fixtures/discovery/7.x/plugin-calendar.json'],
  ['6.2-portal', 'fixtures/discovery/6.2/portal.json'],
  ['6.2-calendar-portlet', 'fixtures/discovery/6.2/plugin-calendar-portlet.json'],
  ['legacy-portal', 'fixtures/discovery/legacy/portal.json'],
  ['hostile-reserved-words', 'fixtures/hostile/reserved-words.json'],
  ['7.0-corpus', 'fixtures/corpus/portal-7.0-reconstructed.json'],
];

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
    const drift = await checkPackage(out, generated.files);
    expect({ added: drift.added, removed: drift.removed }).toEqual({ added: [], removed: [] });
    for (const path of drift.changed) {
      // Compared as text so that the failure shows a readable diff of the first changed file.
      expect(await readFile(join(out, path), 'utf8'), path).toBe(generated.files.find((file) => file.path === path)?.contents);
    }
  });
});
