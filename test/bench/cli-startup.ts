/**
 * The CLI's fixed cost: `liferay-sdk-builder --version` against bare node. Every generation pays it, so it
 * explains the "outside stages" column of the generation table.
 */
import { spawnSync } from 'node:child_process';
import type { BenchContext } from './bench-context.js';
import type { Figure } from './bench-report.js';
import { runCli, type CliRun } from './generate-run.js';
import { median } from './statistics.js';

export function benchCliStartup(context: BenchContext): Figure[] {
  const runs: CliRun[] = [];
  const bare: number[] = [];
  for (let run = 0; run < context.options.runs; run++) {
    runs.push(runCli(context.root, context.cacheDir, ['--version']));
    const start = performance.now();
    spawnSync(process.execPath, ['-e', '']);
    bare.push(performance.now() - start);
  }
  const wall = median(runs.map((run) => run.wallMs));
  const bareMs = median(bare);
  const peak = median(runs.map((run) => run.maxRssBytes)) / 2 ** 20;
  context.log(`generation: CLI startup ${Math.round(wall)} ms, bare node ${Math.round(bareMs)} ms`);
  const common = { section: 'generation', runs: runs.length } as const;
  return [
    {
      ...common,
      name: 'CLI startup (--version): wall time',
      value: wall,
      unit: 'ms',
      ratio: wall / bareMs,
      ratioTo: 'vs bare node',
      note: `bare node ${bareMs.toFixed(0)} ms`,
      detail: { wallMs: runs.map((run) => run.wallMs), bareMs: bare },
    },
    { ...common, name: 'CLI startup (--version): peak memory (max RSS)', value: peak, unit: 'MiB' },
  ];
}
