/**
 * Property: whatever document a portal sends, every file the built-in templates render is already what
 * prettier makes of it (the judge of src/typemap/print/, since generation no longer runs prettier on them).
 * Small hostile documents (test/hostile/arbitraries.ts) with some names stretched to 20-130 characters, so
 * that lines fall on both sides of the print width: long and short names, long descriptions, many overloads,
 * wide unions, deep generics, hostile text. Rendered in-process; prettier sees only what was rendered.
 *
 * The seed is the run's (test/helpers/property-seed.ts: fixed, FUZZ_SEED=n or random; printed in the test's
 * name), FUZZ_RUNS=n (npm run fuzz) checks more documents.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeFiles } from '../helpers/prettier-judge.js';
import { propertySeed } from '../helpers/property-seed.js';
import { hostileCase, type HostileCase } from './arbitraries.js';
import { pathSegment } from './hostile-text.js';
import { modelOf, renderApi, RUNS } from './run-case.js';

const JUDGE_RUNS = Math.max(1000, RUNS);
/** Documents up to this size (JSON text): small enough that a thousand are formatted in seconds. */
const MAX_DOCUMENT = 3000;

type Json = Record<string, unknown>;

/** A name of 20 to 130 characters that a path segment or parameter may have, from the hostile ones. */
const wideName = fc
  .tuple(pathSegment(false), fc.integer({ min: 20, max: 130 }))
  .map(([base, length]) => base.repeat(Math.ceil(length / base.length)).slice(0, length));

/** The case with some actions' last path segment and some parameter names stretched (kept unique per action). */
function withWideNames(testCase: HostileCase): fc.Arbitrary<HostileCase> {
  const document = JSON.parse(testCase.text) as Json;
  const key = Array.isArray(document['services']) ? 'services' : 'actions';
  const entries = (document[key] ?? []) as Json[];
  if (!Array.isArray(entries) || entries.length === 0) return fc.constant(testCase);
  const stretch = fc.option(wideName, { freq: 3 });
  return fc
    .array(fc.tuple(stretch, fc.array(stretch, { maxLength: 4 })), {
      minLength: entries.length,
      maxLength: entries.length,
    })
    .map((choices) => {
      const stretched = entries.map((entry, index) => {
        const [segment, names] = choices[index] ?? [null, []];
        const path =
          typeof entry['path'] === 'string' && segment !== null
            ? entry['path'].replace(/[^/]*$/, segment)
            : entry['path'];
        const parameters = Array.isArray(entry['parameters'])
          ? (entry['parameters'] as Json[]).map((parameter, at) =>
              typeof parameter === 'object' && parameter !== null && names[at]
                ? { ...parameter, name: `${names[at]}${at}` }
                : parameter,
            )
          : entry['parameters'];
        return { ...entry, path, parameters };
      });
      return { ...testCase, text: JSON.stringify({ ...document, [key]: stretched }) };
    });
}

const documents = hostileCase()
  .filter((testCase) => testCase.text.length <= MAX_DOCUMENT)
  .chain(withWideNames);

describe('built-in templates (rendered from hostile documents)', () => {
  const seed = propertySeed();

  it(
    `emit what prettier makes of them (${JUDGE_RUNS} documents, seed ${seed})`,
    async () => {
      let generated = 0;
      await fc.assert(
        fc.asyncProperty(documents, async (testCase) => {
          const outcome = modelOf(testCase);
          if ('rejected' in outcome) return;
          generated += 1;
          for (const files of renderApi(outcome.api)) {
            const reports = await judgeFiles(files.filter((file) => !file.path.startsWith('src/runtime/')));
            if (reports.length > 0)
              throw new Error(
                `prettier formats ${reports.length} file(s) differently:\n${reports.slice(0, 3).join('\n\n')}`,
              );
          }
        }),
        { numRuns: JUDGE_RUNS, seed, endOnFailure: false },
      );
      // Most documents must reach rendering, or the property judges little.
      expect(generated).toBeGreaterThan(JUDGE_RUNS * 0.5);
    },
    Math.max(600_000, JUDGE_RUNS * 600),
  );
});
