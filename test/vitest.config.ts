import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.ts'],
    // The load and stress cases run with `npm run test:stress` (vitest.stress.config.ts).
    exclude: ['test/stress/**', '**/node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    // One file per core, and one more: vitest's default (one per core but one) ran the suite one file at a time on
    // a two-core machine, where most files spend much of their time waiting for the processes they start (the
    // CLI, tsc, portals). Measured on two cores: 1 worker 379 s for the suite at 6968828, 3 workers ~2x faster
    // (docs/contributing.md).
    maxWorkers: availableParallelism() + 1,
    // Files share their worker's process, so that modules load once per worker: about a tenth less time for the
    // suite. setup-shared-process.ts fails a file that leaves the process otherwise than it found it.
    isolate: false,
    setupFiles: [
      'test/helpers/setup-property-seed.ts',
      'test/helpers/setup-temporary.ts',
      'test/helpers/setup-shared-process.ts',
    ],
    // No test is about the machine's speed: these only stop a test that hangs, and are long enough for a
    // two-core CI machine that runs the suite's files in parallel (a CLI run can take 20 s there).
    testTimeout: 180_000,
    hookTimeout: 240_000,
    // Golden files must exist: never write missing snapshots during `npm test`.
    update: false,
  },
});
