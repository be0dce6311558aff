/**
 * A wrong configuration file stops `generate` before anything happens: exit 2 and one line on stderr that
 * names the file, where in it (a JSON path, or the line for invalid JSON), what is wrong and what is allowed.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { removeTemporaryFolders, runBuilder, temporaryFolder } from './builder.js';

afterAll(removeTemporaryFolders);

const ENVIRONMENT_HINT =
  'credentials never go in this file; set LIFERAY_USER/LIFERAY_PASSWORD or LIFERAY_TOKEN in the environment';
const TOP_LEVEL = '$schema, portal, contexts, templates, format, emit, layout, versionSuffix, verify';

const cases: readonly (readonly [label: string, text: string, message: string])[] = [
  ['an unknown property', '{ "portl": {} }', `unknown property "portl" at the top level (allowed: ${TOP_LEVEL})`],
  [
    'an unknown property of a context',
    '{ "contexts": [{ "name": "portal", "output": "x" }] }',
    'unknown property "output" in contexts[0] (allowed: name, discovery, filter, out, packageName, styles)',
  ],
  ['a wrong type', '{ "portal": { "url": 8080 } }', 'portal.url must be a string (got 8080)'],
  [
    'a wrong type in a list',
    '{ "contexts": [{ "name": "portal", "styles": "sync" }] }',
    'contexts[0].styles must be an array (got "sync")',
  ],
  ['a bad enum value', '{ "emit": "es5" }', 'emit must be one of "ts", "js" (got "es5")'],
  [
    'a bad enum value in a list',
    '{ "contexts": [{ "name": "portal", "styles": ["sync", "async"] }] }',
    'contexts[0].styles[1] must be one of "sync", "callback" (got "async")',
  ],
  [
    'a value matching no alternative',
    '{ "versionSuffix": "V7" }',
    'versionSuffix must be a boolean or a string matching ^[a-z0-9][a-z0-9.-]*$ (got "V7")',
  ],
  [
    'a missing required property',
    '{ "contexts": [{ "out": "generated/portal" }] }',
    'contexts[0] needs the property "name"',
  ],
  [
    'a URL that is not http(s)',
    '{ "portal": { "url": "localhost:8080" } }',
    'portal.url must match ^https?:// (got "localhost:8080")',
  ],
  [
    'a context listed twice',
    '{ "contexts": [{ "name": "portal" }, { "name": "calendar" }, { "name": "portal", "out": "x" }] }',
    'contexts[2].name "portal" repeats contexts[0]: one entry per context',
  ],
  [
    'a password',
    '{ "portal": { "url": "http://localhost:8080", "password": "hunter2" } }',
    `unknown property "password" in portal: ${ENVIRONMENT_HINT}`,
  ],
  ['a token', '{ "token": "hunter2" }', `unknown property "token" at the top level: ${ENVIRONMENT_HINT}`],
  [
    'credentials in the URL',
    '{ "portal": { "url": "http://ci:hunter2@localhost:8080" } }',
    `portal.url carries a user or password: ${ENVIRONMENT_HINT}`,
  ],
];

describe.concurrent('configuration file validation', () => {
  it.for(cases)('rejects %s with one line and exit 2', async ([, text, message], { expect }) => {
    const cwd = await temporaryFolder();
    const path = join(cwd, 'liferay-sdk.config.json');
    await writeFile(path, text);
    const run = await runBuilder(['generate', '--no-cache'], { cwd });
    expect(run).toEqual({ code: 2, stdout: '', stderr: `error: ${path}: ${message}\n` });
    expect(run.stderr).not.toContain('hunter2');
  });

  it('names the line and column of invalid JSON (exit 2)', async ({ expect }) => {
    const cwd = await temporaryFolder();
    const path = join(cwd, 'liferay-sdk.config.json');
    await writeFile(path, '// the portal\n{\n  "portal": { "url": "http://localhost:8080" }\n  "emit": "ts"\n}\n');
    expect(await runBuilder(['generate', '--no-cache'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: ${path}:4:3: invalid JSON (CommaExpected)\n`,
    });
  });

  it('says so when the file given with --config cannot be read (exit 2)', async ({ expect }) => {
    const cwd = await temporaryFolder();
    const run = await runBuilder(['generate', '--no-cache', '--config', 'nowhere.json'], { cwd });
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: cannot read the configuration ${join(cwd, 'nowhere.json')}: ENOENT: no such file or directory, open '${join(cwd, 'nowhere.json')}'\n`,
    });
  });
});
