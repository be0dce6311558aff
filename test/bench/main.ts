/**
 * `npm run bench`: measures generation, runtime overhead, throughput and size, prints a markdown table of
 * medians (comparisons as ratios measured in the same run, next to the issue's targets) and writes the same
 * figures as JSON to .cache/bench/results.json (and to --json <file>). Bundled by esbuild into
 * .cache/bench/main.mjs; started with `--serve-portal <ms>` it is the stand-in portal of the runtime sections.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchContext } from './bench-context.js';
import { parseBenchOptions, USAGE, type Section } from './bench-options.js';
import { SERVE_FLAG, servePortal } from './bench-portal.js';
import { figuresTable, type SectionResult } from './bench-report.js';
import { targetSummary } from './target-summary.js';
import { benchBaseline } from './baseline.js';
import { benchGeneration } from './generation.js';
import { describeMachine, machineLine } from './machine.js';
import { benchRuntimeOverhead } from './runtime-overhead.js';
import { benchSize } from './size.js';
import { benchThroughput } from './throughput.js';

const SECTION_RUNNERS: Readonly<Record<Section, (context: BenchContext) => Promise<SectionResult>>> = {
  generation: benchGeneration,
  runtime: benchRuntimeOverhead,
  throughput: benchThroughput,
  size: benchSize,
  baseline: benchBaseline,
};

async function main(argv: readonly string[]): Promise<void> {
  const options = parseBenchOptions(argv);
  if (options.help) return void process.stdout.write(USAGE);
  // test/bench/main.ts and .cache/bench/main.mjs are both two folders below the project root.
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const cacheDir = join(root, '.cache', 'bench');
  mkdirSync(cacheDir, { recursive: true });
  const machine = describeMachine(root);
  const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);
  const context: BenchContext = { root, cacheDir, options, log };
  const started = performance.now();
  const results: (SectionResult & { readonly section: Section })[] = [];
  for (const section of options.sections) results.push({ section, ...(await SECTION_RUNNERS[section](context)) });
  const seconds = (performance.now() - started) / 1000;
  const loadAtEnd = loadavg()[0] ?? 0;
  const figures = results.flatMap((result) => result.figures);
  const report = [
    '## liferay-sdk-builder benchmarks',
    '',
    `Machine: ${machineLine(machine, loadAtEnd)}. Sections: ${options.sections.join(', ')}; ${seconds.toFixed(0)} s.`,
    '',
    figuresTable(figures),
    ...results.flatMap((result) => (result.tables ?? []).flatMap((table) => ['', table])),
    ...targetSummary(figures),
    '',
  ].join('\n');
  process.stdout.write(report);
  const json = JSON.stringify({ machine: { ...machine, loadAtEnd }, options, seconds, figures }, null, 2) + '\n';
  writeFileSync(join(cacheDir, 'results.json'), json);
  if (options.json !== undefined) writeFileSync(resolve(options.json), json);
  log(
    `figures written to ${join(cacheDir, 'results.json')}${options.json === undefined ? '' : ` and ${resolve(options.json)}`}`,
  );
}

if (process.argv[2] === SERVE_FLAG) {
  servePortal(Number(process.argv[3] ?? 0));
} else {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
