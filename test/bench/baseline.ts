/**
 * `npm run bench -- --baseline [commit]`: this build and another commit's (default: issue 13's starting point),
 * each generating the shared 7.0 and 7.3 documents cold, with default options (verify on) and with
 * --no-verify, round by round (one run of every series per round, so that what else the machine does weighs
 * on both builds alike). Figures are ratios, this build's time over the baseline's, per round: their median
 * and their spread (lowest and highest), and each series' peak memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext } from './bench-context.js';
import { buildBaseline } from './baseline-build.js';
import { atMost, markdownTable, type Figure, type SectionResult } from './bench-report.js';
import { runGenerate, type GenerateRun } from './generate-run.js';
import { maximum, median, minimum } from './statistics.js';

export const DEFAULT_BASELINE = '6968828';
const DOCUMENTS = [
  ['7.0', 'fixtures/corpus/portal-7.0-reconstructed.json'],
  ['7.3', 'fixtures/corpus/portal-7.3-reconstructed.json'],
] as const;
/** The targets: this build's cold time at most this share of the baseline's. */
const TARGETS = { verify: 0.4, noVerify: 0.6 } as const;

interface Shape {
  readonly document: string;
  readonly path: string;
  readonly verify: boolean;
}

interface Pair {
  readonly shape: Shape;
  readonly current: GenerateRun[];
  readonly baseline: GenerateRun[];
}

export function benchBaseline(context: BenchContext): Promise<SectionResult> {
  const commit = context.options.baseline ?? DEFAULT_BASELINE;
  const build = buildBaseline(context.root, context.cacheDir, commit, context.log);
  // Stopped with Ctrl-C or a signal, the worktree is still removed (and its node_modules kept for next time).
  const stop = (signal: NodeJS.Signals): void => {
    build.dispose();
    process.kill(process.pid, signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, stop);
  try {
    // The documents are read from this checkout by both builds: the baseline's may not have the 7.3 one.
    const shapes = DOCUMENTS.flatMap(([document, path]) =>
      [true, false].map((verify) => ({ document, path: join(context.root, path), verify })),
    );
    const pairs = runRounds(context, build.root, shapes);
    const figures = pairs.flatMap((pair) => pairFigures(pair, build.commit));
    return Promise.resolve({ figures, tables: [pairsTable(pairs, build.commit)] });
  } finally {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.off(signal, stop);
    build.dispose();
  }
}

function runRounds(context: BenchContext, baselineRoot: string, shapes: readonly Shape[]): Pair[] {
  const pairs: Pair[] = shapes.map((shape) => ({ shape, current: [], baseline: [] }));
  const scratch = mkdtempSync(join(tmpdir(), 'lsb-bench-baseline-'));
  try {
    for (let round = 0; round < context.options.runs; round++) {
      for (const pair of pairs) {
        // Alternating which build goes first, so that neither always follows the other.
        const order = round % 2 === 0 ? (['current', 'baseline'] as const) : (['baseline', 'current'] as const);
        for (const side of order) {
          const root = side === 'current' ? context.root : baselineRoot;
          const out = join(scratch, 'out');
          const cacheHome = join(scratch, 'cache');
          for (const folder of [out, cacheHome]) rmSync(folder, { recursive: true, force: true });
          pair[side].push(
            runGenerate({
              root,
              cacheDir: context.cacheDir,
              discovery: pair.shape.path,
              out,
              verify: pair.shape.verify,
              cacheHome,
            }),
          );
        }
        const last = (runs: readonly GenerateRun[]) => Math.round(runs.at(-1)?.wallMs ?? 0);
        context.log(
          `baseline ${label(pair.shape)} (round ${round + 1}): this build ${last(pair.current)} ms, baseline ${last(pair.baseline)} ms`,
        );
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return pairs;
}

function label({ document, verify }: Shape): string {
  return `${document} document, ${verify ? 'default (verify)' : '--no-verify'}`;
}

/** This build's time over the baseline's, round by round. */
function ratios(pair: Pair): number[] {
  return pair.current.map((run, index) => run.wallMs / (pair.baseline[index]?.wallMs ?? Number.NaN));
}

function pairFigures(pair: Pair, commit: string): Figure[] {
  const each = ratios(pair);
  const ratio = median(each);
  const limit = pair.shape.verify ? TARGETS.verify : TARGETS.noVerify;
  const wall = median(pair.current.map((run) => run.wallMs));
  const baseWall = median(pair.baseline.map((run) => run.wallMs));
  const peak = median(pair.current.map((run) => run.treeRssBytes)) / 2 ** 20;
  const basePeak = median(pair.baseline.map((run) => run.treeRssBytes)) / 2 ** 20;
  const common = { section: 'baseline', runs: pair.current.length } as const;
  const memoryTarget =
    pair.shape.verify && pair.shape.document === '7.0' ? { target: atMost(peak, 150, '150 MiB') } : {};
  return [
    {
      ...common,
      name: `${label(pair.shape)}: cold wall time`,
      value: wall,
      unit: 'ms',
      ratio,
      ratioTo: `vs ${commit.slice(0, 7)}`,
      target: atMost(ratio, limit, `${limit}x the baseline (ratio)`),
      note: `baseline ${Math.round(baseWall)} ms; per-round ratios ${minimum(each).toFixed(2)}–${maximum(each).toFixed(2)}; ${withoutFormatting(pair)}`,
      detail: {
        ratios: each,
        wallMs: pair.current.map((run) => run.wallMs),
        baselineWallMs: pair.baseline.map((run) => run.wallMs),
        stages: pair.current.map((run) => run.stages),
        baselineStages: pair.baseline.map((run) => run.stages),
      },
    },
    {
      ...common,
      name: `${label(pair.shape)}: peak memory (with the compiler)`,
      value: peak,
      unit: 'MiB',
      ratio: peak / basePeak,
      ratioTo: `vs ${commit.slice(0, 7)}`,
      ...memoryTarget,
      note: `baseline ${basePeak.toFixed(0)} MiB`,
      detail: {
        treeRssBytes: pair.current.map((run) => run.treeRssBytes),
        baselineTreeRssBytes: pair.baseline.map((run) => run.treeRssBytes),
      },
    },
  ];
}

/**
 * An estimate of this build without prettier at generation time (built-in templates that emit prettier's
 * shape): its wall time less its format stage, over the baseline's wall time, round by round.
 */
function withoutFormatting(pair: Pair): string {
  const each = pair.current.map(
    (run, index) => (run.wallMs - (run.stages['format'] ?? 0)) / (pair.baseline[index]?.wallMs ?? Number.NaN),
  );
  return `without formatting (estimate: wall less the format stage) ${median(each).toFixed(2)}x`;
}

function pairsTable(pairs: readonly Pair[], commit: string): string {
  const rows = pairs.map((pair) => {
    const each = ratios(pair);
    const ms = (runs: readonly GenerateRun[]) =>
      `${Math.round(median(runs.map((run) => run.wallMs)))} (${Math.round(minimum(runs.map((run) => run.wallMs)))}–${Math.round(maximum(runs.map((run) => run.wallMs)))})`;
    const mib = (runs: readonly GenerateRun[]) => (median(runs.map((run) => run.treeRssBytes)) / 2 ** 20).toFixed(0);
    return [
      label(pair.shape),
      ms(pair.baseline),
      ms(pair.current),
      `${median(each).toFixed(2)} (${minimum(each).toFixed(2)}–${maximum(each).toFixed(2)})`,
      mib(pair.baseline),
      mib(pair.current),
    ];
  });
  return markdownTable(
    [
      `Cold generation, ${pairs[0]?.current.length ?? 0} rounds`,
      `${commit.slice(0, 7)} ms (min–max)`,
      'this build ms (min–max)',
      'ratio (min–max)',
      `${commit.slice(0, 7)} MiB`,
      'this build MiB',
    ],
    rows,
  );
}
