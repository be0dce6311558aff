/**
 * The expensive share of the hostile-document properties: through `buildFromApi` (with `format`: prettier included),
 * then (a) the verify stage on all of them at once, and a type-check and build of a sample by a compiler
 * Project of the test's own, whose JavaScript is loaded with traps set for every payload.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stageTimer } from '../../src/generate-options.js';
import { buildFromApi } from '../../src/generate-stages.js';
import type { RenderedFile } from '../../src/render/render-package.js';
import { hostileCase, type HostileCase } from './arbitraries.js';
import { compileBatch, verifyBatch } from './batch-check.js';
import { loadPackage, setTraps } from './load-package.js';
import { checkPackageFiles } from './package-shape.js';
import { projectRoot } from '../helpers/project.js';
import { propertySeed } from '../helpers/property-seed.js';
import { modelOf, renderApi, RUNS, runtime, SOURCE } from './run-case.js';
import { payloadDocument } from './payload-document.js';

const VERIFY_RUNS = Math.max(10, Math.round(RUNS / 20));
const FORMATTED_RUNS = Math.max(5, Math.round(RUNS / 60));
const LOAD_RUNS = Math.max(3, Math.round(RUNS / 200));
const BUILD_FOLDER = join(projectRoot, '.cache', 'hostile', String(process.pid));

interface Generated {
  readonly testCase: HostileCase;
  readonly files: readonly RenderedFile[];
}

/**
 * The sampled documents that reach generation, checked as in the pure test. The first `formatted` go through
 * buildFromApi (prettier included); the others are rendered only, since formatting is the slow part and
 * changes no type.
 */
async function generateSample(count: number, formatted: number, seed: number): Promise<Generated[]> {
  const cases = [
    { format: '7.x' as const, faulty: false, text: JSON.stringify(payloadDocument()) },
    ...fc.sample(hostileCase(), { numRuns: count * 2, seed }),
  ];
  const generated: Generated[] = [];
  for (const testCase of cases) {
    if (generated.length === count) break;
    const outcome = modelOf(testCase);
    if ('rejected' in outcome) continue;
    const packages =
      generated.length < formatted
        ? (
            await buildFromApi(outcome.api, { discovery: [SOURCE], out: 'out', format: true }, { time: stageTimer({}) })
          ).map((entry) => [...entry.files])
        : renderApi(outcome.api);
    const [files, ...others] = packages;
    if (files === undefined || others.length > 0) throw new Error('expected one package');
    checkPackageFiles(files, outcome.document, runtime);
    generated.push({ testCase, files });
  }
  return generated;
}

/** The document of the package a diagnostic or error names (`p<k>/...` of a chunk), to reproduce it. */
function culprit(message: string, chunk: readonly Generated[]): string {
  const index = /\bp(\d+)\//.exec(message)?.[1];
  return index === undefined
    ? message
    : `${message}\nfrom the document ${chunk[Number(index)]?.testCase.text.slice(0, 4000) ?? '?'}`;
}

/** Packages per compiler program: enough to share the libraries' cost, few enough to keep memory modest. */
const CHUNK = 50;

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );
}

describe('hostile discovery documents (formatted, type-checked, loaded)', () => {
  const seed = propertySeed();
  const timeout = Math.max(180_000, RUNS * 120);
  let sample: Generated[] = [];

  afterAll(async () => {
    await rm(BUILD_FOLDER, { recursive: true, force: true });
  });

  it(
    `pass the verify stage (${VERIFY_RUNS} packages, ${FORMATTED_RUNS} formatted, seed ${seed})`,
    async () => {
      sample = await generateSample(VERIFY_RUNS, FORMATTED_RUNS, seed);
      expect(sample.length).toBe(VERIFY_RUNS);
      for (const chunk of chunks(sample, CHUNK)) {
        await verifyBatch(chunk.map((entry) => entry.files)).catch((error: unknown) => {
          throw new Error(culprit(String(error), chunk), { cause: error });
        });
      }
    },
    timeout,
  );

  it(
    `compile without diagnostics, and load without side effects (${LOAD_RUNS} packages)`,
    async () => {
      if (sample.length === 0) throw new Error('no packages: the verify test above failed');
      let methods = 0;
      for (const [number, chunk] of chunks(sample.slice(0, LOAD_RUNS), CHUNK / 5).entries()) {
        const { diagnostics, folder } = await compileBatch(
          chunk.map((entry) => entry.files),
          join(BUILD_FOLDER, String(number)),
        );
        if (diagnostics.length > 0) throw new Error(culprit(diagnostics.slice(0, 5).join('\n'), chunk));
        const traps = setTraps();
        try {
          for (const index of chunk.keys()) {
            methods += await loadPackage(join(folder, `p${index}`, 'src')).catch((error: unknown) => {
              throw new Error(culprit(`p${index}/: ${String(error)}`, chunk), { cause: error });
            });
          }
        } finally {
          traps.release();
        }
        expect(traps.hits).toEqual([]);
      }
      expect(methods).toBeGreaterThan(0);
    },
    timeout,
  );
});
