/**
 * Credentials off the command line: `--password-stdin` and `--token-stdin`, and on a real terminal a `--user`
 * without a password asks for it with echo off. Cancelling a question (Ctrl+C, Ctrl+D at `init`) ends the
 * command quietly with the interrupt status. No secret ever reaches the output.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { serveJson, startPortalServer } from '../helpers/portal-server.js';
import { runInTerminal, terminalAvailable } from '../helpers/terminal.js';
import { basicHeader, bearerHeader, expectNoSecret, password, token, user } from './secrets.js';
import { projectRoot, removeTemporaryFolders, runCli, temporaryFolder } from './run-cli.js';

afterAll(removeTemporaryFolders);

const document = () => readFile(join(projectRoot, 'fixtures/discovery/7.x/portal.json'), 'utf8');
const SUMMARY = '7.x discovery, portal 7.0.6\ncontext portal: 7 services, 31 actions, 6 models\n';

describe.concurrent('credentials from standard input', () => {
  it('--password-stdin and --token-stdin send what standard input holds, and print none of it', async ({ expect }) => {
    const portal = await startPortalServer(serveJson(await document()));
    try {
      const basic = await runCli(['discover', '--url', portal.url, '--user', user, '--password-stdin'], {
        input: `${password}\n`,
      });
      const bearer = await runCli(['discover', '--url', portal.url, '--token-stdin'], { input: `${token}\n` });
      expect([basic, bearer]).toEqual([
        { code: 0, stdout: SUMMARY, stderr: '' },
        { code: 0, stdout: SUMMARY, stderr: '' },
      ]);
      expect(portal.requests.map((request) => request.headers['authorization'])).toEqual([basicHeader, bearerHeader]);
      expectNoSecret(expect, basic);
      expectNoSecret(expect, bearer);
    } finally {
      await portal.close();
    }
  });

  it('refuses --password-stdin beside --password, and a --user without a password off a terminal (exit 2)', async ({
    expect,
  }) => {
    const both = await runCli(
      ['discover', '--url', 'http://127.0.0.1:9', '--user', user, '--password', password, '--password-stdin'],
      { input: 'x\n' },
    );
    expect(both.code).toBe(2);
    expect(both.stderr).toContain(
      "error: option '--password-stdin' cannot be used with option '--password <password>'",
    );
    expectNoSecret(expect, both);
    expect(await runCli(['discover', '--url', 'http://127.0.0.1:9', '--user', user])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: HTTP Basic needs both a user and a password: give the password with --password-stdin or LIFERAY_PASSWORD (on a terminal, --user alone asks for it)\n',
    });
  });
});

describe.skipIf(!terminalAvailable)('on a terminal', () => {
  it('asks for the password of a --user, never showing it', async ({ expect }) => {
    const portal = await startPortalServer(serveJson(await document()));
    try {
      const run = await runInTerminal(['discover', '--url', portal.url, '--user', user], {
        answers: [{ after: `Password for ${user}: `, type: `${password}\r` }],
      });
      expect(run.code).toBe(0);
      expect(run.screen).toBe(`Password for ${user}: \n${SUMMARY}`);
      expect(portal.requests.map((request) => request.headers['authorization'])).toEqual([basicHeader]);
      expectNoSecret(expect, { stdout: run.screen, stderr: '' });
    } finally {
      await portal.close();
    }
  });

  it.for([
    ['Ctrl+C', '\u0003'],
    ['Ctrl+D', '\u0004'],
  ] as const)(
    'init: %s at a question ends quietly with the interrupt status (130), writing nothing',
    async ([, key], { expect }) => {
      const cwd = await temporaryFolder();
      const run = await runInTerminal(['init'], {
        cwd,
        answers: [{ after: 'Portal URL (http://localhost:8080): ', type: key }],
      });
      expect(run).toEqual({ code: 130, screen: 'Portal URL (http://localhost:8080): \n' });
      expect(existsSync(join(cwd, 'liferay-sdk.config.json'))).toBe(false);
    },
  );
});
