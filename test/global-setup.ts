import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { e2eFolder, projectRoot } from './helpers/project.js';
import { resolveSeed } from './helpers/property-seed.js';

/**
 * Every test imports src/ except those that run the CLI as users do, `bin/` over its bundle in dist/bin/:
 * bundled from src/ once per run (esbuild, about a second; no tsc emit, which nothing under test loads), so a
 * stale bundle never hides a change. LSB_SKIP_BUILD=1 skips it for quick unit-test loops while developing.
 */
export default function setup(): () => void {
  // Resolved once, so that FUZZ_SEED=random gives every worker the same seed, and printed to replay a failure.
  const seed = resolveSeed();
  process.env['FUZZ_SEED'] = String(seed);
  console.log(`property tests: seed ${seed} (FUZZ_SEED=${seed} replays this run, FUZZ_SEED=random picks another)`);
  // This run's folder for generated packages that must sit inside the project (helpers/project.ts).
  process.env['LSB_TEST_RUN'] = `run-${process.pid}`;
  const teardown = (): void => rmSync(e2eFolder(''), { recursive: true, force: true });
  if (process.env['LSB_SKIP_BUILD'] === '1') return teardown;
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: projectRoot, stdio: 'inherit' });
  return teardown;
}
