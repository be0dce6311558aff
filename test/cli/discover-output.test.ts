/**
 * `discover` against a recording portal and saved files: the --json summary, --summary, --out, --filter
 * and --context, checked against counts computed from the documents themselves.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { serveJson, startPortalServer, type PortalHandler, type PortalServer } from '../helpers/portal-server.js';
import { countsOf, jsonOutput, ownContext, readFixture, summaryOf, type RawDocument } from './expected-summary.js';
import { removeTemporaryFolders, runCli, temporaryFolder } from './run-cli.js';

const fixtures = [
  'fixtures/discovery/legacy/portal.json',
  'fixtures/discovery/6.2/portal.json',
  'fixtures/discovery/6.2/plugin-calendar-portlet.json',
  'fixtures/discovery/7.x/portal.json',
  'fixtures/discovery/7.x/plugin-calendar.json',
  'fixtures/corpus/portal-7.0-reconstructed.json',
];

let portal: PortalServer | undefined;
async function start(handler: PortalHandler): Promise<PortalServer> {
  portal = await startPortalServer(handler);
  return portal;
}
afterEach(async () => {
  await portal?.close();
  portal = undefined;
});
afterAll(removeTemporaryFolders);

describe('discover --json', () => {
  it.each(fixtures)('prints the counts of %s fetched from --url', async (fixture) => {
    const { text, document } = readFixture(fixture);
    const context = ownContext(document);
    const server = await start(serveJson(text));
    const contextArgs = context === 'portal' ? [] : ['--context', context];
    const run = await runCli(['discover', '--url', server.url, '--json', ...contextArgs]);
    expect(run).toEqual({ code: 0, stdout: jsonOutput(summaryOf([{ document }])), stderr: '' });
    const query = context === 'portal' ? '' : `&contextName=${context}&contextPath=/${context}`;
    expect(server.requests.map((request) => [request.method, request.url])).toEqual([
      ['GET', `/api/jsonws?discover=/*${query}`],
    ]);
  });

  it.each(fixtures)('prints the counts of %s read with --discovery', async (fixture) => {
    const { document } = readFixture(fixture);
    const run = await runCli(['discover', '--discovery', fixture, '--json']);
    expect(run).toEqual({ code: 0, stdout: jsonOutput(summaryOf([{ document }])), stderr: '' });
  });

  it('lists several --discovery files as contexts, by name', async () => {
    const files = ['fixtures/discovery/7.x/portal.json', 'fixtures/discovery/7.x/plugin-calendar.json'];
    const run = await runCli(['discover', '--discovery', ...files, '--json']);
    expect(run).toEqual({
      code: 0,
      stdout: jsonOutput(summaryOf(files.map((file) => ({ document: readFixture(file).document })))),
      stderr: '',
    });
  });
});

describe('discover --summary', () => {
  it('prints the short summary, then one row per service with its class and action count', async () => {
    const { document } = readFixture('fixtures/discovery/7.x/portal.json');
    const run = await runCli(['discover', '--discovery', 'fixtures/discovery/7.x/portal.json', '--summary']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const { services, actions, models } = countsOf(document);
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '7.x discovery, portal 7.0.6',
      `context portal: ${services} services, ${actions} actions, ${models} models`,
      '',
    ]);
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(3, -1).map((line) => line.split(/\s+/))).toEqual([
      ['context', 'service', 'class', 'actions'],
      ...serviceRows(document),
    ]);
  });
});

/** [context, service, class, actions] per service, the class from the entries' "Class#method" names. */
function serviceRows(document: RawDocument): string[][] {
  const rows = new Map<string, { className: string; actions: number }>();
  for (const service of document.services ?? []) {
    const id = service.path.split('/')[1] ?? '';
    const className = (service.name ?? service.id ?? '').split('#')[0] ?? '';
    rows.set(id, { className, actions: (rows.get(id)?.actions ?? 0) + 1 });
  }
  return [...rows]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, row]) => ['portal', id, row.className, String(row.actions)]);
}

describe('discover --out', () => {
  it('saves the served document as pretty JSON and prints nothing on stdout', async () => {
    const { text, document } = readFixture('fixtures/discovery/6.2/portal.json');
    const server = await start(serveJson(JSON.stringify(document)));
    const out = join(await temporaryFolder(), 'portal.json');
    const run = await runCli(['discover', '--url', server.url, '--out', out]);
    expect(run).toEqual({ code: 0, stdout: '', stderr: `saved 6.2 discovery of context portal to ${out}\n` });
    const saved = await readFile(out, 'utf8');
    expect(JSON.parse(saved)).toEqual(JSON.parse(text));
    expect(saved).toBe(`${JSON.stringify(document, null, 2)}\n`);
  });

  it('saves one file per context, <out>-<context>.json, each the document served for it', async () => {
    const portalDocument = readFixture('fixtures/discovery/7.x/portal.json').document;
    const calendarDocument = readFixture('fixtures/discovery/7.x/plugin-calendar.json').document;
    const server = await start((request, response, incoming) => {
      const document = request.url.includes('contextName=calendar') ? calendarDocument : portalDocument;
      return serveJson(document)(request, response, incoming);
    });
    const folder = await temporaryFolder();
    const run = await runCli([
      'discover',
      '--url',
      server.url,
      '--context',
      'portal,calendar',
      '--out',
      join(folder, 'discovery.json'),
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(jsonOutput(summaryOf([{ document: portalDocument }, { document: calendarDocument }])));
    expect(run.stderr).toBe(
      `saved 7.x discovery of context portal to ${join(folder, 'discovery-portal.json')}\n` +
        `saved 7.x discovery of context calendar to ${join(folder, 'discovery-calendar.json')}\n`,
    );
    expect(await readFile(join(folder, 'discovery-portal.json'), 'utf8')).toBe(
      `${JSON.stringify(portalDocument, null, 2)}\n`,
    );
    expect(await readFile(join(folder, 'discovery-calendar.json'), 'utf8')).toBe(
      `${JSON.stringify(calendarDocument, null, 2)}\n`,
    );
  });
});

describe('discover --filter and --context', () => {
  it('asks for /<filter>/* and counts the filtered services and their model, though the portal answered every one (as 7.x portals do)', async () => {
    const { document } = readFixture('fixtures/discovery/7.x/portal.json');
    const services = (document.services ?? []).filter((service) => service.path.startsWith('/blogsentry/'));
    const filtered = {
      ...document,
      services,
      types: (document.types ?? []).filter((type) => type.type.endsWith('.BlogsEntry')),
    };
    const server = await start(serveJson(document));
    const run = await runCli(['discover', '--url', server.url, '--filter', 'blogsentry', '--json']);
    expect(run).toEqual({ code: 0, stdout: jsonOutput(summaryOf([{ document: filtered }])), stderr: '' });
    expect(server.requests.map((request) => request.url)).toEqual(['/api/jsonws?discover=/blogsentry/*']);
  });

  it('asks each context of --context a,b with contextName and contextPath, in order', async () => {
    const { document } = readFixture('fixtures/discovery/7.x/plugin-calendar.json');
    // Like a real portal, the answer names the context it was asked for.
    const server = await start((request, response, incoming) => {
      const contextName = new URL(request.url, 'http://portal').searchParams.get('contextName') ?? '';
      return serveJson({ ...document, contextName })(request, response, incoming);
    });
    const run = await runCli(['discover', '--url', server.url, '--context', 'a,b', '--json']);
    expect(run).toEqual({
      code: 0,
      stdout: jsonOutput(
        summaryOf([
          { document, context: 'a' },
          { document, context: 'b' },
        ]),
      ),
      stderr: '',
    });
    expect(server.requests.map((request) => request.url)).toEqual([
      '/api/jsonws?discover=/*&contextName=a&contextPath=/a',
      '/api/jsonws?discover=/*&contextName=b&contextPath=/b',
    ]);
  });
});
