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
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
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
  plugins: [precompiledConfigValidator(), precompiledTemplates(), lazyChildProcessForCommander()],
  // The CommonJS packages inside (commander, handlebars, undici) require Node's built-in modules.
  banner: { js: "import { createRequire as lsbCreateRequire } from 'node:module'; const require = lsbCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

/**
 * src/cli/config/validate-config.ts compiles the configuration schema when it is loaded (~0.1 s); in the
 * bundle it is replaced by the same validator as code, generated here from the schema and options it names.
 */
function precompiledConfigValidator() {
  return {
    name: 'precompiled-config-validator',
    setup(bundler) {
      bundler.onLoad({ filter: /[\\/]src[\\/]cli[\\/]config[\\/]validate-config\.ts$/ }, async () => {
        // tsc has just built dist/: the module's own schema path and options, so that they cannot differ.
        const { SCHEMA_PATH, AJV_OPTIONS } = await import(`${root}dist/cli/config/validate-config.js`);
        const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
        const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true } });
        ajv.addSchema(schema);
        return { contents: standaloneCode.default(ajv, { validateConfig: schema.$id }), loader: 'js', resolveDir: root, watchFiles: [SCHEMA_PATH] };
      });
    },
  };
}

/**
 * src/render/precompiled-templates.ts has no templates; in the bundle it has templates/ precompiled by
 * Handlebars, with the options of src/render/handlebars.ts, so that no run compiles them.
 */
function precompiledTemplates() {
  return {
    name: 'precompiled-templates',
    setup(bundler) {
      bundler.onLoad({ filter: /[\\/]src[\\/]render[\\/]precompiled-templates\.ts$/ }, async () => {
        const { BUNDLED_TEMPLATES, precompileTemplates } = await import(`${root}dist/render/handlebars.js`);
        const entries = [...precompileTemplates()].map(([name, spec]) => `  [${JSON.stringify(name)}, ${spec}],`);
        return { contents: `export const PRECOMPILED_TEMPLATES = new Map([\n${entries.join('\n')}\n]);\n`, loader: 'js', watchFiles: [BUNDLED_TEMPLATES] };
      });
    },
  };
}

/**
 * commander requires node:child_process when it loads (with net, dgram and streams: ~5 ms of every start),
 * for executable subcommands only, which this CLI has none of: it gets a stand-in that loads it on first use.
 */
function lazyChildProcessForCommander() {
  return {
    name: 'lazy-child-process-for-commander',
    setup(bundler) {
      bundler.onResolve({ filter: /^node:child_process$/ }, ({ importer }) =>
        /[\\/]node_modules[\\/]commander[\\/]/.test(importer) ? { path: 'child_process', namespace: 'lazy' } : undefined,
      );
      bundler.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
        contents: "let loaded; module.exports = new Proxy({}, { get: (_, name) => (loaded ??= require('node:child_process'))[name] });",
        loader: 'js',
      }));
    },
  };
}
