/**
 * Runs of the real CLI in their own process: wall time, the process's peak memory (recorded at exit by a
 * preloaded script) and, for `generate --verbose`, each stage's time from its `<stage>: <ms> ms` lines.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CliRun {
  readonly wallMs: number;
  /** The CLI's own process. */
  readonly maxRssBytes: number;
  /**
   * The CLI with its child processes (the native compiler verify runs): the most their resident memory
   * together reached, sampled every few milliseconds while the CLI waited for them (Linux only; elsewhere
   * the same as maxRssBytes).
   */
  readonly treeRssBytes: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface GenerateRun extends CliRun {
  readonly stages: Readonly<Record<string, number>>;
  /** What the CLI says it wrote: "103 services, 916 methods (1299 actions)". */
  readonly wrote: string;
}

export interface GenerateCall {
  readonly root: string;
  readonly cacheDir: string;
  readonly discovery: string;
  readonly out: string;
  readonly verify: boolean;
  /** XDG_CACHE_HOME of the run: the generator's caches (formatted files) live there. */
  readonly cacheHome: string;
  readonly extraArgs?: readonly string[];
}

const STAGE_LINE = /^([a-z]+): (\d+(?:\.\d+)?) ms$/;

// maxRSS is in KiB. Written to a file because the CLI's own output must stay untouched. The children's memory
// is read from /proc while this process runs (it waits for them without blocking its event loop).
const PRELOAD = `// Written by npm run bench: records the peak memory of the process it is preloaded into, and with its children.
// Node preloads it into worker threads too: only the main thread samples (the tree is the same), so that the
// sampling does not take time from a worker that builds, and only its figures are written.
if (!require('node:worker_threads').isMainThread) return;
const fs = require('node:fs');
const page = 4096;
const rss = (pid) => { try { return Number(fs.readFileSync('/proc/' + pid + '/statm', 'utf8').split(' ')[1]) * page; } catch { return 0; } };
const children = (pid) => { try { return fs.readdirSync('/proc/' + pid + '/task').flatMap((task) => fs.readFileSync('/proc/' + pid + '/task/' + task + '/children', 'utf8').trim().split(' ').filter(Boolean)); } catch { return []; } };
const tree = (pid) => rss(pid) + children(pid).reduce((sum, child) => sum + tree(child), 0);
let peak = 0;
if (process.platform === 'linux') setInterval(() => { peak = Math.max(peak, tree(process.pid)); }, 5).unref();
process.on('exit', () => {
  const own = process.resourceUsage().maxRSS * 1024;
  fs.writeFileSync(process.env.LSB_BENCH_MAX_RSS, own + ' ' + Math.max(own, peak));
});
`;

export function runCli(
  root: string,
  cacheDir: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): CliRun {
  const preload = join(cacheDir, 'max-rss.cjs');
  const rssFile = join(cacheDir, 'max-rss.txt');
  writeFileSync(preload, PRELOAD);
  rmSync(rssFile, { force: true });
  const argv = ['-r', preload, join(root, 'bin', 'liferay-sdk-builder.js'), ...args];
  const start = performance.now();
  const result = spawnSync(process.execPath, argv, {
    cwd: root,
    env: { ...process.env, ...env, LSB_BENCH_MAX_RSS: rssFile, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - start;
  if (result.status !== 0) {
    throw new Error(
      `the CLI failed (exit ${String(result.status)}): node ${argv.join(' ')}\n${result.stderr}${result.stdout}`,
    );
  }
  const [own = 0, tree = own] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
  return { wallMs, maxRssBytes: own, treeRssBytes: tree, stdout: result.stdout, stderr: result.stderr };
}

export function runGenerate(call: GenerateCall): GenerateRun {
  const args = [
    'generate',
    '--discovery',
    call.discovery,
    '--out',
    call.out,
    '--verbose',
    ...(call.verify ? [] : ['--no-verify']),
    ...(call.extraArgs ?? []),
  ];
  const run = runCli(call.root, call.cacheDir, args, { XDG_CACHE_HOME: call.cacheHome });
  const wrote = /\d+ services, \d+ methods \(\d+ actions\)/.exec(run.stdout)?.[0] ?? '?';
  return { ...run, stages: parseStages(run.stderr), wrote };
}

export function parseStages(stderr: string): Record<string, number> {
  const stages: Record<string, number> = {};
  for (const line of stderr.split('\n')) {
    const match = STAGE_LINE.exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined) stages[match[1]] = Number(match[2]);
  }
  return stages;
}
