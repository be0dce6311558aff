/**
 * `generate()` and `check()`: the pipeline, as a list of stages, each a function of the previous one's output:
 * discovery → (up to date?) → model → typemap → render → format → (emit js) → write (to a staging folder) →
 * verify → swap (the staged folders in). Model to emit is the build, in a worker thread that ends before verify
 * (build/). Nothing is written unless every stage succeeded for every context. Discovery, write and the caches
 * are the only I/O; verify runs the compiler on the staged folder. With `incremental`, a run whose last run
 * left its outputs as this one would write them stops right after discovery.
 */
import { buildPackagesIsolated, type BuildRun } from './build/build-in-worker.js';
import { discoverForGenerate } from './discovery/discover-for-generate.js';
import type { DocumentText } from './discovery/index.js';
import { stageTimer, type GenerateOptions, type StageTimer } from './generate-options.js';
import { defaultCacheDir, openIncremental, type Incremental } from './incremental/incremental.js';
import type { PackageSummary, RunSummary } from './incremental/run-record.js';
import type { Release } from './check/release.js';
import type { PackageDrift } from './check/check.js';
import type { GeneratedPackage } from './check/release-packages.js';

export type { ContextOptions, GenerateOptions, RenderReport, Stage, Style } from './generate-options.js';
export type { PackageFigures, PackageSummary, RunSummary } from './incremental/run-record.js';
export type { GeneratedPackage } from './check/release-packages.js';

export interface GenerateResult {
  /** True when the last run of the same command left the outputs as this one would write them: nothing was done. */
  readonly upToDate: boolean;
  readonly summary: RunSummary;
  /** What was generated and written; empty when up to date. */
  readonly packages: readonly GeneratedPackage[];
}

export interface PackageCheck {
  readonly package: PackageSummary;
  readonly drift: PackageDrift;
  /** The API changes from the committed package, classified (none when only other files differ). */
  readonly release: Pick<Release, 'semver' | 'changes' | 'version' | 'previousVersion'>;
}

export interface CheckResult {
  /** True when the last run of the same command left the outputs as this one would write them: nothing was generated. */
  readonly upToDate: boolean;
  /** Per package, what writing it would change (nothing, when up to date). */
  readonly checks: readonly PackageCheck[];
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const run = startRun(options);
  const { time, incremental } = run;
  const texts = await time('discovery', () => discoverForGenerate(options));
  const known = await lookUp(texts, incremental, options, time);
  if (known.upToDate) return { upToDate: true, summary: known.summary, packages: [] };
  const { built, ended } = await buildPackagesIsolated(texts, options, run);
  // The stages after discovery are loaded only when there is work to do: a run with nothing to do stays cheap.
  const stages = await import('./generate-output.js');
  const staged = await time('write', () => stages.stagePackages(built.packages));
  // The build's thread gives its memory back before the compiler starts (verify's peak is the run's).
  await ended;
  await stages.verifyStaged(staged, built.packages, options, time);
  await time('swap', () => stages.swapInPackages(staged));
  const summary = stages.summarize(built);
  await incremental?.finish({ summary, outputs: stages.writtenOutputs(built.packages) });
  return { upToDate: false, summary, packages: built.packages };
}

/** `generate --check`: everything but the write (verify runs on a temporary copy), then what writing would change. */
export async function check(options: GenerateOptions): Promise<CheckResult> {
  const run = startRun(options);
  const { time, incremental } = run;
  const texts = await time('discovery', () => discoverForGenerate(options));
  const known = await lookUp(texts, incremental, options, time);
  if (known.upToDate) {
    const unchanged = (summary: PackageSummary) => ({
      previousVersion: summary.version,
      version: summary.version,
      semver: 'none' as const,
      changes: [],
    });
    return {
      upToDate: true,
      checks: known.summary.packages.map((summary) => ({
        package: summary,
        drift: NO_DRIFT,
        release: unchanged(summary),
      })),
    };
  }
  const { built, ended } = await buildPackagesIsolated(texts, options, run);
  const stages = await import('./generate-output.js');
  await ended;
  await stages.verifyInMemory(built.packages, options, time);
  const checks = await stages.comparePackages(built.packages);
  const same = checks.every((each) => !stages.hasDrift(each.drift));
  await incremental?.finish(
    same ? { summary: stages.summarize(built), outputs: stages.writtenOutputs(built.packages) } : undefined,
  );
  return { upToDate: false, checks };
}

function startRun(options: GenerateOptions): BuildRun {
  const { incremental } = options;
  const cacheDir =
    incremental === true
      ? defaultCacheDir()
      : incremental === false || incremental === undefined
        ? undefined
        : incremental.cacheDir;
  return {
    time: stageTimer(options),
    incremental: cacheDir === undefined ? undefined : openIncremental(cacheDir, options),
    cacheDir,
  };
}

type Known = { readonly upToDate: true; readonly summary: RunSummary } | { readonly upToDate: false };

async function lookUp(
  texts: readonly DocumentText[],
  incremental: Incremental | undefined,
  options: GenerateOptions,
  time: StageTimer,
): Promise<Known> {
  if (incremental === undefined) {
    options.onStale?.('no cache folder');
    return { upToDate: false };
  }
  const known = await time('up-to-date', () => incremental.lookUp(texts));
  if (!known.upToDate) options.onStale?.(known.reason);
  return known;
}

const NO_DRIFT: PackageDrift = { added: [], removed: [], changed: [] };
