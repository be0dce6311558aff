import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.ts'],
    // The load and stress cases run with `npm run test:stress` (vitest.stress.config.ts).
    exclude: ['test/stress/**', '**/node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/helpers/setup-property-seed.ts', 'test/helpers/setup-temporary.ts'],
    // No test is about the machine's speed: these only stop a test that hangs, and are long enough for a
    // two-core CI machine that runs the suite's files in parallel (a CLI run can take 20 s there).
    testTimeout: 180_000,
    hookTimeout: 240_000,
    // Golden files must exist: never write missing snapshots during `npm test`.
    update: false,
  },
});
