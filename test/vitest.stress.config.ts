/**
 * `npm run test:stress`: the load and stress cases (10,000 calls with 200 in flight, random mixes of faults),
 * which take minutes on a two-core machine and prove nothing a quicker test does not, except under load.
 * CI runs them as a step of their own after `npm test`.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export default defineConfig({
  ...base,
  // One file at a time: each puts the machine under load of its own.
  test: { ...base.test, include: ['test/stress/**/*.test.ts'], exclude: ['**/node_modules/**'], maxWorkers: 1 },
});
