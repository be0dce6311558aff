/**
 * A CommonJS app uses a generated (ES modules) package as its README says: `require()` (Node.js 20.19,
 * 22.12 and later) and `import()` (every version), each making a call against the mock portal.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMockPortal, type MockPortal } from '../../src/mock/index.js';
import { buildPackage } from './built-package.js';

const run = promisify(execFile);
let portal: MockPortal;
let folder: string;

beforeAll(async () => {
  portal = await startMockPortal({ port: 0 });
  folder = (await buildPackage('fixtures/discovery/7.x/portal.json', 'commonjs')).out;
}, 180_000);

afterAll(() => portal.close());

it('is loaded by a CommonJS app with require() and with import(), as its README shows', async () => {
  const readme = await readFile(join(folder, 'README.md'), 'utf8');
  expect(readme).toContain("const client = require('liferay-portal-client');");
  expect(readme).toContain("`import('liferay-portal-client')`");
  // The app's node_modules holds the package, as after npm install: it resolves by its name.
  const appFolder = join(folder, '..', 'commonjs-app');
  await rm(appFolder, { recursive: true, force: true });
  await mkdir(join(appFolder, 'node_modules'), { recursive: true });
  await symlink(folder, join(appFolder, 'node_modules', 'liferay-portal-client'));
  const app = join(appFolder, 'app.cjs');
  await writeFile(
    app,
    `'use strict';
const server = process.argv[2];
const entry = (client) => new client.BlogsEntryService(new client.Session({ server })).getEntry({ entryId: 5 });
async function main() {
  const required = require('liferay-portal-client');
  const imported = await import('liferay-portal-client');
  const results = [await entry(required), await entry(imported)];
  console.log(JSON.stringify({ sameRuntime: required.Session === imported.Session, ids: results.map((result) => result.entryId) }));
}
main().catch((error) => { console.error(error); process.exitCode = 1; });
`,
  );
  expect(process.features).toHaveProperty('require_module', true);
  const { stdout } = await run(process.execPath, [app, portal.url]);
  expect(JSON.parse(stdout)).toEqual({ sameRuntime: true, ids: [5, 5] });
});
