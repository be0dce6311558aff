/**
 * Bundles the CLI (src/cli/main.ts) into dist/bin/: one file for start-up (commander and the commands'
 * options), and chunks that each command's action loads when it runs. Node then reads a few files instead
 * of a hundred modules at every start. Run by `npm run build` after tsc, which type-checks and emits the
 * library (dist/index.js and its .d.ts) and the format worker (dist/write/format-worker.js).
 *
 * prettier, typescript and ts-morph stay outside: they are large and only the runs that format, verify or
 * emit JavaScript load them, from node_modules as usual.
 */
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

// Chunk names carry content hashes: start clean so that no stale chunk ships.
rmSync(`${root}dist/bin`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['prettier', 'typescript', 'ts-morph'],
  // jsonc-parser's "main" is a UMD build whose requires a bundle cannot follow; its "module" is plain ESM.
  mainFields: ['module', 'main'],
  define: {
    // src/package-root.ts: the package root is two folders up from dist/bin/. (As deep as src/write/, so
    // format-pool.ts's own relative path to dist/write/format-worker.js holds in the bundle too.)
    LSB_BUNDLE_ROOT: JSON.stringify('../../'),
    // src/version.ts: written in, so that no run reads package.json for it.
    LSB_VERSION: JSON.stringify(version),
  },
  // The CommonJS packages inside (commander, handlebars, ajv, undici) require Node's built-in modules.
  banner: { js: "import { createRequire as lsbCreateRequire } from 'node:module'; const require = lsbCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
