/**
 * Every way `discover` fails: the exit code (src/errors.ts ExitCode) and the one-line message on stderr,
 * with nothing on stdout. Each case runs once with a password and once with a token and --verbose (whose
 * stack traces and request lines must not show it either).
 */
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { answer, refusedUrl, serveJson, startPortalServer } from '../helpers/portal-server.js';
import { failures } from './discover-failure-cases.js';
import { expectNoSecret, passwordArgs, tokenArgs } from './secrets.js';
import { removeTemporaryFolders, runCli, temporaryFolder } from './run-cli.js';

afterAll(removeTemporaryFolders);

describe.concurrent('discover fails with its exit code and one line on stderr', () => {
  for (const [name, failure] of Object.entries(failures)) {
    it(`on ${name}, printing neither the password nor the token (even with --verbose)`, async ({ expect }) => {
      const portal = await startPortalServer(failure.handler);
      try {
        const line = `error: ${failure.message(`${portal.url}/api/jsonws?discover=/*`)}`;
        const run = await runCli(['discover', '--url', portal.url, ...passwordArgs, ...(failure.args ?? [])]);
        expect(run).toEqual({ code: failure.exitCode, stdout: '', stderr: `${line}\n` });
        expect(portal.requests.length).toBe(failure.requests ?? 1);
        expectNoSecret(expect, run);
        const verbose = await runCli([
          'discover',
          '--url',
          portal.url,
          ...tokenArgs,
          ...(failure.args ?? []),
          '--verbose',
        ]);
        expect(verbose.code).toBe(failure.exitCode);
        expect(verbose.stdout).toBe('');
        expect(verbose.stderr.split('\n').filter((text) => text.startsWith('error: '))).toEqual([line]);
        expectNoSecret(expect, verbose);
      } finally {
        await portal.close();
      }
    });
  }

  it('when the connection is refused, naming the attempts', async ({ expect }) => {
    const url = await refusedUrl();
    const once = await runCli(['discover', '--url', url, '--retries', '0', ...passwordArgs]);
    const discoverUrl = `${url}/api/jsonws?discover=/*`;
    const hint = 'check the URL and that the portal is running.';
    expect(once).toEqual({
      code: 3,
      stdout: '',
      stderr: `error: Cannot reach the portal at ${discoverUrl} (connection refused): ${hint}\n`,
    });
    const twice = await runCli(['discover', '--url', url, '--retries', '1', ...tokenArgs, '--verbose']);
    expect(twice.code).toBe(3);
    expect(twice.stderr.split('\n').filter((line) => line.startsWith('error: '))).toEqual([
      `error: Cannot reach the portal at ${discoverUrl} (connection refused, 2 attempts): ${hint}`,
    ]);
    expectNoSecret(expect, once);
    expectNoSecret(expect, twice);
  });

  it('when the --discovery file is missing (exit 10)', async ({ expect }) => {
    const missing = join(await temporaryFolder(), 'missing.json');
    const run = await runCli(['discover', '--discovery', missing]);
    expect(run).toEqual({
      code: 10,
      stdout: '',
      stderr: `error: Cannot read the discovery file ${missing} (no such file): check the path.\n`,
    });
  });
});

describe.concurrent('discover does not fail', () => {
  it('on an empty service list: it warns and exits 0', async ({ expect }) => {
    const portal = await startPortalServer(serveJson({ contextName: '', services: [], types: [], version: '7.0.6' }));
    try {
      const run = await runCli(['discover', '--url', portal.url, '--json', ...passwordArgs]);
      const summary = {
        format: '7.x',
        portalVersion: '7.0.6',
        contexts: [{ name: 'portal', services: 0, actions: 0, models: 0 }],
      };
      expect(run).toEqual({
        code: 0,
        stdout: `${JSON.stringify(summary, null, 2)}\n`,
        stderr: 'warning: context portal has no services (nothing is exposed, or the filter matched nothing)\n',
      });
    } finally {
      await portal.close();
    }
  });

  it('when a 503 clears within --retries, counting each attempt', async ({ expect }) => {
    let attempts = 0;
    const portal = await startPortalServer((request, response, incoming) => {
      attempts += 1;
      const handler =
        attempts <= 2 ? answer(503, 'busy') : serveJson({ contextName: '', services: [], types: [], version: '7.0.6' });
      return handler(request, response, incoming);
    });
    try {
      const run = await runCli(['discover', '--url', portal.url, '--retries', '2', '--verbose', ...tokenArgs]);
      expect(run.code).toBe(0);
      expect(portal.requests.length).toBe(3);
      expect(run.stderr).toContain(
        `retrying ${portal.url}/api/jsonws?discover=/* in 250 ms (attempt 1 failed: HTTP 503)`,
      );
      expect(run.stderr).toContain(
        `retrying ${portal.url}/api/jsonws?discover=/* in 500 ms (attempt 2 failed: HTTP 503)`,
      );
      expectNoSecret(expect, run);
    } finally {
      await portal.close();
    }
  });
});
