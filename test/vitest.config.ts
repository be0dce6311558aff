import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/helpers/setup-property-seed.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Golden files must exist: never write missing snapshots during `npm test`.
    update: false,
  },
});
