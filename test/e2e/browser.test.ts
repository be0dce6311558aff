/**
 * A generated client in a real browser: headless Chromium (Debian's `chromium`; `.ci/run` installs it),
 * driven by playwright-core with its executable path (no browser download). The page is served from one
 * origin and calls the mock portal on another (two ports, two origins) through CORS, `mock --cors <page>`.
 * The app is an esbuild bundle of a generated package (browser-app.js); it prints its results into the page.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMockPortal, type MockPortal } from '../../src/mock/index.js';
import { refusedUrl } from '../helpers/portal-server.js';
import { buildPackage } from './built-package.js';
import { projectRoot } from './fixture-documents.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
// What this closed network needs: no background connections, no QUIC, no first-run or sync traffic.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const USER = 'test@liferay.com';
const PASSWORD = 'browser-secret-7d2';

let folder: string;
let page: Server;
let pageOrigin: string;
let portal: MockPortal;
let browser: Browser | undefined;
const requests: string[] = [];

/** Serves the bundle's folder: index.html and its chunks. */
async function servePage(root: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://page.invalid').pathname;
    const file = join(root, path === '/' ? 'index.html' : path.slice(1));
    readFile(file).then(
      (body) =>
        response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (as .ci/run does), or set CHROMIUM_PATH`);
  folder = await mkdtemp(join(tmpdir(), 'lsb-browser-'));
  const built = await buildPackage('fixtures/discovery/7.x/portal.json', 'browser');
  // The app imports the package by its name, as from node_modules.
  await mkdir(join(folder, 'node_modules'));
  await symlink(built.out, join(folder, 'node_modules', 'liferay-portal-client'));
  const site = join(folder, 'site');
  await build({
    entryPoints: [join(projectRoot, 'test', 'e2e', 'browser-app.js')],
    nodePaths: [join(folder, 'node_modules')],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: site,
    logLevel: 'silent',
  });
  await writeFile(
    join(site, 'index.html'),
    '<!DOCTYPE html><html><body><pre id="results"></pre><script type="module" src="/browser-app.js"></script></body></html>',
  );
  page = await servePage(site);
  pageOrigin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
  const fixtures = join(folder, 'fixtures.json');
  await writeFile(
    fixtures,
    JSON.stringify({
      actions: [
        { path: '/blogsentry/get-entry', parameters: { entryId: 7 }, result: { entryId: 7, title: 'Hello, browser' } },
      ],
      documents: { '/documents/20143/0/hello.txt': { text: 'hello, document', contentType: 'text/plain' } },
    }),
  );
  portal = await startMockPortal({
    port: 0,
    user: USER,
    password: PASSWORD,
    cors: pageOrigin,
    fixtures,
    onRequest: (line) => requests.push(line),
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true, chromiumSandbox: false });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await new Promise((resolve) => page?.close(resolve));
  await rm(folder, { recursive: true, force: true });
});

it('runs sync, callback, batch, upload and download calls across origins through CORS', async () => {
  expect(new URL(portal.url).origin).not.toBe(pageOrigin);
  const tab = await browser!.newPage();
  const query = new URLSearchParams({
    server: portal.url,
    user: USER,
    password: PASSWORD,
    refused: await refusedUrl(),
  });
  await tab.goto(`${pageOrigin}/?${query.toString()}`);
  await tab.waitForSelector('#results[data-done]', { timeout: 60_000 });
  const results = JSON.parse((await tab.textContent('#results')) ?? '{}') as Record<string, unknown>;
  expect(results).toMatchObject({
    sync: 'Hello, browser',
    callback: 8,
    batch: ['Hello, browser', 20156],
    upload: 'object',
    download: { text: 'hello, document', contentType: 'text/plain', size: 15, progressed: true },
    refused: { network: true },
  });
  // In a page, fetch says only "Failed to fetch": the message names the likely causes.
  expect((results['refused'] as { message: string }).message).toMatch(
    /^\/blogsentry\/get-entry: network failure: .+ \(CORS or the network may be the cause\)$/,
  );
  // The browser sent preflights (credentials and JSON make the calls non-simple), then the calls themselves.
  expect(requests).toContain('OPTIONS /api/jsonws/invoke 204 preflight');
  expect(requests).toContain('POST /api/jsonws/invoke 200 /blogsentry/get-entry /user/get-user-by-id');
  expect(requests).toContain('POST /api/jsonws/dlapp/add-file-entry 200 /dlapp/add-file-entry');
  expect(requests).toContain('GET /documents/20143/0/hello.txt 200');
});

it('fails with a NetworkError naming CORS when the portal does not allow the page origin', async () => {
  const closed = await startMockPortal({ port: 0, cors: 'http://elsewhere.example' });
  try {
    const tab = await browser!.newPage();
    const query = new URLSearchParams({ server: closed.url, user: USER, password: PASSWORD, refused: closed.url });
    await tab.goto(`${pageOrigin}/?${query.toString()}`);
    await tab.waitForSelector('#results[data-done]', { timeout: 60_000 });
    const results = JSON.parse((await tab.textContent('#results')) ?? '{}') as Record<
      string,
      { code?: string; message?: string }
    >;
    expect(results['sync']).toMatchObject({ failed: 'NetworkError', code: 'LIFERAY_NETWORK' });
    expect(results['sync']?.message).toContain('(CORS or the network may be the cause)');
  } finally {
    await closed.close();
  }
});
