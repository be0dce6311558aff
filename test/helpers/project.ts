/**
 * Where the tests find the project, and the folders they share: computed here once.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder (package.json, bin/, src/, generated/), with a trailing separator. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Generated packages that must sit inside the project (so that Node resolves `undici` from its node_modules)
 * go under `.cache/e2e/<run>/`: one folder per `npm test` run (global-setup.ts names it and removes it at the
 * end), so that two runs at once never write into each other's packages.
 */
export function e2eFolder(label: string): string {
  const run = process.env['LSB_TEST_RUN'] ?? `process-${process.pid}`;
  return join(projectRoot, '.cache', 'e2e', run, label);
}

/** The golden packages in generated/ and the fixture each is generated from: the one list of them. */
export const GOLDEN_PACKAGES: readonly (readonly [name: string, document: string])[] = [
  ['7.x-portal', 'fixtures/discovery/7.x/portal.json'],
  ['7.x-calendar', 'fixtures/discovery/7.x/plugin-calendar.json'],
  ['7.x-value-classes', 'fixtures/discovery/7.x/value-classes.json'],
  ['6.2-portal', 'fixtures/discovery/6.2/portal.json'],
  ['6.2-calendar-portlet', 'fixtures/discovery/6.2/plugin-calendar-portlet.json'],
  ['legacy-portal', 'fixtures/discovery/legacy/portal.json'],
  ['hostile-reserved-words', 'fixtures/hostile/reserved-words.json'],
  ['7.0-corpus', 'fixtures/corpus/portal-7.0-reconstructed.json'],
];
