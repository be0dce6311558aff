/**
 * What `liferay-sdk-builder demo` (what `npm start` runs) does: the whole tool in one command. Starts the mock
 * portal from the bundled fixture on a free port, generates a client from it over HTTP into a temporary folder,
 * builds it, and runs a short session modelled on Liferay's "Invoking Services Asynchronously" tutorial: group
 * 1084's blog entries with a callback, the same with `await`, three calls in one batch, then the entries and
 * their authors in one chained request.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { count } from '../../count.js';
import { generate } from '../../generate.js';
import { startMockPortal } from '../../mock/index.js';
import { emitJavaScript } from '../../verify/emit-js.js';
import type { Reporter } from '../report.js';
import { skipWebAssemblyTierUp } from '../run.js';
import { runDemoSession, type DemoClient } from './demo-session.js';

const USER = 'test@liferay.com';
const PASSWORD = 'test';

export interface DemoFlags {
  readonly keep?: boolean;
}

export async function runDemo(flags: DemoFlags, reporter: Reporter): Promise<void> {
  await skipWebAssemblyTierUp();
  const folder = await mkdtemp(join(tmpdir(), 'liferay-sdk-demo-'));
  const requests: string[] = [];
  const portal = await startMockPortal({
    port: 0,
    user: USER,
    password: PASSWORD,
    onRequest: (line) => requests.push(line),
  });
  try {
    reporter.result(`1. Mock portal listening on ${portal.url} (bundled 7.x fixture, HTTP Basic ${USER})`);
    const out = join(folder, 'liferay-demo-client');
    const result = await generate({
      url: portal.url,
      credentials: { user: USER, password: PASSWORD },
      out,
      name: 'liferay-demo-client',
    });
    const generated = result.packages[0];
    reporter.result(
      `2. Generated ${generated?.name} over HTTP: ${count(generated?.services ?? 0, 'service')}, ${count(generated?.methods ?? 0, 'method')}, ${count(generated?.models ?? 0, 'model')} → ${out}`,
    );
    await buildPackage(out, generated?.files ?? []);
    reporter.result('3. Built it with the TypeScript compiler (dist/*.js + .d.ts)');
    const client = await loadClient(out);
    const before = requests.length;
    await runDemoSession(client, { server: portal.url, user: USER, password: PASSWORD }, (line) =>
      reporter.result(line),
    );
    reporter.result(`The session made ${requests.length - before} HTTP requests to the portal:`);
    for (const line of requests.slice(before)) reporter.result(`   ${line}`);
    reporter.result(flags.keep === true ? `Done. The package is in ${out}` : 'Done.');
  } finally {
    await portal.close();
    if (flags.keep !== true) await rm(folder, { recursive: true, force: true });
  }
}

async function buildPackage(out: string, files: Parameters<typeof emitJavaScript>[0]): Promise<void> {
  for (const file of await emitJavaScript(files)) {
    if (!file.path.startsWith('dist/')) continue;
    await mkdir(dirname(join(out, file.path)), { recursive: true });
    await writeFile(join(out, file.path), file.contents);
  }
}

async function loadClient(out: string): Promise<DemoClient> {
  const sync = (await import(pathToFileURL(join(out, 'dist', 'index.js')).href)) as DemoClient['sync'];
  const callback = (await import(
    pathToFileURL(join(out, 'dist', 'callback', 'index.js')).href
  )) as DemoClient['callback'];
  const chain = (await import(pathToFileURL(join(out, 'dist', 'runtime', 'chain.js')).href)) as DemoClient['chain'];
  return { sync, callback, chain };
}
