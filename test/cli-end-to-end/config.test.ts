/**
 * `generate` driven by `liferay-sdk.config.json`, through the real CLI: no flags at all (from a portal URL
 * or from saved documents), per-context settings, `--config`, and paths relative to the file.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { packageFiles, projectRoot, removeTemporaryFolders, runBuilder, temporaryFolder } from './builder.js';
import { startDiscoveryPortal } from './discovery-portal.js';
import { CALENDAR_FIXTURE, PORTAL_FIXTURE, fixture } from './documents.js';

afterAll(removeTemporaryFolders);

const documents = { portal: fixture(PORTAL_FIXTURE), calendar: fixture(CALENDAR_FIXTURE) };
const calendarQuery = '&contextName=calendar&contextPath=/calendar';

async function exportsOf(out: string): Promise<string[]> {
  return Object.keys((JSON.parse(await readFile(join(out, 'package.json'), 'utf8')) as { exports: object }).exports);
}

async function nameOf(out: string): Promise<string> {
  return (JSON.parse(await readFile(join(out, 'package.json'), 'utf8')) as { name: string }).name;
}

describe.concurrent('generate with a configuration file', () => {
  it('needs no flags with liferay-sdk.config.json in the working directory (comments, trailing commas, per-context settings)', async ({
    expect,
  }) => {
    const portal = await startDiscoveryPortal(documents);
    try {
      const cwd = await temporaryFolder();
      await writeFile(
        join(cwd, 'liferay-sdk.config.json'),
        `// What to generate, and from where.
{
  "portal": { "url": "${portal.url}", "timeout": 5000, }, // a trailing comma, as editors leave them
  "contexts": [
    /* The portal's own services, sync style only. */
    { "name": "portal", "out": "clients/portal", "styles": ["sync"] },
    { "name": "calendar", "filter": "calendar.calendarbooking", "out": "clients/calendar", "packageName": "@acme/calendar-client" },
  ],
  "verify": false,
}
`,
      );
      const run = await runBuilder(['generate', '--no-cache'], { cwd });
      const calendar = join(cwd, 'clients', 'calendar');
      const own = join(cwd, 'clients', 'portal');
      const [calendarFiles, portalFiles] = [await packageFiles(calendar), await packageFiles(own)];
      expect(run).toEqual({
        code: 0,
        stdout:
          `wrote @acme/calendar-client to ${calendar}: version 1.0.0, context calendar, 1 service, 4 methods (5 actions), 1 model, ${calendarFiles.length} files\n` +
          `wrote liferay-portal-client to ${own}: version 1.0.0, context portal, 7 services, 19 methods (31 actions), 6 models, ${portalFiles.length} files\n`,
        stderr: '',
      });
      // One request per context, in the file's order, each with its own filter; no credentials anywhere.
      expect(portal.requests.map((request) => [request.url, request.headers.authorization])).toEqual([
        ['/api/jsonws?discover=/*', undefined],
        [`/api/jsonws?discover=/calendar.calendarbooking/*${calendarQuery}`, undefined],
      ]);
      expect(portalFiles.filter((path) => path.startsWith('src/callback/'))).toEqual([]);
      expect(await exportsOf(own)).toEqual(['.', './models', './runtime', './chain', './services/*']);
      expect(calendarFiles.filter((path) => path.startsWith('src/services/'))).toEqual([
        'src/services/calendarbooking.ts',
        'src/services/index.ts',
      ]);
      expect(calendarFiles).toContain('src/callback/index.ts');
      expect(await exportsOf(calendar)).toEqual([
        '.',
        './callback',
        './models',
        './runtime',
        './chain',
        './services/*',
      ]);
      expect(await nameOf(calendar)).toBe('@acme/calendar-client');
    } finally {
      await portal.close();
    }
  });

  it('needs no flags either with a saved discovery document per context instead of a portal URL', async ({
    expect,
  }) => {
    const cwd = await temporaryFolder();
    await mkdir(join(cwd, 'discovery'));
    await writeFile(join(cwd, 'discovery', 'portal.json'), await readFile(join(projectRoot, PORTAL_FIXTURE)));
    await writeFile(join(cwd, 'discovery', 'calendar.json'), await readFile(join(projectRoot, CALENDAR_FIXTURE)));
    const contexts = [
      { name: 'portal', discovery: 'discovery/portal.json' },
      { name: 'calendar', discovery: 'discovery/calendar.json', styles: ['callback', 'sync'] },
    ];
    await writeFile(join(cwd, 'liferay-sdk.config.json'), JSON.stringify({ contexts, verify: false }));
    const run = await runBuilder(['generate', '--no-cache'], { cwd });
    const [calendar, own] = [join(cwd, 'generated', 'calendar'), join(cwd, 'generated', 'portal')];
    expect(run).toEqual({
      code: 0,
      stdout:
        `wrote liferay-calendar-client to ${calendar}: version 1.0.0, context calendar, 3 services, 7 methods (9 actions), 2 models, ${(await packageFiles(calendar)).length} files\n` +
        `wrote liferay-portal-client to ${own}: version 1.0.0, context portal, 7 services, 19 methods (31 actions), 6 models, ${(await packageFiles(own)).length} files\n`,
      stderr: '',
    });
    expect(await exportsOf(calendar)).toEqual(['.', './callback', './models', './runtime', './chain', './services/*']);
  });

  it('reads --config <file>, with its paths (documents, out, templates) relative to the file, not to the working directory', async ({
    expect,
  }) => {
    const root = await temporaryFolder();
    await mkdir(join(root, 'conf', 'tpl', 'partials'), { recursive: true });
    await mkdir(join(root, 'docs'));
    await mkdir(join(root, 'elsewhere'));
    await writeFile(join(root, 'docs', 'portal.json'), await readFile(join(projectRoot, PORTAL_FIXTURE)));
    await writeFile(join(root, 'conf', 'tpl', 'partials', 'header.hbs'), '// ACME {{comment header.generatedBy}}\n');
    await writeFile(
      join(root, 'conf', 'lsb.json'),
      JSON.stringify({
        contexts: [{ name: 'portal', discovery: '../docs/portal.json', out: '../clients/portal' }],
        templates: 'tpl',
        verify: false,
      }),
    );
    const run = await runBuilder(['generate', '--no-cache', '--config', '../conf/lsb.json'], {
      cwd: join(root, 'elsewhere'),
    });
    const out = join(root, 'clients', 'portal');
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      `wrote liferay-portal-client to ${out}: version 1.0.0, context portal, 7 services, 19 methods (31 actions), 6 models, ${(await packageFiles(out)).length} files\n`,
    );
    expect(run.code).toBe(0);
    expect((await readFile(join(out, 'src', 'index.ts'), 'utf8')).split('\n')[0]).toBe(
      '// ACME Generated by liferay-sdk-builder.',
    );
    expect(await readdir(join(root, 'elsewhere'))).toEqual([]);
  });
});
