import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Every test imports src/ except those that run the CLI as users do, `bin/` over its bundle in dist/bin/:
 * bundled from src/ once per run (esbuild, about a second; no tsc emit, which nothing under test loads), so a
 * stale bundle never hides a change. LSB_SKIP_BUILD=1 skips it for quick unit-test loops while developing.
 */
export default function setup(): void {
  if (process.env['LSB_SKIP_BUILD'] === '1') return;
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, stdio: 'inherit' });
}
