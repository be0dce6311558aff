/**
 * Bundles the CLI (src/cli/main.ts) into dist/bin/: one file for start-up (commander and the commands'
 * options), and chunks that each command's action loads when it runs. Node then reads a few files instead
 * of a hundred modules at every start. Run by `npm run build` after tsc (which emits the library,
 * dist/index.js and its .d.ts), and alone by the tests' setup: it needs nothing tsc emits, only src/.
 *
 * prettier and ts-morph stay outside: they are large and only the runs that format or map types load them,
 * from node_modules as usual (the native TypeScript compiler is a binary that verify runs).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

// Chunk names carry content hashes: start clean so that no stale chunk ships.
rmSync(`${root}dist/bin`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // The build worker is an entry of its own: src/build/build-in-worker.ts starts it from beside its chunk.
  entryPoints: { cli: 'src/cli/main.ts', 'build-worker': 'src/build/build-worker.ts' },
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['prettier', 'ts-morph'],
  // jsonc-parser's "main" is a UMD build whose requires a bundle cannot follow; its "module" is plain ESM.
  mainFields: ['module', 'main'],
  define: {
    // src/package-root.ts: the package root is two folders up from dist/bin/.
    LSB_BUNDLE_ROOT: JSON.stringify('../../'),
    // src/version.ts: written in, so that no run reads package.json for it.
    LSB_VERSION: JSON.stringify(version),
  },
  plugins: [precompiledConfigValidator(), precompiledTemplates()],
  // The CommonJS packages inside (commander, handlebars, undici) require Node's built-in modules.
  banner: {
    js: "import { createRequire as lsbCreateRequire } from 'node:module'; const require = lsbCreateRequire(import.meta.url);",
  },
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
        // The module's own schema path and options, so that they cannot differ.
        const { SCHEMA_PATH, AJV_OPTIONS } = await importSource('src/cli/config/validate-config.ts');
        const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
        const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true } });
        ajv.addSchema(schema);
        return {
          contents: standaloneCode.default(ajv, { validateConfig: schema.$id }),
          loader: 'js',
          resolveDir: root,
          watchFiles: [SCHEMA_PATH],
        };
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
        const { BUNDLED_TEMPLATES, precompileTemplates } = await importSource('src/render/handlebars.ts');
        const entries = [...precompileTemplates()].map(([name, spec]) => `  [${JSON.stringify(name)}, ${spec}],`);
        return {
          contents: `export const PRECOMPILED_TEMPLATES = new Map([\n${entries.join('\n')}\n]);\n`,
          loader: 'js',
          watchFiles: [BUNDLED_TEMPLATES],
        };
      });
    },
  };
}

/**
 * A module of src/, run here as it is: bundled by esbuild (its packages left outside) into .cache/build/,
 * two folders below the root as dist/bin/ is, so that package-root.ts finds the root the same way.
 */
async function importSource(entry) {
  const outfile = `${root}.cache/build/${entry.replace(/[^a-z0-9]+/gi, '-')}.mjs`;
  mkdirSync(`${root}.cache/build`, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    define: { LSB_BUNDLE_ROOT: JSON.stringify('../../') },
    logLevel: 'warning',
  });
  writeFileSync(outfile, result.outputFiles[0].text);
  return import(pathToFileURL(outfile).href);
}
