/**
 * Where the builder's own files are (package.json, templates/, src/runtime/, fixtures/): the one place that
 * knows. Found from this module's URL: it sits one folder below the package root in src/ (tests run it) and
 * in dist/ (tsc's output); the CLI bundle, whose chunks sit elsewhere, says at build time how far up the root
 * is from them (scripts/build-cli.mjs defines LSB_BUNDLE_ROOT).
 */
import { fileURLToPath } from 'node:url';

declare const LSB_BUNDLE_ROOT: string | undefined;

const ROOT_URL = new URL(typeof LSB_BUNDLE_ROOT === 'string' ? LSB_BUNDLE_ROOT : '../', import.meta.url);

/** The absolute path of a file or folder of the package, e.g. `packagePath('templates/')`. */
export function packagePath(relative: string): string {
  return fileURLToPath(new URL(relative, ROOT_URL));
}
