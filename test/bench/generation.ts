/**
 * Section 1, generation end to end: the real CLI on the full-size corpus (1x, 2x, 4x), with and without
 * verify, wall time, stage times and peak memory; at 1x also a second run into the same folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext } from './bench-context.js';
import { benchCliStartup } from './cli-startup.js';
import { atMost, markdownTable, type Figure, type SectionResult } from './bench-report.js';
import { runGenerate, type GenerateRun } from './generate-run.js';
import { writeReplicatedCorpus } from './replicate-corpus.js';
import { median } from './statistics.js';

const CORPUS = 'fixtures/corpus/portal-7.0-reconstructed.json';
export const STAGES = ['discovery', 'model', 'typemap', 'render', 'format', 'emit', 'write', 'verify', 'swap'] as const;

interface Series {
  readonly scale: number;
  readonly verify: boolean;
  readonly runs: readonly GenerateRun[];
  /** Second runs with nothing changed (1x only). */
  readonly reruns: readonly GenerateRun[];
}

export function benchGeneration(context: BenchContext): Promise<SectionResult> {
  const corpus = join(context.root, CORPUS);
  const shapes = context.options.scales.flatMap((scale) => {
    const discovery = scale === 1 ? corpus : writeReplicatedCorpus(corpus, context.cacheDir, scale);
    return [true, false].map((verify) => ({ scale, verify, discovery }));
  });
  const series = runRounds(context, shapes);
  const figures = [...series.flatMap((each) => seriesFigures(each, series)), ...benchCliStartup(context)];
  return Promise.resolve({ figures, tables: [stagesTable(series)] });
}

type Shape = Omit<Series, 'runs' | 'reruns'> & { readonly discovery: string };

/**
 * Round by round, one run of every series per round: what else the machine is doing then weighs on every
 * series alike, so that the 2x/4x ratios and the with/without verify comparison hold even when the absolute
 * figures move. Rounds stop starting once the series together used their budget (after the first round).
 */
function runRounds(context: BenchContext, shapes: readonly Shape[]): Series[] {
  const { runs: most, budgetSeconds } = context.options;
  const folders = shapes.map(() => ({
    out: mkdtempSync(join(tmpdir(), 'lsb-bench-generate-')),
    cacheHome: mkdtempSync(join(tmpdir(), 'lsb-bench-cache-')),
  }));
  const results = shapes.map(() => ({ runs: [] as GenerateRun[], reruns: [] as GenerateRun[] }));
  const start = performance.now();
  const withinBudget = (): boolean =>
    budgetSeconds === 0 || performance.now() - start < budgetSeconds * 1000 * shapes.length;
  try {
    for (let round = 0; round < most && (round === 0 || withinBudget()); round++) {
      shapes.forEach((shape, index) => {
        const { out, cacheHome } = folders[index] ?? { out: '', cacheHome: '' };
        const result = results[index] ?? { runs: [], reruns: [] };
        // A first generation: empty output folder and empty caches.
        for (const folder of [out, cacheHome]) rmSync(folder, { recursive: true, force: true });
        const call = {
          root: context.root,
          cacheDir: context.cacheDir,
          discovery: shape.discovery,
          out,
          verify: shape.verify,
          cacheHome,
        };
        const run = runGenerate(call);
        result.runs.push(run);
        // Nothing changed: the same document into the same folder with the caches the first run left.
        const rerun = shape.scale === 1 ? runGenerate(call) : undefined;
        if (rerun !== undefined) result.reruns.push(rerun);
        const again = rerun === undefined ? '' : `, again ${Math.round(rerun.wallMs)} ms`;
        context.log(`generation ${label(shape)} (round ${round + 1}): ${Math.round(run.wallMs)} ms${again}`);
      });
    }
  } finally {
    for (const { out, cacheHome } of folders)
      for (const folder of [out, cacheHome]) rmSync(folder, { recursive: true, force: true });
  }
  return shapes.map(({ scale, verify }, index) => ({
    scale,
    verify,
    runs: results[index]?.runs ?? [],
    reruns: results[index]?.reruns ?? [],
  }));
}

function label({ scale, verify }: Pick<Series, 'scale' | 'verify'>): string {
  return `${scale}x corpus, ${verify ? 'verify' : '--no-verify'}`;
}

function seriesFigures(series: Series, all: readonly Series[]): Figure[] {
  const wall = median(series.runs.map((run) => run.wallMs));
  const base = all.find((each) => each.scale === 1 && each.verify === series.verify);
  const baseWall = base === undefined ? Number.NaN : median(base.runs.map((run) => run.wallMs));
  const common = { section: 'generation', runs: series.runs.length } as const;
  // Time grows at most linearly: 4x the corpus in at most 3.5x the time (issue 13); cold times are compared with a baseline build (--baseline).
  const linear =
    series.scale === 1
      ? {}
      : {
          ratio: wall / baseWall,
          ratioTo: 'vs 1x',
          target: atMost(wall / baseWall, series.scale * 0.875, `${series.scale * 0.875}x (ratio)`),
        };
  const figures: Figure[] = [
    {
      ...common,
      name: `${label(series)}: wall time`,
      value: wall,
      unit: 'ms',
      ...linear,
      note: `${series.runs[0]?.wrote ?? '?'}; ${dominant(series.runs)}`,
      detail: { wallMs: series.runs.map((run) => run.wallMs), stages: series.runs.map((run) => run.stages) },
    },
    memoryFigure(series),
  ];
  if (series.reruns.length > 0) figures.push(rerunFigure(series, wall));
  return figures;
}

/** The CLI and the compiler it runs, together (verify's tsc is a process of its own). */
function memoryFigure(series: Series): Figure {
  const peak = median(series.runs.map((run) => run.treeRssBytes)) / 2 ** 20;
  const own = median(series.runs.map((run) => run.maxRssBytes)) / 2 ** 20;
  const target = series.scale === 1 && series.verify ? { target: atMost(peak, 150, '150 MiB') } : {};
  const detail = {
    treeRssBytes: series.runs.map((run) => run.treeRssBytes),
    maxRssBytes: series.runs.map((run) => run.maxRssBytes),
  };
  return {
    section: 'generation',
    name: `${label(series)}: peak memory (with the compiler)`,
    value: peak,
    unit: 'MiB',
    runs: series.runs.length,
    ...target,
    note: `the CLI alone ${own.toFixed(0)} MiB`,
    detail,
  };
}

function rerunFigure(series: Series, firstWall: number): Figure {
  const wall = median(series.reruns.map((run) => run.wallMs));
  return {
    section: 'generation',
    name: `${label(series)}: again, nothing changed`,
    value: wall,
    unit: 'ms',
    ratio: wall / firstWall,
    ratioTo: 'vs first run',
    target: atMost(wall, 300, '0.3 s'),
    runs: series.reruns.length,
    note: dominant(series.reruns),
    detail: { wallMs: series.reruns.map((run) => run.wallMs), stages: series.reruns.map((run) => run.stages) },
  };
}

/** The two biggest parts of the wall time (medians), to say where the time goes. */
function dominant(runs: readonly GenerateRun[]): string {
  const parts = [
    ...STAGES.map((stage) => [stage, stageMedian(runs, stage)] as const),
    ['outside stages', median(runs.map(outsideMs))] as const,
  ];
  const top = parts
    .filter(([, ms]) => Number.isFinite(ms))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2);
  return `most time: ${top.map(([part, ms]) => `${part} ${Math.round(ms)} ms`).join(', ')}`;
}

/** Wall time in no stage: node startup, loading the CLI's modules, the report. */
function outsideMs(run: GenerateRun): number {
  return run.wallMs - Object.values(run.stages).reduce((sum, ms) => sum + ms, 0);
}

function stageMedian(runs: readonly GenerateRun[], stage: string): number {
  return median(runs.flatMap((run) => (run.stages[stage] === undefined ? [] : [run.stages[stage]])));
}

/** Median ms per stage, and of the wall time outside them. */
function stagesTable(series: readonly Series[]): string {
  const row = (name: string, runs: readonly GenerateRun[]): string[] => {
    const stages = STAGES.map((stage) => stageMedian(runs, stage));
    const wall = median(runs.map((run) => run.wallMs));
    const outside = median(runs.map(outsideMs));
    return [
      name,
      String(Math.round(wall)),
      ...stages.map((ms) => (Number.isFinite(ms) ? String(Math.round(ms)) : '–')),
      String(Math.round(outside)),
    ];
  };
  const rows = series.flatMap((each) => [
    row(label(each), each.runs),
    ...(each.reruns.length ? [row(`${label(each)}, again`, each.reruns)] : []),
  ]);
  return markdownTable(['Generation (median ms)', 'wall', ...STAGES, 'outside stages'], rows);
}
