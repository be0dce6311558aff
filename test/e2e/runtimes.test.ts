/**
 * A generated client under Bun and Deno, as a new user would run it: the npm packages `bun` and `deno`
 * (pinned devDependencies) ship the binaries; runtime-app.mjs makes sync, callback-style, batch and upload
 * calls against the mock portal, and one against a closed port.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockPortal, type MockPortal } from '../../src/mock/index.js';
import { refusedUrl } from '../helpers/portal-server.js';
import { buildPackage } from './built-package.js';
import { projectRoot } from './fixture-documents.js';

const run = promisify(execFile);
const USER = 'test@liferay.com';
const PASSWORD = 'mock-secret-9f1c';
const bin = (name: string): string => join(projectRoot, 'node_modules', '.bin', name);
const app = join(projectRoot, 'test', 'e2e', 'runtime-app.mjs');

type Command = (args: string[]) => [file: string, args: string[]];
const runtimes: [string, Command][] = [
  ['Bun', (args) => [bin('bun'), ['run', app, ...args]]],
  // No permission beyond what the app needs: the network and reading the package.
  [
    'Deno',
    (args) => [
      bin('deno'),
      ['run', '--allow-net=127.0.0.1', `--allow-read=${projectRoot}`, '--allow-env', '--no-prompt', app, ...args],
    ],
  ],
];

let portal: MockPortal;
let folder: string;
let refused: string;
const requests: string[] = [];

beforeAll(async () => {
  portal = await startMockPortal({
    discovery: [join(projectRoot, 'fixtures/discovery/7.x/portal.json')],
    port: 0,
    user: USER,
    password: PASSWORD,
    onRequest: (line) => requests.push(line),
  });
  folder = (await buildPackage('fixtures/discovery/7.x/portal.json', 'runtimes')).out;
  refused = await refusedUrl();
}, 180_000);

afterAll(() => portal.close());

describe.each(runtimes)('a generated client under %s', (name, command) => {
  it('makes sync, callback-style, batch and upload calls, and names a refused connection', async () => {
    const [file, args] = command([folder, portal.url, USER, PASSWORD, refused]);
    const { stdout } = await run(file, args, {
      cwd: folder,
      env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
    });
    const steps = Object.fromEntries(
      stdout
        .trim()
        .split('\n')
        .map((line) => {
          const { step, value } = JSON.parse(line) as { step: string; value: unknown };
          return [step, value];
        }),
    );
    expect(steps).toMatchObject({
      sync: { entryId: 7 },
      callback: { entryId: 8 },
      batch: { entryId: 11, userId: 20156 },
      upload: 'object',
      refused: { network: true, code: 'LIFERAY_NETWORK' },
    });
    // Says what failed, in the runtime's own words, not only "network failure".
    const { message } = steps['refused'] as { message: string };
    expect(message).toMatch(/^\/blogsentry\/get-entry: network failure: \S/);
    expect(message, `${name}'s message`).not.toMatch(/agent\.request is not a function/);
  });
});
