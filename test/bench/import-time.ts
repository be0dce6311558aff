/**
 * The cost of importing a package in a fresh node process, as an ES module app pays it: the same script run
 * twice in alternating pairs (so that machine noise hits both), once importing the package and once an empty
 * module beside it. Everything else the script costs (starting node, the ES module loader, writing its
 * timing to stdout) is on both sides, so the difference is the package's own.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './statistics.js';

export interface ImportTime {
  readonly runs: number;
  readonly withImportMs: number;
  /** The same script importing an empty module. */
  readonly emptyImportMs: number;
  /** Median of (with import − empty import) would pair unrelated runs; this is the difference of the medians. */
  readonly netMs: number;
  /** `import()` of the package as timed inside the process. */
  readonly inProcessMs: number;
  /** `import()` of the empty module as timed inside the process: the loader's own start. */
  readonly inProcessEmptyMs: number;
  /** Bare `node -e ''`, the baseline the bench used before: it leaves out the loader and stdout (see docs/performance.md). */
  readonly bareMs: number;
}

export function measureImport(file: string, runs: number): ImportTime {
  const empty = join(dirname(file), 'bench-empty-module.js');
  writeFileSync(empty, 'export {};\n');
  const importing = timedImport(file);
  const importingEmpty = timedImport(empty);
  const bare = ['-e', ''];
  // One untimed pass of each loads the files into the OS cache.
  for (const args of [importing, importingEmpty, bare]) timeNode(args);
  const withImport: Timing[] = [];
  const withEmpty: Timing[] = [];
  const without: number[] = [];
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? [importing, importingEmpty] : [importingEmpty, importing];
    for (const args of order) (args === importing ? withImport : withEmpty).push(timeNode(args));
    without.push(timeNode(bare).ms);
  }
  const withImportMs = median(withImport.map((timing) => timing.ms));
  const emptyImportMs = median(withEmpty.map((timing) => timing.ms));
  return {
    runs,
    withImportMs,
    emptyImportMs,
    netMs: withImportMs - emptyImportMs,
    inProcessMs: median(withImport.map((timing) => Number(timing.stdout))),
    inProcessEmptyMs: median(withEmpty.map((timing) => Number(timing.stdout))),
    bareMs: median(without),
  };
}

function timedImport(file: string): string[] {
  const url = JSON.stringify(pathToFileURL(file).href);
  const script = `const t = performance.now(); await import(${url}); process.stdout.write(String(performance.now() - t));`;
  return ['--input-type=module', '-e', script];
}

interface Timing {
  readonly ms: number;
  readonly stdout: string;
}

function timeNode(args: readonly string[]): Timing {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${result.stderr}`);
  return { ms, stdout: result.stdout };
}
