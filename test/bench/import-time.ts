/**
 * The cost of importing a package in a fresh node process: node with the import minus bare node, in
 * alternating pairs so that machine noise hits both; plus the import() as timed inside the process.
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { median } from './statistics.js';

export interface ImportTime {
  readonly runs: number;
  readonly withImportMs: number;
  readonly bareMs: number;
  /** Median of (with import − bare) would pair unrelated runs; this is the difference of the medians. */
  readonly netMs: number;
  readonly inProcessMs: number;
}

export function measureImport(file: string, runs: number): ImportTime {
  const url = JSON.stringify(pathToFileURL(file).href);
  const importing = [
    '--input-type=module',
    '-e',
    `const t = performance.now(); await import(${url}); process.stdout.write(String(performance.now() - t));`,
  ];
  const bare = ['-e', ''];
  // One untimed pass of each loads the files into the OS cache.
  timeNode(importing);
  timeNode(bare);
  const withImport: number[] = [];
  const without: number[] = [];
  const inProcess: number[] = [];
  for (let run = 0; run < runs; run++) {
    const first = run % 2 === 0;
    if (!first) without.push(timeNode(bare).ms);
    const imported = timeNode(importing);
    withImport.push(imported.ms);
    inProcess.push(Number(imported.stdout));
    if (first) without.push(timeNode(bare).ms);
  }
  const [withImportMs, bareMs] = [median(withImport), median(without)];
  return { runs, withImportMs, bareMs, netMs: withImportMs - bareMs, inProcessMs: median(inProcess) };
}

function timeNode(args: readonly string[]): { ms: number; stdout: string } {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${result.stderr}`);
  return { ms, stdout: result.stdout };
}
