/**
 * `--layout`: what of a package is written. `package` (the default) is the npm package: package.json,
 * tsconfig.json, README.md and src/. `sources` is only src/'s TypeScript, at the root of the output folder,
 * for an app that keeps generated code in its own source tree and compiles it with its own tsconfig and
 * bundler (as openapi-typescript and hey-api users do). Imports between the files are relative, so they
 * resolve the same way there.
 */
import { PROVENANCE_FILE } from './provenance.js';
import type { RenderedFile } from './render-package.js';

export type Layout = 'package' | 'sources';

const SOURCES = 'src/';

/**
 * The files a layout writes, from a package's files. Sources keep the provenance file (which generator and
 * command made them); no package.json, tsconfig.json, README.md or CHANGELOG.md: those are the app's.
 */
export function layoutFiles(files: readonly RenderedFile[], layout: Layout): readonly RenderedFile[] {
  if (layout === 'package') return files;
  return files
    .filter((file) => file.path.startsWith(SOURCES) || file.path === PROVENANCE_FILE)
    .map((file) =>
      file.path.startsWith(SOURCES) ? { path: file.path.slice(SOURCES.length), contents: file.contents } : file,
    )
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * What verify type-checks for the sources layout: the same files as a package, checked with the package's
 * tsconfig.json (its strictest settings) and package.json (NodeNext reads its "type"), which are not written.
 */
export function typeCheckFiles(files: readonly RenderedFile[]): readonly RenderedFile[] {
  return files.filter(
    (file) => file.path.startsWith(SOURCES) || file.path === 'tsconfig.json' || file.path === 'package.json',
  );
}
