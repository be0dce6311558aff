/**
 * The published shape: `npm pack`, then `npx` the tarball from an empty folder, offline: its dependencies
 * come from the npm cache. `npm ci` caches their tarballs but not always their registry metadata, which
 * installing a tarball without a lockfile needs; when the cache lacks it (ENOTCACHED, as on a fresh CI
 * machine), the install falls back to --prefer-offline. Generating from the installed tarball proves the
 * templates and the runtime sources are inside it, not borrowed from this checkout.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../helpers/temporary.js';

import { projectRoot as root } from '../helpers/project.js';
const timeout = 120_000;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** How npm may use the network: not at all, or only for what its cache lacks. */
let network: 'offline' | 'prefer-offline' = 'offline';

function npm(args: readonly string[], cwd: string): Promise<Run> {
  const env = {
    ...process.env,
    npm_config_offline: String(network === 'offline'),
    npm_config_prefer_offline: String(network === 'prefer-offline'),
    npm_config_yes: 'true',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  return new Promise((resolve) => {
    execFile('npm', [...args], { cwd, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

let folder: string;
let tarball: string;
let empty: string;
/** `npx <tarball> <args>` in the empty folder. */
const npx = (...args: string[]): Promise<Run> =>
  npm(['exec', `--package=${tarball}`, '--', 'liferay-sdk-builder', ...args], empty);

beforeAll(async () => {
  folder = await temporaryFolder('lsb-pack-');
  empty = join(folder, 'empty');
  await mkdir(empty);
  // --ignore-scripts: `prepack` would rebuild dist/ while other test files run it; the global setup built it.
  const packed = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', folder], root);
  if (packed.code !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const [{ filename } = { filename: '' }] = JSON.parse(packed.stdout) as { filename: string }[];
  tarball = join(folder, filename);
  const probe = await npx('--version');
  if (probe.code !== 0 && probe.stderr.includes('ENOTCACHED')) network = 'prefer-offline';
}, timeout);

afterAll(async () => {
  await removeNpxInstall(tarball);
  await rm(folder, { recursive: true, force: true });
});

describe('the npm tarball', () => {
  it('runs with npx from an empty folder, offline, and prints the usage', { timeout }, async () => {
    const run = await npx('--help');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: liferay-sdk-builder [options] [command]');
    expect(run.stdout).toMatch(/^ {2}discover \[options\] /m);
    expect(run.stdout).toMatch(/^ {2}generate \[options\] /m);
    const version = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(await npx('--version')).toEqual({ code: 0, stdout: `${version.version}\n`, stderr: '' });
  });

  it('generates a package with its own templates and runtime sources', { timeout }, async () => {
    const out = join(empty, 'client');
    const run = await npx('generate', '--discovery', join(root, 'fixtures/discovery/7.x/portal.json'), '--out', out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^wrote liferay-portal-client to .*client: version 1.0.0, context portal, 7 services, 19 methods \(31 actions\), 6 models, \d+ files\n$/,
    );
    for (const file of [
      'package.json',
      'tsconfig.json',
      'src/index.ts',
      'src/services/blogsentry.ts',
      'src/services/index.ts',
      'src/callback/index.ts',
    ]) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    const runtime = (await readdir(join(root, 'src/runtime'))).filter((name) => name.endsWith('.ts')).sort();
    expect((await readdir(join(out, 'src/runtime'))).sort()).toEqual(runtime);
    for (const name of runtime)
      expect(await readFile(join(out, 'src/runtime', name), 'utf8'), name).toBe(
        await readFile(join(root, 'src/runtime', name), 'utf8'),
      );
  });
});

/** npx installs into <npm cache>/_npx/<hash>/: remove the install of this run's tarball, and only that. */
async function removeNpxInstall(spec: string | undefined): Promise<void> {
  if (spec === undefined) return;
  const cache = (await npm(['config', 'get', 'cache'], root)).stdout.trim();
  const installs = join(cache, '_npx');
  for (const entry of existsSync(installs) ? await readdir(installs) : []) {
    const manifest = await readFile(join(installs, entry, 'package.json'), 'utf8').catch(() => '');
    if (manifest.includes(JSON.stringify(spec))) await rm(join(installs, entry), { recursive: true, force: true });
  }
}
