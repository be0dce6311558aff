/**
 * How the tests and the bench measure what an app carries of the runtime: the modules the session loads with
 * import() on first use stay out of the bundle, as the chunks a bundler makes of them.
 */
import type { Plugin } from 'esbuild';

/** Modules the runtime loads only with import(), on first use. */
const ONLY_LAZY = ['./upload.js', './download.js', './auto-batch.js', './hooks.js', './undici-transport.js'];

/**
 * Also loaded with import() by the session, and imported statically only for what an app calling services
 * does not use (BatchSession, CookieAuthentication).
 */
export const LAZY = [...ONLY_LAZY, './batch.js', './redirect.js', './refusal.js', './network-error.js'];

/**
 * Leaves the lazy modules out, as chunks, and without side effects, as the generated package.json declares
 * (`"sideEffects": false`): a bundler then drops a static import of one whose exports the app does not use
 * (index.ts re-exports BatchSession), where an external module's bare import would otherwise stay.
 */
export const lazyChunks: Plugin = {
  name: 'lazy-chunks',
  setup(bundler) {
    bundler.onResolve({ filter: /^\.\/[a-z-]+\.js$/ }, ({ path }) =>
      LAZY.includes(path) ? { path, external: true, sideEffects: false } : undefined,
    );
  },
};
