/**
 * `generate` with `liferay-sdk.config.json` and flags, through the real CLI: flags over the file, a source
 * on the command line over the file's, credentials only from the environment.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { refusedUrl } from '../helpers/portal-server.js';
import { packageFiles, projectRoot, removeTemporaryFolders, runBuilder, temporaryFolder } from './builder.js';
import { startDiscoveryPortal } from './discovery-portal.js';
import { CALENDAR_FIXTURE, PORTAL_FIXTURE, fixture } from './documents.js';

afterAll(removeTemporaryFolders);

const documents = { portal: fixture(PORTAL_FIXTURE), calendar: fixture(CALENDAR_FIXTURE) };
const calendarQuery = '&contextName=calendar&contextPath=/calendar';

async function nameOf(out: string): Promise<string> {
  return (JSON.parse(await readFile(join(out, 'package.json'), 'utf8')) as { name: string }).name;
}

describe.concurrent('generate with a configuration file and flags', () => {
  it('lets flags override the file: --url, --context, --out, --name, --styles, --emit', async ({ expect }) => {
    const portal = await startDiscoveryPortal(documents);
    try {
      const cwd = await temporaryFolder();
      const config = {
        portal: { url: await refusedUrl() },
        contexts: [
          { name: 'portal', out: 'from-file/portal', packageName: 'from-file-portal', styles: ['sync'] },
          { name: 'calendar', out: 'from-file/calendar', packageName: 'from-file-calendar', styles: ['sync'] },
        ],
        emit: 'js',
        verify: false,
      };
      await writeFile(join(cwd, 'liferay-sdk.config.json'), JSON.stringify(config));
      const flags = [
        '--url',
        portal.url,
        '--context',
        'calendar',
        '--out',
        'flagged',
        '--name',
        'flagged-calendar',
        '--styles',
        'sync,callback',
        '--emit',
        'ts',
      ];
      const run = await runBuilder(['generate', '--no-cache', ...flags], { cwd });
      const files = await packageFiles(join(cwd, 'flagged'));
      expect(run).toEqual({
        code: 0,
        // A relative --out is reported absolute, as a file's out is: one way of naming it.
        stdout: `wrote flagged-calendar to ${join(cwd, 'flagged')}: version 1.0.0, context calendar, 3 services, 7 methods (9 actions), 2 models, ${files.length} files\n`,
        stderr: '',
      });
      expect(portal.requests.map((request) => request.url)).toEqual([`/api/jsonws?discover=/*${calendarQuery}`]);
      expect(files).toContain('src/callback/index.ts');
      expect(files).toContain('tsconfig.json');
      expect(files.filter((path) => path.startsWith('dist/'))).toEqual([]);
      expect((await readdir(cwd)).sort()).toEqual(['flagged', 'liferay-sdk.config.json']);
    } finally {
      await portal.close();
    }
  });

  it('lets --url replace the documents the file names for its contexts, keeping their other settings', async ({
    expect,
  }) => {
    const portal = await startDiscoveryPortal(documents);
    try {
      const cwd = await temporaryFolder();
      const config = {
        contexts: [
          { name: 'portal', discovery: 'saved/missing.json', out: 'clients/portal', packageName: 'acme-portal' },
        ],
        verify: false,
      };
      await writeFile(join(cwd, 'liferay-sdk.config.json'), JSON.stringify(config));
      const run = await runBuilder(['generate', '--no-cache', '--url', portal.url], { cwd });
      const out = join(cwd, 'clients', 'portal');
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(portal.requests.map((request) => request.url)).toEqual(['/api/jsonws?discover=/*']);
      expect(await nameOf(out)).toBe('acme-portal');
    } finally {
      await portal.close();
    }
  });

  it("lets --discovery replace the file's sources; the documents name their contexts, which keep their settings, filter included", async ({
    expect,
  }) => {
    const cwd = await temporaryFolder();
    const config = {
      portal: { url: await refusedUrl() },
      contexts: [
        { name: 'portal', discovery: 'saved/missing.json', out: 'clients/portal' },
        { name: 'calendar', filter: 'calendar.calendar', out: 'clients/calendar', packageName: 'acme-calendar' },
      ],
      verify: false,
    };
    await writeFile(join(cwd, 'liferay-sdk.config.json'), JSON.stringify(config));
    const run = await runBuilder(['generate', '--no-cache', '--discovery', join(projectRoot, CALENDAR_FIXTURE)], {
      cwd,
    });
    const out = join(cwd, 'clients', 'calendar');
    expect(run).toEqual({
      code: 0,
      // The context's filter (calendar.calendar) applies to the saved document: 1 of its 3 services.
      stdout: `wrote acme-calendar to ${out}: version 1.0.0, context calendar, 1 service, 2 methods (3 actions), 1 model, ${(await packageFiles(out)).length} files\n`,
      stderr: '',
    });
    expect(existsSync(join(cwd, 'clients', 'portal'))).toBe(false);
  });

  it('takes credentials from LIFERAY_USER/LIFERAY_PASSWORD and LIFERAY_TOKEN only, never printing them', async ({
    expect,
  }) => {
    const portal = await startDiscoveryPortal(documents);
    try {
      const cwd = await temporaryFolder();
      await writeFile(
        join(cwd, 'liferay-sdk.config.json'),
        JSON.stringify({ portal: { url: portal.url }, verify: false }),
      );
      const basic = await runBuilder(['generate', '--no-cache', '--out', 'basic'], {
        cwd,
        env: { LIFERAY_USER: 'ci@acme.test', LIFERAY_PASSWORD: 'pa55-w0rd' },
      });
      const bearer = await runBuilder(['generate', '--no-cache', '--out', 'bearer'], {
        cwd,
        env: { LIFERAY_TOKEN: 'tok-3n' },
      });
      expect([basic.code, bearer.code]).toEqual([0, 0]);
      expect(portal.requests.map((request) => request.headers.authorization)).toEqual([
        `Basic ${Buffer.from('ci@acme.test:pa55-w0rd').toString('base64')}`,
        'Bearer tok-3n',
      ]);
      for (const output of [basic.stdout, basic.stderr, bearer.stdout, bearer.stderr]) {
        expect(output).not.toContain('pa55-w0rd');
        expect(output).not.toContain('tok-3n');
      }
    } finally {
      await portal.close();
    }
  });

  it('refuses a file whose contexts have neither a document nor a portal URL (exit 2)', async ({ expect }) => {
    const cwd = await temporaryFolder();
    await writeFile(
      join(cwd, 'liferay-sdk.config.json'),
      JSON.stringify({ contexts: [{ name: 'portal', discovery: 'portal.json' }, { name: 'calendar' }] }),
    );
    expect(await runBuilder(['generate', '--no-cache'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: context "calendar" of the configuration has no "discovery" file and the configuration has no portal.url: give one of them, or --url\n',
    });
  });
});
