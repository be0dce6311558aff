/**
 * Property: whatever discovery document a portal sends, the generator either rejects it with a BuilderError
 * naming the entry, or produces a package that declares every action, stays inside its folder, and holds
 * nothing but what the templates intend. Runs the pure stages (model, typemap, render) on many documents;
 * built-packages.property.test.ts formats, type-checks and loads a share of them. FUZZ_RUNS=n scales both.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileCase, type HostileCase } from './arbitraries.js';
import { checkPackageFiles } from './package-shape.js';
import { checkOutputFolder, modelOf, renderApi, RUNS, runtime } from './run-case.js';

const PROTOTYPE = Object.getOwnPropertyNames(Object.prototype).join();

/** The outcome of one case, for the statistics: how many documents reached generation. */
function checkCase(testCase: HostileCase): 'generated' | 'rejected' {
  const outcome = modelOf(testCase);
  // `__proto__` keys in the document must stay data: nothing may reach Object.prototype.
  if (Object.getOwnPropertyNames(Object.prototype).join() !== PROTOTYPE)
    throw new Error('Object.prototype was changed');
  if ('rejected' in outcome) {
    // A well-formed document, however hostile its text, must not be rejected.
    if (!testCase.faulty) throw new Error(`a clean document was rejected: ${outcome.rejected.message.slice(0, 500)}`);
    return 'rejected';
  }
  checkOutputFolder(outcome.api);
  for (const files of renderApi(outcome.api)) checkPackageFiles(files, outcome.document, runtime);
  return 'generated';
}

describe('hostile discovery documents (pure stages)', () => {
  it(
    `are rejected with the entry named, or generate safe packages (${RUNS} documents)`,
    () => {
      const outcomes = { generated: 0, rejected: 0 };
      fc.assert(
        fc.property(hostileCase(), (testCase) => {
          outcomes[checkCase(testCase)] += 1;
        }),
        { numRuns: RUNS },
      );
      // The arbitraries must mostly reach generation, or the properties above test little.
      expect(outcomes.generated).toBeGreaterThan(RUNS * 0.6);
      expect(outcomes.rejected).toBeGreaterThan(0);
    },
    Math.max(120_000, RUNS * 60),
  );

  it.each(['7.x', '6.2', 'legacy'] as const)(
    'hold for clean %s documents',
    (format) => {
      fc.assert(
        fc.property(hostileCase({ format, faulty: false }), (testCase) => {
          expect(checkCase(testCase)).toBe('generated');
        }),
        { numRuns: Math.ceil(RUNS / 10) },
      );
    },
    Math.max(60_000, RUNS * 20),
  );
});
