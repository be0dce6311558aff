import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The CLI and end-to-end tests run `bin/` against `dist/` (the CLI bundle in dist/bin/): build it once per
 * run, as `npm run build` does, so a stale build never hides a change. LSB_SKIP_BUILD=1 skips it for quick
 * unit-test loops while developing.
 */
export default function setup(): void {
  if (process.env['LSB_SKIP_BUILD'] === '1') return;
  const root = fileURLToPath(new URL('..', import.meta.url));
  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, stdio: 'inherit' });
}
