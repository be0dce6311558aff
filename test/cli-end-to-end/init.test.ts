/**
 * `init` through the real CLI: the starter file it writes is one `generate` accepts as it is; it never
 * replaces a file without --force; it asks nothing when stdin is not a terminal.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { packageFiles, removeTemporaryFolders, runBuilder, temporaryFolder } from './builder.js';
import { startDiscoveryPortal } from './discovery-portal.js';
import { PORTAL_FIXTURE, fixture } from './documents.js';

afterAll(removeTemporaryFolders);

const NEXT = 'set LIFERAY_USER/LIFERAY_PASSWORD (or LIFERAY_TOKEN), then run: npx liferay-sdk-builder generate';

describe.concurrent('init', () => {
  it('writes a file that generate then accepts, asking nothing on a stdin that is not a terminal', async ({
    expect,
  }) => {
    const portal = await startDiscoveryPortal({ portal: fixture(PORTAL_FIXTURE) });
    try {
      const cwd = await temporaryFolder();
      const path = join(cwd, 'liferay-sdk.config.json');
      // stdin stays open and empty: a question would never be answered and the run would time out.
      const init = await runBuilder(['init', '--url', portal.url], { cwd, stdin: 'pipe' });
      expect(init).toEqual({ code: 0, stdout: `wrote ${path}; ${NEXT}\n`, stderr: '' });
      const text = await readFile(path, 'utf8');
      expect(text).toContain(`"url": "${portal.url}"`);
      expect(text).not.toMatch(/"(password|token)"/);
      const generate = await runBuilder(['generate', '--no-cache', '--no-verify'], { cwd });
      const out = join(cwd, 'generated', 'portal');
      expect(generate).toEqual({
        code: 0,
        stdout: `wrote liferay-portal-client to ${out}: version 1.0.0, context portal, 7 services, 19 methods (31 actions), 6 models, ${(await packageFiles(out)).length} files\n`,
        stderr: '',
      });
      expect(portal.requests.map((request) => request.url)).toEqual(['/api/jsonws?discover=/*']);
    } finally {
      await portal.close();
    }
  });

  it('refuses to replace an existing file without --force (exit 2), and replaces it with --force', async ({
    expect,
  }) => {
    const cwd = await temporaryFolder();
    const path = join(cwd, 'liferay-sdk.config.json');
    expect((await runBuilder(['init'], { cwd })).code).toBe(0);
    const before = await readFile(path, 'utf8');
    expect(before).toContain('"url": "http://localhost:8080"');
    expect(await runBuilder(['init', '--url', 'http://portal.acme.test'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: ${path} already exists: edit it, or use --force to replace it\n`,
    });
    expect(await readFile(path, 'utf8')).toBe(before);
    expect((await runBuilder(['init', '--force', '--url', 'http://portal.acme.test'], { cwd })).code).toBe(0);
    expect(await readFile(path, 'utf8')).toBe(
      before.replace('"url": "http://localhost:8080"', '"url": "http://portal.acme.test"'),
    );
    expect(await readdir(cwd)).toEqual(['liferay-sdk.config.json']);
  });

  it('writes --config <file> in a folder that does not exist yet', async ({ expect }) => {
    const cwd = await temporaryFolder();
    const path = join(cwd, 'config', 'liferay', 'lsb.json');
    expect(await runBuilder(['init', '--config', 'config/liferay/lsb.json'], { cwd })).toEqual({
      code: 0,
      stdout: `wrote ${path}; ${NEXT}\n`,
      stderr: '',
    });
    expect(existsSync(path)).toBe(true);
  });

  it('refuses a portal URL without http(s):// or with credentials in it (exit 2), writing nothing', async ({
    expect,
  }) => {
    const cwd = await temporaryFolder();
    expect(await runBuilder(['init', '--url', 'localhost:8080'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: the portal URL must start with http:// or https://, got "localhost:8080"\n',
    });
    expect(await runBuilder(['init', '--url', 'http://ci:hunter2@localhost:8080'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: the portal URL must not carry a user or password: set LIFERAY_USER/LIFERAY_PASSWORD or LIFERAY_TOKEN\n',
    });
    expect(await readdir(cwd)).toEqual([]);
  });
});
